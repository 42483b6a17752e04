import { describe, expect, it } from 'vitest';
import { contextOf } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import {
  collectionErrorsFor,
  decodeErrorFor,
  describeRegions,
  evaluateResourcePolicyExposure,
  type FieldSelector,
  findSelectorField,
  partitionRegions,
  readAccountTrails,
  readBoolean,
  readField,
  readNumber,
  readOnlyScope,
  readRegionalFacts,
  readText,
  readTrailSelectors,
} from '../../engine/evaluate/resource-policy.js';

const OWNER = '111122223333';
const FOREIGN = '444455556666';
const policy = (...statements: Record<string, unknown>[]) => ({ Version: '2012-10-17', Statement: statements });
const allow = (extra: Record<string, unknown>) => ({
  Effect: 'Allow',
  Action: 'sqs:SendMessage',
  Resource: '*',
  ...extra,
});

describe('evaluateResourcePolicyExposure', () => {
  it('reports a wildcard principal without a condition as public', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(policy(allow({ Sid: 'Open', Principal: '*' })), {
      ownerAccountId: OWNER,
    });
    // Assess
    expect(exposure.ok && exposure.public.map((s) => s.statement)).toEqual(['Open']);
  });

  it('accepts the policy as a JSON string and names unnamed statements by index', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(JSON.stringify(policy(allow({ Principal: { AWS: ['*'] } }))), {
      ownerAccountId: OWNER,
    });
    // Assess
    expect(exposure.ok && exposure.public[0]?.statement).toBe('#0');
  });

  it('treats kms:CallerAccount, alone or with kms:ViaService, as a pin', () => {
    // Prepare
    const document = policy(
      allow({ Sid: 'Caller', Principal: { AWS: '*' }, Condition: { StringEquals: { 'kms:CallerAccount': OWNER } } }),
      allow({
        Sid: 'Via',
        Principal: { AWS: '*' },
        Condition: { StringEquals: { 'kms:CallerAccount': OWNER, 'kms:ViaService': 'rds.eu-west-1.amazonaws.com' } },
      }),
    );
    // Act
    const exposure = evaluateResourcePolicyExposure(document, { ownerAccountId: OWNER });
    // Assess
    expect(exposure.ok && [exposure.public.length, exposure.crossAccount.length]).toEqual([0, 0]);
  });

  it('does not treat kms:ViaService alone as a pin', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(
        allow({
          Principal: { AWS: '*' },
          Condition: { StringEquals: { 'kms:ViaService': 's3.eu-west-1.amazonaws.com' } },
        }),
      ),
      { ownerAccountId: OWNER },
    );
    // Assess
    expect(exposure.ok && exposure.public).toHaveLength(1);
  });

  it('reports a public principal pinned to another account as cross-account, not public', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(allow({ Principal: '*', Condition: { StringEquals: { 'aws:SourceAccount': FOREIGN } } })),
      { ownerAccountId: OWNER },
    );
    // Assess
    expect(exposure.ok && [exposure.public.length, exposure.crossAccount[0]?.accounts]).toEqual([0, [FOREIGN]]);
  });

  it('reads the account of an aws:SourceArn pin', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(
        allow({
          Principal: '*',
          Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${FOREIGN}:feed` } },
        }),
      ),
      { ownerAccountId: OWNER },
    );
    // Assess
    expect(exposure.ok && exposure.crossAccount[0]?.accounts).toEqual([FOREIGN]);
  });

  it('ignores negated operators when reading pinned accounts', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(
        allow({
          Principal: '*',
          Condition: {
            StringEquals: { 'aws:SourceAccount': OWNER },
            StringNotEquals: { 'aws:SourceAccount': FOREIGN },
          },
        }),
      ),
      { ownerAccountId: OWNER },
    );
    // Assess
    expect(exposure.ok && exposure.crossAccount).toEqual([]);
  });

  it('does not count lambda:FunctionUrlAuthType as a pin', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(
        allow({
          Action: 'lambda:InvokeFunctionUrl',
          Principal: '*',
          Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
        }),
      ),
      { ownerAccountId: OWNER },
    );
    // Assess
    expect(exposure.ok && exposure.public[0]?.condition).toEqual({
      StringEquals: { 'lambda:functionurlauthtype': ['NONE'] },
    });
  });

  it('reports Allow with NotPrincipal as public', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(allow({ NotPrincipal: { AWS: `arn:aws:iam::${OWNER}:root` } })),
      {
        ownerAccountId: OWNER,
      },
    );
    // Assess
    expect(exposure.ok && exposure.public[0]?.principals).toEqual(['NotPrincipal']);
  });

  it('reports named principals of other accounts as cross-account', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure(
      policy(allow({ Principal: { AWS: [`arn:aws:iam::${FOREIGN}:role/reader`, OWNER] } })),
      { ownerAccountId: OWNER },
    );
    // Assess
    expect(exposure.ok && [exposure.public.length, exposure.crossAccount[0]?.accounts]).toEqual([0, [FOREIGN]]);
  });

  it('reports service principals without a source condition separately', () => {
    // Prepare
    const document = policy(
      allow({ Sid: 'Unpinned', Principal: { Service: 's3.amazonaws.com' } }),
      allow({
        Sid: 'Pinned',
        Principal: { Service: 'sns.amazonaws.com' },
        Condition: { ArnEquals: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${OWNER}:t` } },
      }),
      allow({
        Sid: 'Foreign',
        Principal: { Service: 'events.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceAccount': FOREIGN } },
      }),
    );
    // Act
    const exposure = evaluateResourcePolicyExposure(document, { ownerAccountId: OWNER });
    // Assess
    expect(exposure.ok && exposure.unpinnedService.map((s) => s.statement)).toEqual(['Unpinned']);
    expect(exposure.ok && exposure.crossAccount.map((s) => s.statement)).toEqual(['Foreign']);
  });

  it('needs an account-naming condition to pin a service principal', () => {
    // Prepare
    const document = policy(
      allow({
        Sid: 'BucketOnly',
        Principal: { Service: 's3.amazonaws.com' },
        Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:s3:::uploads' } },
      }),
      allow({
        Sid: 'Org',
        Principal: { Service: 's3.amazonaws.com' },
        Condition: { StringEquals: { 'aws:SourceOrgID': 'o-a1b2c3d4e5' } },
      }),
      allow({
        Sid: 'NegatedArn',
        Principal: { Service: 's3.amazonaws.com' },
        Condition: {
          ArnEquals: { 'aws:SourceArn': `arn:aws:sns:eu-west-1:${OWNER}:t` },
          ArnNotEquals: { 'aws:SourceArn': 'arn:aws:s3:::x' },
        },
      }),
    );
    // Act
    const exposure = evaluateResourcePolicyExposure(document, { ownerAccountId: OWNER });
    // Assess
    expect(exposure.ok && exposure.unpinnedService.map((s) => s.statement)).toEqual(['BucketOnly']);
  });

  it('skips Deny statements and statements outside the requested actions', () => {
    // Prepare
    const document = policy(
      { Effect: 'Deny', Principal: '*', Action: '*', Resource: '*' },
      allow({ Sid: 'Read', Principal: '*', Action: 'sqs:GetQueueAttributes' }),
      { Sid: 'Everything', Effect: 'Allow', Principal: '*', NotAction: 'sqs:DeleteQueue', Resource: '*' },
    );
    // Act
    const exposure = evaluateResourcePolicyExposure(document, { ownerAccountId: OWNER, actions: ['sqs:SendMessage'] });
    // Assess
    expect(exposure.ok && exposure.public.map((s) => [s.statement, s.actions])).toEqual([
      ['Everything', ['NotAction:sqs:DeleteQueue']],
    ]);
  });

  it('returns the parse error of an unreadable policy', () => {
    // Act
    const exposure = evaluateResourcePolicyExposure('{"Statement": [', { ownerAccountId: OWNER });
    // Assess
    expect(exposure.ok).toBe(false);
  });
});

