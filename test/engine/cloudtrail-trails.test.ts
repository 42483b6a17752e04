import { describe, expect, it } from 'vitest';
import {
  basicSelectorScope,
  type FieldSelector,
  findSelectorField,
  readAccountTrails,
  readOnlyScope,
  readTrailSelectors,
  trailStatus,
  trailsToJudge,
} from '../../engine/evaluate/cloudtrail-trails.js';
import { contextOf } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

describe('Method: readAccountTrails and readTrailSelectors', () => {
  it('joins trails with their facts, keeping organization trails named in the facts', () => {
    // Prepare
    const account = loadItem('account/monitoring-baseline');
    const own = loadItem('cloudtrail-trail/baseline');
    const stranger = loadItem('cloudtrail-trail/baseline', (raw) => {
      raw.awsAccountId = '444455556666';
      raw.resourceId = 'other';
      raw.configuration.trailARN = 'arn:aws:cloudtrail:us-east-1:444455556666:trail/other';
    });
    // Act
    const { trails, collected, factTrailCount } = readAccountTrails(account, contextOf([own, stranger]));
    // Assess
    expect([trails.map((t) => t.name), collected, factTrailCount]).toEqual([['org-audit-trail'], true, 1]);
    expect(trails[0]?.facts?.isLogging).toBe(true);
  });

  it('reads basic, advanced, default and unknown event selectors', () => {
    // Prepare
    const account = loadItem('account/monitoring-baseline');
    const trail = loadItem('cloudtrail-trail/baseline');
    const [view] = readAccountTrails(account, contextOf([trail])).trails;
    if (!view) throw new Error('fixture trail missing');
    const advanced = {
      ...view,
      facts: {
        advancedEventSelectors: [{ Name: 'm', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] }],
      },
    };
    // Assess
    expect(readTrailSelectors(view).kind).toBe('basic');
    expect(readTrailSelectors(advanced)).toEqual({
      kind: 'advanced',
      selectors: [
        [
          {
            field: 'eventCategory',
            equals: ['Management'],
            notEquals: [],
            startsWith: [],
            notStartsWith: [],
            endsWith: [],
            notEndsWith: [],
          },
        ],
      ],
    });
    expect(
      readTrailSelectors({ ...view, facts: undefined, configuration: { hasCustomEventSelectors: false } }).kind,
    ).toBe('default');
    expect(readTrailSelectors({ ...view, facts: undefined }).kind).toBe('unknown');
  });
});

describe('advanced selector readers', () => {
  const field = (name: string, equals: string[], notEquals: string[] = []): FieldSelector => ({
    field: name,
    equals,
    notEquals,
    startsWith: [],
    notStartsWith: [],
    endsWith: [],
    notEndsWith: [],
  });

  it('finds fields case-insensitively', () => {
    expect(findSelectorField([field('ReadOnly', ['true'])], 'readOnly')?.equals).toEqual(['true']);
  });

  it.each([
    [[], { read: true, write: true }],
    [[field('readOnly', ['true'])], { read: true, write: false }],
    [[field('readOnly', ['false'])], { read: false, write: true }],
    [[field('readOnly', [], ['true'])], { read: false, write: true }],
    [[field('readOnly', [], ['false'])], { read: true, write: false }],
  ])('readOnlyScope(%j)', (fields, expected) => {
    expect(readOnlyScope(fields)).toEqual(expected);
  });
});

describe('Method: trailsToJudge', () => {
  const unjudged = ({ collected, factTrailCount }: { collected: boolean; factTrailCount: number }) =>
    `No trail to judge (${collected}, ${factTrailCount}).`;

  it('returns the trails when the inventory has some', () => {
    // Act
    const found = trailsToJudge(
      loadItem('account/monitoring-baseline'),
      contextOf([loadItem('cloudtrail-trail/baseline')]),
      unjudged,
    );
    // Assess
    expect(found.ok && found.trails.map((trail) => trail.name)).toEqual(['org-audit-trail']);
  });

  it('fails when the facts name no trail, and asks for data otherwise', () => {
    // Prepare
    const none = loadItem('account/monitoring-baseline', (raw) => {
      raw.cloudTrail = {};
    });
    const notCollected = loadItem('account/monitoring-baseline', (raw) => {
      delete raw.cloudTrail;
      raw.collectionErrors = [{ service: 'cloudtrail', operation: 'DescribeTrails', code: 'AccessDenied' }];
    });
    // Act
    const empty = trailsToJudge(none, contextOf([]), unjudged);
    const unknown = trailsToJudge(notCollected, contextOf([]), unjudged);
    const named = trailsToJudge(loadItem('account/monitoring-baseline'), contextOf([]), unjudged);
    // Assess
    expect(empty.ok ? null : empty.verdict).toEqual({
      status: 'FAIL',
      reason: 'Account 111122223333 has no CloudTrail trail.',
      observed: { trails: [] },
    });
    expect(unknown.ok ? null : unknown.verdict).toMatchObject({
      status: 'INSUFFICIENT_DATA',
      reason: 'No trail to judge (false, 0).',
      observed: { collectionErrors: [{ operation: 'DescribeTrails' }] },
    });
    expect(named.ok ? null : named.verdict.reason).toBe('No trail to judge (true, 1).');
  });
});

describe('Method: trailStatus and basicSelectorScope', () => {
  it('reads the multi-Region flag and the logging status', () => {
    // Prepare
    const [view] = readAccountTrails(
      loadItem('account/monitoring-baseline'),
      contextOf([loadItem('cloudtrail-trail/baseline')]),
    ).trails;
    if (!view) throw new Error('fixture trail missing');
    // Assess
    expect(trailStatus(view)).toEqual({ multiRegion: true, isLogging: true });
    expect(trailStatus({ ...view, facts: undefined, configuration: {} })).toEqual({
      multiRegion: null,
      isLogging: null,
    });
  });

  it.each([
    [{}, { read: true, write: true }],
    [{ ReadWriteType: 'All' }, { read: true, write: true }],
    [{ ReadWriteType: 'ReadOnly' }, { read: true, write: false }],
    [{ ReadWriteType: 'WriteOnly' }, { read: false, write: true }],
  ])('basicSelectorScope(%j)', (selector, expected) => {
    expect(basicSelectorScope(selector)).toEqual(expected);
  });
});
