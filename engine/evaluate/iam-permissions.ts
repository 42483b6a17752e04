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
import { lookupAwsManagedPolicy, awsManagedPolicyName } from './aws-managed-policies.js';
import type { EvaluationContext } from './define-control.js';
import { matchesWildcard, parsePolicy, type PolicyStatement, statementCoversAction } from './policy.js';
import { isRecord } from '../normalize/decode.js';

export const POLICY_TYPE = 'AWS::IAM::Policy';
export const GROUP_TYPE = 'AWS::IAM::Group';

export interface PolicySource {
  kind: 'inline' | 'customer-managed' | 'aws-managed';
  name: string;
  arn: string | null;
  /** The group a user holds this policy through. */
  viaGroup: string | null;
  /** Default version, for managed policies. */
  versionId: string | null;
  statements: PolicyStatement[];
}

/** How a policy reads in `observed`. */
export interface PolicyRef {
  policy: string;
  type: PolicySource['kind'];
  arn?: string;
  viaGroup?: string;
}

export const refOf = (source: PolicySource): PolicyRef => ({
  policy: source.name,
  type: source.kind,
  ...(source.arn ? { arn: source.arn } : {}),
  ...(source.viaGroup ? { viaGroup: source.viaGroup } : {}),
});

/** A policy or group the principal references that could not be analysed. */
export interface Unresolved {
  what: string;
  problem: 'not-in-inventory' | 'no-default-version' | 'undecodable';
  detail?: string;
}

export interface PrincipalPolicies {
  identity: PolicySource[];
  /** null: no permissions boundary. */
  boundary: PolicySource | null;
  unresolved: Unresolved[];
  /** True when the boundary itself is among `unresolved`. */
  boundaryUnresolved: boolean;
  /** AWS-managed policies outside our table (AWS Config does not record their documents). */
  notAnalysed: string[];
}

/** Where sample resources live: the principal's own partition and account. */
export interface Scope {
  partition: string;
  accountId: string;
}

export const scopeOf = (resource: Resource): Scope => ({
  partition: resource.arn?.split(':')[1] || 'aws',
  accountId: resource.accountId,
});

type Parsed = { ok: true; statements: PolicyStatement[] } | { ok: false; error: string };

function parseDocument(document: unknown): Parsed {
  // The AWS Config RDK sample items wrap each document in a one-element array.
  const unwrapped = Array.isArray(document) && document.length === 1 ? document[0] : document;
  return parsePolicy(unwrapped);
}

export type DefaultVersion =
  | { ok: true; versionId: string | null; statements: PolicyStatement[] }
  | { ok: false; problem: 'no-default-version' | 'undecodable'; detail: string };

/**
 * The default version of an `AWS::IAM::Policy` item; other versions never
 * grant anything.
 *
 * @example
 * const version = defaultPolicyVersion(policy);
 * if (version.ok) version.statements.length;
 */
export function defaultPolicyVersion(policy: Resource): DefaultVersion {
  const config = policy.configuration;
  const versions = Array.isArray(config?.policyVersionList) ? config.policyVersionList.filter(isRecord) : [];
  const defaultId = typeof config?.defaultVersionId === 'string' ? config.defaultVersionId : null;
  const isDefault = (v: Record<string, unknown>) =>
    defaultId !== null ? v.versionId === defaultId : v.isDefaultVersion === true || String(v.isDefaultVersion).toLowerCase() === 'true';
  const version = versions.find(isDefault);
  if (!version || version.document === undefined || version.document === null) {
    return { ok: false, problem: 'no-default-version', detail: `default version ${defaultId ?? '(unknown)'} is not recorded` };
  }
  const parsed = parseDocument(version.document);
  if (!parsed.ok) return { ok: false, problem: 'undecodable', detail: parsed.error };
  return { ok: true, versionId: typeof version.versionId === 'string' ? version.versionId : defaultId, statements: parsed.statements };
}

