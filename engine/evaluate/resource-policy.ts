/**
 * Who outside the owning account can use a resource, read from its resource
 * policy (KMS key policy, SNS topic and SQS queue policy, Lambda function
 * policy, OpenSearch access policy). Also the few readers that the KMS,
 * logging, monitoring and messaging controls share: values that AWS sends
 * loosely typed, and the account-level facts on `AWS::::Account`.
 */
import { isRecord } from '../normalize/decode.js';
import type { Resource } from '../types.js';
import type { EvaluationContext } from './define-control.js';
import {
  conditionRestrictsPrincipal,
  isPublicStatement,
  type PolicyCondition,
  type PolicyStatement,
  parsePolicy,
  statementCoversAction,
  statementHasPublicPrincipal,
} from './policy.js';

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

/**
 * `lambda:FunctionUrlAuthType` says how a function URL authenticates, not who
 * may call it: `NONE` is the very statement that opens a URL to the internet.
 */
const NOT_A_PIN = new Set(['lambda:functionurlauthtype']);

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

/** Accounts named by the pinning keys (negated and `IfExists` operators narrow nothing). */
function pinnedAccounts(statement: PolicyStatement, pins: readonly string[]): string[] {
  const accounts = new Set<string>();
  for (const [operator, keys] of Object.entries(statement.condition)) {
    if (/Not|IfExists$/.test(operator)) continue;
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
      !/Not|IfExists$/.test(operator) &&
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
    const pins = conditionRestrictsPrincipal(statement.condition).by.filter((key) => !NOT_A_PIN.has(key));
    const base = {
      statement: statement.sid ?? `#${index}`,
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

/**
 * Reads a boolean the way Config delivers them: `true`, or `"true"`/`"TRUE"`
 * in the string-typed shapes (SQS attributes, some supplementary values).
 *
 * @example
 * readBoolean('False') // false
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
 * Reads a number that may arrive as a numeric string (SQS attributes, some Select rows).
 *
 * @example
 * readNumber('365') // 365
 */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value);
  return null;
}

/**
 * A field by name, falling back to a case-insensitive match: the same
 * service is recorded as `VPCOptions` (OpenSearch, CloudFormation style) and
 * `vpcoptions` (Elasticsearch, Config style).
 *
 * @example
 * readField({ vpcoptions: {} }, 'VPCOptions') // {}
 */
export function readField(record: unknown, name: string): unknown {
  if (!isRecord(record)) return undefined;
  if (name in record) return record[name];
  const lower = name.toLowerCase();
  const key = Object.keys(record).find((candidate) => candidate.toLowerCase() === lower);
  return key === undefined ? undefined : record[key];
}

/**
 * The normaliser's decode error for a field, if any: an undecodable
 * supplementary value is dropped from `supplementary` and only named in
 * `decodeErrors`, so "absent" must be told apart from "unreadable".
 *
 * @example
 * decodeErrorFor(key, 'Policy') // 'supplementaryConfiguration.Policy: not valid JSON (...)'
 */
export function decodeErrorFor(resource: Resource, field: string): string | null {
  const prefixes = [`supplementaryConfiguration.${field}:`, `${field}:`];
  return resource.decodeErrors.find((entry) => prefixes.some((prefix) => entry.startsWith(prefix))) ?? null;
}

/** A non-empty string, else null. */
export const readText = (value: unknown): string | null =>
  typeof value === 'string' && value.trim().length > 0 ? value : null;

/** One region's outcome in an account-wide control. */
export interface RegionOutcome {
  region: string;
  state: 'ok' | 'fail' | 'unknown';
  /** Why, in a few words: "recorder stopped", "no detector". */
  detail: string;
  observed: Record<string, unknown>;
}

/**
 * The per-region facts of an account resource: `null` when none were
 * collected (absent, or an empty map), else the regions in name order.
 *
 * @example
 * const regions = readRegionalFacts(account); // [['eu-west-1', {...}], ['us-east-1', {...}]]
 */
export function readRegionalFacts(account: Resource): [string, Record<string, unknown>][] | null {
  const regions = account.configuration?.regions;
  if (!isRecord(regions)) return null;
  const entries = Object.entries(regions)
    .filter((entry): entry is [string, Record<string, unknown>] => isRecord(entry[1]))
    .sort(([a], [b]) => a.localeCompare(b));
  return entries.length > 0 ? entries : null;
}

/**
 * Splits region outcomes into failing, unknown and passing region names.
 *
 * @example
 * const { failing, unknown } = partitionRegions(outcomes);
 */
export function partitionRegions(outcomes: readonly RegionOutcome[]): {
  failing: RegionOutcome[];
  unknown: RegionOutcome[];
  ok: RegionOutcome[];
  byRegion: Record<string, Record<string, unknown>>;
} {
  const byRegion: Record<string, Record<string, unknown>> = {};
  for (const outcome of outcomes) byRegion[outcome.region] = { state: outcome.state, ...outcome.observed };
  return {
    failing: outcomes.filter((outcome) => outcome.state === 'fail'),
    unknown: outcomes.filter((outcome) => outcome.state === 'unknown'),
    ok: outcomes.filter((outcome) => outcome.state === 'ok'),
    byRegion,
  };
}

/** `region: detail` list for reasons. */
export const describeRegions = (outcomes: readonly RegionOutcome[]): string =>
  outcomes.map((outcome) => `${outcome.region} (${outcome.detail})`).join(', ');

/**
 * The collection errors recorded for one service (e.g. `guardduty`), kept as
 * evidence of why a fact is missing.
 *
 * @example
 * collectionErrorsFor(account, 'config') // [{ service: 'config', code: 'AccessDeniedException', ... }]
 */
export function collectionErrorsFor(account: Resource, service: string): Record<string, unknown>[] {
  const errors = account.configuration?.collectionErrors;
  if (!Array.isArray(errors)) return [];
  return errors.filter(
    (error): error is Record<string, unknown> =>
      isRecord(error) && typeof error.service === 'string' && error.service.toLowerCase() === service,
  );
}

/** A trail from the inventory with the account facts Config does not record. */
export interface TrailView {
  name: string;
  arn: string | null;
  configuration: Record<string, unknown>;
  /** `cloudTrail[<trailArn>]` of the account facts (isLogging, selectors), when collected. */
  facts: Record<string, unknown> | undefined;
}

/**
 * The account's trails: Config's `AWS::CloudTrail::Trail` items (owned by the
 * account, or named in its facts, which covers organization trails) joined
 * with `cloudTrail[<arn>]`. `collected` says whether the facts hold a
 * cloudTrail map at all; `factTrailCount` how many trails it names.
 *
 * @example
 * const { trails } = readAccountTrails(account, context);
 */
export function readAccountTrails(
  account: Resource,
  context: EvaluationContext,
): { collected: boolean; factTrailCount: number; trails: TrailView[] } {
  const facts = account.configuration?.cloudTrail;
  const byArn = isRecord(facts) ? facts : {};
  const trails: TrailView[] = [];
  for (const trail of context.all('AWS::CloudTrail::Trail')) {
    const configuration = trail.configuration;
    if (!configuration) continue;
    const arn = readText(configuration.trailARN) ?? trail.arn;
    if (trail.accountId !== account.accountId && !(arn && arn in byArn)) continue;
    const trailFacts = arn ? byArn[arn] : undefined;
    trails.push({
      name: readText(configuration.name) ?? trail.resourceName ?? trail.resourceId,
      arn,
      configuration,
      facts: isRecord(trailFacts) ? trailFacts : undefined,
    });
  }
  trails.sort((a, b) => a.name.localeCompare(b.name));
  return { collected: isRecord(facts), factTrailCount: Object.keys(byArn).length, trails };
}

/** One field condition of a CloudTrail advanced event selector; `field` is as AWS spells it (`readOnly`, `resources.type`). */
export interface FieldSelector {
  field: string;
  equals: string[];
  notEquals: string[];
  startsWith: string[];
  notStartsWith: string[];
  endsWith: string[];
  notEndsWith: string[];
}

export type TrailSelectors =
  | { kind: 'advanced'; selectors: FieldSelector[][] }
  | { kind: 'basic'; selectors: Record<string, unknown>[] }
  /** No custom selectors: CloudTrail logs all management events, read and write, and no data events. */
  | { kind: 'default' }
  | { kind: 'unknown' };

const stringList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

/**
 * A trail's event selectors from the account facts (`GetEventSelectors`
 * returns either `EventSelectors` or `AdvancedEventSelectors`). When none
 * were collected, Config's `hasCustomEventSelectors: false` still proves the
 * default selector.
 *
 * @example
 * const selectors = readTrailSelectors(trail);
 * if (selectors.kind === 'advanced') selectors.selectors[0]?.find((f) => f.field === 'eventCategory');
 */
export function readTrailSelectors(trail: TrailView): TrailSelectors {
  const advanced = readField(trail.facts, 'advancedEventSelectors');
  if (Array.isArray(advanced) && advanced.length > 0) {
    return {
      kind: 'advanced',
      selectors: advanced.filter(isRecord).map((selector) =>
        (Array.isArray(readField(selector, 'FieldSelectors'))
          ? (readField(selector, 'FieldSelectors') as unknown[])
          : []
        )
          .filter(isRecord)
          .map((field) => ({
            field: String(readField(field, 'Field') ?? ''),
            equals: stringList(readField(field, 'Equals')),
            notEquals: stringList(readField(field, 'NotEquals')),
            startsWith: stringList(readField(field, 'StartsWith')),
            notStartsWith: stringList(readField(field, 'NotStartsWith')),
            endsWith: stringList(readField(field, 'EndsWith')),
            notEndsWith: stringList(readField(field, 'NotEndsWith')),
          })),
      ),
    };
  }
  const basic = readField(trail.facts, 'eventSelectors');
  if (Array.isArray(basic)) return { kind: 'basic', selectors: basic.filter(isRecord) };
  if (readBoolean(trail.configuration.hasCustomEventSelectors) === false) return { kind: 'default' };
  return { kind: 'unknown' };
}

/**
 * A field of an advanced event selector by name; AWS documents the names in
 * camelCase but matches them case-insensitively.
 *
 * @example
 * findSelectorField(fields, 'resources.type')?.equals // ['AWS::S3::Object']
 */
export const findSelectorField = (fields: readonly FieldSelector[], name: string): FieldSelector | undefined =>
  fields.find((candidate) => candidate.field.toLowerCase() === name.toLowerCase());

/**
 * Which side of an advanced selector's `readOnly` filter is kept: `Equals
 * ["true"]` (or `NotEquals ["false"]`) keeps reads only, and the reverse keeps
 * writes only; without the field both are kept.
 *
 * @example
 * readOnlyScope([{ field: 'readOnly', equals: ['false'], ... }]) // { read: false, write: true }
 */
export function readOnlyScope(fields: readonly FieldSelector[]): { read: boolean; write: boolean } {
  const readOnly = findSelectorField(fields, 'readOnly');
  const negated = readOnly?.notEquals[0];
  const only = readOnly?.equals[0] ?? (negated === 'true' ? 'false' : negated === 'false' ? 'true' : undefined);
  return { read: only !== 'false', write: only !== 'true' };
}
