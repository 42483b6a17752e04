/**
 * Northwind's S3 buckets, CloudWatch log groups and CloudTrail trails. The
 * data buckets are encrypted, versioned, logged and TLS-only; the exceptions
 * are the public website, a partner bucket anyone can write to, PHI exports on
 * S3-managed keys, a records bucket without Object Lock, a legacy bucket whose
 * public ACL is neutralised, and one item whose policy text is unreadable.
 */
import { type JsonObject, policyDocument, type Ref, type Scope } from '../builders/ci.js';
import { cloudTrail, logGroup, trailArn } from '../builders/logging-edge.js';
import { deletedBucket, s3Bucket } from '../builders/s3.js';
import { PROD } from './accounts.js';
import type { Roles } from './identity.js';
import type { Keys } from './keys.js';

export interface Storage {
  /** The S3 server access log bucket of us-east-1. */
  accessLogs: Ref;
  website: Ref;
  logGroups: { trail: Ref; flow: Ref; api: Ref; webhooks: Ref; euFlow: Ref };
}

/** The usual "deny anything over plain HTTP" statement. */
const tlsOnly = (bucket: string): JsonObject => ({
  Sid: 'DenyInsecureTransport',
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
});

export function buildStorage(east: Scope, eu: Scope, keys: Keys, roles: Roles): Storage {
  const { phi: phiKey, logs: logsKey, legacy: legacyKey, eu: euKey } = keys;
  const trailLogsRole = roles.trailLogs;
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
          StringEquals: {
            's3:x-amz-acl': 'bucket-owner-full-control',
            'aws:SourceArn': trailArn(east, 'nwh-org-trail'),
          },
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
    publicAccessBlock: {
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: false,
    },
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
    policy:
      '{"Version":"2012-10-17","Statement":[{"Sid":"VendorUpload","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::777788889999:root"},"Action":["s3:PutObject"',
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
  const trailGroup = logGroup(east, {
    name: '/aws/cloudtrail/nwh-org-trail',
    retentionDays: 365,
    kmsKey: logsKey,
    createdAt: '2023-02-14T10:41:00.000Z',
  });
  const flowGroup = logGroup(east, {
    name: '/aws/vpc/flow-logs/nwh-prod',
    retentionDays: 365,
    kmsKey: logsKey,
    createdAt: '2023-03-01T11:05:00.000Z',
  });
  logGroup(east, {
    name: '/aws/lambda/claims-processor',
    retentionDays: 90,
    kmsKey: phiKey,
    createdAt: '2024-08-02T08:50:00.000Z',
  });
  const apiLogs = logGroup(east, {
    name: '/aws/apigateway/patient-api/prod',
    retentionDays: 365,
    kmsKey: logsKey,
    createdAt: '2024-01-08T09:00:00.000Z',
  });
  const webhookLogs = logGroup(east, {
    name: '/aws/apigateway/claims-webhooks',
    retentionDays: 365,
    kmsKey: logsKey,
    createdAt: '2025-04-02T10:00:00.000Z',
  });
  // Lambda created these on first run: never expire, no customer key.
  logGroup(east, { name: '/aws/lambda/partner-webhook', createdAt: '2025-02-11T15:21:00.000Z' });
  logGroup(east, {
    name: '/aws/lambda/patient-api-authorizer',
    retentionDays: 30,
    createdAt: '2024-01-08T09:30:00.000Z',
  });
  const euFlowGroup = logGroup(eu, {
    name: '/aws/vpc/flow-logs/nwh-analytics-eu',
    retentionDays: 365,
    createdAt: '2023-04-05T14:30:00.000Z',
  });

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
  cloudTrail(eu, {
    name: 'nwh-eu-app-trail',
    bucket: 'nwh-eu-audit-archive',
    multiRegion: false,
    logFileValidation: false,
  });

  return {
    accessLogs,
    website,
    logGroups: { trail: trailGroup, flow: flowGroup, api: apiLogs, webhooks: webhookLogs, euFlow: euFlowGroup },
  };
}
