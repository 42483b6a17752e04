/**
 * A fully mocked AWS account for the collector tests: one SDK client per
 * service and region, each stubbed with aws-sdk-client-mock, answering every
 * command of the permission table from per-operation handlers. Responses
 * follow the shapes the AWS API references document (SDK v3 form: dates as
 * Date, blobs as Uint8Array, errors as the SDK's exception classes).
 */
import { ConfigServiceServiceException } from '@aws-sdk/client-config-service';
import { DynamoDBServiceException } from '@aws-sdk/client-dynamodb';
import { CredentialReportNotReadyException, IAMServiceException, NoSuchEntityException } from '@aws-sdk/client-iam';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { S3ControlServiceException } from '@aws-sdk/client-s3-control';
import { InvalidAccessException } from '@aws-sdk/client-securityhub';
import type { STSClient } from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import type { AwsClient, ClientFactory } from '../../engine/collect/caller.js';
import { CLIENT_CLASSES, type CallSpec, collectorCalls, type ServiceName } from '../../engine/collect/permissions.js';

export const ACCOUNT = '111122223333';
export const PARTITION_ARN = `arn:aws:iam::${ACCOUNT}`;

type Input = Record<string, unknown>;
export type Handler = (input: Input, region: string) => unknown;

/** The part of aws-sdk-client-mock's stub the account uses, free of the per-client generics. */
interface Stub {
  on(command: unknown): {
    callsFake(fake: (input: Input, getClient: () => { config: { region(): Promise<string> } }) => unknown): unknown;
  };
  commandCalls(command: unknown): unknown[];
  calls(): { args: unknown[] }[];
  restore(): void;
}

/** An error as the SDK raises it: the service's exception class, its code in `name`. */
export function awsError(service: ServiceName, name: string, message: string, status = 400): Error {
  const options = {
    name,
    $fault: status >= 500 ? ('server' as const) : ('client' as const),
    $metadata: { httpStatusCode: status },
    message,
  };
  switch (service) {
    case 'iam':
      return new IAMServiceException(options);
    case 's3':
      return new S3ServiceException(options);
    case 's3control':
      return new S3ControlServiceException(options);
    case 'dynamodb':
      return new DynamoDBServiceException(options);
    default:
      return new ConfigServiceServiceException(options);
  }
}
export const accessDenied = (service: ServiceName, action: string) =>
  awsError(
    service,
    service === 's3' ? 'AccessDenied' : 'AccessDeniedException',
    `User: arn:aws:sts::${ACCOUNT}:assumed-role/auditor/run is not authorized to perform: ${action}`,
    403,
  );
export const noSuchEntity = () =>
  new NoSuchEntityException({
    message: 'The Password Policy with domain name 111122223333 cannot be found.',
    $metadata: { httpStatusCode: 404 },
  });
export const reportInProgress = () =>
  new CredentialReportNotReadyException({ message: 'Report is being generated', $metadata: { httpStatusCode: 404 } });
export const notSubscribed = () =>
  new InvalidAccessException({
    message: `Account ${ACCOUNT} is not subscribed to AWS Security Hub`,
    $metadata: { httpStatusCode: 401 },
  });

/** A retry strategy with 1 ms pauses, the SDK's RetryStrategyV2 contract: keeps retry tests fast. */
export function fastRetryStrategy(maxAttempts = 3) {
  const token = (count: number) => ({ getRetryCount: () => count, getRetryDelay: () => 1 });
  return {
    mode: 'standard',
    acquireInitialRetryToken: async () => token(0),
    refreshRetryTokenForRetry: async (previous: { getRetryCount(): number }, info: { errorType: string }) => {
      const next = previous.getRetryCount() + 1;
      if (next >= maxAttempts || (info.errorType !== 'THROTTLING' && info.errorType !== 'TRANSIENT'))
        throw new Error('no retry');
      return token(next);
    },
    recordSuccess: () => {},
  };
}

/**
 * The account: `on(operation, handler)` sets what an operation answers; a
 * handler may throw an SDK error. Unset operations fail loudly.
 */
