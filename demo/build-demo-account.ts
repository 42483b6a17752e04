/**
 * Generates demo/demo-account.json: the recorded inventory that
 * `compliance-auditor audit --demo` audits. It describes Northwind Health, a
 * fictional healthcare company: a production account (111122223333, in
 * us-east-1 and eu-west-1) that is mostly in good order with a realistic tail
 * of problems, and a sandbox account (444455556666) whose account-level facts
 * were not collected. demo/README.md lists the problems planted on purpose.
 *
 * Deterministic: ids come from SHA-256 of names, times from CAPTURE_START.
 *
 * Run: npx tsx demo/build-demo-account.ts
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AccountFactsRecord } from '../engine/normalize/account-facts.js';
import { accountFacts, credentialReportCsv, regionFacts } from './account-facts.js';
import {
  accountPublicAccessBlock,
  awsManaged,
  awsManagedKeyPolicy,
  customerManaged,
  defaultKeyPolicy,
  deletedBucket,
  iamGroup,
  iamPolicy,
  iamRef,
  iamRole,
  iamUser,
  kmsKey,
  s3Bucket,
} from './builders-iam-s3-kms.js';
import {
  applicationLoadBalancer,
  classicLoadBalancer,
  DEFAULT_ACL_ENTRIES,
  deletedInstance,
  flowLog,
  instance,
  instanceId,
  internetGateway,
  listener,
  networkAcl,
  routeTable,
  securityGroup,
  subnet,
  volume,
  volumeId,
  vpc,
} from './builders-network.js';
import {
  acmCertificate,
  apiGatewayStage,
  apiGatewayV2Stage,
  cloudFrontDistribution,
  cloudTrail,
  dbCluster,
  dbClusterRef,
  dbClusterSnapshot,
  dbInstance,
  dbSnapshot,
  defaultTopicPolicy,
  dynamoDbTable,
  efsFileSystem,
  elasticsearchDomain,
  elastiCacheReplicationGroup,
  lambdaFunction,
  logGroup,
  openSearchDomain,
  redshiftCluster,
  secret,
  snsTopic,
  sqsQueue,
  trailArn,
} from './builders-services.js';
import { daysAgo, daysAhead, Inventory, inRegion, type JsonObject, policyDocument, type Scope } from './ci.js';

export const PROD = '111122223333';
export const SANDBOX = '444455556666';
/** The security vendor that audits the production account through a role. */
const AUDIT_VENDOR = '777788889999';

export interface DemoInventory {
  format: 'compliance-auditor/inventory';
  formatVersion: 1;
  description: string;
  collectedAt: string;
  accountFacts: AccountFactsRecord[];
  configurationItems: JsonObject[];
}

const tlsOnly = (bucket: string): JsonObject => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

const assumeBy = (service: string, condition?: JsonObject): JsonObject =>
  policyDocument({
    Effect: 'Allow',
    Principal: { Service: service },
    Action: 'sts:AssumeRole',
    ...(condition ? { Condition: condition } : {}),
  });

const githubOidc = (accountId: string, conditions: JsonObject): JsonObject =>
  policyDocument({
    Effect: 'Allow',
    Principal: { Federated: `arn:aws:iam::${accountId}:oidc-provider/token.actions.githubusercontent.com` },
    Action: 'sts:AssumeRoleWithWebIdentity',
    Condition: conditions,
  });

