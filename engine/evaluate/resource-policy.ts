/**
 * Who outside the owning account can use a resource, read from its resource
 * policy (KMS key policy, SNS topic and SQS queue policy, Lambda function
 * policy, OpenSearch access policy), and the verdict the "not public"
 * controls share.
 */
import type { Resource, Verdict } from '../types.js';
import { decodeErrorFor } from './config-fields.js';
import {
  conditionRestrictsPrincipal,
  isNarrowingOperator,
  isPublicStatement,
  type PolicyCondition,
  type PolicyStatement,
  parsePolicy,
  statementCoversAction,
  statementHasPublicPrincipal,
  statementLabel,
} from './policy.js';
import { error, fail, pass } from './verdict.js';

/** `public`: anyone; `crossAccount`: named other accounts; `unpinnedService`: a service principal any account's resources can drive. */
export type ExposureKind = 'public' | 'crossAccount' | 'unpinnedService';

export interface StatementExposure {
  kind: ExposureKind;
  /** The statement's Sid, or `#<index>` when it has none. */
  statement: string;
  principals: string[];
  actions: string[];
  /** Lower-cased condition keys that narrow the statement. */
  pinnedBy: string[];
  /** Accounts other than the owner that the statement reaches. */
  accounts: string[];
  /** The statement's Condition block (keys lower-cased), as evidence. */
  condition: PolicyCondition;
}

export type ResourcePolicyExposure =
  | {
      ok: true;
      statementCount: number;
      public: StatementExposure[];
      crossAccount: StatementExposure[];
      unpinnedService: StatementExposure[];
    }
  | { ok: false; error: string };

export interface ExposureOptions {
  ownerAccountId: string;
  /** Only statements covering at least one of these actions count; all statements when absent. */
  actions?: readonly string[];
}

const ACCOUNT_KEYS = new Set([
  'aws:sourceaccount',
  'aws:sourceowner',
  'aws:principalaccount',
  'kms:calleraccount',
  's3:dataaccesspointaccount',
]);
const ARN_KEYS = new Set(['aws:sourcearn', 'aws:principalarn', 's3:dataaccesspointarn']);

const accountOf = (value: string): string | null => {
  if (/^\d{12}$/.test(value)) return value;
  const account = value.startsWith('arn:') ? value.split(':')[4] : undefined;
  return account && /^\d{12}$/.test(account) ? account : null;
};

/** Accounts named by the pinning keys under narrowing operators (policy.ts `isNarrowingOperator`). */
function pinnedAccounts(statement: PolicyStatement, pins: readonly string[]): string[] {
  const accounts = new Set<string>();
  for (const [operator, keys] of Object.entries(statement.condition)) {
    if (!isNarrowingOperator(operator)) continue;
    for (const [key, values] of Object.entries(keys)) {
      if (!pins.includes(key) || !(ACCOUNT_KEYS.has(key) || ARN_KEYS.has(key))) continue;
      for (const value of values) {
        const account = accountOf(value);
        if (account) accounts.add(account);
      }
    }
  }
  return [...accounts];
}

const ORG_KEYS = new Set(['aws:sourceorgid', 'aws:sourceorgpaths', 'aws:principalorgid', 'aws:principalorgpaths']);

/**
 * A service principal acts for whichever account's resource calls it, so it
 * is pinned only when the condition fixes that account: an account or
 * organization key, or a source ARN that names an account. S3 bucket ARNs
 * name none (a deleted bucket's name can be re-registered by anyone), which
 * is why the Lambda managed rule asks for aws:SourceAccount on S3 triggers.
 */
function pinsSourceAccount(statement: PolicyStatement, pins: readonly string[]): boolean {
  if (pins.some((key) => ACCOUNT_KEYS.has(key) || ORG_KEYS.has(key))) return true;
  return Object.entries(statement.condition).some(
    ([operator, keys]) =>
      isNarrowingOperator(operator) &&
      Object.entries(keys).some(
        ([key, values]) =>
          pins.includes(key) && ARN_KEYS.has(key) && values.length > 0 && values.every((v) => accountOf(v) !== null),
      ),
  );
}

const describeActions = (statement: PolicyStatement): string[] =>
  statement.actions ?? (statement.notActions ?? []).map((action) => `NotAction:${action}`);

/**
 * Sorts a resource policy's Allow statements by who they reach beyond the
 * owner. A public principal (`*`, `{"AWS":"*"}`, `arn:aws:iam::*:root`,
 * Allow + NotPrincipal) is public unless a condition pins it (policy.ts
 * `isPublicStatement`); pinned to another account's id or ARN it is
 * cross-account. Deny statements are not subtracted.
 *
 * @example
 * const exposure = evaluateResourcePolicyExposure(key.supplementary.Policy, { ownerAccountId: key.accountId });
 * if (exposure.ok && exposure.public.length > 0) return fail('KMS key … is public.');
 */
