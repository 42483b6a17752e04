/**
 * Effective permissions of IAM identity policies: full administrative access
 * and privilege-escalation paths, for one policy or for a principal (user,
 * role, group) with everything it holds.
 *
 * The analysis asks concrete questions ("may this principal call
 * iam:CreateUser on an arbitrary user of its account?") instead of comparing
 * strings, so `Action: "*"`, `"*:*"`, `NotAction`, `NotResource`, mixed case
 * and resource patterns such as `arn:aws:iam::111122223333:*` all get the
 * same treatment. An unconditional explicit Deny that covers the question
 * removes the answer; a Deny with a Condition does not (the principal may
 * meet or avoid it). A permissions boundary must allow the action too.
 */
import type { Resource } from '../types.js';
import { type PolicyRef, type PolicySource, type PrincipalPolicies, refOf } from './iam-policy-sources.js';
import { matchesResourcePattern, type PolicyStatement, statementCoversAction } from './policy.js';

/** Where sample resources live: the principal's own partition and account. */
export interface Scope {
  partition: string;
  accountId: string;
}

/**
 * The partition and account whose arbitrary resources the questions are about.
 *
 * @example
 * scopeOf(role) // { partition: 'aws', accountId: '111122223333' }
 */
export const scopeOf = (resource: Resource): Scope => ({
  partition: resource.arn?.split(':')[1] || 'aws',
  accountId: resource.accountId,
});

// ---------------------------------------------------------------------------
// Questions: an action on an arbitrary resource of the principal's account.

const ANY = 'zz-any-resource';
const UUID = '00000000-0000-4000-8000-000000000000';
const SAMPLE_REGION = 'us-east-1';
/** Per service, an arbitrary resource of the account, after `arn:{partition}:`. */
const SAMPLE_BY_SERVICE: Record<string, string> = {
  sts: `iam::{a}:role/${ANY}`,
  ec2: 'ec2:{r}:{a}:instance/*',
  s3: `s3:::${ANY}/${ANY}`,
  kms: `kms:{r}:{a}:key/${UUID}`,
  lambda: `lambda:{r}:{a}:function:${ANY}`,
  cloudformation: `cloudformation:{r}:{a}:stack/${ANY}/${UUID}`,
  glue: `glue:{r}:{a}:devEndpoint/${ANY}`,
  ecs: `ecs:{r}:{a}:task-definition/${ANY}:1`,
  sagemaker: `sagemaker:{r}:{a}:notebook-instance/${ANY}`,
  codebuild: `codebuild:{r}:{a}:project/${ANY}`,
};
/** Actions without resource-level permissions: IAM authorises them against "*" only. */
const STAR_ONLY = new Set(['organizations', 'datapipeline', 'lambda:createeventsourcemapping']);

/**
 * The resource a question is asked about: an arbitrary one of the account,
 * so that only a broad Resource pattern (or a NotResource that spares it)
 * reaches it.
 */
const samplesByScope = new Map<string, Map<string, string>>();
/** The scope's entry in `samplesByScope`, found once per scope object rather than once per question. */
const samplesOfScope = new WeakMap<Scope, Map<string, string>>();

/**
 * The sample ARNs of a scope (its partition and account), by action: one
 * map per scope, shared by every principal of the account. Its identity
 * also keys the verdicts cached for that scope.
 */
function samplesFor(scope: Scope): Map<string, string> {
  let samples = samplesOfScope.get(scope);
  if (!samples) {
    const key = `${scope.partition}\u0000${scope.accountId}`;
    samples = samplesByScope.get(key);
    if (!samples) {
      samples = new Map();
      samplesByScope.set(key, samples);
    }
    samplesOfScope.set(scope, samples);
  }
  return samples;
}

/** The sample ARN of an action in a scope; memoised, as the same few dozen are asked for every principal. */
function sampleArn(samples: Map<string, string>, action: string, scope: Scope): string {
  let sample = samples.get(action);
  if (sample === undefined) {
    sample = buildSampleArn(action, scope);
    samples.set(action, sample);
  }
  return sample;
}

function buildSampleArn(action: string, scope: Scope): string {
  const [service = '', name = ''] = action.toLowerCase().split(':');
  if (STAR_ONLY.has(service) || STAR_ONLY.has(action.toLowerCase())) return '*';
  let rest = SAMPLE_BY_SERVICE[service] ?? `${service}:{r}:{a}:thing/${ANY}`;
  if (service === 'iam') {
    const type = name.includes('policyversion')
      ? 'policy'
      : name.includes('group')
        ? 'group'
        : name.includes('role')
          ? 'role'
          : 'user';
    rest = `iam::{a}:${type}/${ANY}`;
  }
  return `arn:${scope.partition}:${rest}`.replace('{a}', scope.accountId).replace('{r}', SAMPLE_REGION);
}

