/**
 * Builders for the identity and data-protection types: IAM users, groups,
 * roles and customer-managed policies, S3 buckets and KMS keys. Each takes a
 * small spec and writes the configuration item exactly as AWS Config records
 * it (camelCase keys, URL-encoded IAM documents, the S3 ACL and bucket policy
 * as JSON strings, the KMS key policy pretty-printed).
 */
import {
  hexId,
  iamEncode,
  iamUniqueId,
  type Json,
  type JsonObject,
  kmsPolicyText,
  type Ref,
  record,
  related,
  type Scope,
  tagList,
  uuid,
} from './ci.js';

// ---------------------------------------------------------------- IAM

const GLOBAL = { region: 'global', availabilityZone: 'Not Applicable' } as const;

type PrincipalKind = 'user' | 'role' | 'group';
const ID_PREFIX: Record<PrincipalKind | 'policy', string> = { user: 'AIDA', role: 'AROA', group: 'AGPA', policy: 'ANPA' };
const TYPE: Record<PrincipalKind | 'policy', string> = {
  user: 'AWS::IAM::User',
  role: 'AWS::IAM::Role',
  group: 'AWS::IAM::Group',
  policy: 'AWS::IAM::Policy',
};

/** The identity of an IAM principal or policy, derived from its name so that items can point at each other. */
export function iamRef(accountId: string, kind: PrincipalKind | 'policy', name: string, path = '/'): Ref {
  return {
    type: TYPE[kind],
    id: iamUniqueId(ID_PREFIX[kind], `${accountId}/${kind}/${name}`),
    name,
    arn: `arn:aws:iam::${accountId}:${kind}${path}${name}`,
    accountId,
    region: 'global',
  };
}

/** An attached managed policy as IAM lists it. */
export interface AttachedPolicy {
  policyName: string;
  policyArn: string;
}

/** An AWS-managed policy by path and name, e.g. `AdministratorAccess` or `service-role/AWS_ConfigRole`. */
export const awsManaged = (pathAndName: string): AttachedPolicy => ({
  policyName: pathAndName.split('/').pop() ?? pathAndName,
  policyArn: `arn:aws:iam::aws:policy/${pathAndName}`,
});

/** A customer-managed policy built with `iamPolicy`. */
export const customerManaged = (policy: Ref): AttachedPolicy => ({
  policyName: policy.name ?? policy.id,
  policyArn: policy.arn,
});

/** An inline policy: its name and its document. */
export interface InlinePolicy {
  name: string;
  document: JsonObject;
}

const inlineList = (policies: InlinePolicy[] = []): Json[] =>
  policies.map((p) => ({ policyName: p.name, policyDocument: iamEncode(p.document) }));

const attachedList = (policies: AttachedPolicy[] = []): Json[] =>
  policies.map((p) => ({ policyName: p.policyName, policyArn: p.policyArn }));

/** Relationships to the customer-managed policies among `attached` (AWS-managed ones are not recorded). */
const policyRelationships = (accountId: string, attached: AttachedPolicy[] = []): JsonObject[] =>
  attached
    .filter((p) => p.policyArn.includes(`::${accountId}:`))
    .map((p) => related('Is attached to CustomerManagedPolicy', iamRef(accountId, 'policy', p.policyName)));

export interface UserSpec {
  name: string;
  createdAt: string;
  groups?: string[];
  attached?: AttachedPolicy[];
  inline?: InlinePolicy[];
  tags?: Record<string, string>;
}

export function iamUser(scope: Scope, spec: UserSpec): Ref {
  const ref = iamRef(scope.accountId, 'user', spec.name);
  return record(scope, {
    ...GLOBAL,
    resourceType: ref.type,
    resourceId: ref.id,
    resourceName: spec.name,
    arn: ref.arn,
    createdAt: spec.createdAt,
    tags: spec.tags ?? {},
    relationships: [
      ...(spec.groups ?? []).map((group) => related('Is attached to Group', iamRef(scope.accountId, 'group', group))),
      ...policyRelationships(scope.accountId, spec.attached),
    ],
    configuration: {
      path: '/',
      userName: spec.name,
      userId: ref.id,
      arn: ref.arn,
      createDate: spec.createdAt,
      userPolicyList: inlineList(spec.inline),
      groupList: spec.groups ?? [],
      attachedManagedPolicies: attachedList(spec.attached),
      permissionsBoundary: null,
      tags: tagList(spec.tags ?? {}),
    },
  });
}

export interface GroupSpec {
  name: string;
  createdAt: string;
  members: string[];
  attached?: AttachedPolicy[];
  inline?: InlinePolicy[];
}

export function iamGroup(scope: Scope, spec: GroupSpec): Ref {
  const ref = iamRef(scope.accountId, 'group', spec.name);
  return record(scope, {
    ...GLOBAL,
    resourceType: ref.type,
    resourceId: ref.id,
    resourceName: spec.name,
    arn: ref.arn,
    createdAt: spec.createdAt,
    relationships: [
      ...spec.members.map((user) => related('Contains User', iamRef(scope.accountId, 'user', user))),
      ...policyRelationships(scope.accountId, spec.attached),
    ],
    configuration: {
      path: '/',
      groupName: spec.name,
      groupId: ref.id,
      arn: ref.arn,
      createDate: spec.createdAt,
      groupPolicyList: inlineList(spec.inline),
      attachedManagedPolicies: attachedList(spec.attached),
    },
  });
}

