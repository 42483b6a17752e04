/**
 * The one function every AWS call goes through: `AwsCaller.send`. It looks the
 * command up in the permission table (refusing any other), holds a slot of a
 * concurrency limit shared by all calls, bounds each attempt with a timeout,
 * retries with the client's own SDK retry strategy (adaptive in the default
 * clients), counts the calls, and turns any failure into a CollectorCallError
 * that carries the collection-error record (with the IAM action on AccessDenied).
 *
 * Retries happen here rather than in the SDK's retry middleware, which the
 * caller removes from each client it uses: one retry loop, the same in
 * production and under aws-sdk-client-mock (which replaces `send`, and with it
 * every middleware), and never attempts multiplied by two nested loops.
 */
import { AuditorError } from '../errors.js';
import type { CollectionError } from '../normalize/account-facts.js';
import { type CallSpec, callSpecFor, type ServiceClients, type ServiceName } from './permissions.js';

export type AwsClient = ServiceClients[ServiceName];

/**
 * Creates the client of a service in a region; the caller asks once per pair
 * and caches the answer. Tests and the Lambdas inject one. The caller removes
 * the SDK retry middleware from the clients it is given (see the module doc),
 * so hand it clients made for the collection.
 */
export type ClientFactory = (service: ServiceName, region: string) => AwsClient;

/** What `send` needs of an SDK v3 command; the output type is inferred from its handler. */
export interface AwsCommand<O> {
  readonly input: object;
  resolveMiddleware(stack: never, configuration: never, options: never): (args: never) => Promise<{ output: O }>;
}

type RetryErrorType = 'THROTTLING' | 'TRANSIENT' | 'SERVER_ERROR' | 'CLIENT_ERROR';
interface RetryToken {
  getRetryCount(): number;
  getRetryDelay(): number;
}
/** The SDK's RetryStrategyV2, as the retry middleware drives it. */
interface RetryStrategy {
  acquireInitialRetryToken(scope: string): Promise<RetryToken>;
  refreshRetryTokenForRetry(token: RetryToken, errorInfo: { errorType: RetryErrorType; error?: Error }): Promise<RetryToken>;
  recordSuccess(token: RetryToken): void;
}
/** The part of every SDK v3 client the caller uses. */
interface SendingClient {
  send(command: object, options: { abortSignal: AbortSignal }): Promise<unknown>;
  config: { retryStrategy?: () => Promise<unknown> };
  middlewareStack: { remove(name: string): boolean };
}

const THROTTLING_CODES = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'LimitExceededException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
]);
const TRANSIENT_CODES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
/** Codes that mean the caller lacks the IAM permission (service spellings vary). */
const ACCESS_DENIED_CODES = new Set([
  'AccessDenied',
  'AccessDeniedException',
  'AuthorizationError',
  'AuthorizationErrorException',
  'Forbidden',
  'UnauthorizedAccess',
  'UnauthorizedException',
  'UnauthorizedOperation',
]);

interface ErrorShape {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number };
  $retryable?: { throttling?: boolean };
}
const shapeOf = (error: unknown): ErrorShape => (error !== null && typeof error === 'object' ? (error as ErrorShape) : {});

/**
 * The error code of an SDK or network error: the SDK puts the service's code
 * in `name`; Node network errors keep theirs in `code`.
 *
 * @example
 * errorCode(new Error('x')) // 'Error'
 */
export function errorCode(error: unknown): string {
  const shape = shapeOf(error);
  if (typeof shape.code === 'string' && (shape.name === 'Error' || shape.name === undefined)) return shape.code;
  if (typeof shape.name === 'string' && shape.name.length > 0) return shape.name;
  return 'UnknownError';
}

