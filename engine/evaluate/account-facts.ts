/**
 * Readers of the account-level facts that the collector records on the
 * `AWS::::Account` resource (engine/normalize/account-facts.ts builds it):
 * the per-Region state of account-wide services, judged Region by Region,
 * and the collection errors that explain a missing fact.
 */
import { isRecord } from '../normalize/decode.js';
import type { Resource, Verdict } from '../types.js';
import { fail, insufficientData } from './verdict.js';

/** Which collection errors to keep: those of one service (`guardduty`), or of named operations (`GetCredentialReport`). */
export type CollectionErrorMatch = { service: string } | { operations: readonly string[] };

/**
 * The collection errors recorded for one service or for some operations
 * (both compared ignoring case), kept as evidence of why a fact is missing.
 *
 * @example
 * collectionErrorsFor(account, { service: 'config' }) // [{ service: 'config', code: 'AccessDeniedException', ... }]
 * collectionErrorsFor(account, { operations: ['GetAccountPasswordPolicy'] })
 */
export function collectionErrorsFor(account: Resource, match: CollectionErrorMatch): Record<string, unknown>[] {
  const errors = account.configuration?.collectionErrors;
  if (!Array.isArray(errors)) return [];
  const [field, wanted] =
    'service' in match
      ? (['service', new Set([match.service.toLowerCase()])] as const)
      : (['operation', new Set(match.operations.map((operation) => operation.toLowerCase()))] as const);
  return errors.filter(
    (entry): entry is Record<string, unknown> =>
      isRecord(entry) && typeof entry[field] === 'string' && wanted.has(entry[field].toLowerCase()),
  );
}

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

/**
 * `region (detail)` list for reasons.
 *
 * @example
 * describeRegions(failing) // 'eu-west-1 (no detector), us-east-1 (detector suspended)'
 */
export const describeRegions = (outcomes: readonly RegionOutcome[]): string =>
  outcomes.map((outcome) => `${outcome.region} (${outcome.detail})`).join(', ');

/** How an account-wide control words its verdicts; each phrase follows "Account <id> has". */
export interface RegionalControl<O extends RegionOutcome> {
  /** The service whose collection errors explain missing facts (`config`, `guardduty`). */
  service: string;
  judgeRegion: (region: string, facts: Record<string, unknown>) => O;
  /** "regional facts about GuardDuty detectors", after "has no collected". */
  noFacts: string;
  /** "GuardDuty not enabled in", before the failing Regions. */
  failing: string;
  /** "GuardDuty facts for", after "has no collected" and before the unknown Regions. */
  unknown: string;
  /** More evidence from the outcomes, after `regions`. */
  observe?: (outcomes: O[]) => Record<string, unknown>;
  /** The verdict when every Region is ok. */
  allOk: (outcomes: O[], observed: Record<string, unknown>) => Verdict;
}

/**
 * Judges an account-wide service Region by Region: INSUFFICIENT_DATA without
 * regional facts, FAIL naming every failing Region, INSUFFICIENT_DATA naming
 * the Regions whose facts are missing, else `allOk`.
 *
 * @example
 * judgeAllRegions(account, { service: 'guardduty', judgeRegion, noFacts: 'regional facts about GuardDuty detectors',
 *   failing: 'GuardDuty not enabled in', unknown: 'GuardDuty facts for',
 *   allOk: (outcomes, observed) => pass(`GuardDuty is on in ${outcomes.length} Region(s).`, observed) });
 */
export function judgeAllRegions<O extends RegionOutcome>(account: Resource, control: RegionalControl<O>): Verdict {
  const id = account.accountId;
  const collectionErrors = () => collectionErrorsFor(account, { service: control.service });
  const regions = readRegionalFacts(account);
  if (regions === null) {
    return insufficientData(`Account ${id} has no collected ${control.noFacts}.`, {
      collectionErrors: collectionErrors(),
    });
  }
  const outcomes = regions.map(([region, facts]) => control.judgeRegion(region, facts));
  const { failing, unknown, byRegion } = partitionRegions(outcomes);
  const observed = { regions: byRegion, ...control.observe?.(outcomes) };
  if (failing.length > 0) return fail(`Account ${id} has ${control.failing} ${describeRegions(failing)}.`, observed);
  if (unknown.length > 0) {
    return insufficientData(`Account ${id} has no collected ${control.unknown} ${describeRegions(unknown)}.`, {
      ...observed,
      collectionErrors: collectionErrors(),
    });
  }
  return control.allOk(outcomes, observed);
}
