/**
 * What the IAM permission controls share around the analysis: a principal or
 * a single `AWS::IAM::Policy` item prepared for judgement (its name, what it
 * holds, the evidence every verdict carries) and the verdicts for what could
 * not be read. The analysis itself is in iam-permissions.ts.
 */
import type { Resource, Verdict } from '../types.js';
import { readNumber, readText } from './config-fields.js';
import type { EvaluationContext } from './define-control.js';
import { awsManagedPolicyName } from './aws-managed-policies.js';
import { type Scope, scopeOf } from './iam-permissions.js';
import {
  collectPrincipalPolicies,
  defaultPolicyVersion,
  describeUnresolved,
  type PolicySource,
  type PrincipalPolicies,
  refOf,
  singlePolicy,
} from './iam-policy-sources.js';
import { displayName, error, insufficientData, notApplicable } from './verdict.js';

/**
 * "IAM user", "IAM role" or "IAM group", for reasons.
 *
 * @example
 * principalLabel(role) // 'IAM role'
 */
export function principalLabel(principal: Resource): string {
  return `IAM ${principal.resourceType.replace(/^AWS::IAM::/, '').toLowerCase()}`;
}

/** A user, role or group with everything it holds, ready for a control's questions. */
export interface PrincipalUnderJudgement {
  /** "IAM role deploy": starts every reason. */
  name: string;
  held: PrincipalPolicies;
  scope: Scope;
  /** The evidence every verdict carries: what was analysed and what was not. */
  observed: Record<string, unknown>;
}

/**
 * Gathers what a principal holds and the evidence of it.
 *
 * @example
 * const judged = preparePrincipal(role, context);
 * analyseFullAdmin(judged.held, judged.scope).fullAdmin;
 */
export function preparePrincipal(principal: Resource, context: EvaluationContext): PrincipalUnderJudgement {
  const held = collectPrincipalPolicies(principal, context);
  return {
    name: `${principalLabel(principal)} ${displayName(principal)}`,
    held,
    scope: scopeOf(principal),
    observed: {
      policiesAnalysed: held.identity.map(refOf),
      permissionsBoundary: held.boundary ? refOf(held.boundary) : null,
      awsManagedNotAnalysed: held.notAnalysed,
      unresolved: held.unresolved,
    },
  };
}

/**
 * The verdict when some policy could not be analysed, or null when all
 * were: ERROR for an undecodable document, else INSUFFICIENT_DATA naming
 * what is missing.
 *
 * @example
 * return unresolvedPoliciesVerdict(judged) ?? pass(`${judged.name} holds no known path.`, judged.observed);
 */
export function unresolvedPoliciesVerdict({ name, held, observed }: PrincipalUnderJudgement): Verdict | null {
  const undecodable = held.unresolved.filter((u) => u.problem === 'undecodable');
  if (undecodable.length > 0) {
    return error(`${name} has policies that cannot be decoded: ${describeUnresolved(undecodable)}.`, observed);
  }
  if (held.unresolved.length > 0) {
    return insufficientData(`${name} cannot be judged: ${describeUnresolved(held.unresolved)}.`, observed);
  }
  return null;
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
  const arn = policy.arn ?? readText(policy.configuration?.arn);
  const name = readText(policy.configuration?.policyName) ?? policy.resourceName ?? policy.resourceId;
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
  const attachmentCount = readNumber(policy.configuration?.attachmentCount);
  return {
    attachmentCount,
    permissionsBoundaryUsageCount: readNumber(policy.configuration?.permissionsBoundaryUsageCount),
    attached: attachmentCount === null ? null : attachmentCount > 0,
  };
}

/** A customer-managed policy item, ready for a control's questions. */
export type PolicyUnderJudgement =
  | {
      ok: true;
      /** The policy's display name. */
      name: string;
      source: PolicySource;
      held: PrincipalPolicies;
      scope: Scope;
      usage: ReturnType<typeof policyUsage>;
      /** Usage and default version, the evidence every verdict carries. */
      observed: Record<string, unknown>;
    }
  | { ok: false; verdict: Verdict };

/**
 * Prepares an `AWS::IAM::Policy` item for judgement, or gives the verdict
 * when it cannot or need not be judged: ERROR for an undecodable default
 * version, INSUFFICIENT_DATA for a missing one, NOT_APPLICABLE for an
 * AWS-managed policy (judged where it is attached).
 *
 * @example
 * const policy = preparePolicyItem(item);
 * if (!policy.ok) return policy.verdict;
 * findEscalationPaths(policy.held, policy.scope);
 */
export function preparePolicyItem(policy: Resource): PolicyUnderJudgement {
  const name = displayName(policy);
  const usage = policyUsage(policy);
  const item = policyItemSource(policy);
  if (!item.ok) {
    return {
      ok: false,
      verdict:
        item.problem === 'undecodable'
          ? error(`IAM policy ${name} has a default version that cannot be decoded: ${item.detail}.`, usage)
          : insufficientData(`IAM policy ${name} cannot be judged: its ${item.detail}.`, usage),
    };
  }
  const observed = { ...usage, defaultVersionId: item.source.versionId };
  if (item.awsManaged) {
    return {
      ok: false,
      verdict: notApplicable(`IAM policy ${name} is AWS-managed; it is judged where it is attached.`, observed),
    };
  }
  return {
    ok: true,
    name,
    source: item.source,
    held: singlePolicy(item.source),
    scope: scopeOf(policy),
    usage,
    observed,
  };
}
