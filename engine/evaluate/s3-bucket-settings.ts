/**
 * Readers for an S3 bucket's Config item, shared by the S3 controls: the
 * bucket- and account-level Block Public Access settings, the bucket policy,
 * the ACL's public grants, default encryption, tags, and whether an item is
 * complete enough for "key absent" to mean "not configured". What the bucket
 * exposes, all things considered, is judged in s3-access.ts.
 */
import { isRecord } from '../normalize/decode.js';
import type { Resource } from '../types.js';
import { decodeErrorFor, readBoolean, readField, readText } from './config-fields.js';
import type { EvaluationContext } from './define-control.js';
import { matchesResourcePattern, type PolicyStatement, parsePolicy } from './policy.js';

export const ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE = 'AWS::S3::AccountPublicAccessBlock';

export const BLOCK_SETTINGS = [
  'blockPublicAcls',
  'ignorePublicAcls',
  'blockPublicPolicy',
  'restrictPublicBuckets',
] as const;
export type BlockSetting = (typeof BLOCK_SETTINGS)[number];
export type BlockSettings = Record<BlockSetting, boolean>;

/** `none`: AWS reports no configuration (every setting off); `unknown`: not collected. */
export type BlockState =
  | { state: 'known'; settings: BlockSettings; source: string }
  | { state: 'none'; source: string }
  | { state: 'unknown'; source: string };

/**
 * Supplementary keys Config records for every bucket. When none is present the
 * item is partial (a query that selected little), so an absent optional key
 * (PublicAccessBlockConfiguration, ServerSideEncryptionConfiguration,
 * ObjectLockConfiguration) says nothing; otherwise its absence means "not configured".
 */
const ALWAYS_RECORDED = [
  'AccessControlList',
  'BucketPolicy',
  'BucketVersioningConfiguration',
  'BucketLoggingConfiguration',
  'BucketAccelerateConfiguration',
  'BucketNotificationConfiguration',
  'IsRequesterPaysEnabled',
];

/**
 * @example
 * isCompleteBucketItem(bucket) // false when supplementaryConfiguration is empty
 */
export const isCompleteBucketItem = (bucket: Resource): boolean =>
  ALWAYS_RECORDED.some((key) => bucket.supplementary[key] !== undefined);

/** The bucket's ARN, built from its name when the item has none. */
const bucketArn = (bucket: Resource): string =>
  bucket.arn ?? `arn:aws:s3:::${bucket.resourceName ?? bucket.resourceId}`;

/**
 * Reads a public access block in Config's shape (`blockPublicAcls`, ...) or
 * S3 Control's (`BlockPublicAcls`, possibly wrapped in `PublicAccessBlockConfiguration`).
 *
 * @example
 * readPublicAccessBlock({ blockPublicAcls: 'true' }, 'bucket') // known; unspecified settings are false
 */
export function readPublicAccessBlock(value: unknown, source: string): BlockState {
  if (value === undefined) return { state: 'unknown', source };
  if (value === null) return { state: 'none', source };
  const inner = readField(value, 'PublicAccessBlockConfiguration') ?? value;
  if (!BLOCK_SETTINGS.some((setting) => readField(inner, setting) !== undefined)) return { state: 'unknown', source };
  // S3 treats an unspecified setting as false; a garbled value can only make the bucket look more exposed.
  const settings = Object.fromEntries(
    BLOCK_SETTINGS.map((setting) => [setting, readBoolean(readField(inner, setting)) === true]),
  ) as BlockSettings;
  return { state: 'known', settings, source };
}

/**
 * The bucket-level block. Config records `PublicAccessBlockConfiguration` only
 * when the bucket has one, so a complete item without it has none.
 *
 * @example
 * bucketPublicAccessBlock(bucket) // { state: 'none', source: 'bucket' }
 */
export function bucketPublicAccessBlock(bucket: Resource): BlockState {
  const value = bucket.supplementary.PublicAccessBlockConfiguration;
  if (value === undefined) return { state: isCompleteBucketItem(bucket) ? 'none' : 'unknown', source: 'bucket' };
  return readPublicAccessBlock(value, 'bucket');
}

/**
 * The account-level block recorded in account facts (`configuration.s3.accountPublicAccessBlock`).
 *
 * @example
 * accountFactsPublicAccessBlock(context.account('111122223333')).state // 'none' when S3 Control said there is none
 */
export function accountFactsPublicAccessBlock(account: Resource | undefined): BlockState {
  const s3 = readField(account?.configuration, 's3');
  return readPublicAccessBlock(isRecord(s3) ? s3.accountPublicAccessBlock : undefined, 'account facts');
}

/**
 * The account-level block from account facts or an `AWS::S3::AccountPublicAccessBlock`
 * Config item; when both answer, the more recent observation wins.
 *
 * @example
 * accountPublicAccessBlock(context, bucket.accountId).state // 'unknown' when neither was collected
 */
