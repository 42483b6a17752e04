import { describe, expect, it } from 'vitest';
import { buildExpressions, MAX_EXPRESSION_LENGTH } from '../../engine/collect/config-queries.js';
import { planCollection, regionRecording } from '../../engine/collect/recording.js';
import { regionOfLocation } from '../../engine/collect/s3-fallback.js';
import type { RegionalFacts } from '../../engine/normalize/account-facts.js';

const TYPES = ['AWS::EC2::Volume', 'AWS::IAM::Role', 'AWS::IAM::User', 'AWS::KMS::Key', 'AWS::S3::Bucket'];

/** One recorder, recording or not, with the given recording group (DescribeConfigurationRecorders shape). */
const facts = (recordingGroup: Record<string, unknown>, recording = true): RegionalFacts => ({
  configRecorders: [{ name: 'default', roleARN: 'arn:aws:iam::111122223333:role/config', recordingGroup }],
  configRecorderStatus: [{ name: 'default', recording, lastStatus: 'SUCCESS' }],
});

describe('recording: what Config records, region by region', () => {
  it('reads the recording strategies: all supported, inclusion, exclusion', () => {
    // Prepare
    const all = regionRecording('us-east-1', facts({ allSupported: true, includeGlobalResourceTypes: true }));
    const regional = regionRecording('eu-west-1', facts({ allSupported: true, includeGlobalResourceTypes: false }));
    const inclusion = regionRecording(
      'eu-west-2',
      facts({
        allSupported: false,
        resourceTypes: ['AWS::KMS::Key'],
        recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
      }),
    );
    const exclusion = regionRecording(
      'eu-west-3',
      facts({
        allSupported: false,
        exclusionByResourceTypes: { resourceTypes: ['AWS::S3::Bucket'] },
        recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
      }),
    );

    // Act + Assess
    expect(TYPES.filter((type) => all.records(type))).toEqual(TYPES);
    expect(TYPES.filter((type) => regional.records(type))).toEqual([
      'AWS::EC2::Volume',
      'AWS::KMS::Key',
      'AWS::S3::Bucket',
    ]);
    expect(TYPES.filter((type) => inclusion.records(type))).toEqual(['AWS::KMS::Key']);
    expect(TYPES.filter((type) => exclusion.records(type))).toEqual([
      'AWS::EC2::Volume',
      'AWS::IAM::Role',
      'AWS::IAM::User',
      'AWS::KMS::Key',
    ]);
    expect(regionRecording('ap-south-1', {}).state).toBe('unknown');
  });

  it('plans the queries, the fallbacks and the gaps', () => {
    // Prepare
    const recordings = [
      regionRecording('us-east-1', facts({ allSupported: true, includeGlobalResourceTypes: false })),
      regionRecording('eu-west-1', facts({ allSupported: true }, false)),
      regionRecording(
        'eu-west-3',
        facts({
          allSupported: false,
          exclusionByResourceTypes: { resourceTypes: ['AWS::S3::Bucket', 'AWS::KMS::Key'] },
          recordingStrategy: { useOnly: 'EXCLUSION_BY_RESOURCE_TYPES' },
        }),
      ),
    ];

    // Act
    const plan = planCollection(recordings, TYPES);

    // Assess
    expect(plan.queryTypes.get('us-east-1')).toEqual(['AWS::EC2::Volume', 'AWS::KMS::Key', 'AWS::S3::Bucket']);
    // A stopped recorder still holds its last state, so it is queried; its buckets come from S3 instead.
    expect(plan.queryTypes.get('eu-west-1')).toEqual(['AWS::EC2::Volume', 'AWS::KMS::Key']);
    // The exclusion strategy records the IAM types here: only this region is asked for them.
    expect(plan.queryTypes.get('eu-west-3')).toEqual(['AWS::EC2::Volume', 'AWS::IAM::Role', 'AWS::IAM::User']);
    expect([...plan.s3FallbackRegions].sort()).toEqual(['eu-west-1', 'eu-west-3']);
    expect([...plan.iamFallbackTypes]).toEqual([]);
    expect(plan.gaps.map((gap) => [gap.region, gap.code])).toEqual([
      ['eu-west-1', 'ConfigurationRecorderStopped'],
      ['eu-west-3', 'ResourceTypesNotRecorded'],
    ]);
    expect(plan.gaps[1]?.message).toMatch(/does not record AWS::KMS::Key, AWS::S3::Bucket.*S3 API/);
  });
});

describe('recording: queries and locations', () => {
  it('splits a long type list into queries of at most 4,096 characters', () => {
    // Prepare
    const types = Array.from({ length: 200 }, (_, index) => `AWS::Service${index}::ResourceType${index}`);

    // Act
    const expressions = buildExpressions(types, " AND awsRegion IN ('us-east-1', 'global')");

    // Assess
    expect(expressions.length).toBeGreaterThan(1);
    for (const expression of expressions) {
      expect(expression.length).toBeLessThanOrEqual(MAX_EXPRESSION_LENGTH);
      expect(expression).toMatch(/ AND awsRegion IN \('us-east-1', 'global'\)$/);
    }
    const listed = expressions.flatMap((expression) =>
      [...expression.matchAll(/'(AWS::[^']+)'/g)].map((match) => match[1]),
    );
    expect(listed).toEqual(types);
  });

  it.each([
    [undefined, 'us-east-1'],
    ['', 'us-east-1'],
    ['EU', 'eu-west-1'],
    ['ap-southeast-2', 'ap-southeast-2'],
  ])('reads GetBucketLocation %j as %s', (constraint, region) => {
    expect(regionOfLocation(constraint)).toBe(region);
  });
});
