/**
 * The normaliser and the controls against real payloads recorded from AWS by
 * open-source projects (../shared/corpus). Our fixtures are written from
 * AWS's documented shapes; this suite checks them against what AWS sent.
 */
import { describe, expect, it } from 'vitest';
import { controls } from '../../controls/index.js';
import { ContextIndex } from '../../engine/evaluate/context.js';
import { runControl } from '../../engine/evaluate/evaluate-resource.js';
import { InputParseError } from '../../engine/errors.js';
import { normaliseAccountFacts } from '../../engine/normalize/account-facts.js';
import { isRecord } from '../../engine/normalize/decode.js';
import { normaliseRecord } from '../../engine/normalize/records.js';
import { createRegistry } from '../../engine/registry.js';
import type { Resource } from '../../engine/types.js';
import { corpusAvailable, corpusFiles, eventItems, readCorpus, unwrap } from './corpus.js';

const registry = createRegistry(controls);
const PLACEBO = 'cloud-custodian__cloud-custodian/tests/data/placebo';
const CONFIG = 'cloud-custodian__cloud-custodian/tests/data/config';
const CWE = 'cloud-custodian__cloud-custodian/tests/data/cwe';
const RDK = 'awslabs__aws-config-rdk/rdk/template/example_ci';

/** Files that carry configuration items: inventories, rule events, EventBridge and SNS notifications. */
const isItemFile = (file: string) =>
  !file.includes('examples-1.json') &&
  (!file.includes('/placebo/') ||
    /config\.(SelectResourceConfig|GetResourceConfigHistory)_/.test(file) ||
    file.includes('sqs.ReceiveMessage'));

function resourcesOf(file: string): Resource[] {
  const value = unwrap(readCorpus(file));
  const records = eventItems(value) ?? [value];
  return records.flatMap((record) =>
    [...normaliseRecord(record, file)].flatMap((r) => (r.kind === 'resource' ? [r.resource] : [])),
  );
}

/**
 * Custodian's advanced queries selected only `configuration` (and sometimes
 * `resourceId`): the audit rightly refuses such rows. To still check the
 * controls against the recorded configurations, complete each row the way a
 * query selecting the required fields would have returned it.
 */
function completedSelectRows(file: string, resourceType: string, idField: string): Resource[] {
  const data = unwrap(readCorpus(file)) as { Results: string[] };
  const rows = data.Results.map((row) => {
    const parsed = JSON.parse(row) as Record<string, unknown>;
    const configuration = parsed.configuration as Record<string, unknown>;
    const arn = String(configuration.arn ?? configuration.TopicArn ?? configuration.functionArn ?? '');
    return JSON.stringify({
      resourceType,
      resourceId: parsed.resourceId ?? configuration[idField],
      accountId: arn.split(':')[4] || String(configuration.ownerId ?? configuration.Owner ?? '644160558196'),
      awsRegion: parsed.awsRegion ?? (arn.split(':')[3] || 'us-east-1'),
      ...parsed,
    });
  });
  return [...normaliseRecord({ Results: rows }, file)].flatMap((r) => (r.kind === 'resource' ? [r.resource] : []));
}

const verdictOf = (controlId: string, resource: Resource, context: Resource[] = []) => {
  const control = registry.get(controlId);
  if (!control) throw new Error(`no control ${controlId}`);
  const index = new ContextIndex(registry.contextTypes);
  for (const item of context) index.add(item);
  return runControl(control, resource, index, new Date(resource.captureTime ?? '2026-01-01T00:00:00Z'));
};

const only = (resources: Resource[], type?: string): Resource => {
  const matching = type ? resources.filter((r) => r.resourceType === type) : resources;
  const [first] = matching;
  if (!first) throw new Error('no resource');
  return first;
};

