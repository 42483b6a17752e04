/**
 * A small, well-described account for the collector tests, wired into a
 * MockAccount: per region a Config recorder and an inventory, and the facts
 * of IAM, S3, GuardDuty, Security Hub, EBS, CloudTrail and KMS, and DynamoDB
 * tables without a resource policy. Each test
 * starts from `wellRunAccount()` and changes what it is about.
 */
import { randomUUID } from 'node:crypto';
import {
  baseItem,
  bucket,
  CREDENTIAL_REPORT_CSV,
  type Item,
  iamUser,
  kmsKey,
  type RecorderKind,
  recorder,
  selectRow,
  trailItem,
} from './items.js';
import { ACCOUNT, awsError, MockAccount } from './mock-account.js';

export * from './items.js';

export interface RegionSetup {
  recorder: RecorderKind;
  items: Item[];
  securityHub?: boolean;
}

/** Expression types: the quoted names inside `resourceType IN (...)`. */
const typesIn = (expression: string): Set<string> =>
  new Set(
    [...(/resourceType IN \(([^)]*)\)/.exec(expression)?.[1] ?? '').matchAll(/'([^']+)'/g)].map(
      (match) => match[1] ?? '',
    ),
  );

/**
 * Wires Config's inventory: Select pages (`pageSize` rows, NextToken an
 * opaque token), BatchGet from the full items, and the recorders.
 */
export function wireConfig(account: MockAccount, regions: Record<string, RegionSetup>, pageSize = 100): void {
  const tokens = new Map<string, number>();
  // Rows are built once per region and query: the bench pages through 20,000 of them.
  const rowsFor = new Map<string, string[]>();
  account
    .on('DescribeConfigurationRecorders', (_input, region) => ({
      ConfigurationRecorders: recorder(regions[region]?.recorder ?? 'none', region).recorders,
    }))
    .on('DescribeConfigurationRecorderStatus', (_input, region) => ({
      ConfigurationRecordersStatus: recorder(regions[region]?.recorder ?? 'none', region).statuses,
    }))
    .on('DescribeDeliveryChannels', (_input, region) =>
      regions[region]?.recorder === 'none'
        ? { DeliveryChannels: [] }
        : { DeliveryChannels: [{ name: 'default', s3BucketName: 'acme-config-history' }] },
    )
    .on('SelectResourceConfig', (input, region) => {
      const key = `${region}|${String(input.Expression)}`;
      let rows = rowsFor.get(key);
      if (!rows) {
        const wanted = typesIn(String(input.Expression));
        rows = (regions[region]?.items ?? [])
          .filter((item) => wanted.has(item.resourceType))
          .map((item) => selectRow(item));
        rowsFor.set(key, rows);
      }
      const start = typeof input.NextToken === 'string' ? (tokens.get(input.NextToken) ?? 0) : 0;
      const end = start + Math.min(pageSize, Number(input.Limit ?? 100));
      let NextToken: string | undefined;
      if (end < rows.length) {
        NextToken = randomUUID();
        tokens.set(NextToken, end);
      }
      return {
        Results: rows.slice(start, end),
        QueryInfo: { SelectFields: [{ Name: 'resourceId' }] },
        ...(NextToken ? { NextToken } : {}),
      };
    })
    .on('BatchGetResourceConfig', (input, region) => {
      const keys = input.resourceKeys as { resourceType: string; resourceId: string }[];
      const items = new Map(
        (regions[region]?.items ?? []).map((item) => [`${item.resourceType}|${item.resourceId}`, item]),
      );
      return {
        baseConfigurationItems: keys
          .map((key) => items.get(`${key.resourceType}|${key.resourceId}`))
          .filter((item): item is Item => item !== undefined)
          .map((item) => baseItem(item)),
        unprocessedResourceKeys: [],
      };
    });
}

/**
 * A well-run two-region account: Config records everything (IAM in
 * us-east-1), GuardDuty and EBS encryption on, one multi-region trail,
 * strong IAM settings, the account S3 block on.
 */