/** Whether a Resource/NotResource pattern matches the sample; a pattern pinned to one region matches that region's copy. */
function patternCovers(pattern: string, sample: string): boolean {
  const p = pattern.split(':');
  const s = sample.split(':');
  if (p.length >= 5 && s.length >= 5 && p[0] === 'arn' && s[0] === 'arn' && p[3] !== undefined && !/[*?]/.test(p[3])) {
    s[3] = p[3];
  }
  return matchesResourcePattern(pattern, s.join(':'));
}

function reachesResource(statement: PolicyStatement, sample: string): boolean {
  if (statement.resources) return statement.resources.some((pattern) => patternCovers(pattern, sample));
  if (statement.notResources) return !statement.notResources.some((pattern) => patternCovers(pattern, sample));
  // An identity statement without Resource is invalid and grants nothing.
  return false;
}

function hasCondition(statement: PolicyStatement): boolean {
  for (const _operator in statement.condition) return true;
  return false;
}

function statementApplies(statement: PolicyStatement, action: string, sample: string): boolean {
  return statementCoversAction(statement, action) && reachesResource(statement, sample);
}

/** What one policy says of one action on one sample resource, as bits. */
const GRANTS = 1;
const GRANTS_WITHOUT_CONDITION = 2;
const DENIES = 4;

/**
 * Verdicts per policy (by its parsed statements) and scope, in a byte per
 * asked action (the verdict's bits plus one; zero: not asked yet). A managed
 * policy is attached to many principals and asked the same questions for
 * each; its statements array is shared through parsePolicy's cache, so each
 * question is answered once per policy, not once per holder. A byte array
 * rather than maps: the context keeps every managed policy of the
 * inventory, and their verdicts live as long as they do.
 */
const verdictsByPolicy = new WeakMap<readonly PolicyStatement[], Map<Map<string, string>, Uint8Array>>();

function computeVerdict(statements: readonly PolicyStatement[], action: string, sample: string): number {
  let bits = 0;
  for (const statement of statements) {
    if (!statementApplies(statement, action, sample)) continue;
    const conditional = hasCondition(statement);
    if (statement.effect === 'Allow') bits |= conditional ? GRANTS : GRANTS | GRANTS_WITHOUT_CONDITION;
    // A Deny with a Condition may not apply to the request: only unconditional ones are counted.
    else if (statement.effect === 'Deny' && !conditional) bits |= DENIES;
  }
  return bits;
}

function policyVerdict(source: PolicySource, action: string, sample: string, samples: Map<string, string>): number {
  const index = ASKED_ACTIONS.get(action);
  if (index === undefined) return computeVerdict(source.statements, action, sample);
  let byScope = verdictsByPolicy.get(source.statements);
  if (!byScope) {
    byScope = new Map();
    verdictsByPolicy.set(source.statements, byScope);
  }
  let verdicts = byScope.get(samples);
  if (!verdicts) {
    verdicts = new Uint8Array(ASKED_ACTIONS.size);
    byScope.set(samples, verdicts);
  }
  const known = verdicts[index] ?? 0;
  if (known !== 0) return known - 1;
  const bits = computeVerdict(source.statements, action, sample);
  verdicts[index] = bits + 1;
  return bits;
}

function sourceGrants(
  source: PolicySource,
  action: string,
  sample: string,
  samples: Map<string, string>,
  allowConditional: boolean,
): boolean {
  const wanted = allowConditional ? GRANTS : GRANTS_WITHOUT_CONDITION;
  return (policyVerdict(source, action, sample, samples) & wanted) !== 0;
}

function sourceDenies(source: PolicySource, action: string, sample: string, samples: Map<string, string>): boolean {
  return (policyVerdict(source, action, sample, samples) & DENIES) !== 0;
}

export interface Answer {
  allowed: boolean;
  grantedBy: PolicySource[];
  deniedBy: PolicySource[];
  /** Granted by identity policies but not by the permissions boundary. */
  outsideBoundary: boolean;
}

/**
 * Whether the policies allow `action` on an arbitrary resource of the
 * account. `allowConditional`: whether an Allow with a Condition counts (yes
 * for full admin, no for escalation paths).
 *
 * @example
 * ask(held, 'iam:PassRole', scope, false).allowed
 */
export function ask(held: PrincipalPolicies, action: string, scope: Scope, allowConditional: boolean): Answer {
  const samples = samplesFor(scope);
  const sample = sampleArn(samples, action, scope);
  const grantedBy: PolicySource[] = [];
  const deniedBy: PolicySource[] = [];
  for (const source of held.identity) {
    if (sourceGrants(source, action, sample, samples, allowConditional)) grantedBy.push(source);
    if (sourceDenies(source, action, sample, samples)) deniedBy.push(source);
  }
  if (held.boundary && sourceDenies(held.boundary, action, sample, samples)) deniedBy.push(held.boundary);
  const outsideBoundary =
    held.boundary !== null &&
    grantedBy.length > 0 &&
    !sourceGrants(held.boundary, action, sample, samples, allowConditional);
  return {
    allowed: grantedBy.length > 0 && deniedBy.length === 0 && !outsideBoundary,
    grantedBy,
    deniedBy,
    outsideBoundary,
  };
}