describe.runIf(corpusAvailable)('Corpus: normaliser', () => {
  const files = corpusFiles().filter(isItemFile);

  it('finds the recorded items', () => {
    expect(files.length).toBeGreaterThan(30);
  });

  it.each(files)('%s normalises, or is refused with the reason', (file) => {
    try {
      for (const resource of resourcesOf(file)) {
        expect(resource.resourceType).toMatch(/^AWS::/);
        expect(resource.resourceId.length).toBeGreaterThan(0);
        if (resource.status === 'OK' || resource.status === 'ResourceDiscovered') {
          expect(resource.configuration).not.toBeNull();
          expect(resource.captureTime).toMatch(/^\d{4}-\d\d-\d\dT/);
        }
        expect(resource.decodeErrors).toEqual([]);
      }
    } catch (error) {
      // Only advanced-query rows that lack the required fields may be refused.
      expect(error).toBeInstanceOf(InputParseError);
      expect((error as Error).message).toMatch(
        /the query must select at least resourceType, resourceId and configuration/,
      );
      expect(file).toMatch(/SelectResourceConfig/);
    }
  });

  it('decodes the double-encoded ACL of the API form', () => {
    const bucket = only(resourcesOf(`${CONFIG}/s3.json`));
    expect(bucket.supplementary.AccessControlList).toMatchObject({ grantList: expect.any(Array) });
  });

  it('reads epoch capture times (the CLI variant) as ISO time', () => {
    expect(only(resourcesOf(`${CONFIG}/s3-lifecycle.json`)).captureTime).toMatch(/^20\d\d-/);
  });

  it('URL-decodes a role trust policy exactly as Config delivers it', () => {
    const role = only(
      completedSelectRows(
        `${PLACEBO}/test_set_policy_arn_construction/config.SelectResourceConfig_1.json`,
        'AWS::IAM::Role',
        'roleId',
      ),
    );
    expect(role.configuration?.assumeRolePolicyDocument).toMatchObject({ Statement: expect.any(Array) });
  });

  it('keeps a deleted item out of scope, with its null configuration', () => {
    const [deleted, previous] = resourcesOf(
      `${PLACEBO}/test_ebs_health_events_filter/config.GetResourceConfigHistory_1.json`,
    );
    expect(deleted).toMatchObject({ status: 'ResourceDeleted', configuration: null });
    expect(previous?.configuration).toMatchObject({ encrypted: expect.any(Boolean) });
  });

  it('reads the PascalCase configuration of CloudFormation-registry types', () => {
    expect(only(resourcesOf(`${CONFIG}/kinesis-stream.json`)).configuration).toMatchObject({
      StreamEncryption: expect.anything(),
    });
  });

  it('unwraps a Config notification delivered through SNS and SQS', () => {
    expect(only(resourcesOf(`${PLACEBO}/test_s3_normalize/sqs.ReceiveMessage_3.json`)).status).toBe('ResourceDeleted');
  });
});

