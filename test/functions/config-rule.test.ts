/**
 * The Config rule handler, called as Config calls it: a fixture event built
 * from the documented shapes, a stub context, Config's API mocked.
 */
import {
  BatchGetResourceConfigCommand,
  ConfigServiceClient,
  GetResourceConfigHistoryCommand,
  PutEvaluationsCommand,
} from '@aws-sdk/client-config-service';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT, lambdaContext, loadEvent } from './helpers.js';

type Handler = typeof import('../../functions/config-rule.js');

/** The SDK hands times back as Date objects; the mock must too. */
// biome-ignore lint/suspicious/noExplicitAny: fixture responses are free-form JSON
const withDates = (item: any) => ({
  ...item,
  configurationItemCaptureTime: new Date(item.configurationItemCaptureTime),
  resourceCreationTime: item.resourceCreationTime ? new Date(item.resourceCreationTime) : undefined,
});

describe('Handler: configRule', () => {
  const config = mockClient(ConfigServiceClient);
  let mod: Handler;
  const context = lambdaContext('compliance-auditor-test-configRule');

  beforeAll(async () => {
    vi.stubEnv('ACCOUNT_FACTS', 'none');
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'true');
    // Settings are read when the module loads, as at a cold start.
    mod = await import('../../functions/config-rule.js');
  });
  beforeEach(() => {
    config.on(PutEvaluationsCommand).resolves({ FailedEvaluations: [] });
  });
  afterEach(() => {
    config.reset();
    vi.restoreAllMocks();
  });
  afterAll(() => {
    config.restore();
    vi.unstubAllEnvs();
  });

  const reported = () => config.commandCalls(PutEvaluationsCommand).map((call) => call.args[0].input);

  it('judges the item in a change notification and reports one evaluation for it', async () => {
    // Prepare
    const event = loadEvent('config-rule/change-security-group.json');

    // Act
    const outcome = await mod.handler(event, context);

    // Assess
    expect(outcome).toMatchObject({ status: 'reported', failed: 0 });
    const [input] = reported();
    expect(reported()).toHaveLength(1);
    expect(input?.ResultToken).toBe(event.resultToken);
    expect(input?.TestMode).toBeUndefined();
    expect(input?.Evaluations).toHaveLength(1);
    const evaluation = input?.Evaluations?.[0];
    expect(evaluation).toMatchObject({
      ComplianceResourceType: 'AWS::EC2::SecurityGroup',
      ComplianceResourceId: 'sg-0a1b2c3d4e5f60718',
      ComplianceType: 'NON_COMPLIANT',
      OrderingTimestamp: new Date('2026-11-20T06:14:03.127Z'),
    });
    expect(evaluation?.Annotation).toMatch(/^FAIL: ec2-security-group-no-public-admin-ports/);
    expect(evaluation?.Annotation?.length).toBeLessThanOrEqual(256);
  });

  it('asks Config for a dry run when the result token is TESTMODE', async () => {
    // Prepare
    const event = loadEvent('config-rule/change-security-group.json');
    event.resultToken = 'TESTMODE';

    // Act
    await mod.handler(event, context);

    // Assess
    expect(reported()[0]?.TestMode).toBe(true);
  });

  it('reports NOT_APPLICABLE for a deleted resource, without judging or fetching it', async () => {
    // Act
    await mod.handler(loadEvent('config-rule/change-deleted.json'), context);

    // Assess
    expect(config.commandCalls(GetResourceConfigHistoryCommand)).toHaveLength(0);
    expect(reported()[0]?.Evaluations?.[0]).toMatchObject({
      ComplianceType: 'NOT_APPLICABLE',
      ComplianceResourceId: 'sg-0a1b2c3d4e5f60718',
      OrderingTimestamp: new Date('2026-11-21T10:00:00.000Z'),
      Annotation: 'AWS::EC2::SecurityGroup sg-0a1b2c3d4e5f60718 is ResourceDeleted.',
    });
  });

  it('reports NOT_APPLICABLE when the resource left the rule scope', async () => {
    // Prepare
    const event = loadEvent('config-rule/change-security-group.json');
    event.eventLeftScope = true;

    // Act
    await mod.handler(event, context);

    // Assess
    expect(reported()[0]?.Evaluations?.[0]).toMatchObject({
      ComplianceType: 'NOT_APPLICABLE',
      Annotation: expect.stringMatching(/left the rule's scope/),
    });
  });

  it('fetches an oversized item (limit 1, later time = capture time) and its related resources', async () => {
    // Prepare
    const history = loadEvent('config-rule/history-iam-user.json');
    const related = loadEvent('config-rule/batch-get-group.json');
    config
      .on(GetResourceConfigHistoryCommand)
      .resolves({ configurationItems: history.configurationItems.map(withDates) });
    config
      .on(BatchGetResourceConfigCommand)
      .resolves({ ...related, baseConfigurationItems: related.baseConfigurationItems.map(withDates) });

    // Act
    await mod.handler(loadEvent('config-rule/oversized-iam-user.json'), context);

    // Assess
    expect(config.commandCalls(GetResourceConfigHistoryCommand)[0]?.args[0].input).toEqual({
      resourceType: 'AWS::IAM::User',
      resourceId: 'AIDAEXAMPLEUSER00001',
      laterTime: new Date('2026-11-20T07:30:11.052Z'),
      limit: 1,
    });
    expect(config.commandCalls(BatchGetResourceConfigCommand)[0]?.args[0].input.resourceKeys).toEqual([
      { resourceType: 'AWS::IAM::Group', resourceId: 'AGPAEXAMPLEGROUP0001' },
    ]);
    const evaluation = reported()[0]?.Evaluations?.[0];
    expect(evaluation).toMatchObject({
      ComplianceResourceType: 'AWS::IAM::User',
      ComplianceResourceId: 'AIDAEXAMPLEUSER00001',
      ComplianceType: 'NON_COMPLIANT',
      OrderingTimestamp: new Date('2026-11-20T07:30:11.052Z'),
    });
    expect(evaluation?.Annotation).toMatch(/FAIL: [^;]*iam-principal-no-full-admin/);
  });

  it('judges the account-level controls on AWS::::Account when scheduled, honestly INSUFFICIENT_DATA without facts', async () => {
    // Act
    await mod.handler(loadEvent('config-rule/scheduled.json'), context);

    // Assess
    const evaluation = reported()[0]?.Evaluations?.[0];
    expect(evaluation).toMatchObject({
      ComplianceResourceType: 'AWS::::Account',
      ComplianceResourceId: ACCOUNT,
      ComplianceType: 'NON_COMPLIANT',
      OrderingTimestamp: new Date('2026-11-20T00:00:07.741Z'),
    });
    expect(evaluation?.Annotation).toMatch(/^INSUFFICIENT_DATA: /);
    expect(evaluation?.Annotation).not.toMatch(/FAIL|COMPLIANT/);
  });

  it('judges only the controls the rule parameters select', async () => {
    // Prepare
    const event = loadEvent('config-rule/change-security-group.json');
    event.ruleParameters = JSON.stringify({ controls: 'ec2-security-group-no-public-all-traffic' });

    // Act
    await mod.handler(event, context);

    // Assess
    expect(reported()[0]?.Evaluations?.[0]?.ComplianceType).toBe('COMPLIANT');
  });

  it('reports nothing, logs and counts, when the rule parameters are invalid', async () => {
    // Prepare
    const event = loadEvent('config-rule/change-security-group.json');
    event.ruleParameters = JSON.stringify({ frameworks: 'pci' });
    const error = vi.spyOn(mod.logger, 'error');
    const metric = vi.spyOn(mod.metrics, 'addMetric');

    // Act
    const outcome = await mod.handler(event, context);

    // Assess
    expect(outcome).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/unknown framework/) });
    expect(reported()).toHaveLength(0);
    expect(error).toHaveBeenCalledWith(
      expect.stringMatching(/invalid ruleParameters: unknown framework\(s\): pci/),
      expect.anything(),
    );
    expect(metric).toHaveBeenCalledWith('InvalidRuleParameters', 'Count', 1);
  });

  it.each([
    ['an empty object', {}],
    [
      'a rule event whose invokingEvent is not JSON',
      { ...loadEvent('config-rule/scheduled.json'), invokingEvent: '{not json' },
    ],
    [
      'a message type the rule does not subscribe to',
      {
        ...loadEvent('config-rule/scheduled.json'),
        invokingEvent: JSON.stringify({
          messageType: 'ConfigurationSnapshotDeliveryCompleted',
          configSnapshotId: 'x',
          s3ObjectKey: 'k',
          s3Bucket: 'b',
          notificationCreationTime: '2026-11-20T00:00:00Z',
          recordVersion: '1.1',
        }),
      },
    ],
    ['an EventBridge event sent to the wrong function', loadEvent('eventbridge/scheduled-event.json')],
  ])('acknowledges %s with a logged error and a metric, never a throw', async (_name, event) => {
    // Prepare
    const error = vi.spyOn(mod.logger, 'error');
    const metric = vi.spyOn(mod.metrics, 'addMetric');

    // Act
    const outcome = await mod.handler(event, context);

    // Assess
    expect(outcome).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/^not a valid AWS Config rule invocation: /),
    });
    expect(error).toHaveBeenCalledWith(
      expect.stringMatching(/^Event rejected: /),
      expect.objectContaining({ issues: expect.any(Array) }),
    );
    expect(metric).toHaveBeenCalledWith('InvalidEvent', 'Count', 1);
    expect(reported()).toHaveLength(0);
  });

  it('counts evaluations Config refuses', async () => {
    // Prepare
    config.on(PutEvaluationsCommand).resolves({
      FailedEvaluations: [
        {
          ComplianceResourceType: 'x',
          ComplianceResourceId: 'y',
          ComplianceType: 'COMPLIANT',
          OrderingTimestamp: new Date(),
        },
      ],
    });
    const metric = vi.spyOn(mod.metrics, 'addMetric');

    // Act
    const outcome = await mod.handler(loadEvent('config-rule/change-security-group.json'), context);

    // Assess
    expect(outcome).toMatchObject({ status: 'reported', failed: 1 });
    expect(metric).toHaveBeenCalledWith('EvaluationsRejected', 'Count', 1);
  });
});
