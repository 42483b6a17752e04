/**
 * The IAM policies a principal (user, role, group) holds, gathered from the
 * inventory: inline policies, customer-managed policies at their default
 * version, AWS-managed policies from our table, a user's groups' policies,
 * and the permissions boundary; with what could not be resolved, and the
 * readers for one `AWS::IAM::Policy` item on its own. What they allow is
 * analysed in iam-permissions.ts.
 */
import { isRecord } from '../normalize/decode.js';
import type { Resource } from '../types.js';
import { awsManagedPolicyName, lookupAwsManagedPolicy } from './aws-managed-policies.js';
import { readBoolean, readField, readText } from './config-fields.js';
import type { EvaluationContext } from './define-control.js';
import { parsePolicy, type PolicyStatement } from './policy.js';

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
    defaultId !== null ? v.versionId === defaultId : readBoolean(v.isDefaultVersion) === true;
  const version = versions.find(isDefault);
  if (!version || version.document === undefined || version.document === null) {
    return {
      ok: false,
      problem: 'no-default-version',
      detail: `default version ${defaultId ?? '(unknown)'} is not recorded`,
    };
  }
  const parsed = parsePolicy(version.document);
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

function addPolicies(
  out: PrincipalPolicies,
  config: Record<string, unknown>,
  inlineKey: string,
  viaGroup: string | null,
  context: EvaluationContext,
): void {
  const inline = Array.isArray(config[inlineKey]) ? (config[inlineKey] as unknown[]).filter(isRecord) : [];
  for (const policy of inline) {
    const name = readText(policy.policyName) ?? '(unnamed)';
    const parsed = parsePolicy(policy.policyDocument);
    if (parsed.ok)
      out.identity.push({ kind: 'inline', name, arn: null, viaGroup, versionId: null, statements: parsed.statements });
    else out.unresolved.push({ what: `inline policy ${name}`, problem: 'undecodable', detail: parsed.error });
  }
  const attached = Array.isArray(config.attachedManagedPolicies) ? config.attachedManagedPolicies.filter(isRecord) : [];
  for (const policy of attached) {
    const arn = readText(policy.policyArn);
    if (!arn) continue;
    const resolved = resolveManaged(arn, readText(policy.policyName) ?? arn.split('/').pop() ?? arn, viaGroup, context);
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
/** A group is found by account and name: its item's name or its recorded groupName. */
const groupKeys = (group: Resource): string[] =>
  [group.resourceName, readText(group.configuration?.groupName)]
    .filter((name): name is string => Boolean(name))
    .map((name) => `${group.accountId}|${name}`);

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
      const group = context.lookup(GROUP_TYPE, groupKeys, `${principal.accountId}|${groupName}`, 1)[0];
      if (!group?.configuration) out.unresolved.push({ what: `group ${groupName}`, problem: 'not-in-inventory' });
      else addPolicies(out, group.configuration, 'groupPolicyList', groupName, context);
    }
  }
  const boundary = config.permissionsBoundary;
  if (isRecord(boundary)) {
    const arn = readText(readField(boundary, 'permissionsBoundaryArn'));
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