describe.runIf(corpusAvailable)('Corpus: controls', () => {
  const everything = corpusFiles()
    .filter(isItemFile)
    .flatMap((file) => {
      try {
        return resourcesOf(file);
      } catch {
        return [];
      }
    });

  it('never throw on a recorded item, and state every reason as a sentence', () => {
    let judged = 0;
    for (const resource of everything) {
      for (const control of registry.forResourceType(resource.resourceType)) {
        const verdict = verdictOf(control.id, resource);
        expect(verdict.reason, `${control.id} on ${resource.resourceId}`).not.toMatch(/failed on/);
        expect(verdict.reason).toMatch(/\.$/);
        judged++;
      }
    }
    expect(judged).toBeGreaterThan(80);
  });

  const cases: [string, () => Resource, string, string][] = [
    [
      'SSH open to the world (Custodian sg_open_ssh)',
      () => only(resourcesOf(`${CWE}/event-config-rule-security-group.json`)),
      'ec2-security-group-no-public-admin-ports',
      'FAIL',
    ],
    [
      'SSH open to the world (Config RDK sample)',
      () => only(resourcesOf(`${RDK}/AWS_EC2_SecurityGroup.json`)),
      'ec2-security-group-no-public-admin-ports',
      'FAIL',
    ],
    [
      'web ports only',
      () => only(resourcesOf(`${PLACEBO}/test_sg_config_diff/config.GetResourceConfigHistory_1.json`)),
      'ec2-security-group-no-public-admin-ports',
      'PASS',
    ],
    [
      'default VPC group with rules',
      () =>
        only(
          completedSelectRows(
            `${PLACEBO}/test_security_group_config_source/config.SelectResourceConfig_1.json`,
            'AWS::EC2::SecurityGroup',
            'groupId',
          ),
        ),
      'ec2-security-group-default-restricts-all',
      'FAIL',
    ],
    [
      'IMDSv1 allowed',
      () =>
        only(
          resourcesOf('aws-powertools__powertools-lambda-python/tests/events/awsConfigRuleConfigurationChanged.json'),
        ),
      'ec2-instance-imdsv2-required',
      'FAIL',
    ],
    [
      'instance with a public IP',
      () => only(resourcesOf(`${RDK}/AWS_EC2_Instance.json`)),
      'ec2-instance-no-public-ip',
      'FAIL',
    ],
    [
      '2017 instance item without metadataOptions',
      () => only(resourcesOf(`${CWE}/event-config-rule-instance.json`)),
      'ec2-instance-imdsv2-required',
      'INSUFFICIENT_DATA',
    ],
    ['encrypted volume', () => only(resourcesOf(`${RDK}/AWS_EC2_Volume.json`)), 'ebs-volume-encrypted', 'PASS'],
    [
      'trail with log file validation',
      () => only(resourcesOf(`${RDK}/AWS_Cloudtrail_Trail.json`)),
      'cloudtrail-trail-log-file-validation-enabled',
      'PASS',
    ],
    [
      'trail without KMS',
      () => only(resourcesOf(`${RDK}/AWS_Cloudtrail_Trail.json`)),
      'cloudtrail-trail-kms-encrypted',
      'FAIL',
    ],
    [
      'trail without CloudWatch Logs',
      () => only(resourcesOf(`${RDK}/AWS_Cloudtrail_Trail.json`)),
      'cloudtrail-trail-cloudwatch-logs-enabled',
      'FAIL',
    ],
    [
      'AWS-managed key',
      () => only(resourcesOf(`${RDK}/AWS_KMS_Key.json`)),
      'kms-key-rotation-enabled',
      'NOT_APPLICABLE',
    ],
    [
      'AWS-managed key policy pinned by kms:CallerAccount',
      () => only(resourcesOf(`${RDK}/AWS_KMS_Key.json`)),
      'kms-key-policy-not-public',
      'PASS',
    ],
    [
      'customer key with rotation off',
      () =>
        only(
          completedSelectRows(
            `${PLACEBO}/test_kms_config_source/config.SelectResourceConfig_1.json`,
            'AWS::KMS::Key',
            'keyId',
          ),
        ),
      'kms-key-rotation-enabled',
      'FAIL',
    ],
    [
      'public, unencrypted Postgres',
      () => only(resourcesOf(`${CONFIG}/rds-from-rule.json`)),
      'rds-instance-not-public',
      'FAIL',
    ],
    [
      'public, unencrypted Postgres (storage)',
      () => only(resourcesOf(`${CONFIG}/rds-from-rule.json`)),
      'rds-instance-storage-encrypted',
      'FAIL',
    ],
    [
      'single-AZ instance',
      () => only(resourcesOf(`${CONFIG}/rds-from-rule.json`)),
      'rds-instance-multi-az-enabled',
      'FAIL',
    ],
    [
      'encrypted Multi-AZ MySQL',
      () => only(resourcesOf(`${RDK}/AWS_RDS_DBInstance.json`)),
      'rds-instance-storage-encrypted',
      'PASS',
    ],
    [
      'Aurora cluster encrypted with a CMK',
      () => only(resourcesOf(`${CONFIG}/rds-cluster.json`)),
      'rds-cluster-storage-encrypted',
      'PASS',
    ],
    [
      'Aurora cluster without deletion protection',
      () => only(resourcesOf(`${CONFIG}/rds-cluster.json`)),
      'rds-cluster-deletion-protection-enabled',
      'FAIL',
    ],
    [
      'unencrypted snapshot',
      () =>
        only(
          completedSelectRows(
            `${PLACEBO}/test_rds_snapshot_set_permissions/config.SelectResourceConfig_1.json`,
            'AWS::RDS::DBSnapshot',
            'dBSnapshotIdentifier',
          ),
        ),
      'rds-snapshot-encrypted',
      'FAIL',
    ],
    [
      'snapshot shared with named accounts only',
      () =>
        only(
          completedSelectRows(
            `${PLACEBO}/test_rds_snapshot_set_permissions/config.SelectResourceConfig_1.json`,
            'AWS::RDS::DBSnapshot',
            'dBSnapshotIdentifier',
          ),
        ),
      'rds-snapshot-not-public',
      'PASS',
    ],
    ['bucket never versioned', () => only(resourcesOf(`${CONFIG}/s3.json`)), 's3-bucket-versioning-enabled', 'FAIL'],
    [
      'bucket versioning suspended',
      () => only(resourcesOf(`${CONFIG}/s3-lifecycle.json`)),
      's3-bucket-versioning-enabled',
      'FAIL',
    ],
    [
      'bucket versioning enabled',
      () => only(resourcesOf(`${CONFIG}/s3-rep-and-notify.json`)),
      's3-bucket-versioning-enabled',
      'PASS',
    ],
    [
      'bucket without a TLS-only policy',
      () => only(resourcesOf(`${CONFIG}/s3.json`)),
      's3-bucket-tls-only-policy',
      'FAIL',
    ],
    [
      'bucket without access logging',
      () => only(resourcesOf(`${CONFIG}/s3-from-rule.json`)),
      's3-bucket-access-logging-enabled',
      'FAIL',
    ],
    [
      'ALB with access logs',
      () => only(resourcesOf(`${CONFIG}/app-elb.json`)),
      'elb-load-balancer-access-logs-enabled',
      'PASS',
    ],
    [
      'ALB without access logs',
      () => only(resourcesOf(`${CONFIG}/app-elb-config-event.json`)),
      'elb-load-balancer-access-logs-enabled',
      'FAIL',
    ],
    [
      'ALB without deletion protection',
      () => only(resourcesOf(`${CONFIG}/app-elb.json`)),
      'elb-load-balancer-deletion-protection-enabled',
      'FAIL',
    ],
    [
      'topic open to anyone (console publish/subscribe)',
      () => only(resourcesOf(`${RDK}/AWS_SNS_Topic.json`)),
      'sns-topic-not-public',
      'FAIL',
    ],
    ['topic without KMS', () => only(resourcesOf(`${RDK}/AWS_SNS_Topic.json`)), 'sns-topic-encrypted', 'FAIL'],
    [
      'Lambda invoked by API Gateway with SourceArn',
      () =>
        only(
          completedSelectRows(
            `${PLACEBO}/test_aws_lambda_config_source/config.SelectResourceConfig_1.json`,
            'AWS::Lambda::Function',
            'functionName',
          ),
        ),
      'lambda-function-not-public',
      'PASS',
    ],
    [
      'role trusted by a service',
      () =>
        only(
          completedSelectRows(
            `${PLACEBO}/test_set_policy_arn_construction/config.SelectResourceConfig_1.json`,
            'AWS::IAM::Role',
            'roleId',
          ),
        ),
      'iam-role-trust-policy-restricted',
      'PASS',
    ],
    [
      'account-level public access block all on',
      () => only(resourcesOf(`${RDK}/AWS_S3_AccountPublicAccessBlock.json`)),
      's3-account-public-access-block-enabled',
      'PASS',
    ],
  ];
  it.each(cases)('%s', (_name, resource, controlId, expected) => {
    const verdict = verdictOf(controlId, resource());
    expect(verdict.status, verdict.reason).toBe(expected);
  });

  it('judges both recorded SNS topics: one with KMS, one without', () => {
    const topics = completedSelectRows(
      `${PLACEBO}/test_sns_config/config.SelectResourceConfig_1.json`,
      'AWS::SNS::Topic',
      'TopicArn',
    );
    expect(topics.map((topic) => verdictOf('sns-topic-encrypted', topic).status).sort()).toEqual(['FAIL', 'PASS']);
  });
});

