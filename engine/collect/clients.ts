/**
 * The default SDK clients: the SDK's standard configuration (AWS_REGION, the
 * profile, AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE>, which the SDK v3
 * reads itself), adaptive retries, and a timeout on every connection and request.
 */
import { Agent } from 'node:https';
import { STSClient } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { AwsClient, ClientFactory } from './caller.js';
import { CLIENT_CLASSES, type ServiceName } from './permissions.js';

/** Attempts per call when neither AWS_MAX_ATTEMPTS nor the caller says: Config throttles busy accounts hard. */
export const DEFAULT_MAX_ATTEMPTS = 6;
const CONNECTION_TIMEOUT_MS = 5_000;

type CredentialProvider = ReturnType<typeof fromIni>;
type Credentials = Awaited<ReturnType<CredentialProvider>>;

/**
 * One credential resolution shared by every client, renewed five minutes
 * before it expires: without it each of ~40 clients would assume the
 * profile's role (or hit the SSO cache) on its own.
 */
function shareCredentials(provider: CredentialProvider): () => Promise<Credentials> {
  let current: Promise<Credentials> | undefined;
  return async () => {
    current ??= provider();
    try {
      const credentials = await current;
      const expiresSoon = credentials.expiration && credentials.expiration.getTime() - Date.now() < 5 * 60_000;
      if (expiresSoon) {
        current = provider();
        return await current;
      }
      return credentials;
    } catch (error) {
      current = undefined;
      throw error;
    }
  };
}

/** Whether the environment points S3 at a custom endpoint (LocalStack, MinIO, a VPC endpoint alias). */
const customS3Endpoint = (env: NodeJS.ProcessEnv): boolean => Boolean(env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL);

export interface DefaultClientOptions {
  profile?: string | undefined;
  callTimeoutMs: number;
  concurrency: number;
  env?: NodeJS.ProcessEnv;
}

/**
 * The factory the CLI uses: one client per service and region, configured as
 * the SDK's standard configuration says, with adaptive retries.
 *
 * @example
 * const factory = defaultClientFactory({ profile: 'audit', callTimeoutMs: 30_000, concurrency: 8 });
 * const iam = factory('iam', 'us-east-1');
 */
export function defaultClientFactory(options: DefaultClientOptions): ClientFactory & { destroyAll(): void } {
  const env = options.env ?? process.env;
  const credentials = shareCredentials(
    options.profile ? fromIni({ profile: options.profile }) : fromNodeProviderChain(),
  );
  const created: AwsClient[] = [];
  const factory = (service: ServiceName, region: string): AwsClient => {
    const config = {
      region,
      credentials,
      ...(options.profile ? { profile: options.profile } : {}),
      retryMode: 'adaptive',
      // The SDK reads AWS_MAX_ATTEMPTS itself; only an unset variable gets the collector's default.
      ...(env.AWS_MAX_ATTEMPTS ? {} : { maxAttempts: DEFAULT_MAX_ATTEMPTS }),
      requestHandler: new NodeHttpHandler({
        connectionTimeout: CONNECTION_TIMEOUT_MS,
        requestTimeout: options.callTimeoutMs,
        httpsAgent: new Agent({ keepAlive: true, maxSockets: Math.max(options.concurrency, 8) }),
      }),
      // A custom endpoint rarely has a wildcard certificate or DNS for <bucket>.<host>.
      ...(service === 's3' && customS3Endpoint(env) ? { forcePathStyle: true } : {}),
    };
    const client = new CLIENT_CLASSES[service](config);
    created.push(client);
    return client;
  };
  return Object.assign(factory, {
    destroyAll: () => {
      for (const client of created.splice(0)) client.destroy();
    },
  });
}

/**
 * The region the SDK's standard configuration names (AWS_REGION, then the
 * profile's `region`), or undefined when none does.
 *
 * @example
 * await configuredRegion('audit') // 'eu-west-1'
 */
export async function configuredRegion(profile?: string): Promise<string | undefined> {
  const client = new STSClient(profile ? { profile } : {});
  try {
    return await client.config.region();
  } catch {
    return undefined;
  } finally {
    client.destroy();
  }
}
