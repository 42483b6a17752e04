/**
 * Northwind's managed services: databases, caches, search, secrets,
 * messaging and functions in us-east-1, and the EU analytics stack in
 * eu-west-1. The claims platform is well configured; the legacy reporting
 * estate from 2021 carries most of the problems.
 */
import { policyDocument, type Scope } from '../builders/ci.js';
import {
  dynamoDbTable,
  efsFileSystem,
  elastiCacheReplicationGroup,
  elasticsearchDomain,
  openSearchDomain,
  redshiftCluster,
} from '../builders/databases.js';
import { defaultTopicPolicy, lambdaFunction, secret, snsTopic, sqsQueue } from '../builders/messaging-functions.js';
import { dbCluster, dbClusterRef, dbClusterSnapshot, dbInstance, dbSnapshot } from '../builders/rds.js';
import { PROD, SANDBOX } from './accounts.js';
import type { Roles } from './identity.js';
import type { Keys } from './keys.js';
import type { Network } from './network.js';

export function buildServices(east: Scope, eu: Scope, keys: Keys, roles: Roles, network: Network): void {
  const { phi: phiKey, logs: logsKey, eu: euKey } = keys;
  const { claims: claimsRole, lambdaBasic: lambdaBasicRole } = roles;
  const { prodVpc, publicA, publicB, privateA, privateB, euVpc, euA, euB } = network;
  const {
    claimsDb: claimsDbSg,
    legacyDb: legacyDbSg,
    lambda: lambdaSg,
    search: searchSg,
    warehouse: warehouseSg,
    ledger: ledgerSg,
  } = network.sg;
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
  dynamoDbTable(east, {
    name: 'patient-appointments',
    hashKey: 'appointmentId',
    kmsKey: phiKey,
    pointInTimeRecovery: true,
    items: 2_418_337,
    createdAt: '2024-08-02T08:10:00.000Z',
    tags: { 'data-classification': 'phi' },
    // Any principal, but only from inside Northwind's organization.
    resourcePolicy: (arn) =>
      policyDocument({
        Sid: 'OrgReaders',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['dynamodb:GetItem', 'dynamodb:Query'],
        Resource: arn,
        Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-nw7h3a1th9' } },
      }),
  });
  dynamoDbTable(east, {
    name: 'portal-sessions',
    hashKey: 'sessionId',
    pointInTimeRecovery: false,
    items: 48_112,
    createdAt: '2023-03-02T09:00:00.000Z',
    // A load-test shortcut never reverted: anyone with AWS credentials may read and write sessions.
    resourcePolicy: (arn) =>
      policyDocument({
        Sid: 'LoadTestAccess',
        Effect: 'Allow',
        Principal: '*',
        Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
        Resource: arn,
      }),
  });
  efsFileSystem(east, {
    name: 'nwh-shared-uploads',
    kmsKey: phiKey,
    backup: true,
    // Any principal, but only from the production VPC, and only over TLS.
    policy: (arn) =>
      policyDocument(
        {
          Sid: 'ProdVpcClients',
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
          Resource: arn,
          Condition: {
            StringEquals: { 'aws:SourceVpc': prodVpc.id },
            Bool: { 'elasticfilesystem:AccessedViaMountTarget': 'true' },
          },
        },
        {
          Sid: 'DenyPlainNfs',
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: '*',
          Resource: arn,
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        },
      ),
    createdAt: '2023-05-10T10:00:00.000Z',
    tags: { owner: 'portal' },
  });
  efsFileSystem(east, {
    name: 'nwh-legacy-scans',
    backup: false,
    // A vendor's migration left the file system open to every principal, with no mount-target or VPC condition.
    policy: (arn) =>
      policyDocument({
        Sid: 'VendorMigration',
        Effect: 'Allow',
        Principal: { AWS: '*' },
        Action: ['elasticfilesystem:ClientWrite', 'elasticfilesystem:ClientMount'],
        Resource: arn,
      }),
    createdAt: '2020-11-23T10:00:00.000Z',
    tags: { owner: 'health-records' },
  });
  elastiCacheReplicationGroup(east, {
    id: 'nwh-portal-sessions',
    description: 'Patient portal sessions',
    engine: 'valkey',
    kmsKey: phiKey,
    encrypted: true,
    createdAt: '2025-08-11T08:47:19.000Z',
  });
  elastiCacheReplicationGroup(east, {
    id: 'nwh-legacy-report-cache',
    description: 'Legacy reporting cache',
    engine: 'redis',
    encrypted: false,
    createdAt: '2021-06-04T10:00:00.000Z',
  });
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
    rotation: {
      lambda: `arn:aws:lambda:us-east-1:${PROD}:function:SecretsManagerRDSPostgreSQLRotationSingleUser`,
      days: 30,
    },
    createdAt: '2024-08-02T08:00:00.000Z',
  });
  secret(east, {
    name: 'legacy/reporting-api-key',
    description: 'BI vendor API key',
    createdAt: '2021-06-03T16:10:00.000Z',
  });

  // Messaging and functions
  const claimsTopic = snsTopic(east, {
    name: 'nwh-claims-events',
    kmsKey: phiKey,
    policy: defaultTopicPolicy(east, 'nwh-claims-events'),
  });
  snsTopic(east, {
    name: 'config-notifications',
    kmsKey: 'alias/aws/sns',
    policy: defaultTopicPolicy(east, 'config-notifications'),
  });
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
  const dlq = sqsQueue(east, {
    name: 'nwh-claims-intake-dlq',
    encryption: 'sqs',
    createdAt: '2024-08-02T08:20:00.000Z',
  });
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

  // EU analytics (eu-west-1)
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
  dynamoDbTable(eu, {
    name: 'consent-records',
    hashKey: 'patientId',
    kmsKey: euKey,
    pointInTimeRecovery: true,
    items: 391_204,
    createdAt: '2023-05-15T10:00:00.000Z',
    tags: { gdpr: 'personal-data' },
    resourcePolicy: null,
  });
}
