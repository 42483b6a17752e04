/**
 * The one function every AWS call goes through: `AwsCaller.send`. It looks the
 * command up in the permission table (refusing any other), holds a slot of a
 * concurrency limit shared by all calls, bounds each attempt with a timeout,
 * retries with the client's own SDK retry strategy (adaptive in the default
 * clients), counts the calls, and turns any failure into a CollectorCallError
 * that carries the collection-error record (with the IAM action on AccessDenied).
 *
 * Retries happen here rather than in the SDK's retry middleware, which the
 * caller replaces with a pass-through in each client it uses: one retry loop,
 * the same in production and under aws-sdk-client-mock (which replaces `send`,
 * and with it every middleware), and never attempts multiplied by two nested
 * loops. The pass-through keeps the middleware's name, which the signing
 * middleware is placed relative to.
 */
import type { CollectionError } from '../normalize/account-facts.js';
import {
  CollectionErrorLog,
  CollectorCallError,
  errorCode,
  errorMessage,
  isAccessDenied,
  type RetryErrorType,
  retryErrorType,
} from './call-errors.js';
import { type CallSpec, callSpecFor, type ServiceClients, type ServiceName } from './permissions.js';

export { CollectionErrorLog, CollectorCallError, errorCode } from './call-errors.js';

export type AwsClient = ServiceClients[ServiceName];

/**
 * Creates the client of a service in a region; the caller asks once per pair
 * and caches the answer. Tests and the Lambdas inject one. The caller takes
 * over the retries of the clients it is given (see the module doc), so hand
 * it clients made for the collection.
 */
export type ClientFactory = (service: ServiceName, region: string) => AwsClient;

/** What `send` needs of an SDK v3 command; the output type is inferred from its handler. */
export interface AwsCommand<O> {
  readonly input: object;
  resolveMiddleware(stack: never, configuration: never, options: never): (args: never) => Promise<{ output: O }>;
}

interface RetryToken {
  getRetryCount(): number;
  getRetryDelay(): number;
}
/** The SDK's RetryStrategyV2, as the retry middleware drives it. */
interface RetryStrategy {
  acquireInitialRetryToken(scope: string): Promise<RetryToken>;
  refreshRetryTokenForRetry(
    token: RetryToken,
    errorInfo: { errorType: RetryErrorType; error?: Error },
  ): Promise<RetryToken>;
  recordSuccess(token: RetryToken): void;
}
/** The part of every SDK v3 client the caller uses. */
interface SendingClient {
  send(command: object, options: { abortSignal: AbortSignal }): Promise<unknown>;
  config: { retryStrategy?: () => Promise<unknown> };
  middlewareStack: {
    add(
      middleware: (next: (args: unknown) => Promise<unknown>) => (args: unknown) => Promise<unknown>,
      options: { name: string; step: 'finalizeRequest'; priority: 'high'; tags: string[]; override: true },
    ): void;
  };
}

/** Stands in for the SDK's retry middleware: same name and place, no retries of its own. */
const passThrough = (next: (args: unknown) => Promise<unknown>) => (args: unknown) => next(args);
const RETRY_MIDDLEWARE = {
  name: 'retryMiddleware',
  step: 'finalizeRequest',
  priority: 'high',
  tags: ['RETRY'],
  override: true,
} as const;

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

/**
 * Waits `ms`, or less when `signal` aborts; never rejects.
 *
 * @example
 * await sleep(200, caller.signal);
 */
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

/**
 * Sends every call of one collection: one client per service and region, one
 * concurrency limit, one error log. Counts attempts (retries included).
 */
export class AwsCaller {
  /** Attempts sent, retries included. */
  calls = 0;
  configCalls = 0;
  /** Attempts by `service:Operation`. */
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
          client.middlewareStack.add(passThrough, { ...RETRY_MIDDLEWARE, tags: [...RETRY_MIDDLEWARE.tags] });
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
      const key = `${spec.service}:${spec.operation}`;
      this.callsByOperation.set(key, (this.callsByOperation.get(key) ?? 0) + 1);
      const timeout = AbortSignal.timeout(this.options.callTimeoutMs);
      const abortSignal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
      return await raceAbort(client.send(command, { abortSignal }), abortSignal, this.options.callTimeoutMs);
    } finally {
      release();
    }
  }

  private failure(spec: CallSpec, region: string, error: unknown): CollectorCallError {
    const code = this.aborted ? 'Aborted' : errorCode(error);
    const record: CollectionError = {
      service: spec.service,
      operation: spec.operation,
      region,
      code,
      message: errorMessage(error, code),
    };
    if (isAccessDenied(code)) record.permission = spec.iamAction;
    return new CollectorCallError(record, { cause: error });
  }
}