export function wellRunAccount(overrides: Partial<Record<string, RegionSetup>> = {}): {
  account: MockAccount;
  regions: Record<string, RegionSetup>;
} {
  const regions: Record<string, RegionSetup> = {
    'us-east-1': {
      recorder: 'global',
      items: [
        bucket('acme-invoices', 'us-east-1'),
        iamUser('alice'),
        kmsKey('1f0c1a0e-0000-4000-8000-000000000001', 'us-east-1', true),
        trailItem('org-trail', 'us-east-1'),
      ],
      securityHub: true,
    },
    'eu-west-1': {
      recorder: 'regional',
      items: [
        bucket('acme-eu-archive', 'eu-west-1', { versioning: 'Off', partialRow: true }),
        kmsKey('2f0c1a0e-0000-4000-8000-000000000002', 'eu-west-1'),
      ],
      securityHub: true,
    },
  };
  for (const [region, setup] of Object.entries(overrides)) if (setup) regions[region] = setup;
  const account = new MockAccount();
  wireConfig(account, regions);
  const trailArn = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/org-trail`;
  account
    .on('GetCallerIdentity', () => ({
      Account: ACCOUNT,
      Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/auditor/run`,
      UserId: 'AROAEXAMPLE:run',
    }))
    .on('DescribeRegions', () => ({
      Regions: Object.keys(regions).map((name) => ({
        RegionName: name,
        Endpoint: `ec2.${name}.amazonaws.com`,
        OptInStatus: 'opt-in-not-required',
      })),
    }))
    .on('GetAccountSummary', () => ({
      SummaryMap: { AccountMFAEnabled: 1, AccountAccessKeysPresent: 0, Users: 1, MFADevices: 1 },
    }))
    .on('GetAccountPasswordPolicy', () => ({
      PasswordPolicy: {
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
      },
    }))
    .on('GenerateCredentialReport', () => ({
      State: 'COMPLETE',
      Description: 'No report exists. Starting a new report generation task',
    }))
    .on('GetCredentialReport', () => ({
      Content: new TextEncoder().encode(CREDENTIAL_REPORT_CSV),
      ReportFormat: 'text/csv',
      GeneratedTime: new Date('2026-11-20T05:30:00Z'),
    }))
    .on('ListVirtualMFADevices', () => ({
      VirtualMFADevices: [
        {
          SerialNumber: `arn:aws:iam::${ACCOUNT}:mfa/alice`,
          User: {
            UserName: 'alice',
            UserId: 'AIDAALICE',
            Arn: `arn:aws:iam::${ACCOUNT}:user/alice`,
            Path: '/',
            CreateDate: new Date('2025-03-01T10:00:00Z'),
          },
          EnableDate: new Date('2025-03-02T10:00:00Z'),
        },
      ],
      IsTruncated: false,
    }))
    .on('GetPublicAccessBlock', (input) => {
      // S3 Control (AccountId) answers the account block; S3 (Bucket) the bucket's.
      if ('AccountId' in input)
        return {
          PublicAccessBlockConfiguration: {
            BlockPublicAcls: true,
            IgnorePublicAcls: true,
            BlockPublicPolicy: true,
            RestrictPublicBuckets: true,
          },
        };
      throw awsError(
        's3',
        'NoSuchPublicAccessBlockConfiguration',
        'The public access block configuration was not found',
        404,
      );
    })
    .on('ListDetectors', () => ({ DetectorIds: ['12abc34d567e8fa901bc2d34e56789f0'] }))
    .on('GetDetector', () => ({
      Status: 'ENABLED',
      ServiceRole:
        'arn:aws:iam::111122223333:role/aws-service-role/guardduty.amazonaws.com/AWSServiceRoleForAmazonGuardDuty',
      FindingPublishingFrequency: 'SIX_HOURS',
      CreatedAt: '2025-01-10T09:00:00.000Z',
      UpdatedAt: '2025-01-10T09:00:00.000Z',
    }))
    .on('DescribeHub', (_input, region) => {
      if (regions[region]?.securityHub === false)
        throw Object.assign(new Error(`Account ${ACCOUNT} is not subscribed to AWS Security Hub`), {
          name: 'InvalidAccessException',
          $metadata: { httpStatusCode: 401 },
        });
      return {
        HubArn: `arn:aws:securityhub:${region}:${ACCOUNT}:hub/default`,
        SubscribedAt: '2025-01-10T09:00:00.000Z',
        AutoEnableControls: true,
      };
    })
    .on('GetEbsEncryptionByDefault', () => ({ EbsEncryptionByDefault: true, SseType: 'sse-ebs' }))
    .on('DescribeTrails', () => ({
      trailList: [
        {
          Name: 'org-trail',
          S3BucketName: 'acme-trail-logs',
          IncludeGlobalServiceEvents: true,
          IsMultiRegionTrail: true,
          HomeRegion: 'us-east-1',
          TrailARN: trailArn,
          LogFileValidationEnabled: true,
          HasCustomEventSelectors: false,
          IsOrganizationTrail: false,
        },
      ],
    }))
    .on('GetTrailStatus', () => ({
      IsLogging: true,
      LatestDeliveryTime: new Date('2026-11-20T05:35:00Z'),
      StartLoggingTime: new Date('2025-01-10T09:00:00Z'),
    }))
    .on('GetEventSelectors', () => ({
      TrailARN: trailArn,
      EventSelectors: [
        { ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] },
      ],
    }))
    .on('GetKeyRotationStatus', () => ({ KeyRotationEnabled: true, RotationPeriodInDays: 365 }))
    .on('GetResourcePolicy', () => {
      throw awsError(
        'dynamodb',
        'PolicyNotFoundException',
        'Resource-based policy not found for the provided ResourceArn',
      );
    });
  return { account, regions };
}

