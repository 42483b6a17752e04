// biome-ignore-all lint/suspicious/noTemplateCurlyInString: CloudFormation Fn::Sub expressions are plain strings with ${...}
/**
 * `serverless package` (osls, offline) into a temporary directory, once for
 * this file, then assertions on the CloudFormation it generates and on the
 * function zips. Packaging bundles three functions: it takes a few seconds.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FUNCTIONS = { nightlyAudit: 'NightlyAudit', configRule: 'ConfigRule', realtime: 'Realtime' } as const;

interface Statement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Action: string | string[];
  Resource: unknown;
  Principal?: unknown;
  Condition?: Record<string, Record<string, unknown>>;
}
interface Resource {
  Type: string;
  Properties: Record<string, unknown>;
  DependsOn?: string | string[];
}

const actions = (statement: Statement): string[] =>
  Array.isArray(statement.Action) ? statement.Action : [statement.Action];
const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

describe('Deploy: serverless package', () => {
  let dir: string;
  let resources: Record<string, Resource>;
  const ofType = (type: string) => Object.entries(resources).filter(([, resource]) => resource.Type === type);
  const props = (logicalId: string) => {
    const resource = resources[logicalId];
    if (!resource) throw new Error(`no ${logicalId} in the template`);
    return resource.Properties;
  };
  const roleStatements = (role: string): Statement[] =>
    (props(role).Policies as { PolicyDocument: { Statement: Statement[] } }[]).flatMap(
      (policy) => policy.PolicyDocument.Statement,
    );

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ca-package-'));
    // Offline: no credentials are needed and none are used; the stage gets the default parameters.
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'node_modules', 'osls', 'bin', 'serverless.js'), 'package', '--stage', 'test', '--package', dir],
      { cwd: ROOT, env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' }, maxBuffer: 1 << 24 },
    );
    const template = readJson(join(dir, 'cloudformation-template-update-stack.json')) as {
      Resources: Record<string, Resource>;
    };
    resources = template.Resources;
  }, 180_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('packages each function into its own zip, bundled as ESM, the Config rule loading the collector lazily', () => {
    for (const name of Object.keys(FUNCTIONS)) expect(existsSync(join(dir, `${name}.zip`)), name).toBe(true);
    // Zip entry names are stored uncompressed: enough to see what each archive holds.
    const names = (name: string) => readFileSync(join(dir, `${name}.zip`)).toString('latin1');
    expect(names('configRule')).toContain('functions/config-rule.mjs');
    expect(names('configRule')).toMatch(/functions\/chunks\/account-facts-loader-\w+\.mjs/);
    expect(names('realtime')).toContain('functions/realtime.mjs');
    expect(names('realtime')).not.toContain('account-facts-loader-');
    expect(names('nightlyAudit')).toContain('functions/nightly-audit.mjs');
  });

  it('runs every function on nodejs22.x, arm64, each with its own role and an encrypted on-failure queue', () => {
    for (const [name, logical] of Object.entries(FUNCTIONS)) {
      const fn = props(`${logical}LambdaFunction`);
      expect(fn.Runtime, name).toBe('nodejs22.x');
      expect(fn.Architectures, name).toEqual(['arm64']);
      expect(fn.Handler, name).toMatch(/^functions\/[a-z-]+\.handler$/);
      expect(fn.Role, name).toEqual({ 'Fn::GetAtt': [`${logical}Role`, 'Arn'] });
      expect(props(`${logical}LambdaEvConf`).DestinationConfig, name).toEqual({
        OnFailure: { Destination: { 'Fn::GetAtt': ['FailureQueue', 'Arn'] } },
      });
    }
    expect(resources.IamRoleLambdaExecution).toBeUndefined();
    expect(props('FailureQueue').SqsManagedSseEnabled).toBe(true);
  });

  it('gives the nightly audit a full vCPU, its whole 15 minutes, and /tmp room for a 1,000,000-resource inventory', () => {
    const fn = props('NightlyAuditLambdaFunction');
    expect(fn.MemorySize).toBe(1769);
    expect(fn.Timeout).toBe(900);
    // The inventory, the context spill and the report's scratch rows: about 1.2x a 1.7 GB inventory.
    expect(fn.EphemeralStorage).toEqual({ Size: 4096 });
  });

  it('schedules the nightly audit', () => {
    const [rule] = ofType('AWS::Events::Rule').filter(([, r]) => r.Properties.ScheduleExpression !== undefined);
    expect(rule?.[1].Properties).toMatchObject({
      ScheduleExpression: 'cron(0 2 * * ? *)',
      State: 'ENABLED',
      Targets: [{ Arn: { 'Fn::GetAtt': ['NightlyAuditLambdaFunction', 'Arn'] } }],
    });
  });

  it('routes exactly the Config Configuration Item Change events to the real-time function', () => {
    const [rule] = ofType('AWS::Events::Rule').filter(([, r]) => r.Properties.EventPattern !== undefined);
    expect(rule?.[1].Properties.EventPattern).toEqual({
      source: ['aws.config'],
      'detail-type': ['Config Configuration Item Change'],
    });
    expect(rule?.[1].Properties.Targets).toMatchObject([{ Arn: { 'Fn::GetAtt': ['RealtimeLambdaFunction', 'Arn'] } }]);
  });

  it('declares the Config custom Lambda rule: three triggers, periodic frequency, scope, and a permission for Config', () => {
    const [[id, rule] = []] = ofType('AWS::Config::ConfigRule');
    expect(rule?.Properties).toMatchObject({
      Source: {
        Owner: 'CUSTOM_LAMBDA',
        SourceIdentifier: { 'Fn::GetAtt': ['ConfigRuleLambdaFunction', 'Arn'] },
        SourceDetails: [
          { EventSource: 'aws.config', MessageType: 'ConfigurationItemChangeNotification' },
          { EventSource: 'aws.config', MessageType: 'OversizedConfigurationItemChangeNotification' },
          {
            EventSource: 'aws.config',
            MessageType: 'ScheduledNotification',
            MaximumExecutionFrequency: 'TwentyFour_Hours',
          },
        ],
      },
      Scope: { ComplianceResourceTypes: readJson(join(ROOT, 'deploy', 'config-rule-scope.json')) },
    });
    const permissions = ofType('AWS::Lambda::Permission').filter(
      ([, p]) => p.Properties.Principal === 'config.amazonaws.com',
    );
    expect(permissions).toHaveLength(1);
    expect(permissions[0]?.[1].Properties).toMatchObject({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': ['ConfigRuleLambdaFunction', 'Arn'] },
      SourceAccount: { Ref: 'AWS::AccountId' },
    });
    expect(resources[id ?? '']?.DependsOn).toContain(permissions[0]?.[0]);
  });

  it('allows no wildcard action anywhere; only Deny statements (TLS-only) may cover every action', () => {
    const statements: Statement[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        const record = value as Record<string, unknown>;
        if ((record.Effect === 'Allow' || record.Effect === 'Deny') && 'Action' in record)
          statements.push(record as unknown as Statement);
        Object.values(record).forEach(walk);
      }
    };
    walk(resources);
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows.length).toBeGreaterThan(10);
    for (const statement of allows)
      for (const action of actions(statement)) expect(action, JSON.stringify(statement)).not.toContain('*');
  });

  it('gives each role only its function’s permissions', () => {
    const byRole = Object.fromEntries(
      Object.values(FUNCTIONS).map((logical) => [logical, roleStatements(`${logical}Role`).flatMap(actions)]),
    );
    // PutEvaluations: the Config rule only.
    expect(byRole.ConfigRule).toContain('config:PutEvaluations');
    expect(byRole.NightlyAudit).not.toContain('config:PutEvaluations');
    expect(byRole.Realtime).not.toContain('config:PutEvaluations');
    // The collector's generated policy: the nightly audit's.
    const collector = readJson(join(ROOT, 'deploy', 'collector-policy.json')) as { Statement: Statement[] };
    expect(roleStatements('NightlyAuditRole')).toEqual(expect.arrayContaining(collector.Statement));
    // Writes to S3 only under the account's own evidence prefix, and never by the Config rule.
    expect(byRole.ConfigRule?.some((action) => action.startsWith('s3:Put'))).toBe(false);
    for (const role of ['NightlyAuditRole', 'RealtimeRole']) {
      const writes = roleStatements(role).filter((s) => actions(s).some((a) => /^s3:(Put|Abort|Delete)/.test(a)));
      expect(writes.length, role).toBeGreaterThan(0);
      for (const statement of writes) {
        expect(statement.Resource, role).toEqual({ 'Fn::Sub': '${EvidenceBucket.Arn}/evidence/${AWS::AccountId}/*' });
        expect(actions(statement).sort(), role).toEqual(['s3:AbortMultipartUpload', 's3:PutObject']);
      }
      const list = roleStatements(role).find((s) => actions(s).includes('s3:ListBucket'));
      expect(list?.Condition, role).toEqual({ StringLike: { 's3:prefix': 'evidence/${AWS::AccountId}/*' } });
      // KMS encryption: the evidence key only, and only through S3 (the collector's kms:GetKeyRotationStatus is a read).
      const kms = roleStatements(role).filter((s) =>
        actions(s).some((a) => /^kms:(GenerateDataKey|Decrypt|Encrypt)/.test(a)),
      );
      expect(kms, role).toHaveLength(1);
      expect(kms[0]?.Resource, role).toEqual({ 'Fn::GetAtt': ['EvidenceKey', 'Arn'] });
      expect(actions(kms[0] as Statement).sort(), role).toEqual(['kms:Decrypt', 'kms:GenerateDataKey']);
      expect(kms[0]?.Condition, role).toEqual({
        StringEquals: { 'kms:ViaService': { 'Fn::Sub': 's3.${AWS::Region}.amazonaws.com' } },
      });
    }
    expect(
      roleStatements('ConfigRuleRole').some((s) =>
        actions(s).some((a) => /^kms:(GenerateDataKey|Decrypt|Encrypt)/.test(a)),
      ),
    ).toBe(false);
    // Logs: each role writes its own function's log group.
    for (const [name, logical] of Object.entries(FUNCTIONS)) {
      const logs = roleStatements(`${logical}Role`).find((s) => actions(s).includes('logs:PutLogEvents'));
      expect(JSON.stringify(logs?.Resource)).toContain(`/aws/lambda/compliance-auditor-test-${name}:*`);
    }
    // Each role can send its function's failures to the queue, nothing else in SQS.
    for (const logical of Object.values(FUNCTIONS)) {
      const sqs = roleStatements(`${logical}Role`).filter((s) => actions(s).some((a) => a.startsWith('sqs:')));
      expect(sqs).toEqual([
        { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: { 'Fn::GetAtt': ['FailureQueue', 'Arn'] } },
      ]);
    }
  });

  it('locks, versions, encrypts (with its own rotating key), closes and logs the evidence bucket', () => {
    const bucket = props('EvidenceBucket');
    expect(bucket.ObjectLockEnabled).toBe(true);
    expect(bucket.ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 2192 } },
    });
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: { 'Fn::GetAtt': ['EvidenceKey', 'Arn'] },
          },
          BucketKeyEnabled: true,
        },
      ],
    });
    expect(props('EvidenceKey').EnableKeyRotation).toBe(true);
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.LoggingConfiguration).toEqual({
      DestinationBucketName: { Ref: 'AccessLogBucket' },
      LogFilePrefix: 'evidence-bucket/',
    });
    const policy = props('EvidenceBucketPolicy') as { Bucket: unknown; PolicyDocument: { Statement: Statement[] } };
    expect(policy.Bucket).toEqual({ Ref: 'EvidenceBucket' });
    expect(policy.PolicyDocument.Statement).toContainEqual({
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: [{ 'Fn::GetAtt': ['EvidenceBucket', 'Arn'] }, { 'Fn::Sub': '${EvidenceBucket.Arn}/*' }],
      Condition: { Bool: { 'aws:SecureTransport': 'false' } },
    });
    // The log bucket is a separate, closed bucket that only S3's logging service may write to.
    const logs = props('AccessLogBucket');
    expect(logs.ObjectLockEnabled).toBeUndefined();
    expect(logs.PublicAccessBlockConfiguration).toEqual(bucket.PublicAccessBlockConfiguration);
    expect(JSON.stringify(props('AccessLogBucketPolicy').PolicyDocument)).toContain('logging.s3.amazonaws.com');
  });
});
