/**
 * Northwind's KMS keys and IAM: customer-managed policies, groups, users and
 * roles. Most principals are scoped; the problems are the ones a real account
 * accumulates (an admin-equivalent policy left from an incident, a deploy
 * role that can pass any role to EC2, an OIDC trust without a `sub` pin).
 */
import { daysAgo, type JsonObject, policyDocument, type Ref, type Scope } from '../builders/ci.js';
import { awsManaged, customerManaged, iamGroup, iamPolicy, iamRole, iamUser } from '../builders/iam.js';
import { AUDIT_VENDOR, PROD } from './accounts.js';
import type { Keys } from './keys.js';

export interface Roles {
  claims: Ref;
  lambdaBasic: Ref;
  app: Ref;
  flowLogs: Ref;
  trailLogs: Ref;
}

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

export function buildIam(east: Scope, keys: Keys): Roles {
  const { phi: phiKey, eu: euKey } = keys;
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
        document: policyDocument({
          Sid: 'EverythingButBilling',
          Effect: 'Allow',
          NotAction: ['aws-portal:*', 'budgets:*'],
          Resource: '*',
        }),
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
            Action: [
              'ec2:Describe*',
              'rds:Describe*',
              'iam:Get*',
              'iam:List*',
              's3:GetBucket*',
              'kms:Describe*',
              'kms:Get*',
            ],
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

  iamGroup(east, {
    name: 'administrators',
    createdAt: '2019-03-04T17:40:11.000Z',
    members: ['marcus.oduya'],
    attached: [awsManaged('AdministratorAccess')],
  });
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
        document: policyDocument({
          Effect: 'Allow',
          Action: ['aws-portal:View*', 'ce:Get*', 'budgets:View*'],
          Resource: '*',
        }),
      },
    ],
  });

  iamUser(east, {
    name: 'alice.nguyen',
    createdAt: '2023-05-02T08:30:00.000Z',
    groups: ['developers'],
    tags: { team: 'platform' },
  });
  iamUser(east, {
    name: 'marcus.oduya',
    createdAt: '2019-03-04T17:45:20.000Z',
    groups: ['administrators'],
    tags: { team: 'sre' },
  });
  iamUser(east, {
    name: 'priya.shah',
    createdAt: '2026-10-30T14:02:00.000Z',
    groups: ['developers'],
    tags: { team: 'claims' },
  });
  iamUser(east, {
    name: 'jordan.blake',
    createdAt: '2024-09-09T09:09:00.000Z',
    groups: ['billing'],
    tags: { contractor: 'true' },
  });
  iamUser(east, {
    name: 'svc-legacy-etl',
    createdAt: '2024-02-12T10:00:00.000Z',
    attached: [customerManaged(etlPolicy)],
  });
  iamUser(east, {
    name: 'svc-reporting',
    createdAt: '2022-11-07T11:20:00.000Z',
    inline: [
      {
        name: 'reporting-read',
        document: policyDocument({
          Effect: 'Allow',
          Action: ['s3:GetObject', 's3:ListBucket'],
          Resource: ['arn:aws:s3:::nwh-legacy-reports', 'arn:aws:s3:::nwh-legacy-reports/*'],
        }),
      },
    ],
  });
  // Created after the credential report was generated: the report cannot say anything about her yet.
  iamUser(east, {
    name: 'dana.kim',
    createdAt: '2026-11-20T05:31:07.000Z',
    groups: ['developers'],
    tags: { team: 'claims' },
  });

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
      StringLike: {
        'token.actions.githubusercontent.com:sub': 'repo:northwind-health/patient-portal:ref:refs/heads/main',
      },
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
        document: policyDocument({
          Effect: 'Allow',
          Action: ['config:Describe*', 'config:Get*', 'config:List*', 'config:Select*'],
          Resource: '*',
        }),
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

  return {
    claims: claimsRole,
    lambdaBasic: lambdaBasicRole,
    app: appRole,
    flowLogs: flowLogsRole,
    trailLogs: trailLogsRole,
  };
}
