/**
 * The account's CloudTrail trails: Config's `AWS::CloudTrail::Trail` items
 * joined with the account facts Config does not record (`isLogging`, event
 * selectors), and readers for basic and advanced event selectors. Shared by
 * the account-level CloudTrail controls.
 */
import { isRecord } from '../normalize/decode.js';
import type { Resource, Verdict } from '../types.js';
import { collectionErrorsFor } from './account-facts.js';
import { readBoolean, readField, readText } from './config-fields.js';
import type { EvaluationContext } from './define-control.js';
import { fail, insufficientData } from './verdict.js';

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

export type AccountTrails = { ok: true; trails: TrailView[] } | { ok: false; verdict: Verdict };

/**
 * The account's trails, or the verdict when there are none to judge: FAIL
 * when the collected facts name no trail (the account has none), else
 * INSUFFICIENT_DATA with `unjudged`'s reason and the CloudTrail collection
 * errors.
 *
 * @example
 * const found = trailsToJudge(account, context, () => `Account ${id} has no trail to judge.`);
 * if (!found.ok) return found.verdict;
 */
export function trailsToJudge(
  account: Resource,
  context: EvaluationContext,
  unjudged: (facts: { collected: boolean; factTrailCount: number }) => string,
): AccountTrails {
  const { collected, factTrailCount, trails } = readAccountTrails(account, context);
  if (trails.length > 0) return { ok: true, trails };
  if (collected && factTrailCount === 0) {
    return { ok: false, verdict: fail(`Account ${account.accountId} has no CloudTrail trail.`, { trails: [] }) };
  }
  return {
    ok: false,
    verdict: insufficientData(unjudged({ collected, factTrailCount }), {
      collectionErrors: collectionErrorsFor(account, { service: 'cloudtrail' }),
    }),
  };
}

/**
 * Whether a trail spans every Region (Config) and is logging (account facts); null where not recorded.
 *
 * @example
 * trailStatus(trail) // { multiRegion: true, isLogging: null }
 */
export const trailStatus = (trail: TrailView): { multiRegion: boolean | null; isLogging: boolean | null } => ({
  multiRegion: readBoolean(trail.configuration.isMultiRegionTrail),
  isLogging: readBoolean(trail.facts?.isLogging),
});

/**
 * Which side of a basic event selector's `ReadWriteType` is kept; AWS
 * defaults an omitted type to `All`.
 *
 * @example
 * basicSelectorScope({ ReadWriteType: 'WriteOnly' }) // { read: false, write: true }
 */
export function basicSelectorScope(selector: Record<string, unknown>): { read: boolean; write: boolean } {
  const type = typeof selector.ReadWriteType === 'string' ? selector.ReadWriteType : 'All';
  return { read: type === 'All' || type === 'ReadOnly', write: type === 'All' || type === 'WriteOnly' };
}