export function accountPublicAccessBlock(context: EvaluationContext, accountId: string): BlockState {
  const account = context.account(accountId);
  const fromFacts = accountFactsPublicAccessBlock(account);
  const item = context.find(ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE, accountId);
  const fromItem = readPublicAccessBlock(item?.configuration ?? undefined, `${ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE} item`);
  if (fromFacts.state === 'unknown') return fromItem.state === 'unknown' ? fromFacts : fromItem;
  if (fromItem.state === 'unknown') return fromFacts;
  return (item?.captureTime ?? '') > (account?.captureTime ?? '') ? fromItem : fromFacts;
}

/**
 * A block as evidence: its settings, `none` or `not collected`.
 *
 * @example
 * describeBlock({ state: 'none', source: 'bucket' }) // 'none'
 */
export const describeBlock = (block: BlockState): BlockSettings | 'none' | 'not collected' =>
  block.state === 'known' ? block.settings : block.state === 'none' ? 'none' : 'not collected';

export type Access = 'read' | 'write';

export type BucketPolicyReading =
  | { state: 'unknown' }
  | { state: 'none' }
  | { state: 'ok'; statements: PolicyStatement[] }
  | { state: 'error'; error: string };

/**
 * The bucket policy. Config records `{"policyText": null}` for a bucket
 * without one, so an absent `BucketPolicy` key means the item is partial.
 *
 * @example
 * const policy = readBucketPolicy(bucket);
 * if (policy.state === 'ok') policy.statements.filter((s) => s.effect === 'Deny');
 */
export function readBucketPolicy(bucket: Resource): BucketPolicyReading {
  const problem = decodeErrorFor(bucket, 'BucketPolicy');
  if (problem) return { state: 'error', error: problem };
  const holder = bucket.supplementary.BucketPolicy;
  if (holder === undefined) return { state: 'unknown' };
  if (holder === null) return { state: 'none' };
  const text = readField(holder, 'policyText');
  if (text === undefined) return { state: 'unknown' };
  if (text === null || text === '') return { state: 'none' };
  const parsed = parsePolicy(text);
  return parsed.ok ? { state: 'ok', statements: parsed.statements } : { state: 'error', error: parsed.error };
}

/**
 * Whether the statement's Resource covers every object of the bucket. A
 * pattern ending in `*` that matches `<bucket ARN>/` matches every key after it.
 *
 * @example
 * statementCoversAllObjects(statement, bucket) // true for `arn:aws:s3:::<name>/*` or `*`
 */
export function statementCoversAllObjects(statement: PolicyStatement, bucket: Resource): boolean {
  if (statement.resources) {
    const prefix = `${bucketArn(bucket)}/`;
    return statement.resources.some((pattern) => pattern.endsWith('*') && matchesResourcePattern(pattern, prefix));
  }
  // NotResource narrows the statement by an exclusion we do not try to prove harmless.
  return statement.notResources === null;
}

export interface PublicAclGrant {
  grantee: 'AllUsers' | 'AuthenticatedUsers';
  permission: string;
  access: Access[];
}

export type AclReading =
  | { state: 'unknown' }
  | { state: 'ok'; grants: PublicAclGrant[] }
  | { state: 'error'; error: string };

const PUBLIC_GROUPS: Record<string, PublicAclGrant['grantee']> = {
  allusers: 'AllUsers',
  authenticatedusers: 'AuthenticatedUsers',
};

/**
 * Config serialises a group grantee as the SDK enum name (`"AllUsers"`); the
 * S3 API names it by URI (`http://acs.amazonaws.com/groups/global/AllUsers`).
 * AuthenticatedUsers is every AWS account holder, so it is public too.
 */
function publicGroupOf(grantee: unknown): PublicAclGrant['grantee'] | null {
  const names = isRecord(grantee)
    ? [readField(grantee, 'uri'), readField(grantee, 'identifier'), readField(grantee, 'id')]
    : [grantee];
  for (const name of names) {
    if (typeof name !== 'string') continue;
    const group = PUBLIC_GROUPS[name.trim().split('/').pop()?.toLowerCase() ?? ''];
    if (group) return group;
  }
  return null;
}

/**
 * Read and FullControl expose data; Write, WriteAcp (which can grant itself
 * anything) and FullControl are write access. ReadAcp reveals only the ACL.
 */
function accessOf(permission: string): Access[] {
  switch (permission.replace(/[_\s]/g, '').toLowerCase()) {
    case 'fullcontrol':
      return ['read', 'write'];
    case 'read':
      return ['read'];
    case 'write':
    case 'writeacp':
      return ['write'];
    default:
      return [];
  }
}

