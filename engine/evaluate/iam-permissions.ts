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

/**
 * The `observed` form of a policy source.
 *
 * @example
 * refOf(source) // { policy: 'AdministratorAccess', type: 'aws-managed', arn: 'arn:aws:iam::aws:policy/AdministratorAccess' }
 */
export const refOf = (source: PolicySource): PolicyRef => ({
  policy: source.name,
  type: source.kind,
  ...(source.arn ? { arn: source.arn } : {}),
  ...(source.viaGroup ? { viaGroup: source.viaGroup } : {}),
});

/** A policy or group the principal references that could not be analysed. */
export interface Unresolved {
  what: string;
  problem: 'not-in-inventory' | 'no-default-version' | 'undecodable' | 'not-analysed';
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
    defaultId !== null
      ? v.versionId === defaultId
      : v.isDefaultVersion === true || String(v.isDefaultVersion).toLowerCase() === 'true';
  const version = versions.find(isDefault);
  if (!version || version.document === undefined || version.document === null) {
    return {
      ok: false,
      problem: 'no-default-version',
      detail: `default version ${defaultId ?? '(unknown)'} is not recorded`,
    };
  }
  const parsed = parseDocument(version.document);
  if (!parsed.ok) return { ok: false, problem: 'undecodable', detail: parsed.error };
  return {
    ok: true,
    versionId: typeof version.versionId === 'string' ? version.versionId : defaultId,
    statements: parsed.statements,
  };
}

type Resolved =
  | { ok: true; source: PolicySource }
  | { ok: false; unresolved: Unresolved }
  | { ok: false; notAnalysed: string };

