import { describe, expect, it } from 'vitest';
import {
  collectionErrorsFor,
  describeRegions,
  judgeAllRegions,
  partitionRegions,
  type RegionOutcome,
  readRegionalFacts,
} from '../../engine/evaluate/account-facts.js';
import { pass } from '../../engine/evaluate/verdict.js';
import { loadItem } from '../helpers/fixtures.js';

describe('Method: readRegionalFacts, partitionRegions and describeRegions', () => {
  it('lists regions in name order and treats an empty map as not collected', () => {
    // Prepare
    const account = loadItem('account/monitoring-baseline');
    const empty = loadItem('account/monitoring-baseline', (raw) => {
      raw.regions = {};
    });
    // Assess
    expect(readRegionalFacts(account)?.map(([region]) => region)).toEqual(['eu-west-1', 'us-east-1']);
    expect(readRegionalFacts(empty)).toBeNull();
  });

  it('partitions region outcomes', () => {
    // Act
    const result = partitionRegions([
      { region: 'a', state: 'ok', detail: '', observed: {} },
      { region: 'b', state: 'fail', detail: '', observed: { x: 1 } },
      { region: 'c', state: 'unknown', detail: '', observed: {} },
    ]);
    // Assess
    expect([result.ok.length, result.failing.length, result.unknown.length, result.byRegion.b]).toEqual([
      1,
      1,
      1,
      { state: 'fail', x: 1 },
    ]);
  });

  it('describes regions for reasons', () => {
    expect(describeRegions([{ region: 'eu-west-1', state: 'fail', detail: 'no detector', observed: {} }])).toBe(
      'eu-west-1 (no detector)',
    );
  });
});

describe('Method: collectionErrorsFor', () => {
  it('selects the errors of the named operations, whatever their case', () => {
    // Prepare
    const denied = loadItem('account/iam-baseline', (raw) => {
      raw.collectionErrors = [
        { service: 'iam', operation: 'GetAccountPasswordPolicy', code: 'AccessDenied', message: 'denied' },
        { service: 's3', operation: 'GetPublicAccessBlock', code: 'AccessDenied', message: 'denied' },
      ];
    });
    // Act & Assess
    expect(collectionErrorsFor(denied, { operations: ['getaccountpasswordpolicy'] })).toHaveLength(1);
    expect(collectionErrorsFor(loadItem('account/iam-baseline'), { operations: ['GetAccountPasswordPolicy'] })).toEqual(
      [],
    );
  });

  it('filters collection errors by service', () => {
    // Prepare
    const account = loadItem('account/monitoring-baseline', (raw) => {
      raw.collectionErrors = [
        {
          service: 'guardduty',
          operation: 'ListDetectors',
          region: 'eu-west-1',
          code: 'AccessDeniedException',
          message: 'denied',
        },
        {
          service: 'config',
          operation: 'DescribeConfigurationRecorders',
          code: 'AccessDeniedException',
          message: 'denied',
        },
      ];
    });
    // Assess
    expect(collectionErrorsFor(account, { service: 'guardduty' }).map((e) => e.operation)).toEqual(['ListDetectors']);
  });
});

describe('Method: judgeAllRegions', () => {
  const judgeRegion = (region: string, facts: Record<string, unknown>): RegionOutcome =>
    facts.on === undefined
      ? { region, state: 'unknown', detail: 'not collected', observed: {} }
      : { region, state: facts.on ? 'ok' : 'fail', detail: facts.on ? 'on' : 'off', observed: { on: facts.on } };
  const spec = {
    service: 'guardduty',
    judgeRegion,
    noFacts: 'regional facts about the service',
    failing: 'the service off in',
    unknown: 'service facts for',
    observe: (outcomes: RegionOutcome[]) => ({ count: outcomes.length }),
    allOk: (outcomes: RegionOutcome[], observed: Record<string, unknown>) =>
      pass(`All ${outcomes.length} Region(s) are on.`, observed),
  };
  const accountWith = (regions: Record<string, unknown> | undefined) =>
    loadItem('account/monitoring-baseline', (raw) => {
      raw.regions = regions;
      raw.collectionErrors = [{ service: 'guardduty', operation: 'ListDetectors', code: 'AccessDenied' }];
    });

  it('needs regional facts', () => {
    // Act
    const verdict = judgeAllRegions(accountWith(undefined), spec);
    // Assess
    expect(verdict.status).toBe('INSUFFICIENT_DATA');
    expect(verdict.reason).toBe('Account 111122223333 has no collected regional facts about the service.');
    expect(verdict.observed.collectionErrors).toHaveLength(1);
  });

  it('fails naming the failing Regions before the unknown ones', () => {
    // Act
    const verdict = judgeAllRegions(accountWith({ 'us-east-1': { on: false }, 'eu-west-1': {} }), spec);
    // Assess
    expect(verdict.status).toBe('FAIL');
    expect(verdict.reason).toBe('Account 111122223333 has the service off in us-east-1 (off).');
    expect(verdict.observed).toEqual({
      regions: { 'eu-west-1': { state: 'unknown' }, 'us-east-1': { state: 'fail', on: false } },
      count: 2,
    });
  });

  it('names the Regions without facts, with the collection errors', () => {
    // Act
    const verdict = judgeAllRegions(accountWith({ 'us-east-1': { on: true }, 'eu-west-1': {} }), spec);
    // Assess
    expect(verdict.status).toBe('INSUFFICIENT_DATA');
    expect(verdict.reason).toBe('Account 111122223333 has no collected service facts for eu-west-1 (not collected).');
    expect(verdict.observed.collectionErrors).toHaveLength(1);
  });

  it('leaves the verdict to allOk when every Region is ok', () => {
    // Act
    const verdict = judgeAllRegions(accountWith({ 'us-east-1': { on: true } }), spec);
    // Assess
    expect(verdict).toMatchObject({ status: 'PASS', reason: 'All 1 Region(s) are on.', observed: { count: 1 } });
  });
});