export class MockAccount {
  readonly handlers = new Map<string, Handler>();
  readonly stubs: { service: ServiceName; region: string; stub: Stub }[] = [];
  /** Simulated network latency per call (the bench uses 50 ms). */
  latencyMs = 0;
  private readonly clients = new Map<string, AwsClient>();

  readonly factory: ClientFactory = (service, region) => {
    const key = `${service}:${region}`;
    let client = this.clients.get(key);
    if (!client) {
      client = new CLIENT_CLASSES[service]({
        region,
        credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'test-secret' },
        retryStrategy: fastRetryStrategy(),
      });
      // mockClient is typed per client class; the ten clients share one shape, so one view serves all.
      const stub = mockClient(client as unknown as STSClient) as unknown as Stub;
      for (const call of collectorCalls().filter((entry) => entry.service === service)) {
        stub.on(call.command).callsFake((input) => this.dispatch(call, region, input));
      }
      this.stubs.push({ service, region, stub });
      this.clients.set(key, client);
    }
    return client;
  };

  /**
   * Stubs every client class's prototype, so clients the code under test
   * builds itself (the CLI's default factory) answer from this account too.
   */
  mockPrototypes(): this {
    for (const service of Object.keys(CLIENT_CLASSES) as ServiceName[]) {
      const stub = mockClient(CLIENT_CLASSES[service] as unknown as typeof STSClient) as unknown as Stub;
      for (const call of collectorCalls().filter((entry) => entry.service === service)) {
        stub
          .on(call.command)
          .callsFake(async (input, getClient) => this.dispatch(call, await getClient().config.region(), input));
      }
      this.stubs.push({ service, region: '*', stub });
    }
    return this;
  }

  /** Sets the answer of `Operation`, or of `service:Operation` where two services share a name. */
  on(operation: string, handler: Handler): this {
    this.handlers.set(operation, handler);
    return this;
  }

  /** Fails `times` times with `error`, then answers as before. */
  failFirst(operation: string, times: number, error: () => Error): this {
    const previous = this.handlers.get(operation);
    let left = times;
    return this.on(operation, (input, region) => {
      if (left > 0) {
        left--;
        throw error();
      }
      if (!previous) throw new Error(`no handler for ${operation}`);
      return previous(input, region);
    });
  }

  /** Calls of one operation (`Operation` or `service:Operation`), from every stub's `commandCalls`. */
  callCount(operation: string, region?: string): number {
    const call = collectorCalls().find(
      (entry) => entry.operation === operation || `${entry.service}:${entry.operation}` === operation,
    );
    if (!call) throw new Error(`unknown operation ${operation}`);
    return this.stubs
      .filter((entry) => entry.service === call.service && (region === undefined || entry.region === region))
      .reduce((sum, entry) => sum + entry.stub.commandCalls(call.command as never).length, 0);
  }

  /** `service:Operation` of every command sent. */
  operationsSent(): Set<string> {
    const sent = new Set<string>();
    for (const { service, stub } of this.stubs) {
      for (const call of stub.calls()) {
        const command = call.args[0] as object;
        const spec = collectorCalls().find((entry) => entry.command === command.constructor);
        sent.add(spec ? `${spec.service}:${spec.operation}` : `${service}:?${command.constructor.name}`);
      }
    }
    return sent;
  }

  totalCalls(): number {
    return this.stubs.reduce((sum, entry) => sum + entry.stub.calls().length, 0);
  }

  restore(): void {
    for (const { stub } of this.stubs) stub.restore();
  }

  private async dispatch(call: CallSpec, region: string, input: Input): Promise<unknown> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const handler = this.handlers.get(`${call.service}:${call.operation}`) ?? this.handlers.get(call.operation);
    if (!handler) throw new Error(`the mock account has no answer for ${call.service}:${call.operation} in ${region}`);
    return { $metadata: { httpStatusCode: 200 }, ...((await handler(input, region)) as object) };
  }
}
