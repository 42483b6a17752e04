/**
 * Northwind's KMS keys: rotating customer-managed keys for PHI, audit logs
 * and EU data; a legacy key that does not rotate and whose policy lets anyone
 * decrypt; the AWS-managed EBS key; an asymmetric signing key; and a key
 * scheduled for deletion.
 */
import { daysAhead, type Ref, type Scope } from '../builders/ci.js';
import { awsManagedKeyPolicy, defaultKeyPolicy, kmsKey } from '../builders/kms.js';
import { trailArn } from '../builders/logging-edge.js';
import { PROD } from './accounts.js';

export interface Keys {
  /** Customer-managed, rotating: PHI at rest. */
  phi: Ref;
  /** Customer-managed; Config lacks its rotation status, account facts have it. */
  logs: Ref;
  /** Customer-managed, not rotating, with a key policy open to everyone. */
  legacy: Ref;
  /** The AWS-managed `aws/ebs` key. */
  ebs: Ref;
  /** Customer-managed, rotating, in eu-west-1. */
  eu: Ref;
}

export function buildKeys(east: Scope, eu: Scope): Keys {
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

  return { phi: phiKey, logs: logsKey, legacy: legacyKey, ebs: ebsKey, eu: euKey };
}