/** How the SDK's retry middleware classifies an error, reproduced for the caller's own retry loop. */
function retryErrorType(error: unknown): RetryErrorType {
  const shape = shapeOf(error);
  const code = errorCode(error);
  const status = shape.$metadata?.httpStatusCode ?? 0;
  if (status === 429 || THROTTLING_CODES.has(code) || shape.$retryable?.throttling === true) return 'THROTTLING';
  if (shape.$retryable !== undefined || TRANSIENT_CODES.has(code) || [500, 502, 503, 504].includes(status)) {
    return 'TRANSIENT';
  }
  return status >= 500 ? 'SERVER_ERROR' : 'CLIENT_ERROR';
}

/** A failed call, with its collection-error record. */
export class CollectorCallError extends AuditorError {
  readonly record: CollectionError;
  constructor(record: CollectionError, options?: ErrorOptions) {
    super(`${record.service} ${record.operation}${record.region ? ` in ${record.region}` : ''}: ${record.code}: ${record.message}`, options);
    this.name = 'CollectorCallError';
    this.record = record;
  }
  get code(): string {
    return this.record.code;
  }
}

/** Collection errors, one entry per service, operation, region and code: a denied action is named once, with a count. */
export class CollectionErrorLog {
  private readonly entries = new Map<string, { record: CollectionError; count: number }>();

  add(record: CollectionError): void {
    const key = [record.service, record.operation, record.region ?? '', record.code].join('|');
    const entry = this.entries.get(key);
    if (entry) entry.count++;
    else this.entries.set(key, { record, count: 1 });
  }

  list(): CollectionError[] {
    return [...this.entries.values()].map(({ record, count }) =>
      count > 1 ? { ...record, message: `${record.message} (${count} calls failed alike)` } : record,
    );
  }
}

/** A counting semaphore that hands a released slot straight to the next waiter, so the limit holds. */
export class Semaphore {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async acquire(): Promise<() => void> {
    if (this.active < this.limit) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    };
  }
}

/** Waits `ms`, or less when `signal` aborts; never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Settles with `promise`, or rejects as soon as `signal` aborts (a handler may not honour the signal). */
function raceAbort<T>(promise: Promise<T>, signal: AbortSignal, timeoutMs: number): Promise<T> {
  let cleanup = () => {};
  const aborted = new Promise<never>((_, reject) => {
    const onAbort = () => {
      const timedOut = (signal.reason as { name?: string } | undefined)?.name === 'TimeoutError';
      reject(
        Object.assign(new Error(timedOut ? `no answer within ${timeoutMs} ms` : 'collection stopped'), {
          name: timedOut ? 'TimeoutError' : 'AbortError',
        }),
      );
    };
    if (signal.aborted) onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    cleanup = () => signal.removeEventListener('abort', onAbort);
  });
  return Promise.race([promise, aborted]).finally(cleanup);
}

const isRetryStrategy = (value: unknown): value is RetryStrategy =>
  value !== null &&
  typeof value === 'object' &&
  typeof (value as Partial<RetryStrategy>).acquireInitialRetryToken === 'function' &&
  typeof (value as Partial<RetryStrategy>).refreshRetryTokenForRetry === 'function' &&
  typeof (value as Partial<RetryStrategy>).recordSuccess === 'function';

export interface CallerOptions {
  concurrency: number;
  callTimeoutMs: number;
  signal?: AbortSignal | undefined;
}

export class AwsCaller {
  /** Attempts sent, retries included. */
  calls = 0;
  configCalls = 0;
  readonly callsByOperation = new Map<string, number>();
  readonly errors = new CollectionErrorLog();
  private readonly clients = new Map<string, { client: SendingClient; strategy: Promise<RetryStrategy | null> }>();
  private readonly semaphore: Semaphore;

  constructor(
    private readonly factory: ClientFactory,
    private readonly options: CallerOptions,
  ) {
    this.semaphore = new Semaphore(Math.max(1, options.concurrency));
  }

  get signal(): AbortSignal | undefined {
    return this.options.signal;
  }

  get aborted(): boolean {
    return this.options.signal?.aborted === true;
  }

