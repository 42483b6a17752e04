import { ConfigServiceClient, type Evaluation, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  COMPLIANCE_FOR_STATUS,
  MAX_ANNOTATION,
  reportEvaluations,
  rollUpFindings,
  truncateAnnotation,
} from '../../engine/serverless/config-evaluations.js';
import { type Finding, STATUSES, type Status } from '../../engine/types.js';

const at = {
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'logs-prod',
  orderingTimestamp: new Date('2026-11-20T06:00:00Z'),
};
const finding = (controlId: string, status: Status, reason = `${controlId} says ${status}.`): Finding => ({
  runId: 'r',
  controlId,
  controlHash: 'h',
  title: controlId,
  severity: 'high',
  service: 's3',
  status,
  reason,
  resourceType: at.resourceType,
  resourceId: at.resourceId,
  resourceName: at.resourceId,
  resourceArn: null,
  accountId: '111122223333',
  region: 'eu-west-1',
  evaluatedAt: '2026-11-20T06:00:01Z',
  configurationCaptureTime: '2026-11-20T06:00:00Z',
  observed: {},
  requirements: [],
  remediation: '',
});

describe('Mapping: our statuses to Config compliance types', () => {
  it('never reports INSUFFICIENT_DATA or ERROR as compliant, and never sends INSUFFICIENT_DATA to Config', () => {
    expect(COMPLIANCE_FOR_STATUS).toEqual({
      PASS: 'COMPLIANT',
      FAIL: 'NON_COMPLIANT',
      ERROR: 'NON_COMPLIANT',
      INSUFFICIENT_DATA: 'NON_COMPLIANT',
      NOT_APPLICABLE: 'NOT_APPLICABLE',
    });
    for (const status of STATUSES)
      expect(['COMPLIANT', 'NON_COMPLIANT', 'NOT_APPLICABLE']).toContain(COMPLIANCE_FOR_STATUS[status]);
  });
});

describe('Function: rollUpFindings', () => {
  it.each([
    [['PASS', 'PASS', 'NOT_APPLICABLE'], 'COMPLIANT'],
    [['PASS', 'FAIL'], 'NON_COMPLIANT'],
    [['PASS', 'INSUFFICIENT_DATA'], 'NON_COMPLIANT'],
    [['PASS', 'ERROR'], 'NON_COMPLIANT'],
    [['NOT_APPLICABLE', 'NOT_APPLICABLE'], 'NOT_APPLICABLE'],
    [[], 'NOT_APPLICABLE'],
  ] as [Status[], string][])('%j → %s, one evaluation for the resource', (statuses, expected) => {
    // Act
    const evaluation = rollUpFindings(
      statuses.map((status, i) => finding(`control-${i}`, status)),
      at,
    );

    // Assess
    expect(evaluation).toMatchObject({
      ComplianceResourceType: 'AWS::S3::Bucket',
      ComplianceResourceId: 'logs-prod',
      OrderingTimestamp: at.orderingTimestamp,
      ComplianceType: expected,
    });
    expect((evaluation.Annotation ?? '').length).toBeGreaterThan(0);
    expect((evaluation.Annotation ?? '').length).toBeLessThanOrEqual(MAX_ANNOTATION);
  });

  it('names the failing controls by status, and the reason when only one fails', () => {
    // Prepare
    const many = [
      finding('a-fail', 'FAIL'),
      finding('b-missing', 'INSUFFICIENT_DATA'),
      finding('c-broken', 'ERROR'),
      finding('d-ok', 'PASS'),
    ];

    // Act
    const several = rollUpFindings(many, at);
    const one = rollUpFindings(
      [finding('a-fail', 'FAIL', 'Bucket logs-prod has versioning Suspended.'), finding('d-ok', 'PASS')],
      at,
    );

    // Assess
    expect(several.Annotation).toBe('FAIL: a-fail; ERROR: c-broken; INSUFFICIENT_DATA: b-missing');
    expect(one.Annotation).toBe('FAIL: a-fail (Bucket logs-prod has versioning Suspended.)');
  });

  it('cuts long annotations to 256 characters without splitting a character', () => {
    // Prepare
    const long = `${'x'.repeat(254)}😀😀`;

    // Act
    const cut = truncateAnnotation(long);
    const evaluation = rollUpFindings(
      Array.from({ length: 40 }, (_, i) => finding(`some-long-control-identifier-${i}`, 'FAIL')),
      at,
    );

    // Assess
    expect(cut.length).toBeLessThanOrEqual(256);
    expect(cut.endsWith('…')).toBe(true);
    expect(cut).not.toMatch(/[\ud800-\udbff]…$/);
    expect(evaluation.Annotation?.length).toBe(256);
  });
});

describe('Function: reportEvaluations', () => {
  const config = mockClient(ConfigServiceClient);
  afterEach(() => config.reset());
  afterAll(() => config.restore());

  it('sends at most 100 evaluations a call, each with the result token, and counts what Config refused', async () => {
    // Prepare
    const evaluations: Evaluation[] = Array.from({ length: 250 }, (_, i) => ({
      ComplianceResourceType: 'AWS::S3::Bucket',
      ComplianceResourceId: `bucket-${i}`,
      ComplianceType: 'COMPLIANT',
      OrderingTimestamp: at.orderingTimestamp,
    }));
    config
      .on(PutEvaluationsCommand)
      .resolvesOnce({ FailedEvaluations: [evaluations[3] as Evaluation] })
      .resolves({});

    // Act
    const result = await reportEvaluations(new ConfigServiceClient({}), evaluations, {
      resultToken: 'token',
      testMode: true,
    });

    // Assess
    const calls = config.commandCalls(PutEvaluationsCommand).map((call) => call.args[0].input);
    expect(calls.map((input) => input.Evaluations?.length)).toEqual([100, 100, 50]);
    expect(calls.every((input) => input.ResultToken === 'token' && input.TestMode === true)).toBe(true);
    expect(result).toMatchObject({ calls: 3, reported: 249 });
    expect(result.failed).toHaveLength(1);
  });
});
