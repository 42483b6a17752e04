/**
 * What an S3 bucket exposes, read from its Config item the way S3 and IAM
 * Access Analyzer reason: public bucket-policy statements and public ACL
 * grants, minus what the bucket-level and account-level Block Public Access
 * settings neutralise (RestrictPublicBuckets for policies, IgnorePublicAcls
 * for ACLs; BlockPublicAcls and BlockPublicPolicy only refuse future writes).
 * The bucket readers it builds on are in s3-bucket-settings.ts.
 */
import type { Resource, Verdict } from '../types.js';
import type { EvaluationContext } from './define-control.js';
import {
  conditionRestrictsPrincipal,
  isNarrowingOperator,
  isPublicStatement,
  matchesResourcePattern,
  type PolicyCondition,
  type PolicyStatement,
  statementCoversAction,
  statementLabel,
} from './policy.js';
import {
  type Access,
  accountPublicAccessBlock,
  type BlockSetting,
  type BlockState,
  bucketPublicAccessBlock,
  describeBlock,
  type PublicAclGrant,
  readBucketAcl,
  readBucketPolicy,
} from './s3-bucket-settings.js';
import { error, fail, insufficientData, pass } from './verdict.js';

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

/**
 * The narrowing operator that `operator` negates (`StringNotEquals` →
 * `StringEquals`, `NotIpAddress` → `IpAddress`), or null. Set operators are
 * left out: `ForAnyValue:StringNotEquals` is false when the key is absent.
 */
function negatedOperatorBase(operator: string): string | null {
  if (/^For(Any|All)Values:/.test(operator)) return null;
  const base = operator.replace(/IfExists$/, '');
  const positive = base.replace('Not', '');
  return positive !== base && isNarrowingOperator(positive) ? positive : null;
}

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
    const base = negatedOperatorBase(operator);
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
  return (
    allow.resources?.every((resource) => denied.some((pattern) => matchesResourcePattern(pattern, resource))) ?? false
  );
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