function resolveManaged(arn: string, name: string, viaGroup: string | null, context: EvaluationContext): Resolved {
  // An inventory that does hold the policy (customer-managed, or AWS-managed fetched by a collector) wins.
  const item = context.find(POLICY_TYPE, arn);
  const awsName = awsManagedPolicyName(arn);
  const kind = awsName === null ? 'customer-managed' : 'aws-managed';
  if (item?.configuration) {
    const version = defaultPolicyVersion(item);
    if (!version.ok) return { ok: false, unresolved: { what: arn, problem: version.problem, detail: version.detail } };
    return {
      ok: true,
      source: { kind, name, arn, viaGroup, versionId: version.versionId, statements: version.statements },
    };
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
    if (parsed.ok)
      out.identity.push({ kind: 'inline', name, arn: null, viaGroup, versionId: null, statements: parsed.statements });
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
  const out: PrincipalPolicies = {
    identity: [],
    boundary: null,
    unresolved: [],
    boundaryUnresolved: false,
    notAnalysed: [],
  };
  const config = principal.configuration ?? {};
  const inlineKey =
    principal.resourceType === 'AWS::IAM::User'
      ? 'userPolicyList'
      : principal.resourceType === 'AWS::IAM::Role'
        ? 'rolePolicyList'
        : 'groupPolicyList';
  addPolicies(out, config, inlineKey, null, context);
  if (principal.resourceType === 'AWS::IAM::User') {
    for (const groupName of groupNames(config)) {
      // Group names are unique per account only; a multi-account inventory may repeat them.
      const group = context
        .all(GROUP_TYPE)
        .find(
          (g) =>
            g.accountId === principal.accountId &&
            (g.resourceName === groupName || g.configuration?.groupName === groupName),
        );
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
      // An AWS-managed boundary outside our table cannot be assumed to allow or to cut anything.
      const problem =
        resolved && 'unresolved' in resolved
          ? resolved.unresolved.problem
          : resolved
            ? 'not-analysed'
            : 'not-in-inventory';
      out.unresolved.push({ what: `permissions boundary ${arn ?? '(no ARN recorded)'}`, problem });
    }
  }
  return out;
}

/**
 * The one-policy view used by the `AWS::IAM::Policy` controls.
 *
 * @example
 * findEscalationPaths(singlePolicy(source), scopeOf(policy));
 */
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
function sampleArn(action: string, scope: Scope): string {
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
  return matchesWildcard(pattern, s.join(':'));
}

function reachesResource(statement: PolicyStatement, sample: string): boolean {
  if (statement.resources) return statement.resources.some((pattern) => patternCovers(pattern, sample));
  if (statement.notResources) return !statement.notResources.some((pattern) => patternCovers(pattern, sample));
  // An identity statement without Resource is invalid and grants nothing.
  return false;
}

const hasCondition = (statement: PolicyStatement): boolean => Object.keys(statement.condition).length > 0;

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
  const sample = sampleArn(action, scope);
  const applies = (s: PolicyStatement) => statementCoversAction(s, action) && reachesResource(s, sample);
  const grants = (source: PolicySource) =>
    source.statements.some((s) => s.effect === 'Allow' && (allowConditional || !hasCondition(s)) && applies(s));
  const denies = (source: PolicySource) =>
    source.statements.some((s) => s.effect === 'Deny' && !hasCondition(s) && applies(s));
  const grantedBy = held.identity.filter(grants);
  const deniedBy = [...held.identity, ...(held.boundary ? [held.boundary] : [])].filter(denies);
  const outsideBoundary = held.boundary !== null && grantedBy.length > 0 && !grants(held.boundary);
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

/**
 * One line naming the policies, for reasons.
 *
 * @example
 * describePolicies(refs) // 'inline policy ops, AWS-managed policy AdministratorAccess of group admins'
 */
export function describePolicies(refs: readonly PolicyRef[]): string {
  const label = {
    inline: 'inline policy',
    'customer-managed': 'customer-managed policy',
    'aws-managed': 'AWS-managed policy',
  };
  const parts = refs.map((ref) => `${label[ref.type]} ${ref.policy}${ref.viaGroup ? ` of group ${ref.viaGroup}` : ''}`);
  return [...new Set(parts)].join(', ');
}

/**
 * One line naming what could not be analysed, for reasons.
 *
 * @example
 * describeUnresolved(held.unresolved) // 'group admins not in the inventory'
 */
export function describeUnresolved(unresolved: readonly Unresolved[]): string {
  const label = {
    'not-in-inventory': 'not in the inventory',
    'no-default-version': 'has no recorded default version',
    undecodable: 'cannot be decoded',
    'not-analysed': 'is an AWS-managed policy whose document this tool does not hold',
  };
  return unresolved.map((u) => `${u.what} ${label[u.problem]}`).join('; ');
}

/**
 * "IAM user", "IAM role" or "IAM group", for reasons.
 *
 * @example
 * principalLabel(role) // 'IAM role'
 */
export function principalLabel(principal: Resource): string {
  return `IAM ${principal.resourceType.replace(/^AWS::IAM::/, '').toLowerCase()}`;
}

export type PolicyItemSource =
  | { ok: true; source: PolicySource; awsManaged: boolean }
  | { ok: false; problem: 'no-default-version' | 'undecodable'; detail: string };

/**
 * The default version of an `AWS::IAM::Policy` item as a policy source, for
 * the controls that judge one managed policy on its own.
 *
 * @example
 * const item = policyItemSource(policy);
 * if (item.ok) analyseFullAdmin(singlePolicy(item.source), scopeOf(policy));
 */
export function policyItemSource(policy: Resource): PolicyItemSource {
  const version = defaultPolicyVersion(policy);
  if (!version.ok) return version;
  const arn = policy.arn ?? text(policy.configuration?.arn);
  const name = text(policy.configuration?.policyName) ?? policy.resourceName ?? policy.resourceId;
  return {
    ok: true,
    awsManaged: arn !== null && awsManagedPolicyName(arn) !== null,
    source: {
      kind: 'customer-managed',
      name,
      arn,
      viaGroup: null,
      versionId: version.versionId,
      statements: version.statements,
    },
  };
}

/**
 * How widely a managed policy is used, for `observed`: an unattached policy is
 * still judged (anyone with iam:Attach* can use it tomorrow).
 *
 * @example
 * policyUsage(policy) // { attachmentCount: 0, permissionsBoundaryUsageCount: 3, attached: false }
 */
export function policyUsage(policy: Resource): {
  attachmentCount: number | null;
  permissionsBoundaryUsageCount: number | null;
  attached: boolean | null;
} {
  const number = (value: unknown) =>
    typeof value === 'number' ? value : typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : null;
  const attachmentCount = number(policy.configuration?.attachmentCount);
  return {
    attachmentCount,
    permissionsBoundaryUsageCount: number(policy.configuration?.permissionsBoundaryUsageCount),
    attached: attachmentCount === null ? null : attachmentCount > 0,
  };
}
