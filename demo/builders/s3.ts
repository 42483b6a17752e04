/**
 * S3 builders: buckets, with everything interesting in
 * `supplementaryConfiguration` (the ACL and the policy text as JSON strings,
 * optional keys present only when configured), deleted buckets, and the
 * account-level Block Public Access item.
 */
import { hexId, type Json, type JsonObject, type Ref, record, type Scope } from './ci.js';

/** The canonical user id S3 shows as the owner of an account's buckets. */
export const canonicalUserId = (accountId: string): string => hexId(`canonical/${accountId}`, 64);

export type BucketEncryption =
  | { algorithm: 'AES256' }
  | { algorithm: 'aws:kms'; key: Ref | string; bucketKey: boolean };

export interface BucketSpec {
  name: string;
  region?: string;
  createdAt: string;
  tags?: Record<string, string>;
  encryption: BucketEncryption;
  versioning: 'Enabled' | 'Suspended' | 'Off';
  logging?: { bucket: string; prefix: string };
  /** A document, or raw policy text exactly as recorded. */
  policy?: JsonObject | string;
  /** Bucket-level Block Public Access: `true` for all four settings, or each one. */
  publicAccessBlock?:
    | true
    | {
        blockPublicAcls: boolean;
        ignorePublicAcls: boolean;
        blockPublicPolicy: boolean;
        restrictPublicBuckets: boolean;
      };
  /** Extra ACL grant to a predefined group, as a legacy canned ACL leaves it. */
  aclGrant?: { grantee: 'AllUsers' | 'AuthenticatedUsers' | 'LogDelivery'; permission: 'Read' | 'Write' | 'ReadAcp' };
  website?: boolean;
  objectLock?: { mode: 'COMPLIANCE' | 'GOVERNANCE'; years: number };
  lifecycle?: { id: string; expireDays: number | null; noncurrentDays: number | null; glacierDays?: number }[];
}

export function s3Bucket(scope: Scope, spec: BucketSpec): Ref {
  const owner = { displayName: null, id: canonicalUserId(scope.accountId) };
  const grants: Json[] = [{ grantee: { id: owner.id, displayName: null }, permission: 'FullControl' }];
  if (spec.aclGrant) grants.push({ grantee: spec.aclGrant.grantee, permission: spec.aclGrant.permission });
  const acl = { grantSet: null, grantList: grants, owner, isRequesterCharged: false };
  const sse =
    spec.encryption.algorithm === 'AES256'
      ? { sseAlgorithm: 'AES256', kmsMasterKeyID: null }
      : {
          sseAlgorithm: 'aws:kms',
          kmsMasterKeyID: typeof spec.encryption.key === 'string' ? spec.encryption.key : spec.encryption.key.arn,
        };
  const bucketKey = spec.encryption.algorithm === 'aws:kms' && spec.encryption.bucketKey;
  const supplementary: JsonObject = {
    // Config keeps the ACL and the policy text as JSON strings even in its object form.
    AccessControlList: JSON.stringify(acl),
    BucketAccelerateConfiguration: { status: null },
    BucketLoggingConfiguration: {
      destinationBucketName: spec.logging?.bucket ?? null,
      logFilePrefix: spec.logging?.prefix ?? null,
    },
    BucketNotificationConfiguration: { configurations: {} },
    BucketPolicy: {
      policyText:
        spec.policy === undefined ? null : typeof spec.policy === 'string' ? spec.policy : JSON.stringify(spec.policy),
    },
    BucketVersioningConfiguration: { status: spec.versioning, isMfaDeleteEnabled: null },
    IsRequesterPaysEnabled: false,
    ServerSideEncryptionConfiguration: {
      rules: [{ applyServerSideEncryptionByDefault: sse, bucketKeyEnabled: bucketKey }],
    },
  };
  if (spec.publicAccessBlock) {
    supplementary.PublicAccessBlockConfiguration =
      spec.publicAccessBlock === true
        ? { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true }
        : { ...spec.publicAccessBlock };
  }
  if (spec.tags && Object.keys(spec.tags).length > 0) {
    supplementary.BucketTaggingConfiguration = { tagSets: [{ tags: { ...spec.tags } }] };
  }
  if (spec.website) {
    supplementary.BucketWebsiteConfiguration = {
      indexDocumentSuffix: 'index.html',
      errorDocument: 'error.html',
      redirectAllRequestsTo: null,
      routingRules: [],
    };
  }
  if (spec.objectLock) {
    supplementary.ObjectLockConfiguration = {
      objectLockEnabled: 'Enabled',
      rule: { defaultRetention: { mode: spec.objectLock.mode, days: null, years: spec.objectLock.years } },
    };
  }
  if (spec.lifecycle) {
    supplementary.BucketLifecycleConfiguration = {
      rules: spec.lifecycle.map((rule) => ({
        id: rule.id,
        prefix: null,
        status: 'Enabled',
        filter: { predicate: { type: 'LifecyclePrefixPredicate', prefix: '' } },
        expirationInDays: rule.expireDays ?? -1,
        expiredObjectDeleteMarker: false,
        noncurrentVersionExpirationInDays: rule.noncurrentDays ?? -1,
        transitions: rule.glacierDays ? [{ days: rule.glacierDays, date: null, storageClass: 'GLACIER' }] : null,
        abortIncompleteMultipartUpload: { daysAfterInitiation: 7 },
      })),
    };
  }
  return record(scope, {
    resourceType: 'AWS::S3::Bucket',
    resourceId: spec.name,
    resourceName: spec.name,
    arn: `arn:aws:s3:::${spec.name}`,
    ...(spec.region ? { region: spec.region } : {}),
    availabilityZone: 'Regional',
    createdAt: spec.createdAt,
    tags: spec.tags ?? {},
    relationships: [],
    configuration: { name: spec.name, owner, creationDate: spec.createdAt },
    supplementary,
  });
}

/** Config's record of the account-level S3 Block Public Access (S3 Control `GetPublicAccessBlock`). */
export function accountPublicAccessBlock(
  scope: Scope,
  settings: {
    blockPublicAcls: boolean;
    ignorePublicAcls: boolean;
    blockPublicPolicy: boolean;
    restrictPublicBuckets: boolean;
  },
): Ref {
  return record(scope, {
    resourceType: 'AWS::S3::AccountPublicAccessBlock',
    resourceId: scope.accountId,
    resourceName: null,
    arn: null,
    availabilityZone: 'Not Applicable',
    createdAt: null,
    configuration: { ...settings },
  });
}

/** A bucket that Config last saw being deleted: the item keeps only its identity. */
export function deletedBucket(scope: Scope, name: string): Ref {
  return record(scope, {
    resourceType: 'AWS::S3::Bucket',
    resourceId: name,
    resourceName: name,
    arn: `arn:aws:s3:::${name}`,
    availabilityZone: 'Regional',
    createdAt: null,
    configuration: null,
    status: 'ResourceDeleted',
  });
}