export interface RoleSpec {
  name: string;
  path?: string;
  createdAt: string;
  trust: JsonObject;
  attached?: AttachedPolicy[];
  inline?: InlinePolicy[];
  /** Instance profile of the same name, for EC2 roles. */
  instanceProfile?: boolean;
  lastUsed?: { date: string; region: string };
  description?: string;
  tags?: Record<string, string>;
}

export function iamRole(scope: Scope, spec: RoleSpec): Ref {
  const path = spec.path ?? '/';
  const ref = iamRef(scope.accountId, 'role', spec.name, path);
  const profiles: Json[] = spec.instanceProfile
    ? [
        {
          path: '/',
          instanceProfileName: spec.name,
          instanceProfileId: iamUniqueId('AIPA', `${scope.accountId}/profile/${spec.name}`),
          arn: `arn:aws:iam::${scope.accountId}:instance-profile/${spec.name}`,
          createDate: spec.createdAt,
          roles: [],
        },
      ]
    : [];
  return record(scope, {
    ...GLOBAL,
    resourceType: ref.type,
    resourceId: ref.id,
    resourceName: spec.name,
    arn: ref.arn,
    createdAt: spec.createdAt,
    tags: spec.tags ?? {},
    relationships: policyRelationships(scope.accountId, spec.attached),
    configuration: {
      path,
      roleName: spec.name,
      roleId: ref.id,
      arn: ref.arn,
      createDate: spec.createdAt,
      assumeRolePolicyDocument: iamEncode(spec.trust),
      instanceProfileList: profiles,
      rolePolicyList: inlineList(spec.inline),
      attachedManagedPolicies: attachedList(spec.attached),
      permissionsBoundary: null,
      tags: tagList(spec.tags ?? {}),
      roleLastUsed: spec.lastUsed ? { lastUsedDate: spec.lastUsed.date, region: spec.lastUsed.region } : null,
      maxSessionDuration: path.startsWith('/aws-reserved/') ? 43200 : 3600,
      ...(spec.description ? { description: spec.description } : {}),
    },
  });
}

export interface PolicySpec {
  name: string;
  description: string;
  createdAt: string;
  /** Versions oldest first; the last one is the default. */
  versions: { document: JsonObject; createdAt: string }[];
  attachedTo?: { kind: PrincipalKind; name: string }[];
}

export function iamPolicy(scope: Scope, spec: PolicySpec): Ref {
  const ref = iamRef(scope.accountId, 'policy', spec.name);
  const attachedTo = spec.attachedTo ?? [];
  const defaultVersion = `v${spec.versions.length}`;
  const relationName: Record<PrincipalKind, string> = {
    user: 'Is attached to User',
    role: 'Is attached to Role',
    group: 'Is attached to Group',
  };
  return record(scope, {
    ...GLOBAL,
    resourceType: ref.type,
    resourceId: ref.id,
    resourceName: spec.name,
    arn: ref.arn,
    createdAt: spec.createdAt,
    relationships: attachedTo.map((p) => related(relationName[p.kind], iamRef(scope.accountId, p.kind, p.name))),
    configuration: {
      policyName: spec.name,
      policyId: ref.id,
      arn: ref.arn,
      path: '/',
      defaultVersionId: defaultVersion,
      attachmentCount: attachedTo.length,
      permissionsBoundaryUsageCount: 0,
      isAttachable: true,
      description: spec.description,
      createDate: spec.createdAt,
      updateDate: spec.versions.at(-1)?.createdAt ?? spec.createdAt,
      // Console-authored documents keep their indentation, URL-encoded with it.
      policyVersionList: spec.versions.map((version, index) => ({
        document: iamEncode(version.document, 'pretty'),
        versionId: `v${index + 1}`,
        isDefaultVersion: `v${index + 1}` === defaultVersion,
        createDate: version.createdAt,
      })),
    },
  });
}

// ---------------------------------------------------------------- S3

/** The canonical user id S3 shows as the owner of an account's buckets. */
export const canonicalUserId = (accountId: string): string => hexId(`canonical/${accountId}`, 64);

export type BucketEncryption = { algorithm: 'AES256' } | { algorithm: 'aws:kms'; key: Ref | string; bucketKey: boolean };

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
  publicAccessBlock?: true | { blockPublicAcls: boolean; ignorePublicAcls: boolean; blockPublicPolicy: boolean; restrictPublicBuckets: boolean };
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
      policyText: spec.policy === undefined ? null : typeof spec.policy === 'string' ? spec.policy : JSON.stringify(spec.policy),
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
export function accountPublicAccessBlock(scope: Scope, settings: { blockPublicAcls: boolean; ignorePublicAcls: boolean; blockPublicPolicy: boolean; restrictPublicBuckets: boolean }): Ref {
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

// ---------------------------------------------------------------- KMS

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
      Action: ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:CreateGrant', 'kms:DescribeKey'],
      Resource: '*',
      Condition: { StringEquals: { 'kms:CallerAccount': accountId, 'kms:ViaService': `${service}.${region}.amazonaws.com` } },
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
