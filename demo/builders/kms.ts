/**
 * KMS builders: keys with their rotation status and key policy in
 * `supplementaryConfiguration`, the policy pretty-printed as KMS returns it.
 */
import { type JsonObject, kmsPolicyText, type Ref, record, type Scope, uuid } from './ci.js';

export interface KeySpec {
  /** Seeds the key id. */
  alias: string;
  description: string;
  createdAt: string;
  manager?: 'CUSTOMER' | 'AWS';
  spec?: 'SYMMETRIC_DEFAULT' | 'RSA_2048';
  /** `undefined`: Config recorded no rotation status (GetKeyRotationStatus is not supported or was not called). */
  rotation?: boolean;
  pendingDeletionUntil?: string;
  policy: JsonObject;
  tags?: Record<string, string>;
}

/** Key id and ARN of a key built with `kmsKey`, known before it is built. */
export const kmsKeyArn = (scope: Scope, alias: string): string =>
  `arn:aws:kms:${scope.region}:${scope.accountId}:key/${uuid(`${scope.accountId}/${scope.region}/${alias}`)}`;

export function kmsKey(scope: Scope, spec: KeySpec): Ref {
  const keyId = uuid(`${scope.accountId}/${scope.region}/${spec.alias}`);
  const arn = `arn:aws:kms:${scope.region}:${scope.accountId}:key/${keyId}`;
  const keySpec = spec.spec ?? 'SYMMETRIC_DEFAULT';
  const pending = spec.pendingDeletionUntil !== undefined;
  const supplementary: JsonObject = {
    Policy: kmsPolicyText(spec.policy),
    Tags: Object.entries(spec.tags ?? {}).map(([tagKey, tagValue]) => ({ tagKey, tagValue })),
  };
  if (spec.rotation !== undefined) supplementary.KeyRotationStatus = spec.rotation;
  return record(scope, {
    resourceType: 'AWS::KMS::Key',
    resourceId: keyId,
    resourceName: null,
    arn,
    availabilityZone: 'Not Applicable',
    createdAt: spec.createdAt,
    tags: spec.tags ?? {},
    configuration: {
      keyId,
      arn,
      creationDate: Date.parse(spec.createdAt),
      enabled: !pending,
      description: spec.description,
      keyUsage: keySpec === 'SYMMETRIC_DEFAULT' ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY',
      keyState: pending ? 'PendingDeletion' : 'Enabled',
      ...(pending ? { deletionDate: Date.parse(spec.pendingDeletionUntil ?? '') } : {}),
      origin: 'AWS_KMS',
      keyManager: spec.manager ?? 'CUSTOMER',
      customerMasterKeySpec: keySpec,
      keySpec,
      encryptionAlgorithms: keySpec === 'SYMMETRIC_DEFAULT' ? ['SYMMETRIC_DEFAULT'] : [],
      signingAlgorithms: keySpec === 'SYMMETRIC_DEFAULT' ? [] : ['RSASSA_PSS_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_256'],
      multiRegion: false,
      awsaccountId: scope.accountId,
    },
    supplementary,
  });
}

/** The default key policy: the account root administers the key through IAM. */
export const defaultKeyPolicy = (accountId: string, ...extra: JsonObject[]): JsonObject => ({
  Version: '2012-10-17',
  Id: 'key-default-1',
  Statement: [
    {
      Sid: 'Enable IAM User Permissions',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
      Action: 'kms:*',
      Resource: '*',
    },
    ...extra,
  ],
});

/** The policy AWS writes on an AWS-managed key (`aws/<service>`). */
export const awsManagedKeyPolicy = (accountId: string, region: string, service: string): JsonObject => ({
  Version: '2012-10-17',
  Id: `auto-${service}-2`,
  Statement: [
    {
      Sid: `Allow access through ${service.toUpperCase()} for all principals in the account that are authorized to use ${service.toUpperCase()}`,
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: [
        'kms:Encrypt',
        'kms:Decrypt',
        'kms:ReEncrypt*',
        'kms:GenerateDataKey*',
        'kms:CreateGrant',
        'kms:DescribeKey',
      ],
      Resource: '*',
      Condition: {
        StringEquals: { 'kms:CallerAccount': accountId, 'kms:ViaService': `${service}.${region}.amazonaws.com` },
      },
    },
    {
      Sid: 'Allow direct access to key metadata to the account',
      Effect: 'Allow',
      Principal: { AWS: `arn:aws:iam::${accountId}:root` },
      Action: ['kms:Describe*', 'kms:Get*', 'kms:List*', 'kms:RevokeGrant'],
      Resource: '*',
    },
  ],
});