/** Builds the whole demo inventory. Pure: the same output on every call. */
export function buildDemoAccount(): DemoInventory {
  const inventory = new Inventory();
  const east: Scope = { inventory, accountId: PROD, region: 'us-east-1' };
  const eu = inRegion(east, 'eu-west-1');

  // ---------------------------------------------------------------- KMS
  const phiKey = kmsKey(east, {
    alias: 'nwh-phi-data',
    description: 'PHI at rest: claims, payroll and medical records',
    createdAt: '2023-02-14T10:22:31.000Z',
    rotation: true,
    policy: defaultKeyPolicy(PROD),
    tags: { 'data-classification': 'phi' },
  });
  const logsKey = kmsKey(east, {
    alias: 'nwh-audit-logs',
    description: 'CloudTrail and CloudWatch Logs encryption',
    createdAt: '2023-02-14T10:31:05.000Z',
    // Config's item lacks the rotation status; the collector recorded it in account facts.
    policy: defaultKeyPolicy(
      PROD,
      {
        Sid: 'Allow CloudTrail to encrypt logs',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 'kms:GenerateDataKey*',
        Resource: '*',
        Condition: { StringEquals: { 'aws:SourceArn': trailArn(east, 'nwh-org-trail') } },
      },
      {
        Sid: 'Allow CloudWatch Logs',
        Effect: 'Allow',
        Principal: { Service: 'logs.us-east-1.amazonaws.com' },
        Action: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
        Resource: '*',
        Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:aws:logs:us-east-1:${PROD}:log-group:*` } },
      },
    ),
  });
  const legacyKey = kmsKey(east, {
    alias: 'nwh-legacy-reporting',
    description: 'Legacy reporting exports (2021)',
    createdAt: '2021-06-03T15:40:12.000Z',
    rotation: false,
    policy: defaultKeyPolicy(PROD, {
      Sid: 'AllowPartnerDecrypt',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: ['kms:Decrypt', 'kms:DescribeKey'],
      Resource: '*',
    }),
  });
  const ebsKey = kmsKey(east, {
    alias: 'aws/ebs',
    description: 'Default key that protects my EBS volumes when no other key is defined',
    createdAt: '2022-09-12T08:02:44.000Z',
    manager: 'AWS',
    rotation: true,
    policy: awsManagedKeyPolicy(PROD, 'us-east-1', 'ec2'),
  });
  kmsKey(east, {
    alias: 'nwh-consent-signing',
    description: 'Signs patient consent PDFs',
    createdAt: '2025-03-18T11:12:09.000Z',
    spec: 'RSA_2048',
    policy: defaultKeyPolicy(PROD),
  });
  kmsKey(east, {
    alias: 'nwh-migration-2024',
    description: 'Temporary key for the 2024 data-centre migration',
    createdAt: '2024-01-22T09:15:00.000Z',
    rotation: false,
    pendingDeletionUntil: daysAhead(12),
    policy: defaultKeyPolicy(PROD),
  });
  const euKey = kmsKey(eu, {
    alias: 'nwh-datalake-eu',
    description: 'EU data lake and analytics (GDPR personal data)',
    createdAt: '2023-04-05T13:44:51.000Z',
    rotation: true,
    policy: defaultKeyPolicy(PROD),
    tags: { gdpr: 'personal-data' },
  });

  // ---------------------------------------------------------------- IAM
  const developerPolicy = iamPolicy(east, {
    name: 'nwh-developer-access',
    description: 'Day-to-day developer access to non-production data and logs',
    createdAt: '2024-02-01T09:00:00.000Z',
    versions: [
      {
        createdAt: '2024-02-01T09:00:00.000Z',
        document: policyDocument({ Effect: 'Allow', Action: ['logs:Get*', 'logs:Describe*'], Resource: '*' }),
      },
      {
        createdAt: '2025-07-14T16:30:00.000Z',
        document: policyDocument(
          {
            Sid: 'ReadLogsAndMetrics',
            Effect: 'Allow',
            Action: ['logs:Get*', 'logs:Describe*', 'logs:FilterLogEvents', 'cloudwatch:Get*', 'cloudwatch:List*'],
            Resource: '*',
          },
          {
            Sid: 'DevDataLakePrefix',
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: 'arn:aws:s3:::nwh-datalake-eu/dev/*',
          },
          {
            Sid: 'SessionsToDevInstances',
            Effect: 'Allow',
            Action: 'ssm:StartSession',
            Resource: `arn:aws:ec2:*:${PROD}:instance/*`,
            Condition: { StringEquals: { 'ssm:resourceTag/environment': 'dev' } },
          },
        ),
      },
    ],
    attachedTo: [{ kind: 'group', name: 'developers' }],
  });
  const etlPolicy = iamPolicy(east, {
    name: 'nwh-etl-datalake-write',
    description: 'Nightly ETL loads into the EU data lake',
    createdAt: '2024-02-12T10:05:00.000Z',
    versions: [
      {
        createdAt: '2024-02-12T10:05:00.000Z',
        document: policyDocument(
          {
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
            Resource: ['arn:aws:s3:::nwh-datalake-eu', 'arn:aws:s3:::nwh-datalake-eu/raw/*'],
          },
          { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: euKey.arn },
        ),
      },
    ],
    attachedTo: [{ kind: 'user', name: 'svc-legacy-etl' }],
  });
  iamPolicy(east, {
    name: 'nwh-ops-break-glass',
    description: 'Break-glass operations access, kept from the 2023 incident',
    createdAt: '2023-09-08T02:14:00.000Z',
    versions: [
      {
        createdAt: '2023-09-08T02:14:00.000Z',
        document: policyDocument({ Sid: 'EverythingButBilling', Effect: 'Allow', NotAction: ['aws-portal:*', 'budgets:*'], Resource: '*' }),
      },
    ],
  });
  const deployPolicy = iamPolicy(east, {
    name: 'nwh-ci-deploy',
    description: 'GitHub Actions deployments of the patient portal',
    createdAt: '2024-05-20T12:00:00.000Z',
    versions: [
      {
        createdAt: '2024-05-20T12:00:00.000Z',
        document: policyDocument(
          {
            Sid: 'LaunchAppInstances',
            Effect: 'Allow',
            Action: ['ec2:RunInstances', 'ec2:CreateTags', 'ec2:Describe*', 'autoscaling:UpdateAutoScalingGroup'],
            Resource: '*',
          },
          { Sid: 'PassInstanceRole', Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' },
        ),
      },
    ],
    attachedTo: [{ kind: 'role', name: 'github-actions-deploy' }],
  });
  const planPolicy = iamPolicy(east, {
    name: 'nwh-terraform-plan-read',
    description: 'Read-only access for terraform plan, plus its state',
    createdAt: '2024-05-20T12:10:00.000Z',
    versions: [
      {
        createdAt: '2024-05-20T12:10:00.000Z',
        document: policyDocument(
          {
            Sid: 'DescribeEverything',
            Effect: 'Allow',
            Action: ['ec2:Describe*', 'rds:Describe*', 'iam:Get*', 'iam:List*', 's3:GetBucket*', 'kms:Describe*', 'kms:Get*'],
            Resource: '*',
          },
          {
            Sid: 'State',
            Effect: 'Allow',
            Action: ['s3:GetObject', 's3:PutObject'],
            Resource: 'arn:aws:s3:::nwh-terraform-state/*',
          },
        ),
      },
    ],
    attachedTo: [{ kind: 'role', name: 'github-actions-terraform-plan' }],
  });
  const claimsRuntime = iamPolicy(east, {
    name: 'nwh-claims-processor-runtime',
    description: 'Runtime permissions of the claims-processor function',
    createdAt: '2024-08-02T08:45:00.000Z',
    versions: [
      {
        createdAt: '2024-08-02T08:45:00.000Z',
        document: policyDocument(
          {
            Effect: 'Allow',
            Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:GetQueueAttributes'],
            Resource: `arn:aws:sqs:us-east-1:${PROD}:nwh-claims-intake`,
          },
          {
            Effect: 'Allow',
            Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query'],
            Resource: `arn:aws:dynamodb:us-east-1:${PROD}:table/patient-appointments`,
          },
          { Effect: 'Allow', Action: ['kms:Decrypt', 'kms:GenerateDataKey'], Resource: phiKey.arn },
          {
            Effect: 'Allow',
            Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
            Resource: `arn:aws:logs:us-east-1:${PROD}:log-group:/aws/lambda/claims-processor:*`,
          },
        ),
      },
    ],
    attachedTo: [{ kind: 'role', name: 'claims-processor-role' }],
  });

  iamGroup(east, { name: 'administrators', createdAt: '2019-03-04T17:40:11.000Z', members: ['marcus.oduya'], attached: [awsManaged('AdministratorAccess')] });
  iamGroup(east, {
    name: 'developers',
    createdAt: '2019-03-04T17:42:53.000Z',
    members: ['alice.nguyen', 'priya.shah', 'dana.kim'],
    attached: [customerManaged(developerPolicy), awsManaged('IAMReadOnlyAccess')],
  });
  iamGroup(east, {
    name: 'billing',
    createdAt: '2020-01-15T12:00:00.000Z',
    members: ['jordan.blake'],
    inline: [
      {
        name: 'billing-console',
        document: policyDocument({ Effect: 'Allow', Action: ['aws-portal:View*', 'ce:Get*', 'budgets:View*'], Resource: '*' }),
      },
    ],
  });

  iamUser(east, { name: 'alice.nguyen', createdAt: '2023-05-02T08:30:00.000Z', groups: ['developers'], tags: { team: 'platform' } });
  iamUser(east, { name: 'marcus.oduya', createdAt: '2019-03-04T17:45:20.000Z', groups: ['administrators'], tags: { team: 'sre' } });
  iamUser(east, { name: 'priya.shah', createdAt: '2026-10-30T14:02:00.000Z', groups: ['developers'], tags: { team: 'claims' } });
  iamUser(east, { name: 'jordan.blake', createdAt: '2024-09-09T09:09:00.000Z', groups: ['billing'], tags: { contractor: 'true' } });
  iamUser(east, { name: 'svc-legacy-etl', createdAt: '2024-02-12T10:00:00.000Z', attached: [customerManaged(etlPolicy)] });
  iamUser(east, {
    name: 'svc-reporting',
    createdAt: '2022-11-07T11:20:00.000Z',
    inline: [
      {
        name: 'reporting-read',
        document: policyDocument({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::nwh-legacy-reports', 'arn:aws:s3:::nwh-legacy-reports/*'] }),
      },
    ],
  });
  // Created after the credential report was generated: the report cannot say anything about her yet.
  iamUser(east, { name: 'dana.kim', createdAt: '2026-11-20T05:31:07.000Z', groups: ['developers'], tags: { team: 'claims' } });

  iamRole(east, {
    name: 'AWSReservedSSO_AdministratorAccess_3f9c2a1b7e4d5c60',
    path: '/aws-reserved/sso.amazonaws.com/',
    createdAt: '2022-06-01T10:00:00.000Z',
    trust: policyDocument({
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${PROD}:saml-provider/AWSSSO_8d2e61c4b7a90f35_DO_NOT_DELETE` },
      Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    }),
    attached: [awsManaged('AdministratorAccess')],
    lastUsed: { date: daysAgo(0.2), region: 'us-east-1' },
  });
  iamRole(east, {
    name: 'AWSReservedSSO_ReadOnly_91be03d5a6c7f248',
    path: '/aws-reserved/sso.amazonaws.com/',
    createdAt: '2022-06-01T10:00:00.000Z',
    trust: policyDocument({
      Effect: 'Allow',
      Principal: { Federated: `arn:aws:iam::${PROD}:saml-provider/AWSSSO_8d2e61c4b7a90f35_DO_NOT_DELETE` },
      Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
      Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
    }),
    attached: [awsManaged('IAMReadOnlyAccess')],
    lastUsed: { date: daysAgo(1.5), region: 'us-east-1' },
  });
  iamRole(east, {
    name: 'github-actions-deploy',
    createdAt: '2024-05-20T12:00:00.000Z',
    trust: githubOidc(PROD, {
      StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' },
      StringLike: { 'token.actions.githubusercontent.com:sub': 'repo:northwind-health/patient-portal:ref:refs/heads/main' },
    }),
    attached: [customerManaged(deployPolicy)],
    lastUsed: { date: daysAgo(0.8), region: 'us-east-1' },
  });
  iamRole(east, {
    name: 'github-actions-terraform-plan',
    createdAt: '2024-05-20T12:10:00.000Z',
    // Any repository on GitHub can assume this role: the trust checks the audience but not `sub`.
    trust: githubOidc(PROD, { StringEquals: { 'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com' } }),
    attached: [customerManaged(planPolicy)],
    lastUsed: { date: daysAgo(2), region: 'us-east-1' },
  });
  iamRole(east, {
    name: 'nwh-security-audit',
    createdAt: '2025-01-10T15:00:00.000Z',
    trust: policyDocument({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${AUDIT_VENDOR}:root` },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'sts:ExternalId': 'nwh-7c1e94d2-audit' } },
    }),
    attached: [awsManaged('IAMReadOnlyAccess')],
    inline: [
      {
        name: 'config-read',
        document: policyDocument({ Effect: 'Allow', Action: ['config:Describe*', 'config:Get*', 'config:List*', 'config:Select*'], Resource: '*' }),
      },
    ],
    lastUsed: { date: daysAgo(6), region: 'us-east-1' },
  });
  const claimsRole = iamRole(east, {
    name: 'claims-processor-role',
    createdAt: '2024-08-02T08:40:00.000Z',
    trust: assumeBy('lambda.amazonaws.com'),
    attached: [customerManaged(claimsRuntime)],
    lastUsed: { date: daysAgo(0.01), region: 'us-east-1' },
  });
  const lambdaBasicRole = iamRole(east, {
    name: 'nwh-lambda-basic',
    createdAt: '2024-03-11T09:00:00.000Z',
    trust: assumeBy('lambda.amazonaws.com'),
    inline: [
      {
        name: 'write-own-logs',
        document: policyDocument({
          Effect: 'Allow',
          Action: ['logs:CreateLogGroup', 'logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: `arn:aws:logs:us-east-1:${PROD}:log-group:/aws/lambda/*`,
        }),
      },
    ],
    lastUsed: { date: daysAgo(0.05), region: 'us-east-1' },
  });
  const appRole = iamRole(east, {
    name: 'portal-app-instance-role',
    createdAt: '2023-03-01T10:00:00.000Z',
    trust: assumeBy('ec2.amazonaws.com'),
    instanceProfile: true,
    inline: [
      {
        name: 'app-runtime',
        document: policyDocument(
          { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::www.northwind-health.example/*' },
          {
            Effect: 'Allow',
            Action: 'secretsmanager:GetSecretValue',
            Resource: `arn:aws:secretsmanager:us-east-1:${PROD}:secret:prod/claims-db/*`,
          },
        ),
      },
    ],
    lastUsed: { date: daysAgo(0.01), region: 'us-east-1' },
  });
  iamRole(east, {
    name: 'rds-monitoring-role',
    createdAt: '2023-03-01T10:30:00.000Z',
    trust: assumeBy('monitoring.rds.amazonaws.com'),
    attached: [awsManaged('service-role/AmazonRDSEnhancedMonitoringRole')],
    lastUsed: { date: daysAgo(0.01), region: 'us-east-1' },
  });
  const flowLogsRole = iamRole(east, {
    name: 'vpc-flow-logs-delivery',
    createdAt: '2023-03-01T11:00:00.000Z',
    trust: assumeBy('vpc-flow-logs.amazonaws.com', { StringEquals: { 'aws:SourceAccount': PROD } }),
    inline: [
      {
        name: 'deliver-flow-logs',
        document: policyDocument({
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents', 'logs:DescribeLogStreams'],
          Resource: `arn:aws:logs:*:${PROD}:log-group:/aws/vpc/flow-logs/*`,
        }),
      },
    ],
  });
  const trailLogsRole = iamRole(east, {
    name: 'cloudtrail-to-cloudwatch',
    createdAt: '2023-02-14T10:40:00.000Z',
    trust: assumeBy('cloudtrail.amazonaws.com'),
    inline: [
      {
        name: 'deliver-trail',
        document: policyDocument({
          Effect: 'Allow',
          Action: ['logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: `arn:aws:logs:us-east-1:${PROD}:log-group:/aws/cloudtrail/nwh-org-trail:*`,
        }),
      },
    ],
  });
  iamRole(east, {
    name: 'AWSServiceRoleForConfig',
    path: '/aws-service-role/config.amazonaws.com/',
    createdAt: '2022-09-12T08:00:00.000Z',
    trust: assumeBy('config.amazonaws.com'),
    attached: [awsManaged('aws-service-role/AWSConfigServiceRolePolicy')],
    lastUsed: { date: daysAgo(0.01), region: 'us-east-1' },
  });

  // ---------------------------------------------------------------- S3
  const accessLogs = s3Bucket(east, {
    name: 'nwh-s3-access-logs-use1',
    createdAt: '2022-09-12T08:20:00.000Z',
    encryption: { algorithm: 'AES256' },
    versioning: 'Enabled',
    publicAccessBlock: true,
    policy: policyDocument(
      {
        Sid: 'S3ServerAccessLogsPolicy',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::nwh-s3-access-logs-use1/*',
        Condition: { StringEquals: { 'aws:SourceAccount': PROD } },
      },
      tlsOnly('nwh-s3-access-logs-use1'),
    ),
    lifecycle: [{ id: 'expire-access-logs', expireDays: 400, noncurrentDays: 30 }],
    tags: { owner: 'security' },
  });
  const logTo = (prefix: string) => ({ bucket: accessLogs.id, prefix: `${prefix}/` });
  s3Bucket(eu, {
    name: 'nwh-s3-access-logs-euw1',
    createdAt: '2023-04-05T13:50:00.000Z',
    encryption: { algorithm: 'AES256' },
    versioning: 'Enabled',
    publicAccessBlock: true,
    policy: policyDocument(
      {
        Sid: 'S3ServerAccessLogsPolicy',
        Effect: 'Allow',
        Principal: { Service: 'logging.s3.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::nwh-s3-access-logs-euw1/*',
        Condition: { StringEquals: { 'aws:SourceAccount': PROD } },
      },
      tlsOnly('nwh-s3-access-logs-euw1'),
    ),
    lifecycle: [{ id: 'expire-access-logs', expireDays: 400, noncurrentDays: 30 }],
    tags: { owner: 'security' },
  });
  s3Bucket(eu, {
    name: 'nwh-datalake-eu',
    createdAt: '2023-04-05T14:02:00.000Z',
    encryption: { algorithm: 'aws:kms', key: euKey, bucketKey: true },
    versioning: 'Enabled',
    logging: { bucket: 'nwh-s3-access-logs-euw1', prefix: 'nwh-datalake-eu/' },
    publicAccessBlock: true,
    policy: policyDocument(tlsOnly('nwh-datalake-eu')),
    lifecycle: [{ id: 'tier-raw-data', expireDays: null, noncurrentDays: 90, glacierDays: 180 }],
    tags: { 'data-classification': 'confidential', gdpr: 'personal-data', owner: 'data-platform' },
  });
  s3Bucket(east, {
    name: 'nwh-cloudtrail-logs',
    createdAt: '2023-02-14T10:35:00.000Z',
    encryption: { algorithm: 'aws:kms', key: logsKey, bucketKey: true },
    versioning: 'Enabled',
    logging: logTo('nwh-cloudtrail-logs'),
    publicAccessBlock: true,
    policy: policyDocument(
      {
        Sid: 'AWSCloudTrailAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: 'arn:aws:s3:::nwh-cloudtrail-logs',
        Condition: { StringEquals: { 'aws:SourceArn': trailArn(east, 'nwh-org-trail') } },
      },
      {
        Sid: 'AWSCloudTrailWrite',
        Effect: 'Allow',
        Principal: { Service: 'cloudtrail.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::nwh-cloudtrail-logs/AWSLogs/${PROD}/*`,
        Condition: {
          StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceArn': trailArn(east, 'nwh-org-trail') },
        },
      },
      tlsOnly('nwh-cloudtrail-logs'),
    ),
    objectLock: { mode: 'GOVERNANCE', years: 1 },
    tags: { owner: 'security' },
  });
  const website = s3Bucket(east, {
    name: 'www.northwind-health.example',
    createdAt: '2021-02-09T12:00:00.000Z',
    encryption: { algorithm: 'AES256' },
    versioning: 'Enabled',
    logging: logTo('www'),
    website: true,
    // Public on purpose (the marketing site), but nothing limits the grant to CloudFront.
    policy: policyDocument({
      Sid: 'PublicReadGetObject',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::www.northwind-health.example/*',
    }),
    tags: { owner: 'marketing', 'data-classification': 'public' },
  });
  s3Bucket(east, {
    name: 'nwh-partner-exchange',
    createdAt: '2022-04-19T16:45:00.000Z',
    encryption: { algorithm: 'AES256' },
    versioning: 'Suspended',
    // Partners upload without credentials: anyone can write, provided they hand the bucket owner control.
    policy: policyDocument({
      Sid: 'PartnerUploads',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:PutObject',
      Resource: 'arn:aws:s3:::nwh-partner-exchange/incoming/*',
      Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
    }),
    tags: { owner: 'partnerships' },
  });
  s3Bucket(east, {
    name: 'nwh-payroll-exports',
    createdAt: '2023-11-02T09:10:00.000Z',
    // PHI-tagged but encrypted only with S3-managed keys.
    encryption: { algorithm: 'AES256' },
    versioning: 'Enabled',
    logging: logTo('nwh-payroll-exports'),
    publicAccessBlock: true,
    policy: policyDocument(tlsOnly('nwh-payroll-exports')),
    tags: { 'data-classification': 'phi', phi: 'true', owner: 'finance' },
  });
  s3Bucket(east, {
    name: 'nwh-medical-records-archive',
    createdAt: '2023-02-20T10:00:00.000Z',
    encryption: { algorithm: 'aws:kms', key: phiKey, bucketKey: true },
    versioning: 'Enabled',
    logging: logTo('nwh-medical-records-archive'),
    publicAccessBlock: true,
    policy: policyDocument(tlsOnly('nwh-medical-records-archive')),
    objectLock: { mode: 'COMPLIANCE', years: 7 },
    lifecycle: [{ id: 'archive-after-a-year', expireDays: null, noncurrentDays: null, glacierDays: 365 }],
    tags: { 'data-classification': 'phi', phi: 'true', retention: 'records', owner: 'health-records' },
  });
  s3Bucket(east, {
    name: 'nwh-claims-records',
    createdAt: '2024-08-02T08:30:00.000Z',
    encryption: { algorithm: 'aws:kms', key: phiKey, bucketKey: true },
    versioning: 'Enabled',
    logging: logTo('nwh-claims-records'),
    publicAccessBlock: true,
    policy: policyDocument(tlsOnly('nwh-claims-records')),
    // Tagged for records retention, yet created without Object Lock.
    tags: { 'data-classification': 'phi', phi: 'true', retention: 'records', owner: 'claims' },
  });
  s3Bucket(east, {
    name: 'nwh-legacy-reports',
    createdAt: '2019-05-14T13:25:00.000Z',
    encryption: { algorithm: 'aws:kms', key: legacyKey, bucketKey: false },
    versioning: 'Off',
    // The old `public-read` canned ACL is still there, but IgnorePublicAcls makes S3 disregard it.
    aclGrant: { grantee: 'AllUsers', permission: 'Read' },
    publicAccessBlock: { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: false },
    tags: { owner: 'finance', 'data-classification': 'internal' },
  });
  s3Bucket(east, {
    name: 'nwh-analytics-exports',
    createdAt: '2024-10-07T11:00:00.000Z',
    encryption: { algorithm: 'aws:kms', key: phiKey, bucketKey: true },
    versioning: 'Enabled',
    logging: logTo('nwh-analytics-exports'),
    publicAccessBlock: true,
    // `Principal: *` reads like public, but only requests through the VPC endpoint qualify.
    policy: policyDocument(
      {
        Sid: 'ReadThroughVpcEndpointOnly',
        Effect: 'Allow',
        Principal: '*',
        Action: ['s3:GetObject', 's3:ListBucket'],
        Resource: ['arn:aws:s3:::nwh-analytics-exports', 'arn:aws:s3:::nwh-analytics-exports/*'],
        Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0f3a9c61b2d4e8a75' } },
      },
      tlsOnly('nwh-analytics-exports'),
    ),
    tags: { owner: 'data-platform', 'data-classification': 'confidential' },
  });
  s3Bucket(east, {
    name: 'nwh-vendor-dropbox',
    createdAt: '2025-06-30T08:00:00.000Z',
    encryption: { algorithm: 'AES256' },
    versioning: 'Enabled',
    logging: logTo('nwh-vendor-dropbox'),
    publicAccessBlock: true,
    // Recorded cut short: the policy text is not valid JSON, so no control can read it (ERROR).
    policy: '{"Version":"2012-10-17","Statement":[{"Sid":"VendorUpload","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::777788889999:root"},"Action":["s3:PutObject"',
    tags: { owner: 'partnerships' },
  });
  s3Bucket(east, {
    name: 'nwh-terraform-state',
    createdAt: '2022-05-03T10:00:00.000Z',
    encryption: { algorithm: 'aws:kms', key: logsKey, bucketKey: true },
    versioning: 'Enabled',
    logging: logTo('nwh-terraform-state'),
    publicAccessBlock: true,
    policy: policyDocument(tlsOnly('nwh-terraform-state')),
    tags: { owner: 'platform' },
  });
  s3Bucket(east, {
    name: `nwh-config-snapshots-${PROD}`,
    createdAt: '2022-09-12T08:05:00.000Z',
    encryption: { algorithm: 'AES256' },
    versioning: 'Enabled',
    logging: logTo('config'),
    publicAccessBlock: true,
    policy: policyDocument(
      {
        Sid: 'AWSConfigBucketPermissionsCheck',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: `arn:aws:s3:::nwh-config-snapshots-${PROD}`,
        Condition: { StringEquals: { 'AWS:SourceAccount': PROD } },
      },
      {
        Sid: 'AWSConfigBucketDelivery',
        Effect: 'Allow',
        Principal: { Service: 'config.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: `arn:aws:s3:::nwh-config-snapshots-${PROD}/AWSLogs/${PROD}/Config/*`,
        Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'AWS:SourceAccount': PROD } },
      },
      tlsOnly(`nwh-config-snapshots-${PROD}`),
    ),
    tags: { owner: 'security' },
  });
  deletedBucket(east, 'nwh-tmp-migration-2024');

  // ---------------------------------------------------------------- Logging
  const trailGroup = logGroup(east, { name: '/aws/cloudtrail/nwh-org-trail', retentionDays: 365, kmsKey: logsKey, createdAt: '2023-02-14T10:41:00.000Z' });
  const flowGroup = logGroup(east, { name: '/aws/vpc/flow-logs/nwh-prod', retentionDays: 90, kmsKey: logsKey, createdAt: '2023-03-01T11:05:00.000Z' });
  logGroup(east, { name: '/aws/lambda/claims-processor', retentionDays: 90, kmsKey: phiKey, createdAt: '2024-08-02T08:50:00.000Z' });
  const apiLogs = logGroup(east, { name: '/aws/apigateway/patient-api/prod', retentionDays: 365, kmsKey: logsKey, createdAt: '2024-01-08T09:00:00.000Z' });
  const webhookLogs = logGroup(east, { name: '/aws/apigateway/claims-webhooks', retentionDays: 365, kmsKey: logsKey, createdAt: '2025-04-02T10:00:00.000Z' });
  // Lambda created these on first run: never expire, no customer key.
  logGroup(east, { name: '/aws/lambda/partner-webhook', createdAt: '2025-02-11T15:21:00.000Z' });
  logGroup(east, { name: '/aws/lambda/patient-api-authorizer', retentionDays: 30, createdAt: '2024-01-08T09:30:00.000Z' });
  const euFlowGroup = logGroup(eu, { name: '/aws/vpc/flow-logs/nwh-analytics-eu', retentionDays: 365, createdAt: '2023-04-05T14:30:00.000Z' });

  cloudTrail(east, {
    name: 'nwh-org-trail',
    bucket: 'nwh-cloudtrail-logs',
    multiRegion: true,
    logFileValidation: true,
    kmsKey: logsKey,
    logGroup: trailGroup,
    logRole: trailLogsRole,
  });
  // A team trail for the EU application, delivered to the log-archive account's bucket (not in this inventory).
  cloudTrail(eu, { name: 'nwh-eu-app-trail', bucket: 'nwh-eu-audit-archive', multiRegion: false, logFileValidation: false });

  // ---------------------------------------------------------------- Network (us-east-1)
  const prodVpc = vpc(east, { name: 'nwh-prod', cidr: '10.10.0.0/16', createdAt: '2023-03-01T09:00:00.000Z', tags: { environment: 'prod' } });
  const publicA = subnet(east, { name: 'nwh-prod-public-1a', vpc: prodVpc, cidr: '10.10.0.0/20', az: 'us-east-1a', publicIpOnLaunch: true, createdAt: '2023-03-01T09:01:00.000Z' });
  const publicB = subnet(east, { name: 'nwh-prod-public-1b', vpc: prodVpc, cidr: '10.10.16.0/20', az: 'us-east-1b', publicIpOnLaunch: false, createdAt: '2023-03-01T09:01:30.000Z' });
  const privateA = subnet(east, { name: 'nwh-prod-private-1a', vpc: prodVpc, cidr: '10.10.32.0/20', az: 'us-east-1a', publicIpOnLaunch: false, createdAt: '2023-03-01T09:02:00.000Z' });
  const privateB = subnet(east, { name: 'nwh-prod-private-1b', vpc: prodVpc, cidr: '10.10.48.0/20', az: 'us-east-1b', publicIpOnLaunch: false, createdAt: '2023-03-01T09:02:30.000Z' });
  const igw = internetGateway(east, 'nwh-prod-igw', prodVpc);
  routeTable(east, { name: 'nwh-prod-public', vpc: prodVpc, cidr: '10.10.0.0/16', subnets: [publicA, publicB], defaultRoute: igw.id });
  routeTable(east, { name: 'nwh-prod-private', vpc: prodVpc, cidr: '10.10.0.0/16', subnets: [privateA, privateB], defaultRoute: 'nat-0b7d1e4f2a9c36815' });
  networkAcl(east, { name: 'nwh-prod-default', vpc: prodVpc, isDefault: true, subnets: [publicA, publicB], entries: DEFAULT_ACL_ENTRIES });
  networkAcl(east, {
    name: 'nwh-prod-private',
    vpc: prodVpc,
    isDefault: false,
    subnets: [privateA, privateB],
    entries: [
      { rule: 100, egress: false, protocol: '-1', action: 'allow', cidr: '10.10.0.0/16' },
      { rule: 200, egress: false, protocol: '6', action: 'allow', cidr: '0.0.0.0/0', ports: [32768, 65535] },
      { rule: 32767, egress: false, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
      { rule: 100, egress: true, protocol: '-1', action: 'allow', cidr: '0.0.0.0/0' },
      { rule: 32767, egress: true, protocol: '-1', action: 'deny', cidr: '0.0.0.0/0' },
    ],
  });
  flowLog(east, { vpc: prodVpc, logGroup: flowGroup, role: flowLogsRole, createdAt: '2023-03-01T11:10:00.000Z' });

  const defaultVpc = vpc(east, { name: 'default', cidr: '172.31.0.0/16', isDefault: true, createdAt: '2019-03-04T17:21:09.000Z' });
  subnet(east, { name: 'default-1a', vpc: defaultVpc, cidr: '172.31.0.0/20', az: 'us-east-1a', publicIpOnLaunch: true, defaultForAz: true, createdAt: '2019-03-04T17:21:09.000Z' });
  // Hardened years ago: the default VPC's default group has no rules left.
  securityGroup(east, { name: 'default', description: 'default VPC security group', vpc: defaultVpc, ingress: [], egress: [] });

  securityGroup(east, {
    name: 'default',
    description: 'default VPC security group',
    vpc: prodVpc,
    ingress: [{ protocol: '-1', from: ['self'] }],
  });
  const albSg = securityGroup(east, {
    name: 'nwh-alb-public',
    description: 'Patient portal load balancer',
    vpc: prodVpc,
    ingress: [
      { protocol: 'tcp', ports: 443, from: ['0.0.0.0/0', '::/0'], description: 'HTTPS' },
      { protocol: 'tcp', ports: 80, from: ['0.0.0.0/0', '::/0'], description: 'HTTP redirect' },
    ],
  });
  const appSg = securityGroup(east, {
    name: 'nwh-portal-app',
    description: 'Patient portal application tier',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 8080, from: [albSg.id], description: 'from ALB' }],
  });
  const lambdaSg = securityGroup(east, { name: 'nwh-claims-lambda', description: 'claims-processor function', vpc: prodVpc, ingress: [] });
  const claimsDbSg = securityGroup(east, {
    name: 'nwh-claims-db',
    description: 'Claims database',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 5432, from: [appSg.id, lambdaSg.id], description: 'app and claims-processor' }],
  });
  const bastionSg = securityGroup(east, {
    name: 'nwh-bastion',
    description: 'SSH bastion',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 22, from: ['0.0.0.0/0'], description: 'temporary - vendor access' }],
  });
  securityGroup(east, {
    name: 'nwh-windows-jump',
    description: 'Windows jump host (decommissioned, group left behind)',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 3389, from: ['::/0'] }],
  });
  const legacyDbSg = securityGroup(east, {
    name: 'nwh-legacy-reporting-db',
    description: 'Legacy reporting database',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 5432, from: ['0.0.0.0/0'], description: 'BI tool (vendor SaaS)' }],
  });
  const legacyAppSg = securityGroup(east, {
    name: 'nwh-legacy-reporting-app',
    description: 'Legacy reporting server',
    vpc: prodVpc,
    ingress: [
      { protocol: 'tcp', ports: 8443, from: ['0.0.0.0/0'] },
      { protocol: 'tcp', ports: 22, from: ['10.10.0.0/16'] },
    ],
  });
  const searchSg = securityGroup(east, {
    name: 'nwh-audit-search',
    description: 'Audit search domain',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 443, from: ['10.10.0.0/16'] }],
  });
  securityGroup(east, {
    name: 'nwh-portal-cache',
    description: 'Portal session cache',
    vpc: prodVpc,
    ingress: [{ protocol: 'tcp', ports: 6379, from: [appSg.id] }],
  });

  // ---------------------------------------------------------------- Compute
  const bastionVol = volumeId(east, 'nwh-bastion-1-root');
  const app1Vol = volumeId(east, 'nwh-portal-app-1-root');
  const app2Vol = volumeId(east, 'nwh-portal-app-2-root');
  const legacyVol = volumeId(east, 'nwh-legacy-reporting-1-root');
  const ami = 'ami-0c7f9a1e3b5d24680';
  instance(east, { name: 'nwh-bastion-1', type: 't3.micro', subnet: publicA, vpc: prodVpc, securityGroups: [bastionSg], privateIp: '10.10.4.21', publicIp: '3.91.22.140', imdsv2: 'required', rootVolume: bastionVol, launchedAt: '2026-06-02T08:00:00.000Z', ami });
  instance(east, { name: 'nwh-portal-app-1', type: 'm7g.large', subnet: privateA, vpc: prodVpc, securityGroups: [appSg], privateIp: '10.10.33.12', imdsv2: 'required', role: appRole, rootVolume: app1Vol, launchedAt: '2026-10-14T09:12:00.000Z', ami });
  instance(east, { name: 'nwh-portal-app-2', type: 'm7g.large', subnet: privateB, vpc: prodVpc, securityGroups: [appSg], privateIp: '10.10.49.7', imdsv2: 'required', role: appRole, rootVolume: app2Vol, launchedAt: '2026-10-14T09:12:00.000Z', ami });
  const legacy = instance(east, { name: 'nwh-legacy-reporting-1', type: 'm5.xlarge', subnet: publicA, vpc: prodVpc, securityGroups: [legacyAppSg], privateIp: '10.10.9.88', publicIp: '54.210.33.17', imdsv2: 'optional', rootVolume: legacyVol, launchedAt: '2021-06-03T16:00:00.000Z', ami: 'ami-0a1b2c3d4e5f60718' });
  volume(east, { name: 'nwh-bastion-1-root', az: 'us-east-1a', sizeGiB: 16, attachedTo: instanceId(east, 'nwh-bastion-1'), encryptedWith: ebsKey.arn, createdAt: '2026-06-02T08:00:00.000Z' });
  volume(east, { name: 'nwh-portal-app-1-root', az: 'us-east-1a', sizeGiB: 50, attachedTo: instanceId(east, 'nwh-portal-app-1'), encryptedWith: ebsKey.arn, createdAt: '2026-10-14T09:12:00.000Z' });
  volume(east, { name: 'nwh-portal-app-2-root', az: 'us-east-1b', sizeGiB: 50, attachedTo: instanceId(east, 'nwh-portal-app-2'), encryptedWith: ebsKey.arn, createdAt: '2026-10-14T09:12:00.000Z' });
  volume(east, { name: 'nwh-legacy-reporting-1-root', az: 'us-east-1a', sizeGiB: 200, attachedTo: legacy.id, createdAt: '2021-06-03T16:00:00.000Z' });
  deletedInstance(east, 'nwh-batch-worker-2025');

  // ---------------------------------------------------------------- Edge: certificates, load balancers, CDN, APIs
  const portalCert = acmCertificate(east, {
    domain: 'portal.northwind-health.example',
    type: 'AMAZON_ISSUED',
    issuedAt: '2026-06-20T00:00:00.000Z',
    notAfter: '2027-07-19T23:59:59.000Z',
    inUseBy: [],
  });
  const wwwCert = acmCertificate(east, {
    domain: 'www.northwind-health.example',
    alternativeNames: ['northwind-health.example', 'campaigns.northwind-health.example'],
    type: 'AMAZON_ISSUED',
    issuedAt: '2026-08-30T00:00:00.000Z',
    notAfter: '2027-09-28T23:59:59.000Z',
    inUseBy: [],
  });
  // Imported from the old CA: AWS cannot renew it, and it expires in 15 days.
  acmCertificate(east, {
    domain: 'api.northwind-health.example',
    type: 'IMPORTED',
    issuedAt: '2025-12-05T00:00:00.000Z',
    notAfter: daysAhead(15),
    inUseBy: [`arn:aws:apigateway:us-east-1::/domainnames/api.northwind-health.example`],
  });

  const portalAlb = applicationLoadBalancer(east, {
    name: 'nwh-patient-portal',
    scheme: 'internet-facing',
    vpc: prodVpc,
    subnets: [publicA, publicB],
    securityGroups: [albSg],
    accessLogsBucket: accessLogs.id,
    deletionProtection: true,
    createdAt: '2023-03-02T10:00:00.000Z',
    tags: { environment: 'prod' },
  });
  listener(east, { loadBalancer: portalAlb, port: 443, protocol: 'HTTPS', certificate: portalCert, action: { forward: 'portal-app' } });
  listener(east, { loadBalancer: portalAlb, port: 80, protocol: 'HTTP', action: { redirect: true } });
  const internalAlb = applicationLoadBalancer(east, {
    name: 'nwh-internal-api',
    scheme: 'internal',
    vpc: prodVpc,
    subnets: [privateA, privateB],
    securityGroups: [appSg],
    deletionProtection: false,
    createdAt: '2024-04-15T14:00:00.000Z',
  });
  listener(east, { loadBalancer: internalAlb, port: 80, protocol: 'HTTP', action: { forward: 'internal-api' } });
  classicLoadBalancer(east, {
    name: 'nwh-legacy-reporting',
    vpc: prodVpc,
    subnets: [publicA],
    securityGroups: [legacyAppSg],
    instances: [legacy.id],
    createdAt: '2021-06-03T16:30:00.000Z',
  });

  cloudFrontDistribution(east, {
    comment: 'www.northwind-health.example',
    aliases: ['www.northwind-health.example', 'northwind-health.example'],
    origin: `${website.id}.s3.us-east-1.amazonaws.com`,
    viewerProtocolPolicy: 'redirect-to-https',
    certificate: wwwCert,
    logBucket: accessLogs.id,
    webAclId: `arn:aws:wafv2:us-east-1:${PROD}:global/webacl/nwh-edge/0d3f5a7c-9b1e-4d2f-8a6c-1e3b5d7f9a2c`,
    createdAt: '2021-02-09T13:00:00.000Z',
  });
  cloudFrontDistribution(east, {
    comment: 'campaign landing pages',
    aliases: ['campaigns.northwind-health.example'],
    origin: 'nwh-marketing-campaigns.s3.us-east-1.amazonaws.com',
    viewerProtocolPolicy: 'allow-all',
    certificate: wwwCert,
    createdAt: '2025-09-01T10:00:00.000Z',
  });

  apiGatewayStage(east, { apiId: 'k3v9q2x7ab', apiName: 'patient-api', stage: 'prod', accessLogs: apiLogs, createdAt: '2024-01-08T09:00:00.000Z' });
  apiGatewayStage(east, { apiId: 'k3v9q2x7ab', apiName: 'patient-api', stage: 'staging', createdAt: '2024-01-08T09:05:00.000Z' });
  apiGatewayV2Stage(east, { apiId: 'q8w2e4r6t0', apiName: 'claims-webhooks', accessLogs: webhookLogs, createdAt: '2025-04-02T10:00:00.000Z' });

  // ---------------------------------------------------------------- Data stores (us-east-1)
  const privateSubnets = { name: 'nwh-prod-private', vpc: prodVpc, subnets: [privateA, privateB] };
  const claimsDb = dbInstance(east, {
    identifier: 'nwh-claims-db',
    engine: 'postgres',
    engineVersion: '16.4',
    instanceClass: 'db.r6g.large',
    storageGiB: 500,
    public: false,
    kmsKey: phiKey,
    multiAZ: true,
    backupRetentionDays: 14,
    deletionProtection: true,
    securityGroups: [claimsDbSg],
    subnetGroup: privateSubnets,
    createdAt: '2024-08-02T07:55:00.000Z',
    tags: { 'data-classification': 'phi', owner: 'claims' },
  });
  const legacyDb = dbInstance(east, {
    identifier: 'nwh-legacy-reporting-db',
    engine: 'postgres',
    engineVersion: '13.15',
    instanceClass: 'db.t3.medium',
    storageGiB: 100,
    public: true,
    multiAZ: false,
    backupRetentionDays: 1,
    deletionProtection: false,
    securityGroups: [legacyDbSg],
    subnetGroup: { name: 'nwh-prod-public', vpc: prodVpc, subnets: [publicA, publicB] },
    createdAt: '2021-06-03T15:50:00.000Z',
    tags: { owner: 'finance' },
  });
  dbSnapshot(east, {
    identifier: 'nwh-claims-db-pre-upgrade-2026-10',
    instance: claimsDb,
    engine: 'postgres',
    engineVersion: '16.4',
    storageGiB: 500,
    vpc: prodVpc,
    kmsKey: phiKey,
    restore: [SANDBOX],
    createdAt: '2026-10-11T02:00:00.000Z',
  });
  dbSnapshot(east, {
    identifier: 'nwh-legacy-reporting-db-final-2025',
    instance: legacyDb,
    engine: 'postgres',
    engineVersion: '13.15',
    storageGiB: 100,
    vpc: prodVpc,
    restore: ['all'],
    createdAt: '2025-12-31T23:00:00.000Z',
  });
  dynamoDbTable(east, { name: 'patient-appointments', hashKey: 'appointmentId', kmsKey: phiKey, pointInTimeRecovery: true, items: 2_418_337, createdAt: '2024-08-02T08:10:00.000Z', tags: { 'data-classification': 'phi' } });
  dynamoDbTable(east, { name: 'portal-sessions', hashKey: 'sessionId', pointInTimeRecovery: false, items: 48_112, createdAt: '2023-03-02T09:00:00.000Z' });
  efsFileSystem(east, { name: 'nwh-shared-uploads', kmsKey: phiKey, backup: true, createdAt: '2023-05-10T10:00:00.000Z', tags: { owner: 'portal' } });
  efsFileSystem(east, { name: 'nwh-legacy-scans', backup: false, createdAt: '2020-11-23T10:00:00.000Z', tags: { owner: 'health-records' } });
  elastiCacheReplicationGroup(east, { id: 'nwh-portal-sessions', description: 'Patient portal sessions', engine: 'valkey', kmsKey: phiKey, encrypted: true, createdAt: '2025-08-11T08:47:19.000Z' });
  elastiCacheReplicationGroup(east, { id: 'nwh-legacy-report-cache', description: 'Legacy reporting cache', engine: 'redis', encrypted: false, createdAt: '2021-06-04T10:00:00.000Z' });
  openSearchDomain(east, {
    name: 'nwh-audit-search',
    engineVersion: 'OpenSearch_2.17',
    kmsKey: logsKey,
    vpc: prodVpc,
    subnets: [privateA, privateB],
    securityGroups: [searchSg],
    accessPolicy: policyDocument({
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${PROD}:root` },
      Action: 'es:ESHttp*',
      Resource: `arn:aws:es:us-east-1:${PROD}:domain/nwh-audit-search/*`,
    }),
    createdAt: '2024-03-05T10:00:00.000Z',
  });
  // Pre-OpenSearch domain from 2020: public endpoint, readable and writable by anyone who finds it.
  elasticsearchDomain(east, {
    name: 'nwh-legacy-logs',
    version: '7.10',
    accessPolicy: policyDocument({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'es:*',
      Resource: `arn:aws:es:us-east-1:${PROD}:domain/nwh-legacy-logs/*`,
    }),
    createdAt: '2020-09-14T10:00:00.000Z',
  });
  secret(east, {
    name: 'prod/claims-db/master',
    description: 'Master credentials of nwh-claims-db',
    kmsKey: phiKey,
    rotation: { lambda: `arn:aws:lambda:us-east-1:${PROD}:function:SecretsManagerRDSPostgreSQLRotationSingleUser`, days: 30 },
    createdAt: '2024-08-02T08:00:00.000Z',
  });
  secret(east, { name: 'legacy/reporting-api-key', description: 'BI vendor API key', createdAt: '2021-06-03T16:10:00.000Z' });

  // ---------------------------------------------------------------- Messaging and functions
  const claimsTopic = snsTopic(east, { name: 'nwh-claims-events', kmsKey: phiKey, policy: defaultTopicPolicy(east, 'nwh-claims-events') });
  snsTopic(east, { name: 'config-notifications', kmsKey: 'alias/aws/sns', policy: defaultTopicPolicy(east, 'config-notifications') });
  snsTopic(east, {
    name: 'nwh-legacy-notifications',
    policy: policyDocument({
      Sid: 'AnyonePublish',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'SNS:Publish',
      Resource: `arn:aws:sns:us-east-1:${PROD}:nwh-legacy-notifications`,
    }),
  });
  const dlq = sqsQueue(east, { name: 'nwh-claims-intake-dlq', encryption: 'sqs', createdAt: '2024-08-02T08:20:00.000Z' });
  sqsQueue(east, {
    name: 'nwh-claims-intake',
    encryption: phiKey,
    deadLetterTarget: dlq,
    policy: policyDocument({
      Sid: 'FromClaimsEvents',
      Effect: 'Allow',
      Principal: { Service: 'sns.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Resource: `arn:aws:sqs:us-east-1:${PROD}:nwh-claims-intake`,
      Condition: { ArnEquals: { 'aws:SourceArn': claimsTopic.arn } },
    }),
    createdAt: '2024-08-02T08:21:00.000Z',
  });
  sqsQueue(east, { name: 'nwh-batch-jobs', encryption: 'none', createdAt: '2020-02-17T10:00:00.000Z' });
  lambdaFunction(east, {
    name: 'claims-processor',
    runtime: 'python3.12',
    role: claimsRole,
    description: 'Validates and stores incoming claims',
    vpc: { subnets: [privateA, privateB], securityGroups: [lambdaSg] },
    lastModified: '2026-11-12T14:03:21.000Z',
    tags: { owner: 'claims' },
  });
  lambdaFunction(east, {
    name: 'patient-api-authorizer',
    runtime: 'nodejs22.x',
    role: lambdaBasicRole,
    description: 'JWT authorizer of patient-api',
    policy: policyDocument({
      Sid: 'ApiGatewayInvoke',
      Effect: 'Allow',
      Principal: { Service: 'apigateway.amazonaws.com' },
      Action: 'lambda:InvokeFunction',
      Resource: `arn:aws:lambda:us-east-1:${PROD}:function:patient-api-authorizer`,
      Condition: { ArnLike: { 'AWS:SourceArn': `arn:aws:execute-api:us-east-1:${PROD}:k3v9q2x7ab/authorizers/*` } },
    }),
    lastModified: '2026-09-03T10:00:00.000Z',
  });
  lambdaFunction(east, {
    name: 'partner-webhook',
    runtime: 'nodejs20.x',
    role: lambdaBasicRole,
    description: 'Receives partner status callbacks',
    policy: policyDocument({
      Sid: 'AllowPublicInvoke',
      Effect: 'Allow',
      Principal: '*',
      Action: 'lambda:InvokeFunction',
      Resource: `arn:aws:lambda:us-east-1:${PROD}:function:partner-webhook`,
    }),
    lastModified: '2025-02-11T15:20:00.000Z',
  });

  // ---------------------------------------------------------------- EU analytics (eu-west-1)
  const euVpc = vpc(eu, { name: 'nwh-analytics-eu', cidr: '10.20.0.0/16', createdAt: '2023-04-05T14:20:00.000Z', tags: { environment: 'prod' } });
  const euA = subnet(eu, { name: 'nwh-analytics-private-1a', vpc: euVpc, cidr: '10.20.0.0/20', az: 'eu-west-1a', publicIpOnLaunch: false, createdAt: '2023-04-05T14:21:00.000Z' });
  const euB = subnet(eu, { name: 'nwh-analytics-private-1b', vpc: euVpc, cidr: '10.20.16.0/20', az: 'eu-west-1b', publicIpOnLaunch: false, createdAt: '2023-04-05T14:21:30.000Z' });
  securityGroup(eu, { name: 'default', description: 'default VPC security group', vpc: euVpc, ingress: [], egress: [] });
  const warehouseSg = securityGroup(eu, {
    name: 'nwh-warehouse',
    description: 'Analytics warehouse',
    vpc: euVpc,
    ingress: [{ protocol: 'tcp', ports: 5439, from: ['10.20.0.0/16'] }],
  });
  const ledgerSg = securityGroup(eu, {
    name: 'nwh-ledger-db',
    description: 'Ledger Aurora cluster',
    vpc: euVpc,
    ingress: [{ protocol: 'tcp', ports: 5432, from: ['10.20.0.0/16'] }],
  });
  flowLog(eu, { vpc: euVpc, logGroup: euFlowGroup, role: flowLogsRole, createdAt: '2023-04-05T14:35:00.000Z' });
  const ledger = dbClusterRef(eu, 'nwh-ledger-aurora');
  dbCluster(eu, {
    identifier: 'nwh-ledger-aurora',
    engineVersion: '16.4',
    kmsKey: euKey,
    backupRetentionDays: 14,
    deletionProtection: true,
    securityGroups: [ledgerSg],
    subnetGroup: 'nwh-analytics-private',
    members: ['nwh-ledger-aurora-1', 'nwh-ledger-aurora-2'],
    createdAt: '2024-11-05T14:22:31.000Z',
    tags: { owner: 'finance', gdpr: 'personal-data' },
  });
  for (const member of ['nwh-ledger-aurora-1', 'nwh-ledger-aurora-2']) {
    dbInstance(eu, {
      identifier: member,
      engine: 'aurora-postgresql',
      engineVersion: '16.4',
      instanceClass: 'db.r6g.large',
      storageGiB: 1,
      public: false,
      kmsKey: euKey,
      multiAZ: false,
      backupRetentionDays: 14,
      deletionProtection: false,
      securityGroups: [ledgerSg],
      subnetGroup: { name: 'nwh-analytics-private', vpc: euVpc, subnets: [euA, euB] },
      cluster: ledger,
      createdAt: '2024-11-05T14:30:00.000Z',
    });
  }
  dbClusterSnapshot(eu, {
    identifier: 'nwh-ledger-aurora-month-end-2026-10',
    cluster: ledger,
    vpc: euVpc,
    kmsKey: euKey,
    restore: [],
    createdAt: '2026-11-01T00:00:00.000Z',
  });
  redshiftCluster(eu, {
    identifier: 'nwh-analytics-warehouse',
    public: false,
    kmsKey: euKey,
    auditLogBucket: 'nwh-s3-access-logs-euw1',
    vpc: euVpc,
    securityGroups: [warehouseSg],
    createdAt: '2024-04-22T08:10:55.000Z',
    tags: { owner: 'data-platform' },
  });
  dynamoDbTable(eu, { name: 'consent-records', hashKey: 'patientId', kmsKey: euKey, pointInTimeRecovery: true, items: 391_204, createdAt: '2023-05-15T10:00:00.000Z', tags: { gdpr: 'personal-data' } });

  // ---------------------------------------------------------------- Sandbox account (no account facts collected)
  const sandbox: Scope = { inventory, accountId: SANDBOX, region: 'us-east-1' };
  const sandboxVpc = vpc(sandbox, { name: 'default', cidr: '172.31.0.0/16', isDefault: true, createdAt: '2024-02-01T09:00:00.000Z' });
  const sandboxSubnet = subnet(sandbox, { name: 'default-1a', vpc: sandboxVpc, cidr: '172.31.0.0/20', az: 'us-east-1a', publicIpOnLaunch: true, defaultForAz: true, createdAt: '2024-02-01T09:00:00.000Z' });
  securityGroup(sandbox, { name: 'default', description: 'default VPC security group', vpc: sandboxVpc, ingress: [{ protocol: '-1', from: ['self'] }] });
  const openSg = securityGroup(sandbox, {
    name: 'sandbox-all-open',
    description: 'launch-wizard-3',
    vpc: sandboxVpc,
    ingress: [{ protocol: '-1', from: ['0.0.0.0/0'] }],
  });
  networkAcl(sandbox, { name: 'sandbox-default', vpc: sandboxVpc, isDefault: true, subnets: [sandboxSubnet], entries: DEFAULT_ACL_ENTRIES });
  const sandboxVol = volumeId(sandbox, 'sandbox-experiment-root');
  const experiment = instance(sandbox, { name: 'sandbox-experiment', type: 't3.large', subnet: sandboxSubnet, vpc: sandboxVpc, securityGroups: [openSg], privateIp: '172.31.7.19', publicIp: '44.201.18.230', imdsv2: 'optional', rootVolume: sandboxVol, launchedAt: '2026-11-03T13:00:00.000Z', ami });
  volume(sandbox, { name: 'sandbox-experiment-root', az: 'us-east-1a', sizeGiB: 100, attachedTo: experiment.id, createdAt: '2026-11-03T13:00:00.000Z' });
  // Config records the sandbox's account-level Block Public Access even though no account facts were collected.
  accountPublicAccessBlock(sandbox, { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true });
  s3Bucket(sandbox, { name: `nwh-sandbox-scratch-${SANDBOX}`, createdAt: '2024-02-01T09:30:00.000Z', encryption: { algorithm: 'AES256' }, versioning: 'Off', publicAccessBlock: true });
  redshiftCluster(sandbox, { identifier: 'sandbox-warehouse', public: true, vpc: sandboxVpc, securityGroups: [openSg], createdAt: '2026-09-15T10:00:00.000Z' });
  iamUser(sandbox, { name: 'sandbox-admin', createdAt: '2024-02-01T09:05:00.000Z', attached: [awsManaged('AdministratorAccess')] });

  // ---------------------------------------------------------------- Account facts (production only)
  const reportGenerated = '2026-11-20T04:00:12.000Z';
  const userArn = (name: string) => iamRef(PROD, 'user', name).arn;
  const passwordPolicy = {
    MinimumPasswordLength: 14,
    RequireSymbols: true,
    RequireNumbers: true,
    RequireUppercaseCharacters: true,
    RequireLowercaseCharacters: true,
    AllowUsersToChangePassword: true,
    ExpirePasswords: true,
    MaxPasswordAge: 90,
    PasswordReusePrevention: 24,
    HardExpiry: false,
  };
  const csv = credentialReportCsv(
    { arn: `arn:aws:iam::${PROD}:root`, createdAt: '2019-03-04T17:21:09.000Z', passwordLastUsed: daysAgo(18.3), mfa: true },
    [
      {
        name: 'alice.nguyen',
        arn: userArn('alice.nguyen'),
        createdAt: '2023-05-02T08:30:00.000Z',
        password: { changedAt: daysAgo(41.2), lastUsed: daysAgo(0.4) },
        mfa: true,
        keys: [{ active: true, rotated: daysAgo(38.5), used: { at: daysAgo(0.6), region: 'us-east-1', service: 's3' } }],
      },
      {
        name: 'marcus.oduya',
        arn: userArn('marcus.oduya'),
        createdAt: '2019-03-04T17:45:20.000Z',
        password: { changedAt: daysAgo(60.1), lastUsed: daysAgo(1.9) },
        mfa: true,
      },
      {
        name: 'priya.shah',
        arn: userArn('priya.shah'),
        createdAt: '2026-10-30T14:02:00.000Z',
        password: { changedAt: '2026-10-30T14:02:00.000Z', lastUsed: daysAgo(1.1) },
        mfa: false,
      },
      {
        name: 'jordan.blake',
        arn: userArn('jordan.blake'),
        createdAt: '2024-09-09T09:09:00.000Z',
        password: { changedAt: daysAgo(232), lastUsed: daysAgo(201.5) },
        mfa: true,
        keys: [{ active: true, rotated: daysAgo(430), used: { at: daysAgo(207), region: 'us-east-1', service: 'ce' } }],
      },
      {
        name: 'svc-legacy-etl',
        arn: userArn('svc-legacy-etl'),
        createdAt: '2024-02-12T10:00:00.000Z',
        mfa: false,
        keys: [{ active: true, rotated: '2024-02-12T10:02:41.000Z', used: { at: daysAgo(0.2), region: 'eu-west-1', service: 's3' } }],
      },
      {
        name: 'svc-reporting',
        arn: userArn('svc-reporting'),
        createdAt: '2022-11-07T11:20:00.000Z',
        mfa: false,
        keys: [
          { active: true, rotated: daysAgo(71), used: { at: daysAgo(1.2), region: 'us-east-1', service: 's3' } },
          { active: true, rotated: daysAgo(20), used: { at: daysAgo(0.3), region: 'us-east-1', service: 's3' } },
        ],
      },
    ],
    passwordPolicy.MaxPasswordAge,
  );
  const facts = accountFacts({
    accountId: PROD,
    capturedAt: '2026-11-20T06:11:27.000Z',
    summary: {
      Users: 7,
      UsersQuota: 5000,
      Groups: 3,
      GroupsQuota: 300,
      Roles: 13,
      RolesQuota: 1000,
      Policies: 6,
      PoliciesQuota: 1500,
      PolicySizeQuota: 6144,
      PolicyVersionsInUse: 14,
      PolicyVersionsInUseQuota: 10000,
      VersionsPerPolicyQuota: 5,
      ServerCertificates: 0,
      ServerCertificatesQuota: 20,
      InstanceProfiles: 1,
      InstanceProfilesQuota: 1000,
      Providers: 2,
      MFADevices: 4,
      MFADevicesInUse: 4,
      AccountMFAEnabled: 1,
      AccountAccessKeysPresent: 0,
      AccountSigningCertificatesPresent: 0,
      AccessKeysPerUserQuota: 2,
      AttachedPoliciesPerGroupQuota: 10,
      AttachedPoliciesPerRoleQuota: 10,
      AttachedPoliciesPerUserQuota: 10,
      GroupPolicySizeQuota: 5120,
      GroupsPerUserQuota: 10,
      RolePolicySizeQuota: 10240,
      AssumeRolePolicySizeQuota: 2048,
      SigningCertificatesPerUserQuota: 2,
      UserPolicySizeQuota: 2048,
      GlobalEndpointTokenVersion: 2,
    },
    passwordPolicy,
    credentialReport: { generatedTime: reportGenerated, csv },
    // Root MFA is on, but it is a virtual (phone) device, not a hardware key.
    rootVirtualMfa: true,
    // Block Public Access is only half on at account level, because of the public website bucket.
    accountPublicAccessBlock: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: false, RestrictPublicBuckets: false },
    trails: {
      [trailArn(east, 'nwh-org-trail')]: {
        isLogging: true,
        advancedEventSelectors: [
          { Name: 'Management events', FieldSelectors: [{ Field: 'eventCategory', Equals: ['Management'] }] },
          {
            Name: 'S3 object-level events',
            FieldSelectors: [
              { Field: 'eventCategory', Equals: ['Data'] },
              { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
            ],
          },
        ],
      },
      [trailArn(eu, 'nwh-eu-app-trail')]: {
        isLogging: true,
        eventSelectors: [{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
      },
    },
    regions: {
      'us-east-1': regionFacts(PROD, 'us-east-1', {
        recorderStartedAt: '2022-09-12T08:10:00.000Z',
        guardDuty: true,
        ebsEncryptionByDefault: true,
        securityHub: true,
        // GetKeyRotationStatus for the key whose Config item lacks it.
        kmsKeyRotation: { [logsKey.id]: true },
      }),
      'eu-west-1': regionFacts(PROD, 'eu-west-1', {
        recorderStartedAt: '2023-04-05T13:30:00.000Z',
        guardDuty: true,
        ebsEncryptionByDefault: false,
        securityHub: false,
      }),
    },
  });

  return {
    format: 'compliance-auditor/inventory',
    formatVersion: 1,
    description:
      'Northwind Health (fictional): production account 111122223333 in us-east-1 and eu-west-1, mostly compliant with a ' +
      'realistic tail of problems, and sandbox account 444455556666 whose account-level facts were not collected. ' +
      'Generated by demo/build-demo-account.ts; see demo/README.md.',
    collectedAt: '2026-11-20T06:12:00.000Z',
    accountFacts: [facts],
    configurationItems: inventory.items,
  };
}

/** The file the generator writes, pretty-printed with two spaces and a final newline. */
export const renderDemoAccount = (): string => `${JSON.stringify(buildDemoAccount(), null, 2)}\n`;

export const DEMO_ACCOUNT_PATH = join(dirname(fileURLToPath(import.meta.url)), 'demo-account.json');

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(DEMO_ACCOUNT_PATH, renderDemoAccount());
  const { configurationItems } = buildDemoAccount();
  console.log(`wrote ${DEMO_ACCOUNT_PATH}: ${configurationItems.length} configuration items`);
}