/**
 * The service APIs the collector falls back to where Config does not record:
 * S3 (one bucket in us-east-1, one in us-west-2 whose listing lacks
 * BucketRegion, as S3-compatible endpoints answer) and IAM's
 * GetAccountAuthorizationDetails (documents URL-encoded, as IAM returns them).
 */
export function wireServiceApis(account: MockAccount): void {
  const created = new Date('2025-06-01T12:00:00Z');
  const trust = encodeURIComponent(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    }),
  );
  const readLogs = encodeURIComponent(
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['logs:GetLogEvents'], Resource: '*' }],
    }),
  );
  account
    .on('ListBuckets', () => ({
      Buckets: [
        { Name: 'acme-invoices', CreationDate: created, BucketRegion: 'us-east-1' },
        { Name: 'acme-west-media', CreationDate: created },
      ],
      Owner: { ID: 'c0ffee0123456789abcdef0123456789abcdef0123456789abcdef0123456789' },
    }))
    .on('GetBucketLocation', () => ({ LocationConstraint: 'us-west-2' }))
    .on('GetBucketPolicy', () => ({
      Policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          { Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::acme-west-media/*' },
        ],
      }),
    }))
    .on('GetBucketAcl', () => ({
      Owner: { ID: 'c0ffee01' },
      Grants: [{ Grantee: { Type: 'CanonicalUser', ID: 'c0ffee01' }, Permission: 'FULL_CONTROL' }],
    }))
    .on('GetBucketEncryption', () => ({
      ServerSideEncryptionConfiguration: {
        Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }],
      },
    }))
    .on('GetBucketVersioning', () => ({ Status: 'Suspended' }))
    .on('GetBucketLogging', () => ({}))
    .on('GetBucketTagging', () => ({ TagSet: [{ Key: 'team', Value: 'media' }] }))
    .on('GetObjectLockConfiguration', () => {
      throw awsError(
        's3',
        'ObjectLockConfigurationNotFoundError',
        'Object Lock configuration does not exist for this bucket',
        404,
      );
    })
    .on('GetAccountAuthorizationDetails', () => ({
      UserDetailList: [
        {
          Path: '/',
          UserName: 'bob',
          UserId: 'AIDABOBEXAMPLE000001',
          Arn: `arn:aws:iam::${ACCOUNT}:user/bob`,
          CreateDate: created,
          UserPolicyList: [],
          GroupList: ['readers'],
          AttachedManagedPolicies: [
            { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
          ],
          Tags: [],
        },
      ],
      GroupDetailList: [
        {
          Path: '/',
          GroupName: 'readers',
          GroupId: 'AGPAREADERS000000001',
          Arn: `arn:aws:iam::${ACCOUNT}:group/readers`,
          CreateDate: created,
          GroupPolicyList: [],
          AttachedManagedPolicies: [{ PolicyName: 'read-logs', PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/read-logs` }],
        },
      ],
      RoleDetailList: [
        {
          Path: '/',
          RoleName: 'report-builder',
          RoleId: 'AROAREPORTBUILDER001',
          Arn: `arn:aws:iam::${ACCOUNT}:role/report-builder`,
          CreateDate: created,
          AssumeRolePolicyDocument: trust,
          InstanceProfileList: [],
          RolePolicyList: [{ PolicyName: 'logs', PolicyDocument: readLogs }],
          AttachedManagedPolicies: [],
          Tags: [{ Key: 'team', Value: 'finance' }],
          RoleLastUsed: { LastUsedDate: new Date('2026-11-19T08:00:00Z'), Region: 'us-east-1' },
        },
      ],
      Policies: [
        {
          PolicyName: 'read-logs',
          PolicyId: 'ANPAREADLOGS00000001',
          Arn: `arn:aws:iam::${ACCOUNT}:policy/read-logs`,
          Path: '/',
          DefaultVersionId: 'v1',
          AttachmentCount: 1,
          PermissionsBoundaryUsageCount: 0,
          IsAttachable: true,
          CreateDate: created,
          UpdateDate: created,
          PolicyVersionList: [{ Document: readLogs, VersionId: 'v1', IsDefaultVersion: true, CreateDate: created }],
        },
      ],
      IsTruncated: false,
    }));
}
