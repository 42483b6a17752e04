/**
 * Configuration items for the collector tests, in the two shapes AWS Config
 * returns them: SelectResourceConfig rows (JSON strings, configuration as an
 * object) and BatchGetResourceConfig items (configuration and supplementary
 * values as JSON strings, dates as Date), and the recorder facts.
 */
import { ACCOUNT } from './mock-account.js';

const CAPTURED = '2026-11-20T05:40:00.000Z';
const ROOT_ARN = `arn:aws:iam::${ACCOUNT}:root`;

/** A configuration item as the scenario knows it; the Select row and the BatchGet item derive from it. */
export interface Item {
  resourceType: string;
  resourceId: string;
  resourceName?: string;
  awsRegion: string;
  arn?: string;
  configuration: Record<string, unknown>;
  supplementaryConfiguration: Record<string, unknown>;
  tags?: Record<string, string>;
  /** The Select row lacks supplementaryConfiguration: only BatchGet has the whole item. */
  partialRow?: boolean;
}

/** SelectResourceConfig row: a JSON string; configuration and supplementary values as objects (nested strings stay strings). */
export function selectRow(item: Item, accountId = ACCOUNT): string {
  return JSON.stringify({
    resourceId: item.resourceId,
    ...(item.resourceName ? { resourceName: item.resourceName } : {}),
    resourceType: item.resourceType,
    accountId,
    awsRegion: item.awsRegion,
    ...(item.arn ? { arn: item.arn } : {}),
    availabilityZone: item.awsRegion === 'global' ? 'Not Applicable' : 'Regional',
    resourceCreationTime: '2025-03-01T10:00:00.000Z',
    configurationItemCaptureTime: CAPTURED,
    configurationItemStatus: 'OK',
    tags: Object.entries(item.tags ?? {}).map(([key, value]) => ({ key, value })),
    configuration: item.configuration,
    ...(item.partialRow ? {} : { supplementaryConfiguration: item.supplementaryConfiguration }),
  });
}

/** BatchGetResourceConfig BaseConfigurationItem: configuration and each supplementary value as JSON strings, dates as Date. */
export function baseItem(item: Item, accountId = ACCOUNT): Record<string, unknown> {
  return {
    version: '1.3',
    accountId,
    configurationItemCaptureTime: new Date(CAPTURED),
    configurationItemStatus: 'OK',
    configurationStateId: '1763617200000',
    ...(item.arn ? { arn: item.arn } : {}),
    resourceType: item.resourceType,
    resourceId: item.resourceId,
    ...(item.resourceName ? { resourceName: item.resourceName } : {}),
    awsRegion: item.awsRegion,
    availabilityZone: 'Regional',
    resourceCreationTime: new Date('2025-03-01T10:00:00.000Z'),
    configuration: JSON.stringify(item.configuration),
    supplementaryConfiguration: Object.fromEntries(
      Object.entries(item.supplementaryConfiguration).map(([key, value]) => [key, JSON.stringify(value)]),
    ),
  };
}

export function bucket(
  name: string,
  region: string,
  options: { versioning?: 'Enabled' | 'Off'; partialRow?: boolean } = {},
): Item {
  const owner = { displayName: null, id: 'c0ffee0123456789abcdef0123456789abcdef0123456789abcdef0123456789' };
  return {
    resourceType: 'AWS::S3::Bucket',
    resourceId: name,
    resourceName: name,
    awsRegion: region,
    arn: `arn:aws:s3:::${name}`,
    configuration: { name, owner, creationDate: '2025-03-01T10:00:00.000Z' },
    supplementaryConfiguration: {
      AccessControlList: JSON.stringify({
        grantSet: null,
        grantList: [{ grantee: { id: owner.id, displayName: null }, permission: 'FullControl' }],
        owner,
        isRequesterCharged: false,
      }),
      BucketPolicy: { policyText: null },
      BucketVersioningConfiguration: { status: options.versioning ?? 'Enabled', isMfaDeleteEnabled: null },
      BucketLoggingConfiguration: { destinationBucketName: 'acme-access-logs', logFilePrefix: `${name}/` },
      BucketNotificationConfiguration: { configurations: {} },
      IsRequesterPaysEnabled: false,
      PublicAccessBlockConfiguration: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: true,
        restrictPublicBuckets: true,
      },
      ServerSideEncryptionConfiguration: {
        rules: [
          {
            applyServerSideEncryptionByDefault: { sseAlgorithm: 'AES256', kmsMasterKeyID: null },
            bucketKeyEnabled: false,
          },
        ],
      },
    },
    ...(options.partialRow ? { partialRow: true } : {}),
  };
}