export function evaluateResourcePolicyExposure(policy: unknown, options: ExposureOptions): ResourcePolicyExposure {
  const parsed = parsePolicy(policy);
  if (!parsed.ok) return parsed;
  const result = {
    ok: true as const,
    statementCount: parsed.statements.length,
    public: [] as StatementExposure[],
    crossAccount: [] as StatementExposure[],
    unpinnedService: [] as StatementExposure[],
  };
  parsed.statements.forEach((statement, index) => {
    if (statement.effect !== 'Allow') return;
    if (options.actions && !options.actions.some((action) => statementCoversAction(statement, action))) return;
    // policy.ts pins only on who-may-call keys, so lambda:FunctionUrlAuthType (how a URL authenticates) is never one.
    const pins = conditionRestrictsPrincipal(statement.condition).by;
    const base = {
      statement: statementLabel(statement, index),
      actions: describeActions(statement),
      pinnedBy: pins,
      condition: statement.condition,
    };
    const principal = statement.principal;
    const named = [...(principal?.aws ?? []), ...(principal?.canonicalUser ?? [])];

    if (statementHasPublicPrincipal(statement)) {
      const principals = statement.notPrincipal ? ['NotPrincipal'] : named.length > 0 ? named : ['*'];
      if (isPublicStatement(statement) || pins.length === 0) {
        result.public.push({ kind: 'public', ...base, principals, accounts: [] });
        return;
      }
      const foreign = pinnedAccounts(statement, pins).filter((account) => account !== options.ownerAccountId);
      if (foreign.length > 0)
        result.crossAccount.push({ kind: 'crossAccount', ...base, principals, accounts: foreign });
      return;
    }

    const explicitForeign = named
      .map(accountOf)
      .filter((account): account is string => account !== null && account !== options.ownerAccountId);
    const services = principal?.service ?? [];
    const serviceForeign =
      services.length > 0 ? pinnedAccounts(statement, pins).filter((a) => a !== options.ownerAccountId) : [];
    const foreign = [...new Set([...explicitForeign, ...serviceForeign])];
    if (foreign.length > 0) {
      result.crossAccount.push({
        kind: 'crossAccount',
        ...base,
        principals: [...named, ...services],
        accounts: foreign,
      });
    }
    if (services.length > 0 && !pinsSourceAccount(statement, pins)) {
      result.unpinnedService.push({ kind: 'unpinnedService', ...base, principals: services, accounts: [] });
    }
  });
  return result;
}

type PolicyExposure = Extract<ResourcePolicyExposure, { ok: true }>;

/** What a "not public" control knows about the policy it judges. */
export interface PolicyUnderJudgement {
  resource: Resource;
  /** The recorded policy document (absent, null or "" when none was recorded). */
  policy: unknown;
  /** The Config field that holds it, whose decode error reads as ERROR. */
  field: string;
  /** "KMS key prod-key": starts every reason. */
  subject: string;
  /** "key policy", "queue policy": what the reasons call the policy. */
  policyName: string;
  /** The verdict when no policy is recorded. */
  whenAbsent: () => Verdict;
  /** Only statements covering one of these actions count (`ExposureOptions.actions`); all when absent. */
  actions?: readonly string[];
}

export type PolicyExposureReading = { ok: true; exposure: PolicyExposure } | { ok: false; verdict: Verdict };

/**
 * The exposure of a recorded resource policy, or the verdict when there is
 * none to judge: ERROR for a value that failed to decode or parse,
 * `whenAbsent()` for a missing one.
 *
 * @example
 * const read = readPolicyExposure({ resource, policy, field: 'Policy', subject: `Lambda function ${name}`,
 *   policyName: 'resource policy', whenAbsent: () => pass(`Lambda function ${name} has no resource-based policy.`) });
 * if (!read.ok) return read.verdict;
 */
export function readPolicyExposure(input: PolicyUnderJudgement): PolicyExposureReading {
  const { resource, policy, subject, policyName } = input;
  const unreadable = decodeErrorFor(resource, input.field);
  if (unreadable) {
    return { ok: false, verdict: error(`${subject} has a ${policyName} that cannot be decoded: ${unreadable}.`) };
  }
  if (policy === undefined || policy === null || policy === '') return { ok: false, verdict: input.whenAbsent() };
  const exposure = evaluateResourcePolicyExposure(policy, {
    ownerAccountId: resource.accountId,
    ...(input.actions ? { actions: input.actions } : {}),
  });
  if (!exposure.ok) {
    return { ok: false, verdict: error(`${subject} has a ${policyName} that cannot be read: ${exposure.error}.`) };
  }
  return { ok: true, exposure };
}

/**
 * The evidence of an exposure: every statement that reaches beyond the owner.
 *
 * @example
 * exposureObserved(exposure).publicStatements // [{ kind: 'public', statement: 'Open', ... }]
 */
export const exposureObserved = (exposure: PolicyExposure): Record<string, unknown> => ({
  statementCount: exposure.statementCount,
  publicStatements: exposure.public,
  crossAccountStatements: exposure.crossAccount,
  serviceStatementsWithoutSourceCondition: exposure.unpinnedService,
});

/**
 * The verdict of a "policy does not grant access to everyone" control: FAIL
 * naming each public statement and its actions, else PASS; cross-account and
 * unpinned service statements are evidence only.
 *
 * @example
 * judgePublicPolicy({ resource: topic, policy: topic.configuration?.Policy, field: 'Policy',
 *   subject: `SNS topic ${name}`, policyName: 'topic policy',
 *   whenAbsent: () => insufficientData(`SNS topic ${name} has no recorded topic policy.`) });
 */
export function judgePublicPolicy(input: PolicyUnderJudgement): Verdict {
  const read = readPolicyExposure(input);
  if (!read.ok) return read.verdict;
  const observed = exposureObserved(read.exposure);
  if (read.exposure.public.length > 0) {
    const detail = read.exposure.public.map((s) => `${s.statement}: ${s.actions.join(', ')}`).join('; ');
    return fail(`${input.subject} has a ${input.policyName} granting access to everyone (${detail}).`, observed);
  }
  return pass(`${input.subject} has a ${input.policyName} with no public statement.`, observed);
}
