/**
 * S3 buckets where AWS Config does not record them: read through the S3 API
 * and written as the configuration item Config would have recorded, in its
 * API (BatchGet) shape: `configuration` and every supplementary value as JSON
 * strings, the ACL double-encoded, keys in Config's camelCase. This is Cloud
 * Custodian's ConfigS3 mapping (Config item → S3 API) run in reverse.
 */
import {
  type GetBucketAclCommandOutput,
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketLoggingCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetBucketVersioningCommand,
  GetObjectLockConfigurationCommand,
  GetPublicAccessBlockCommand,
  type Grantee,
  ListBucketsCommand,
  type Owner,
} from '@aws-sdk/client-s3';
import { type AwsCaller, type AwsCommand, CollectorCallError } from './caller.js';
import type { InventoryWriter } from './inventory-writer.js';

/** Errors by which S3 says a bucket has no such configuration (wire codes; the SDK keeps them as names). */
const NONE_CODES = new Set([
  'NoSuchBucketPolicy',
  'NoSuchPublicAccessBlockConfiguration',
  'ServerSideEncryptionConfigurationNotFoundError',
  'NoSuchTagSet',
  'ObjectLockConfigurationNotFoundError',
]);
/** The bucket was deleted between ListBuckets and the read. */
const GONE_CODES = new Set(['NoSuchBucket']);

type Read<T> = { state: 'value'; value: T } | { state: 'none' } | { state: 'failed' } | { state: 'gone' };

async function read<T>(caller: AwsCaller, work: () => Promise<T>): Promise<Read<T>> {
  try {
    return { state: 'value', value: await work() };
  } catch (error) {
    if (error instanceof CollectorCallError && NONE_CODES.has(error.code)) return { state: 'none' };
    if (error instanceof CollectorCallError && GONE_CODES.has(error.code)) return { state: 'gone' };
    caller.record(error);
    return { state: 'failed' };
  }
}

/**
 * GetBucketLocation's answer as a region: empty for us-east-1, and the legacy `EU` for eu-west-1.
 *
 * @example
 * regionOfLocation('EU') // 'eu-west-1'
 */
export const regionOfLocation = (constraint: string | null | undefined): string =>
  !constraint ? 'us-east-1' : constraint === 'EU' ? 'eu-west-1' : constraint;

/** Config writes S3's permission enum in PascalCase. */
const PERMISSIONS: Record<string, string> = {
  FULL_CONTROL: 'FullControl',
  READ: 'Read',
  WRITE: 'Write',
  READ_ACP: 'ReadAcp',
  WRITE_ACP: 'WriteAcp',
};

/** Config names a group grantee by the SDK enum (`AllUsers`), a person by canonical id. */
function configGrantee(grantee: Grantee | undefined): unknown {
  if (grantee?.Type === 'Group' && grantee.URI) return grantee.URI.split('/').pop();
  if (grantee?.Type === 'AmazonCustomerByEmail')
    return { identifier: grantee.EmailAddress ?? null, typeIdentifier: 'emailAddress' };
  return { id: grantee?.ID ?? null, displayName: grantee?.DisplayName ?? null };
}

function configAcl(acl: GetBucketAclCommandOutput) {
  return {
    grantSet: null,
    grantList: (acl.Grants ?? []).map((grant) => ({
      grantee: configGrantee(grant.Grantee),
      permission: PERMISSIONS[grant.Permission ?? ''] ?? grant.Permission ?? null,
    })),
    owner: { displayName: acl.Owner?.DisplayName ?? null, id: acl.Owner?.ID ?? null },
    isRequesterCharged: false,
  };
}

/** Supplementary keys Config records for every bucket; their presence tells a reader the item is complete. */
const ALWAYS_RECORDED = [
  'AccessControlList',
  'BucketPolicy',
  'BucketVersioningConfiguration',
  'BucketLoggingConfiguration',
];

interface FallbackOptions {
  caller: AwsCaller;
  writer: InventoryWriter;
  accountId: string;
  partition: string;
  homeRegion: string;
  /** Regions whose buckets come from the S3 API. */
  regions: ReadonlySet<string>;
  capturedAt: string;
}

/**
 * Lists the account's buckets and writes a configuration item for each one in `regions`.
 *
 * @example
 * const written = await collectBucketsThroughS3Api({ caller, writer, accountId, homeRegion, regions, capturedAt });
 */
export async function collectBucketsThroughS3Api(options: FallbackOptions): Promise<number> {
  const { caller, homeRegion } = options;
  const listed = await caller.fact(async () => {
    const buckets: { name: string; created: Date | undefined; region: string | undefined }[] = [];
    let owner: Owner | undefined;
    let token: string | undefined;
    do {
      const page = await caller.send(
        homeRegion,
        new ListBucketsCommand({ MaxBuckets: 1000, ...(token ? { ContinuationToken: token } : {}) }),
      );
      owner ??= page.Owner;
      for (const bucket of page.Buckets ?? []) {
        if (bucket.Name) buckets.push({ name: bucket.Name, created: bucket.CreationDate, region: bucket.BucketRegion });
      }
      token = page.ContinuationToken || undefined;
    } while (token);
    return { buckets, owner };
  });
  if (!listed) return 0;
  let written = 0;
  await Promise.all(
    listed.buckets.map(async (bucket) => {
      // S3-compatible endpoints (and older S3 APIs) omit BucketRegion.
      const location = bucket.region
        ? { state: 'value' as const, value: bucket.region }
        : await read(caller, async () =>
            regionOfLocation(
              (await caller.send(homeRegion, new GetBucketLocationCommand({ Bucket: bucket.name }))).LocationConstraint,
            ),
          );
      if (location.state !== 'value' || !options.regions.has(location.value)) return;
      const item = await describeBucket(options, bucket.name, location.value, bucket.created, listed.owner);
      if (item) {
        await options.writer.writeItem(item);
        written++;
      }
    }),
  );
  return written;
}