describe('value readers', () => {
  it.each([
    [true, true],
    ['FALSE', false],
    [' true ', true],
    ['yes', null],
    [1, null],
  ])('readBoolean(%j) is %j', (value, expected) => {
    expect(readBoolean(value)).toBe(expected);
  });

  it('reads numbers, numeric strings, text and fields in any case', () => {
    expect([readNumber('365'), readNumber(7), readNumber('7 days'), readNumber(Number.NaN)]).toEqual([
      365,
      7,
      null,
      null,
    ]);
    expect([readText('  '), readText('k'), readText(3)]).toEqual([null, 'k', null]);
    expect([readField({ vpcoptions: 1 }, 'VPCOptions'), readField({ A: 2 }, 'A'), readField(null, 'A')]).toEqual([
      1,
      2,
      undefined,
    ]);
    expect(readField({ a: 1 }, 'b')).toBeUndefined();
  });
});

describe('account facts readers', () => {
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

  it('finds the decode error of a supplementary field', () => {
    // Prepare
    const key = loadItem('kms-key/baseline', (raw) => {
      raw.supplementaryConfiguration.Policy = '{"Version":';
    });
    // Assess
    expect(decodeErrorFor(key, 'Policy')).toMatch(/^supplementaryConfiguration\.Policy: /);
    expect(decodeErrorFor(key, 'KeyRotationStatus')).toBeNull();
  });

  it('describes regions for reasons', () => {
    expect(describeRegions([{ region: 'eu-west-1', state: 'fail', detail: 'no detector', observed: {} }])).toBe(
      'eu-west-1 (no detector)',
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
    expect(collectionErrorsFor(account, 'guardduty').map((e) => e.operation)).toEqual(['ListDetectors']);
  });

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
