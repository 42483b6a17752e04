/**
 * What an S3 bucket exposes, read from its Config item the way S3 and IAM
 * Access Analyzer reason: public bucket-policy statements and public ACL
 * grants, minus what the bucket-level and account-level Block Public Access
 * settings neutralise (RestrictPublicBuckets for policies, IgnorePublicAcls
 * for ACLs; BlockPublicAcls and BlockPublicPolicy only refuse future writes).
 * Also the bucket readers the S3 controls share: encryption, tags, and
 * whether an item is complete enough for "key absent" to mean "not configured".
 */
import { isRecord } from '../normalize/decode.js';
import type { Resource, Verdict } from '../types.js';
import type { EvaluationContext } from './define-control.js';
import {
  conditionRestrictsPrincipal,
  isPublicStatement,
  matchesWildcard,
  type PolicyCondition,
  type PolicyStatement,
  parsePolicy,
  statementCoversAction,
} from './policy.js';
import { error, fail, insufficientData, pass } from './verdict.js';

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
 * Reads `true`/`false` as booleans or as strings in any case (some wire shapes stringify).
 *
 * @example
 * readBoolean('FALSE') // false
 */
export function readBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return null;
}

/**
 * A field by name in any case: Config says `sseAlgorithm`, the S3 API `SSEAlgorithm`.
 *
 * @example
 * readField({ SSEAlgorithm: 'AES256' }, 'sseAlgorithm') // 'AES256'
 */
export function readField(record: unknown, name: string): unknown {
  if (!isRecord(record)) return undefined;
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  for (const [key, value] of Object.entries(record)) if (key.toLowerCase() === lower) return value;
  return undefined;
}

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

/**
 * The normaliser's complaint about a supplementary value, if any: a value that
 * failed to decode is left out of `supplementary`, which must read as ERROR, not as absent.
 *
 * @example
 * decodeErrorOf(bucket, 'BucketPolicy') // 'BucketPolicy.policyText: policy document is not valid JSON (...)'
 */
export const decodeErrorOf = (resource: Resource, key: string): string | null =>
  resource.decodeErrors.find((problem) =>
    [`supplementaryConfiguration.${key}:`, `${key}:`, `${key}.`].some((prefix) => problem.startsWith(prefix)),
  ) ?? null;

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
  const problem = decodeErrorOf(bucket, 'BucketPolicy');
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
 * A statement's Sid, or `#<index>` when it has none.
 *
 * @example
 * statementLabel(statement, 2) // 'DenyInsecureTransport', or '#2' without a Sid
 */
export const statementLabel = (statement: PolicyStatement, index: number): string => statement.sid ?? `#${index}`;

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
    return statement.resources.some((pattern) => pattern.endsWith('*') && matchesWildcard(pattern, prefix));
  }
  // NotResource narrows the statement by an exclusion we do not try to prove harmless.
  return statement.notResources === null;
}

/** Actions that read data or list keys. */
const READ_ACTIONS = ['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:ListBucketVersions'];
/** Actions that change data, or change who may (ACLs, the policy): each is write access. */
const WRITE_ACTIONS = [
  's3:PutObject',
  's3:PutObjectAcl',
  's3:PutObjectVersionAcl',
  's3:DeleteObject',
  's3:DeleteObjectVersion',
  's3:PutBucketAcl',
  's3:PutBucketPolicy',
  's3:DeleteBucketPolicy',
  's3:PutLifecycleConfiguration',
  's3:DeleteBucket',
];
const ACTIONS: Record<Access, string[]> = { read: READ_ACTIONS, write: WRITE_ACTIONS };

const NEGATED_OPERATORS: Record<string, string> = {
  StringNotEquals: 'StringEquals',
  StringNotEqualsIgnoreCase: 'StringEqualsIgnoreCase',
  StringNotLike: 'StringLike',
  ArnNotEquals: 'ArnEquals',
  ArnNotLike: 'ArnLike',
  NotIpAddress: 'IpAddress',
};

/**
 * Whether a Deny for everyone leaves the action only to pinned callers: it has
 * no condition (nobody may), or only negated conditions on pinning keys, the
 * common "Deny unless aws:SourceVpce = vpce-…" pattern. A negated operator is
 * true when its key is absent, so `...IfExists` changes nothing here.
 */
function denyPinsEveryone(statement: PolicyStatement): boolean {
  if (statement.effect !== 'Deny' || !statement.principal?.wildcard) return false;
  const positive: PolicyCondition = {};
  for (const [operator, keys] of Object.entries(statement.condition)) {
    const base = NEGATED_OPERATORS[operator.replace(/IfExists$/, '')];
    if (!base) return false;
    positive[base] = { ...positive[base], ...keys };
  }
  const keys = Object.values(positive).flatMap((block) => Object.keys(block));
  const { by } = conditionRestrictsPrincipal(positive);
  return keys.every((key) => by.includes(key));
}