async function describeBucket(
  options: FallbackOptions,
  name: string,
  region: string,
  created: Date | undefined,
  owner: Owner | undefined,
): Promise<Record<string, unknown> | null> {
  const { caller } = options;
  const send = <O>(command: AwsCommand<O>) => caller.send(region, command);
  const Bucket = name;
  const [policy, block, acl, encryption, versioning, logging, tagging, lock] = await Promise.all([
    read(caller, () => send(new GetBucketPolicyCommand({ Bucket }))),
    read(caller, () => send(new GetPublicAccessBlockCommand({ Bucket }))),
    read(caller, () => send(new GetBucketAclCommand({ Bucket }))),
    read(caller, () => send(new GetBucketEncryptionCommand({ Bucket }))),
    read(caller, () => send(new GetBucketVersioningCommand({ Bucket }))),
    read(caller, () => send(new GetBucketLoggingCommand({ Bucket }))),
    read(caller, () => send(new GetBucketTaggingCommand({ Bucket }))),
    read(caller, () => send(new GetObjectLockConfigurationCommand({ Bucket }))),
  ]);
  const reads = [policy, block, acl, encryption, versioning, logging, tagging, lock];
  if (reads.some((result) => result.state === 'gone')) return null;

  const supplementary: Record<string, string> = {};
  const put = (key: string, value: unknown) => {
    supplementary[key] = JSON.stringify(value);
  };
  // Config's API form double-encodes the ACL.
  if (acl.state === 'value') supplementary.AccessControlList = JSON.stringify(JSON.stringify(configAcl(acl.value)));
  if (policy.state !== 'failed')
    put('BucketPolicy', { policyText: policy.state === 'value' ? (policy.value.Policy ?? null) : null });
  if (versioning.state === 'value') {
    const mfa = versioning.value.MFADelete;
    put('BucketVersioningConfiguration', {
      status: versioning.value.Status ?? 'Off',
      isMfaDeleteEnabled: mfa === 'Enabled' ? true : mfa === 'Disabled' ? false : null,
    });
  }
  if (logging.state === 'value') {
    const target = logging.value.LoggingEnabled;
    put('BucketLoggingConfiguration', {
      destinationBucketName: target?.TargetBucket ?? null,
      logFilePrefix: target?.TargetPrefix ?? null,
    });
  }
  const blockConfig = block.state === 'value' ? block.value.PublicAccessBlockConfiguration : undefined;
  if (blockConfig) {
    put('PublicAccessBlockConfiguration', {
      blockPublicAcls: blockConfig.BlockPublicAcls ?? false,
      ignorePublicAcls: blockConfig.IgnorePublicAcls ?? false,
      blockPublicPolicy: blockConfig.BlockPublicPolicy ?? false,
      restrictPublicBuckets: blockConfig.RestrictPublicBuckets ?? false,
    });
  }
  const rules = encryption.state === 'value' ? encryption.value.ServerSideEncryptionConfiguration?.Rules : undefined;
  if (rules) {
    put('ServerSideEncryptionConfiguration', {
      rules: rules.map((rule) => ({
        applyServerSideEncryptionByDefault: rule.ApplyServerSideEncryptionByDefault
          ? {
              sseAlgorithm: rule.ApplyServerSideEncryptionByDefault.SSEAlgorithm ?? null,
              kmsMasterKeyID: rule.ApplyServerSideEncryptionByDefault.KMSMasterKeyID ?? null,
            }
          : null,
        bucketKeyEnabled: rule.BucketKeyEnabled ?? null,
      })),
    });
  }
  const lockConfig = lock.state === 'value' ? lock.value.ObjectLockConfiguration : undefined;
  if (lockConfig) {
    const retention = lockConfig.Rule?.DefaultRetention;
    put('ObjectLockConfiguration', {
      objectLockEnabled: lockConfig.ObjectLockEnabled ?? null,
      rule: retention
        ? {
            defaultRetention: {
              mode: retention.Mode ?? null,
              days: retention.Days ?? null,
              years: retention.Years ?? null,
            },
          }
        : null,
    });
  }
  const tags = Object.fromEntries(
    (tagging.state === 'value' ? (tagging.value.TagSet ?? []) : []).map((tag) => [tag.Key ?? '', tag.Value ?? '']),
  );
  if (Object.keys(tags).length > 0) put('BucketTaggingConfiguration', { tagSets: [{ tags }] });
  // A complete item reads a missing optional key as "not configured". When one of those reads failed the item
  // must say "partial" instead, or a denied GetBucketEncryption would read as "no default encryption".
  if ([block, encryption, lock].some((result) => result.state === 'failed')) {
    for (const key of ALWAYS_RECORDED) delete supplementary[key];
  }

  return {
    version: '1.3',
    accountId: options.accountId,
    configurationItemCaptureTime: options.capturedAt,
    configurationItemStatus: 'OK',
    arn: `arn:${options.partition}:s3:::${name}`,
    resourceType: 'AWS::S3::Bucket',
    resourceId: name,
    resourceName: name,
    awsRegion: region,
    availabilityZone: 'Regional',
    ...(created ? { resourceCreationTime: created.toISOString() } : {}),
    tags,
    relationships: [],
    configuration: JSON.stringify({
      name,
      owner: { displayName: owner?.DisplayName ?? null, id: owner?.ID ?? null },
      creationDate: created?.toISOString() ?? null,
    }),
    supplementaryConfiguration: supplementary,
    // Not a Config field: says this item was read through the S3 API because Config does not record the bucket.
    collectedThrough: 's3-api',
  };
}