describe.runIf(corpusAvailable)('Corpus: account facts from recorded IAM responses', () => {
  const data = (path: string) => unwrap(readCorpus(`${PLACEBO}/${path}`)) as Record<string, unknown>;
  const account = (iam: Record<string, unknown>) =>
    normaliseAccountFacts(
      { inventoryRecord: 'accountFacts', accountId: '644160558196', capturedAt: '2017-02-23T00:00:00Z', iam },
      'corpus',
    );

  it('a missing password policy (NoSuchEntity) fails, a weak one fails on each attribute', () => {
    const missing = data('test_account_missing_password_policy/iam.GetAccountPasswordPolicy_1.json');
    expect((missing.Error as { Code: string }).Code).toBe('NoSuchEntity');
    expect(verdictOf('iam-password-policy-strong', account({ passwordPolicy: null })).status).toBe('FAIL');
    const weak = verdictOf(
      'iam-password-policy-strong',
      account({
        passwordPolicy: data('test_account_password_policy_update/iam.GetAccountPasswordPolicy_1.json').PasswordPolicy,
      }),
    );
    expect(weak.status).toBe('FAIL');
    expect(JSON.stringify(weak.observed)).toMatch(/MinimumPasswordLength/);
  });

  it('root MFA and root keys from a recorded account summary', () => {
    const summary = data('test_account_root_api_keys/iam.GetAccountSummary_1.json').SummaryMap as Record<
      string,
      number
    >;
    expect(verdictOf('iam-root-mfa-enabled', account({ accountSummary: summary })).status).toBe('PASS');
    expect(verdictOf('iam-root-no-access-keys', account({ accountSummary: summary })).status).toBe('PASS');
  });

  it('parses recorded credential reports and judges their users', () => {
    const report = data('test_account_credential_report/iam.GetCredentialReport_1.json');
    const generatedTime = String(report.GeneratedTime);
    const facts = account({ credentialReport: { generatedTime, csv: String(report.Content) } });
    const iam = facts.configuration?.iam as { credentialReport: { rows: Record<string, string>[] } } | undefined;
    const rows = iam?.credentialReport.rows ?? [];
    expect(rows[0]?.user).toBe('<root_account>');
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining(['mfa_active', 'access_key_1_last_rotated', 'password_last_used']),
    );
    const user = rows.find((row) => row.user !== '<root_account>');
    if (!user) throw new Error('no user row');
    const item = [
      ...normaliseRecord(
        {
          resourceType: 'AWS::IAM::User',
          resourceId: 'AIDAEXAMPLE',
          resourceName: user.user,
          arn: user.arn,
          accountId: '644160558196',
          awsRegion: 'global',
          configurationItemCaptureTime: generatedTime,
          configuration: {
            userName: user.user,
            arn: user.arn,
            userPolicyList: [],
            attachedManagedPolicies: [],
            groupList: [],
          },
        },
        'corpus',
      ),
    ][0];
    if (item?.kind !== 'resource') throw new Error('no user');
    const verdict = verdictOf('iam-user-console-mfa-enabled', item.resource, [facts]);
    const expected = user.password_enabled === 'true' && user.mfa_active === 'false' ? 'FAIL' : 'PASS';
    expect(verdict.status, verdict.reason).toBe(expected);
    expect(isRecord(verdict.observed)).toBe(true);
  });
});
