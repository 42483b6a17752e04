/**
 * The production account's facts that AWS Config does not record: IAM's
 * summary, password policy, credential report and root MFA device, S3
 * account-level Block Public Access, trail status and selectors, and the
 * per-region Config, GuardDuty, EBS, Security Hub and KMS facts.
 */
import type { AccountFactsRecord } from '../../engine/normalize/account-facts.js';
import { accountFacts, credentialReportCsv, regionFacts } from '../builders/account-facts.js';
import { daysAgo, type Scope } from '../builders/ci.js';
import { iamRef } from '../builders/iam.js';
import { trailArn } from '../builders/logging-edge.js';
import { PROD } from './accounts.js';
import type { Keys } from './keys.js';

export function buildAccountFacts(east: Scope, eu: Scope, keys: Keys): AccountFactsRecord {
  const logsKey = keys.logs;
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
    {
      arn: `arn:aws:iam::${PROD}:root`,
      createdAt: '2019-03-04T17:21:09.000Z',
      passwordLastUsed: daysAgo(18.3),
      mfa: true,
    },
    [
      {
        name: 'alice.nguyen',
        arn: userArn('alice.nguyen'),
        createdAt: '2023-05-02T08:30:00.000Z',
        password: { changedAt: daysAgo(41.2), lastUsed: daysAgo(0.4) },
        mfa: true,
        keys: [
          { active: true, rotated: daysAgo(38.5), used: { at: daysAgo(0.6), region: 'us-east-1', service: 's3' } },
        ],
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
        keys: [
          {
            active: true,
            rotated: '2024-02-12T10:02:41.000Z',
            used: { at: daysAgo(0.2), region: 'eu-west-1', service: 's3' },
          },
        ],
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
  return accountFacts({
    accountId: PROD,
    capturedAt: '2026-11-20T06:11:27.000Z',
    summary: {
      Users: 7,
      UsersQuota: 5000,
      Groups: 3,
      GroupsQuota: 300,
      Roles: 12,
      RolesQuota: 1000,
      Policies: 6,
      PoliciesQuota: 1500,
      PolicySizeQuota: 6144,
      PolicyVersionsInUse: 7,
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
    accountPublicAccessBlock: {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: false,
      RestrictPublicBuckets: false,
    },
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
        eventSelectors: [
          {
            ReadWriteType: 'WriteOnly',
            IncludeManagementEvents: true,
            DataResources: [],
            ExcludeManagementEventSources: [],
          },
        ],
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
}