/** Whether every resource the Allow names is inside one the Deny names. */
function denyCoversResources(deny: PolicyStatement, allow: PolicyStatement): boolean {
  if (deny.resources === null) return deny.notResources === null;
  const denied = deny.resources;
  return allow.resources?.every((resource) => denied.some((pattern) => matchesWildcard(pattern, resource))) ?? false;
}

export interface PublicStatementGrant {
  statement: string;
  /** The actions of the access class that the statement grants to anyone. */
  actions: string[];
}

/**
 * Allow statements open to anyone (per policy.ts `isPublicStatement`) that
 * grant `access`, less the actions a pinning Deny for everyone takes back.
 *
 * @example
 * publicPolicyGrants(statements, 'write') // [{ statement: 'PublicUpload', actions: ['s3:PutObject'] }]
 */
export function publicPolicyGrants(statements: PolicyStatement[], access: Access): PublicStatementGrant[] {
  const denies = statements.filter(denyPinsEveryone);
  const grants: PublicStatementGrant[] = [];
  statements.forEach((statement, index) => {
    if (!isPublicStatement(statement)) return;
    const actions = ACTIONS[access].filter(
      (action) =>
        statementCoversAction(statement, action) &&
        !denies.some((deny) => statementCoversAction(deny, action) && denyCoversResources(deny, statement)),
    );
    if (actions.length > 0) grants.push({ statement: statementLabel(statement, index), actions });
  });
  return grants;
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
  const problem = decodeErrorOf(bucket, 'AccessControlList');
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

type Neutraliser = { state: 'on'; level: 'bucket' | 'account' } | { state: 'off' } | { state: 'unknown' };

function neutraliser(setting: BlockSetting, bucket: BlockState, account: BlockState): Neutraliser {
  if (bucket.state === 'known' && bucket.settings[setting]) return { state: 'on', level: 'bucket' };
  if (account.state === 'known' && account.settings[setting]) return { state: 'on', level: 'account' };
  // A bucket block is unknown only on an item without policy and ACL, which then has no grants to neutralise.
  if (account.state === 'unknown') {
    return { state: 'unknown' };
  }
  return { state: 'off' };
}

const describeNeutraliser = (n: Neutraliser): string =>
  n.state === 'on' ? `${n.level} level` : n.state === 'off' ? 'off' : 'unknown';

export interface PublicExposure {
  /** public → FAIL; notPublic → PASS; blockUnknown and dataMissing → INSUFFICIENT_DATA; error → ERROR. */
  status: 'public' | 'notPublic' | 'blockUnknown' | 'dataMissing' | 'error';
  /** A verb phrase that follows the bucket's name, without a final period. */
  summary: string;
  observed: Record<string, unknown>;
}

const quoteList = (labels: string[]): string => labels.map((label) => `"${label}"`).join(', ');

function describeSources(policy: PublicStatementGrant[], acl: PublicAclGrant[]): string {
  const parts: string[] = [];
  if (policy.length > 0) {
    parts.push(`bucket policy statement${policy.length > 1 ? 's' : ''} ${quoteList(policy.map((g) => g.statement))}`);
  }
  if (acl.length > 0) {
    parts.push(`ACL grant${acl.length > 1 ? 's' : ''} ${acl.map((g) => `${g.permission} to ${g.grantee}`).join(', ')}`);
  }
  return parts.join(' and ');
}

/**
 * Whether anyone can read (or write) the bucket, all things considered.
 *
 * @example
 * const exposure = assessPublicExposure(bucket, context, 'read');
 * exposure.status === 'public' ? fail(`S3 bucket ${name} ${exposure.summary}.`) : ...
 */
export function assessPublicExposure(bucket: Resource, context: EvaluationContext, access: Access): PublicExposure {
  const policy = readBucketPolicy(bucket);
  const acl = readBucketAcl(bucket);
  const bucketBlock = bucketPublicAccessBlock(bucket);
  const accountBlock = accountPublicAccessBlock(context, bucket.accountId);
  const restrict = neutraliser('restrictPublicBuckets', bucketBlock, accountBlock);
  const ignore = neutraliser('ignorePublicAcls', bucketBlock, accountBlock);
  const policyGrants = policy.state === 'ok' ? publicPolicyGrants(policy.statements, access) : [];
  const aclGrants = acl.state === 'ok' ? acl.grants.filter((grant) => grant.access.includes(access)) : [];
  const observed: Record<string, unknown> = {
    access,
    publicPolicyStatements: policyGrants,
    publicAclGrants: aclGrants.map(({ grantee, permission }) => ({ grantee, permission })),
    bucketPolicy: policy.state === 'ok' ? 'present' : policy.state === 'unknown' ? 'not recorded' : policy.state,
    acl: acl.state === 'unknown' ? 'not recorded' : acl.state === 'ok' ? 'present' : 'error',
    restrictPublicBuckets: describeNeutraliser(restrict),
    ignorePublicAcls: describeNeutraliser(ignore),
    bucketPublicAccessBlock: describeBlock(bucketBlock),
    accountPublicAccessBlock: describeBlock(accountBlock),
    accountPublicAccessBlockSource: accountBlock.source,
  };
  if (policy.state === 'error') {
    return { status: 'error', summary: `has a bucket policy that could not be decoded (${policy.error})`, observed };
  }
  if (acl.state === 'error') {
    return { status: 'error', summary: `has an ACL that could not be decoded (${acl.error})`, observed };
  }

  const adjective = access === 'read' ? 'readable' : 'writable';
  const livePolicy = restrict.state === 'on' ? [] : policyGrants;
  const liveAcl = ignore.state === 'on' ? [] : aclGrants;
  const definitePolicy = restrict.state === 'off' ? policyGrants : [];
  const definiteAcl = ignore.state === 'off' ? aclGrants : [];
  if (definitePolicy.length > 0 || definiteAcl.length > 0) {
    const sources = describeSources(definitePolicy, definiteAcl);
    return { status: 'public', summary: `is publicly ${adjective} through ${sources}`, observed };
  }
  if (livePolicy.length > 0 || liveAcl.length > 0) {
    return {
      status: 'blockUnknown',
      summary: `grants public ${access} access through ${describeSources(livePolicy, liveAcl)}, and the account-level public access block was not collected; it may neutralise the grant`,
      observed,
    };
  }
  const unrecorded = [
    ...(policy.state === 'unknown' && restrict.state !== 'on' ? ['bucket policy'] : []),
    ...(acl.state === 'unknown' && ignore.state !== 'on' ? ['ACL'] : []),
  ];
  if (unrecorded.length > 0) {
    return {
      status: 'dataMissing',
      summary: `has no recorded ${unrecorded.join(' or ')}, so public ${access} access cannot be judged`,
      observed,
    };
  }
  const neutralised = [
    ...(policyGrants.length > 0 && restrict.state === 'on'
      ? [`${describeSources(policyGrants, [])} neutralised by RestrictPublicBuckets (${restrict.level} level)`]
      : []),
    ...(aclGrants.length > 0 && ignore.state === 'on'
      ? [`${describeSources([], aclGrants)} neutralised by IgnorePublicAcls (${ignore.level} level)`]
      : []),
  ];
  return {
    status: 'notPublic',
    summary:
      neutralised.length > 0
        ? `is not publicly ${adjective}: ${neutralised.join('; ')}`
        : `is not publicly ${adjective}: no bucket policy statement or ACL grant gives ${access} access to anyone`,
    observed,
  };
}

/**
 * The verdict for an exposure: `subject` names the resource and leads into the summary.
 *
 * @example
 * exposureVerdict(assessPublicExposure(bucket, context, 'read'), `S3 bucket ${name}`)
 */
export function exposureVerdict(exposure: PublicExposure, subject: string): Verdict {
  const reason = `${subject} ${exposure.summary}.`;
  switch (exposure.status) {
    case 'public':
      return fail(reason, exposure.observed);
    case 'notPublic':
      return pass(reason, exposure.observed);
    case 'error':
      return error(reason, exposure.observed);
    default:
      return insufficientData(reason, exposure.observed);
  }
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
  const problem = decodeErrorOf(bucket, 'ServerSideEncryptionConfiguration');
  if (problem) return { state: 'error', error: problem };
  const sse = bucket.supplementary.ServerSideEncryptionConfiguration;
  if (sse === undefined) return isCompleteBucketItem(bucket) ? { state: 'none', why: 'absent' } : { state: 'unknown' };
  if (sse === null) return { state: 'none', why: 'empty' };
  if (!isRecord(sse)) return { state: 'error', error: 'ServerSideEncryptionConfiguration is not a decoded object' };
  const rules = readField(sse, 'rules');
  for (const rule of Array.isArray(rules) ? rules : []) {
    const byDefault = readField(rule, 'applyServerSideEncryptionByDefault');
    const algorithm = readField(byDefault, 'sseAlgorithm');
    if (typeof algorithm === 'string' && algorithm.length > 0) {
      const key = readField(byDefault, 'kmsMasterKeyID');
      return {
        state: 'configured',
        algorithm,
        kmsMasterKeyId: typeof key === 'string' && key.length > 0 ? key : null,
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
