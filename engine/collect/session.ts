/**
 * Starting a collection: the home region (the SDK's configured region), the
 * clients, who the caller is (STS), and which regions to read. Anything that
 * prevents a start is a CollectorSetupError with one clear sentence.
 */
import { DescribeRegionsCommand } from '@aws-sdk/client-ec2';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { AuditorError } from '../errors.js';
import { AwsCaller, type ClientFactory, CollectorCallError } from './caller.js';
import { configuredRegion, defaultClientFactory } from './clients.js';

/** The collection could not start: no region, no credentials, or no answer to "who am I". */
export class CollectorSetupError extends AuditorError {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CollectorSetupError';
  }
}

/** Codes by which AWS says the credentials are missing, wrong or expired. */
const CREDENTIAL_CODES = new Set([
  'CredentialsProviderError',
  'ExpiredToken',
  'ExpiredTokenException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'UnrecognizedClientException',
  'TokenProviderError',
]);

export interface SessionOptions {
  regions?: readonly string[] | 'all';
  profile?: string;
  concurrency?: number;
  callTimeoutMs?: number;
  signal?: AbortSignal;
  clientFactory?: ClientFactory;
}

export interface Session {
  caller: AwsCaller;
  homeRegion: string;
  regions: string[];
  accountId: string;
  partition: string;
  identityArn: string;
  close(): void;
}

/**
 * Opens a session: clients, identity and regions; throws CollectorSetupError when it cannot.
 *
 * @example
 * const session = await openSession({ regions: ['eu-west-1'] });
 * session.close();
 */
export async function openSession(options: SessionOptions): Promise<Session> {
  const explicit = Array.isArray(options.regions) ? [...new Set(options.regions)] : [];
  if (Array.isArray(options.regions) && explicit.length === 0)
    throw new CollectorSetupError('no region to collect: the region list is empty');
  const homeRegion = (await configuredRegion(options.profile)) ?? explicit[0];
  if (!homeRegion) {
    throw new CollectorSetupError(
      'no AWS region configured: set AWS_REGION, give the profile a region, or pass --regions',
    );
  }
  const concurrency = options.concurrency ?? 8;
  const callTimeoutMs = options.callTimeoutMs ?? 30_000;
  const owned = options.clientFactory
    ? null
    : defaultClientFactory({ profile: options.profile, callTimeoutMs, concurrency });
  const factory = options.clientFactory ?? (owned as ClientFactory);
  const caller = new AwsCaller(factory, { concurrency, callTimeoutMs, signal: options.signal });
  const close = () => owned?.destroyAll();
  try {
    let identity: { Account?: string | undefined; Arn?: string | undefined };
    try {
      identity = await caller.send(homeRegion, new GetCallerIdentityCommand({}));
    } catch (error) {
      if (!(error instanceof CollectorCallError)) throw error;
      const { code, message } = error.record;
      if (CREDENTIAL_CODES.has(code)) {
        throw new CollectorSetupError(
          `AWS credentials are missing or expired (${code}: ${message}); set AWS_PROFILE or pass --profile, or renew the session (aws sso login)`,
          { cause: error },
        );
      }
      throw new CollectorSetupError(
        `could not identify the AWS account with STS GetCallerIdentity (${code}: ${message})`,
        { cause: error },
      );
    }
    const accountId = identity.Account ?? '';
    if (!/^\d{12}$/.test(accountId))
      throw new CollectorSetupError(`STS GetCallerIdentity returned no account id (${accountId || 'none'})`);
    const identityArn = identity.Arn ?? '';
    const regions =
      options.regions === 'all'
        ? await enabledRegions(caller, homeRegion)
        : explicit.length > 0
          ? explicit
          : [homeRegion];
    return {
      caller,
      homeRegion,
      regions,
      accountId,
      partition: identityArn.split(':')[1] || 'aws',
      identityArn,
      close,
    };
  } catch (error) {
    close();
    throw error;
  }
}

/** The account's enabled regions (opt-in regions only once opted in); the home region alone if EC2 cannot say. */
async function enabledRegions(caller: AwsCaller, homeRegion: string): Promise<string[]> {
  const listed = await caller.fact(
    async () => (await caller.send(homeRegion, new DescribeRegionsCommand({ AllRegions: false }))).Regions ?? [],
  );
  const names = (listed ?? [])
    .filter((region) => region.OptInStatus !== 'not-opted-in')
    .map((region) => region.RegionName)
    .filter((name): name is string => typeof name === 'string');
  return names.length > 0 ? names.sort() : [homeRegion];
}