const dedupe = (sources: PolicySource[]): PolicySource[] => [...new Set(sources)];

/** Sensitive actions that full administrative access must include; `zzprobe:AnyOtherAction` stands for every action not named. */
export const ADMIN_PROBES: readonly string[] = [
  'iam:CreateUser',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'sts:AssumeRole',
  'ec2:RunInstances',
  's3:GetObject',
  'kms:Decrypt',
  'organizations:LeaveOrganization',
  'zzprobe:AnyOtherAction',
];

export interface FullAdminResult {
  fullAdmin: boolean;
  grantedBy: PolicyRef[];
  /** Probes that are not allowed, and why: the evidence that access is less than full. */
  blocked: { action: string; reason: 'not granted' | 'denied' | 'outside permissions boundary'; by: PolicyRef[] }[];
}

/**
 * Full administrative access: every probe allowed on an arbitrary resource.
 *
 * @example
 * analyseFullAdmin(collectPrincipalPolicies(user, context), scopeOf(user)).fullAdmin
 */
export function analyseFullAdmin(held: PrincipalPolicies, scope: Scope): FullAdminResult {
  const granting: PolicySource[] = [];
  const blocked: FullAdminResult['blocked'] = [];
  for (const action of ADMIN_PROBES) {
    const answer = ask(held, action, scope, true);
    granting.push(...answer.grantedBy);
    if (answer.allowed) continue;
    if (answer.grantedBy.length === 0) blocked.push({ action, reason: 'not granted', by: [] });
    else if (answer.deniedBy.length > 0) blocked.push({ action, reason: 'denied', by: answer.deniedBy.map(refOf) });
    else
      blocked.push({ action, reason: 'outside permissions boundary', by: held.boundary ? [refOf(held.boundary)] : [] });
  }
  return {
    fullAdmin: blocked.length === 0,
    grantedBy: blocked.length === 0 ? dedupe(granting).map(refOf) : [],
    blocked,
  };
}

/**
 * Known privilege-escalation paths (after Rhino Security Labs' catalogue):
 * the actions of a path, together, let a principal gain more permissions.
 */
export const ESCALATION_PATHS: readonly string[] = [
  'iam:CreatePolicyVersion',
  'iam:SetDefaultPolicyVersion',
  'iam:AttachUserPolicy',
  'iam:AttachGroupPolicy',
  'iam:AttachRolePolicy',
  'iam:PutUserPolicy',
  'iam:PutGroupPolicy',
  'iam:PutRolePolicy',
  'iam:CreateAccessKey',
  'iam:CreateLoginProfile',
  'iam:UpdateLoginProfile',
  'iam:AddUserToGroup',
  'iam:UpdateAssumeRolePolicy + sts:AssumeRole',
  'iam:PassRole + ec2:RunInstances',
  'iam:PassRole + lambda:CreateFunction + lambda:InvokeFunction',
  'iam:PassRole + lambda:CreateFunction + lambda:CreateEventSourceMapping',
  'lambda:UpdateFunctionCode',
  'iam:PassRole + cloudformation:CreateStack',
  'iam:PassRole + glue:CreateDevEndpoint',
  'glue:UpdateDevEndpoint',
  'iam:PassRole + ecs:RunTask',
  'iam:PassRole + sagemaker:CreateNotebookInstance',
  'iam:PassRole + datapipeline:CreatePipeline + datapipeline:PutPipelineDefinition',
  'iam:PassRole + codebuild:CreateProject + codebuild:StartBuild',
];

export interface EscalationFinding {
  path: string;
  grantedBy: PolicyRef[];
}

/**
 * Escalation paths whose every action is allowed without a Condition on an
 * arbitrary resource of the account.
 *
 * @example
 * findEscalationPaths(held, scope).map((found) => found.path) // ['iam:PassRole + ec2:RunInstances']
 */
export function findEscalationPaths(held: PrincipalPolicies, scope: Scope): EscalationFinding[] {
  const found: EscalationFinding[] = [];
  for (const path of ESCALATION_PATHS) {
    const answers = path.split(' + ').map((action) => ask(held, action, scope, false));
    if (answers.every((answer) => answer.allowed)) {
      found.push({ path, grantedBy: dedupe(answers.flatMap((answer) => answer.grantedBy)).map(refOf) });
    }
  }
  return found;
}

/** Every action the analyses above ask about, numbered for the verdict bytes. */
const ASKED_ACTIONS: ReadonlyMap<string, number> = new Map(
  [...new Set([...ADMIN_PROBES, ...ESCALATION_PATHS.flatMap((path) => path.split(' + '))])].map((action, index) => [
    action,
    index,
  ]),
);