/** A customer managed symmetric key; `rotation: undefined` leaves KeyRotationStatus out of the item. */
export function kmsKey(keyId: string, region: string, rotation?: boolean): Item {
  const arn = `arn:aws:kms:${region}:${ACCOUNT}:key/${keyId}`;
  return {
    resourceType: 'AWS::KMS::Key',
    resourceId: keyId,
    awsRegion: region,
    arn,
    configuration: {
      keyId,
      arn,
      enabled: true,
      keyUsage: 'ENCRYPT_DECRYPT',
      keyState: 'Enabled',
      origin: 'AWS_KMS',
      keyManager: 'CUSTOMER',
      customerMasterKeySpec: 'SYMMETRIC_DEFAULT',
      keySpec: 'SYMMETRIC_DEFAULT',
    },
    supplementaryConfiguration: {
      ...(rotation === undefined ? {} : { KeyRotationStatus: rotation }),
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Sid: 'Enable IAM User Permissions',
            Effect: 'Allow',
            Principal: { AWS: ROOT_ARN },
            Action: 'kms:*',
            Resource: '*',
          },
        ],
      }),
    },
  };
}

/** A DynamoDB table; its resource policy is not in the item (Config does not record it). */
export function dynamoTable(name: string, region: string, options: { partialRow?: boolean } = {}): Item {
  const arn = `arn:aws:dynamodb:${region}:${ACCOUNT}:table/${name}`;
  return {
    resourceType: 'AWS::DynamoDB::Table',
    resourceId: name,
    resourceName: name,
    awsRegion: region,
    arn,
    configuration: {
      tableName: name,
      tableArn: arn,
      tableStatus: 'ACTIVE',
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      billingModeSummary: { billingMode: 'PAY_PER_REQUEST' },
      deletionProtectionEnabled: true,
    },
    supplementaryConfiguration: {
      ContinuousBackupsDescription: {
        continuousBackupsStatus: 'ENABLED',
        pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'ENABLED' },
      },
    },
    ...(options.partialRow ? { partialRow: true } : {}),
  };
}

export function iamUser(name: string): Item {
  const arn = `arn:aws:iam::${ACCOUNT}:user/${name}`;
  return {
    resourceType: 'AWS::IAM::User',
    resourceId: `AIDA${name.toUpperCase().padEnd(17, 'X').slice(0, 17)}`,
    resourceName: name,
    awsRegion: 'global',
    arn,
    configuration: {
      path: '/',
      userName: name,
      userId: `AIDA${name}`,
      arn,
      createDate: '2025-03-01T10:00:00.000Z',
      userPolicyList: [],
      groupList: [],
      attachedManagedPolicies: [],
      permissionsBoundary: null,
      tags: [],
    },
    supplementaryConfiguration: {},
  };
}

export function trailItem(name: string, region: string): Item {
  const arn = `arn:aws:cloudtrail:${region}:${ACCOUNT}:trail/${name}`;
  return {
    resourceType: 'AWS::CloudTrail::Trail',
    resourceId: name,
    resourceName: name,
    awsRegion: region,
    arn,
    configuration: {
      name,
      s3BucketName: 'acme-trail-logs',
      isMultiRegionTrail: true,
      homeRegion: region,
      trailARN: arn,
      logFileValidationEnabled: true,
      includeGlobalServiceEvents: true,
      hasCustomEventSelectors: false,
      isOrganizationTrail: false,
    },
    supplementaryConfiguration: { Tags: [] },
  };
}

export type RecorderKind = 'global' | 'regional' | 'none' | 'stopped';

/** DescribeConfigurationRecorders as documented: camelCase inside, recordingGroup with its strategy. */
export function recorder(kind: RecorderKind, region: string) {
  if (kind === 'none') return { recorders: [], statuses: [] };
  const recorders = [
    {
      name: 'default',
      roleARN: `arn:aws:iam::${ACCOUNT}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
      recordingGroup: {
        allSupported: true,
        includeGlobalResourceTypes: kind === 'global',
        resourceTypes: [],
        exclusionByResourceTypes: { resourceTypes: [] },
        recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
      },
      recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
    },
  ];
  const statuses = [
    {
      name: 'default',
      lastStartTime: new Date('2025-01-10T09:00:00Z'),
      recording: kind !== 'stopped',
      lastStatus: 'SUCCESS',
      lastStatusChangeTime: new Date('2026-11-20T05:00:00Z'),
    },
  ];
  return { recorders, statuses, region };
}

export const CREDENTIAL_REPORT_CSV = [
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated',
  `<root_account>,${ROOT_ARN},2024-01-05T08:00:00+00:00,not_supported,2026-10-01T08:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
  `alice,arn:aws:iam::${ACCOUNT}:user/alice,2025-03-01T10:00:00+00:00,true,2026-11-19T08:00:00+00:00,2026-09-01T08:00:00+00:00,N/A,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`,
].join('\n');