  /**
   * Sends one command in one region, with retries; throws CollectorCallError on failure.
   *
   * @example
   * const { SummaryMap } = await caller.send('us-east-1', new GetAccountSummaryCommand({}));
   */
  async send<O>(region: string, command: AwsCommand<O>): Promise<O> {
    const spec = callSpecFor(command);
    const { client, strategy: strategyPromise } = this.clientFor(spec.service, region);
    const strategy = await strategyPromise;
    let token = strategy ? await strategy.acquireInitialRetryToken(`${spec.service}:${region}`) : null;
    for (;;) {
      try {
        const output = await this.attempt(client, spec, command);
        if (strategy && token) strategy.recordSuccess(token);
        // The table guarantees the command belongs to this client, so the output is the command's.
        return output as O;
      } catch (error) {
        if (this.aborted || !strategy || !token) throw this.failure(spec, region, error);
        try {
          token = await strategy.refreshRetryTokenForRetry(token, {
            errorType: retryErrorType(error),
            ...(error instanceof Error ? { error } : {}),
          });
        } catch {
          throw this.failure(spec, region, error);
        }
        // The SDK's strategies sleep inside refresh; a custom one may ask the caller to.
        if (token.getRetryDelay() > 0) await sleep(token.getRetryDelay(), this.options.signal);
      }
    }
  }

  /**
   * Runs the calls behind one fact: a failed call is recorded and the fact
   * left undefined (absent: "not collected"), never thrown.
   *
   * @example
   * facts.ebsEncryptionByDefault = await caller.fact(async () => (await caller.send(region, command)).EbsEncryptionByDefault);
   */
  async fact<T>(work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      this.record(error);
      return undefined;
    }
  }

  /** Records a CollectorCallError; anything else is a bug and is rethrown. */
  record(error: unknown): void {
    if (error instanceof CollectorCallError) this.errors.add(error.record);
    else throw error;
  }

  private clientFor(service: ServiceName, region: string) {
    const key = `${service}:${region}`;
    let entry = this.clients.get(key);
    if (!entry) {
      // Every SDK v3 client has this shape; the structural view keeps `send` free of 10 overload sets.
      const client = this.factory(service, region) as unknown as SendingClient;
      const strategy = (client.config.retryStrategy ? client.config.retryStrategy() : Promise.resolve(null))
        .then((value) => {
          // Only a strategy the caller can drive replaces the middleware; a legacy one keeps its own loop.
          if (!isRetryStrategy(value)) return null;
          client.middlewareStack.remove('retryMiddleware');
          return value;
        })
        .catch(() => null);
      entry = { client, strategy };
      this.clients.set(key, entry);
    }
    return entry;
  }

  private async attempt(client: SendingClient, spec: CallSpec, command: object): Promise<unknown> {
    const release = await this.semaphore.acquire();
    try {
      if (this.aborted) throw Object.assign(new Error('collection stopped before this call'), { name: 'AbortError' });
      this.calls++;
      if (spec.service === 'config') this.configCalls++;
      this.callsByOperation.set(spec.operation, (this.callsByOperation.get(spec.operation) ?? 0) + 1);
      const timeout = AbortSignal.timeout(this.options.callTimeoutMs);
      const abortSignal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
      return await raceAbort(client.send(command, { abortSignal }), abortSignal, this.options.callTimeoutMs);
    } finally {
      release();
    }
  }

  private failure(spec: CallSpec, region: string, error: unknown): CollectorCallError {
    const code = this.aborted ? 'Aborted' : errorCode(error);
    const raw = shapeOf(error).message;
    const message = (typeof raw === 'string' && raw.trim() ? raw : code).replace(/\s+/g, ' ').slice(0, 500);
    const record: CollectionError = { service: spec.service, operation: spec.operation, region, code, message };
    if (ACCESS_DENIED_CODES.has(code)) record.permission = spec.iamAction;
    return new CollectorCallError(record, { cause: error });
  }
}