type Resolved = { ok: true; source: PolicySource } | { ok: false; unresolved: Unresolved } | { ok: false; notAnalysed: string };

function resolveManaged(arn: string, name: string, viaGroup: string | null, context: EvaluationContext): Resolved {
  // An inventory that does hold the policy (customer-managed, or AWS-managed fetched by a collector) wins.
  const item = context.find(POLICY_TYPE, arn);
  const awsName = awsManagedPolicyName(arn);
  const kind = awsName === null ? 'customer-managed' : 'aws-managed';
  if (item?.configuration) {
    const version = defaultPolicyVersion(item);
    if (!version.ok) return { ok: false, unresolved: { what: arn, problem: version.problem, detail: version.detail } };
    return { ok: true, source: { kind, name, arn, viaGroup, versionId: version.versionId, statements: version.statements } };
  }
  if (awsName !== null) {
    const known = lookupAwsManagedPolicy(arn);
    if (!known) return { ok: false, notAnalysed: arn };
    const parsed = parsePolicy(known.document);
    if (!parsed.ok) return { ok: false, unresolved: { what: arn, problem: 'undecodable', detail: parsed.error } };
    return { ok: true, source: { kind, name, arn, viaGroup, versionId: known.version, statements: parsed.statements } };
  }
  return { ok: false, unresolved: { what: arn, problem: 'not-in-inventory' } };
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

function addPolicies(
  out: PrincipalPolicies,
  config: Record<string, unknown>,
  inlineKey: string,
  viaGroup: string | null,
  context: EvaluationContext,
): void {
  const inline = Array.isArray(config[inlineKey]) ? (config[inlineKey] as unknown[]).filter(isRecord) : [];
  for (const policy of inline) {
    const name = text(policy.policyName) ?? '(unnamed)';
    const parsed = parseDocument(policy.policyDocument);
    if (parsed.ok) out.identity.push({ kind: 'inline', name, arn: null, viaGroup, versionId: null, statements: parsed.statements });
    else out.unresolved.push({ what: `inline policy ${name}`, problem: 'undecodable', detail: parsed.error });
  }
  const attached = Array.isArray(config.attachedManagedPolicies) ? config.attachedManagedPolicies.filter(isRecord) : [];
  for (const policy of attached) {
    const arn = text(policy.policyArn);
    if (!arn) continue;
    const resolved = resolveManaged(arn, text(policy.policyName) ?? arn.split('/').pop() ?? arn, viaGroup, context);
    if (resolved.ok) out.identity.push(resolved.source);
    else if ('notAnalysed' in resolved) out.notAnalysed.push(resolved.notAnalysed);
    else out.unresolved.push(resolved.unresolved);
  }
}

/** Group names of a user, from `groupList`. */
const groupNames = (config: Record<string, unknown>): string[] =>
  Array.isArray(config.groupList) ? config.groupList.filter((g): g is string => typeof g === 'string') : [];

/**
 * Every identity policy a user, role or group holds (inline, customer-managed,
 * AWS-managed, and for a user its groups'), plus its permissions boundary.
 *
 * @example
 * const held = collectPrincipalPolicies(role, context);
 * analyseFullAdmin(held, scopeOf(role)).fullAdmin;
 */
export function collectPrincipalPolicies(principal: Resource, context: EvaluationContext): PrincipalPolicies {
  const out: PrincipalPolicies = { identity: [], boundary: null, unresolved: [], boundaryUnresolved: false, notAnalysed: [] };
  const config = principal.configuration ?? {};
  const inlineKey =
    principal.resourceType === 'AWS::IAM::User' ? 'userPolicyList' : principal.resourceType === 'AWS::IAM::Role' ? 'rolePolicyList' : 'groupPolicyList';
  addPolicies(out, config, inlineKey, null, context);
  if (principal.resourceType === 'AWS::IAM::User') {
    for (const groupName of groupNames(config)) {
      // Group names are unique per account only; a multi-account inventory may repeat them.
      const group = context
        .all(GROUP_TYPE)
        .find((g) => g.accountId === principal.accountId && (g.resourceName === groupName || g.configuration?.groupName === groupName));
      if (!group?.configuration) out.unresolved.push({ what: `group ${groupName}`, problem: 'not-in-inventory' });
      else addPolicies(out, group.configuration, 'groupPolicyList', groupName, context);
    }
  }
  const boundary = config.permissionsBoundary;
  if (isRecord(boundary)) {
    const arn = text(boundary.permissionsBoundaryArn) ?? text(boundary.PermissionsBoundaryArn);
    const resolved = arn ? resolveManaged(arn, arn.split('/').pop() ?? arn, null, context) : null;
    if (resolved?.ok) out.boundary = resolved.source;
    else {
      out.boundaryUnresolved = true;
      const problem = resolved && 'unresolved' in resolved ? resolved.unresolved.problem : 'not-in-inventory';
      out.unresolved.push({ what: `permissions boundary ${arn ?? '(no ARN recorded)'}`, problem });
    }
  }
  return out;
}

/** The one-policy view used by the `AWS::IAM::Policy` controls. */
export const singlePolicy = (source: PolicySource): PrincipalPolicies => ({
  identity: [source],
  boundary: null,
  unresolved: [],
  boundaryUnresolved: false,
  notAnalysed: [],
});

// ---------------------------------------------------------------------------
// Questions: an action on an arbitrary resource of the principal's account.

const ANY = 'zz-any-resource';
const SAMPLE_REGION = 'us-east-1';
const RESOURCE_TEMPLATES: Record<string, string> = {
  user: `arn:{p}:iam::{a}:user/${ANY}`,
  group: `arn:{p}:iam::{a}:group/${ANY}`,
  role: `arn:{p}:iam::{a}:role/${ANY}`,
  policy: `arn:{p}:iam::{a}:policy/${ANY}`,
  instance: `arn:{p}:ec2:{r}:{a}:instance/*`,
  object: `arn:{p}:s3:::${ANY}/${ANY}`,
  key: `arn:{p}:kms:{r}:{a}:key/00000000-0000-4000-8000-000000000000`,
  function: `arn:{p}:lambda:{r}:{a}:function:${ANY}`,
  stack: `arn:{p}:cloudformation:{r}:{a}:stack/${ANY}/00000000-0000-4000-8000-000000000000`,
  devEndpoint: `arn:{p}:glue:{r}:{a}:devEndpoint/${ANY}`,
  taskDefinition: `arn:{p}:ecs:{r}:{a}:task-definition/${ANY}:1`,
  notebook: `arn:{p}:sagemaker:{r}:{a}:notebook-instance/${ANY}`,
  project: `arn:{p}:codebuild:{r}:{a}:project/${ANY}`,
  other: `arn:{p}:zzprobe:{r}:{a}:thing/${ANY}`,
  // Actions without resource-level permissions are authorised against "*".
  none: '*',
};

export interface Question {
  action: string;
  resource: keyof typeof RESOURCE_TEMPLATES;
}

const sampleArn = (question: Question, scope: Scope): string =>
  (RESOURCE_TEMPLATES[question.resource] ?? '*')
    .replace('{p}', scope.partition)
    .replace('{a}', scope.accountId)
    .replace('{r}', SAMPLE_REGION);

/** Whether a Resource/NotResource pattern matches the sample; a pattern pinned to one region matches that region's copy. */
function patternCovers(pattern: string, sample: string): boolean {
  const p = pattern.split(':');
  const s = sample.split(':');
  if (p.length >= 5 && s.length >= 5 && p[0] === 'arn' && s[0] === 'arn' && p[3] !== undefined && !/[*?]/.test(p[3])) {
    s[3] = p[3];
  }
  return matchesWildcard(pattern, s.join(':'));
}

function reachesResource(statement: PolicyStatement, sample: string): boolean {
  if (statement.resources) return statement.resources.some((pattern) => patternCovers(pattern, sample));
  if (statement.notResources) return !statement.notResources.some((pattern) => patternCovers(pattern, sample));
  // An identity statement without Resource is invalid and grants nothing.
  return false;
}

const hasCondition = (statement: PolicyStatement): boolean => Object.keys(statement.condition).length > 0;

function applies(statement: PolicyStatement, question: Question, scope: Scope): boolean {
  return statementCoversAction(statement, question.action) && reachesResource(statement, sampleArn(question, scope));
}

export interface Answer {
  allowed: boolean;
  grantedBy: PolicySource[];
  deniedBy: PolicySource[];
  /** Granted by identity policies but not by the permissions boundary. */
  outsideBoundary: boolean;
}

/**
 * Whether the policies allow `question`. `allowConditional`: whether an Allow
 * with a Condition counts (yes for full admin, no for escalation paths).
 *
 * @example
 * ask(held, { action: 'iam:PassRole', resource: 'role' }, scope, false).allowed
 */
export function ask(held: PrincipalPolicies, question: Question, scope: Scope, allowConditional: boolean): Answer {
  const grants = (source: PolicySource) =>
    source.statements.some((s) => s.effect === 'Allow' && (allowConditional || !hasCondition(s)) && applies(s, question, scope));
  const denies = (source: PolicySource) =>
    source.statements.some((s) => s.effect === 'Deny' && !hasCondition(s) && applies(s, question, scope));
  const grantedBy = held.identity.filter(grants);
  const deniedBy = [...held.identity, ...(held.boundary ? [held.boundary] : [])].filter(denies);
  const outsideBoundary = held.boundary !== null && grantedBy.length > 0 && !grants(held.boundary);
  return { allowed: grantedBy.length > 0 && deniedBy.length === 0 && !outsideBoundary, grantedBy, deniedBy, outsideBoundary };
}

const dedupe = (sources: PolicySource[]): PolicySource[] => [...new Set(sources)];

/** Sensitive actions that full administrative access must include; `zzprobe:*` stands for every action not named. */
export const ADMIN_PROBES: readonly Question[] = [
  { action: 'iam:CreateUser', resource: 'user' },
  { action: 'iam:AttachRolePolicy', resource: 'role' },
  { action: 'iam:PutUserPolicy', resource: 'user' },
  { action: 'sts:AssumeRole', resource: 'role' },
  { action: 'ec2:RunInstances', resource: 'instance' },
  { action: 's3:GetObject', resource: 'object' },
  { action: 'kms:Decrypt', resource: 'key' },
  { action: 'organizations:LeaveOrganization', resource: 'none' },
  { action: 'zzprobe:AnyOtherAction', resource: 'other' },
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
  for (const probe of ADMIN_PROBES) {
    const answer = ask(held, probe, scope, true);
    granting.push(...answer.grantedBy);
    if (answer.allowed) continue;
    if (answer.grantedBy.length === 0) blocked.push({ action: probe.action, reason: 'not granted', by: [] });
    else if (answer.deniedBy.length > 0) blocked.push({ action: probe.action, reason: 'denied', by: answer.deniedBy.map(refOf) });
    else blocked.push({ action: probe.action, reason: 'outside permissions boundary', by: held.boundary ? [refOf(held.boundary)] : [] });
  }
  return { fullAdmin: blocked.length === 0, grantedBy: blocked.length === 0 ? dedupe(granting).map(refOf) : [], blocked };
}

/** Known privilege-escalation paths: every action of a path together lets a principal gain more permissions. */
export const ESCALATION_PATHS: readonly Question[][] = [
  [{ action: 'iam:CreatePolicyVersion', resource: 'policy' }],
  [{ action: 'iam:SetDefaultPolicyVersion', resource: 'policy' }],
  [{ action: 'iam:AttachUserPolicy', resource: 'user' }],
  [{ action: 'iam:AttachGroupPolicy', resource: 'group' }],
  [{ action: 'iam:AttachRolePolicy', resource: 'role' }],
  [{ action: 'iam:PutUserPolicy', resource: 'user' }],
  [{ action: 'iam:PutGroupPolicy', resource: 'group' }],
  [{ action: 'iam:PutRolePolicy', resource: 'role' }],
  [{ action: 'iam:CreateAccessKey', resource: 'user' }],
  [{ action: 'iam:CreateLoginProfile', resource: 'user' }],
  [{ action: 'iam:UpdateLoginProfile', resource: 'user' }],
  [{ action: 'iam:AddUserToGroup', resource: 'group' }],
  [
    { action: 'iam:UpdateAssumeRolePolicy', resource: 'role' },
    { action: 'sts:AssumeRole', resource: 'role' },
  ],
  [
    { action: 'iam:PassRole', resource: 'role' },
    { action: 'ec2:RunInstances', resource: 'instance' },
  ],
  [
    { action: 'iam:PassRole', resource: 'role' },
    { action: 'lambda:CreateFunction', resource: 'function' },
    { action: 'lambda:InvokeFunction', resource: 'function' },
  ],
  [
    { action: 'iam:PassRole', resource: 'role' },
    { action: 'lambda:CreateFunction', resource: 'function' },
    { action: 'lambda:CreateEventSourceMapping', resource: 'none' },
  ],
  [{ action: 'lambda:UpdateFunctionCode', resource: 'function' }],
  [
    { action: 'iam:PassRole', resource: 'role' },
    { action: 'cloudformation:CreateStack', resource: 'stack' },
  ],
  [
    { action: 'iam:PassRole', resource: 'role' },
    { action: 'glue:CreateDevEndpoint', resource: 'devEndpoint' },
  ],
  [{ action: 'glue:UpdateDevEndpoint', resource: 'devEndpoint' }],
  [
    { action: 'iam:PassRole', resource: 'role' },
    { action: 'ecs:RunTask', resource: 'taskDefinition' },
  ],
  [
    { action: 'iam:PassRole', resource: 'role' },
    { action: 'sagemaker:CreateNotebookInstance', resource: 'notebook' },
  ],
  [
    { action: 'iam:PassRole', resource: 'role' },
    { action: 'datapipeline:CreatePipeline', resource: 'none' },
    { action: 'datapipeline:PutPipelineDefinition', resource: 'none' },
  ],
  [
    { action: 'iam:PassRole', resource: 'role' },
    { action: 'codebuild:CreateProject', resource: 'project' },
    { action: 'codebuild:StartBuild', resource: 'project' },
  ],
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
    const answers = path.map((question) => ask(held, question, scope, false));
    if (answers.every((answer) => answer.allowed)) {
      found.push({
        path: path.map((question) => question.action).join(' + '),
        grantedBy: dedupe(answers.flatMap((answer) => answer.grantedBy)).map(refOf),
      });
    }
  }
  return found;
}

/** One line naming the policies, for reasons: "inline policy ops, AWS-managed policy AdministratorAccess (via group admins)". */
export function describePolicies(refs: readonly PolicyRef[]): string {
  const label = { inline: 'inline policy', 'customer-managed': 'customer-managed policy', 'aws-managed': 'AWS-managed policy' };
  const parts = refs.map((ref) => `${label[ref.type]} ${ref.policy}${ref.viaGroup ? ` (via group ${ref.viaGroup})` : ''}`);
  return [...new Set(parts)].join(', ');
}

/** One line naming what could not be analysed, for reasons. */
export function describeUnresolved(unresolved: readonly Unresolved[]): string {
  const label = { 'not-in-inventory': 'not in the inventory', 'no-default-version': 'has no recorded default version', undecodable: 'cannot be decoded' };
  return unresolved.map((u) => `${u.what} ${label[u.problem]}`).join('; ');
}