/**
 * Public grants of the bucket ACL, in Config's shape (`grantList` of
 * `{grantee, permission}`) or the S3 API's (`Grants` of `{Grantee, Permission}`).
 *
 * @example
 * readBucketAcl(bucket) // { state: 'ok', grants: [{ grantee: 'AllUsers', permission: 'Read', access: ['read'] }] }
 */
export function readBucketAcl(bucket: Resource): AclReading {
  const problem = decodeErrorFor(bucket, 'AccessControlList');
  if (problem) return { state: 'error', error: problem };
  const acl = bucket.supplementary.AccessControlList;
  if (acl === undefined) return { state: 'unknown' };
  if (acl === null) return { state: 'ok', grants: [] };
  if (!isRecord(acl)) return { state: 'error', error: 'AccessControlList is not a decoded object' };
  // The SDK object Config serialises keeps its grants in grantList or grantSet.
  const entries = ['grantList', 'grantSet', 'Grants'].flatMap((key) => {
    const list = readField(acl, key);
    return Array.isArray(list) ? list : [];
  });
  const grants: PublicAclGrant[] = [];
  for (const entry of entries) {
    const grantee = publicGroupOf(readField(entry, 'grantee'));
    const permission = readField(entry, 'permission');
    if (grantee && typeof permission === 'string') grants.push({ grantee, permission, access: accessOf(permission) });
  }
  return { state: 'ok', grants };
}

export type DefaultEncryption =
  | { state: 'unknown' }
  | { state: 'error'; error: string }
  /** `absent`: a complete item has no ServerSideEncryptionConfiguration key; `empty`: it has no default rule. */
  | { state: 'none'; why: 'absent' | 'empty' }
  | { state: 'configured'; algorithm: string; kmsMasterKeyId: string | null; bucketKeyEnabled: boolean | null };

/**
 * The bucket's default encryption rule.
 *
 * @example
 * readDefaultEncryption(bucket) // { state: 'configured', algorithm: 'aws:kms', kmsMasterKeyId: 'arn:…', bucketKeyEnabled: true }
 */
export function readDefaultEncryption(bucket: Resource): DefaultEncryption {
  const problem = decodeErrorFor(bucket, 'ServerSideEncryptionConfiguration');
  if (problem) return { state: 'error', error: problem };
  const sse = bucket.supplementary.ServerSideEncryptionConfiguration;
  if (sse === undefined) return isCompleteBucketItem(bucket) ? { state: 'none', why: 'absent' } : { state: 'unknown' };
  if (sse === null) return { state: 'none', why: 'empty' };
  if (!isRecord(sse)) return { state: 'error', error: 'ServerSideEncryptionConfiguration is not a decoded object' };
  const rules = readField(sse, 'rules');
  for (const rule of Array.isArray(rules) ? rules : []) {
    const byDefault = readField(rule, 'applyServerSideEncryptionByDefault');
    const algorithm = readText(readField(byDefault, 'sseAlgorithm'));
    if (algorithm !== null) {
      return {
        state: 'configured',
        algorithm,
        kmsMasterKeyId: readText(readField(byDefault, 'kmsMasterKeyID')),
        bucketKeyEnabled: readBoolean(readField(rule, 'bucketKeyEnabled')),
      };
    }
  }
  return { state: 'none', why: 'empty' };
}

/**
 * A tag by key, compared case-insensitively. Config puts bucket tags in `tags`
 * and, for S3, also in `BucketTaggingConfiguration.tagSets[].tags`.
 *
 * @example
 * findTag(bucket, 'data-classification') // { key: 'data-classification', value: 'confidential' }
 */
export function findTag(bucket: Resource, key: string): { key: string; value: string } | null {
  const wanted = key.toLowerCase();
  const tagSets = readField(bucket.supplementary.BucketTaggingConfiguration, 'tagSets');
  const sources = [
    bucket.tags,
    ...(Array.isArray(tagSets) ? tagSets.map((set) => readField(set, 'tags')).filter(isRecord) : []),
  ];
  for (const tags of sources) {
    for (const [name, value] of Object.entries(tags)) {
      if (name.toLowerCase() === wanted && typeof value === 'string') return { key: name, value };
    }
  }
  return null;
}

/**
 * The bucket's tag `key` (as `findTag` finds it) and whether its value is one
 * of `values`, compared trimmed and ignoring case: how a control that applies
 * only to classified buckets decides it applies.
 *
 * @example
 * matchTag(bucket, 'retention', ['records']) // { tag: { key: 'Retention', value: 'Records' }, matches: true }
 */
export function matchTag(
  bucket: Resource,
  key: string,
  values: readonly string[],
): { tag: { key: string; value: string } | null; matches: boolean } {
  const tag = findTag(bucket, key);
  const wanted = values.map((value) => value.toLowerCase());
  return { tag, matches: tag !== null && wanted.includes(tag.value.trim().toLowerCase()) };
}
