/**
 * The account-level facts AWS Config does not record, in the project's
 * `accountFacts` record: IAM's account summary, password policy, credential
 * report (as the CSV text IAM returns) and virtual MFA devices, the S3
 * account-level Block Public Access, trail status and selectors, and per
 * region the Config recorder, GuardDuty, EBS default encryption, Security
 * Hub and KMS rotation status.
 */
import type { AccountFactsRecord, PasswordPolicy, RegionalFacts } from '../../engine/normalize/account-facts.js';

/** The columns of IAM's credential report, in AWS's order. */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

/** The report writes `2026-09-30T08:12:44+00:00`: seconds, no milliseconds, a numeric offset. */
export const reportTime = (iso: string): string => `${iso.slice(0, 19)}+00:00`;

export interface AccessKeyUse {
  active: boolean;
  rotated: string;
  /** When, where and with which service the key was last used; absent: never used. */
  used?: { at: string; region: string; service: string };
}

export interface ReportUser {
  name: string;
  arn: string;
  createdAt: string;
  /** Console password: when it was set and last used (`no_information`: never used). */
  password?: { changedAt: string; lastUsed: string | 'no_information' };
  mfa: boolean;
  keys?: AccessKeyUse[];
}

/** The five cells of one access-key slot. */
function keyCells(key: AccessKeyUse | undefined): string[] {
  if (!key) return ['false', 'N/A', 'N/A', 'N/A', 'N/A'];
  const used = key.used;
  return [
    String(key.active),
    reportTime(key.rotated),
    used ? reportTime(used.at) : 'N/A',
    used ? used.region : 'N/A',
    used ? used.service : 'N/A',
  ];
}

/**
 * The credential report CSV: a header row, the root row, then one row per
 * user. `maxPasswordAge` fills `password_next_rotation` as IAM does when the
 * password policy expires passwords.
 */
export function credentialReportCsv(
  root: { arn: string; createdAt: string; passwordLastUsed: string; mfa: boolean },
  users: ReportUser[],
  maxPasswordAge?: number,
): string {
  const rootRow = [
    '<root_account>',
    root.arn,
    reportTime(root.createdAt),
    'not_supported',
    reportTime(root.passwordLastUsed),
    'not_supported',
    'not_supported',
    String(root.mfa),
    ...keyCells(undefined),
    ...keyCells(undefined),
    'false',
    'N/A',
    'false',
    'N/A',
  ];
  const rows = users.map((user) => {
    const password = user.password;
    const nextRotation =
      password && maxPasswordAge
        ? reportTime(new Date(Date.parse(password.changedAt) + maxPasswordAge * 86_400_000).toISOString())
        : 'N/A';
    return [
      user.name,
      user.arn,
      reportTime(user.createdAt),
      String(password !== undefined),
      password ? (password.lastUsed === 'no_information' ? 'no_information' : reportTime(password.lastUsed)) : 'N/A',
      password ? reportTime(password.changedAt) : 'N/A',
      nextRotation,
      String(user.mfa),
      ...keyCells(user.keys?.[0]),
      ...keyCells(user.keys?.[1]),
      'false',
      'N/A',
      'false',
      'N/A',
    ];
  });
  return `${[CREDENTIAL_REPORT_COLUMNS.join(','), rootRow.join(','), ...rows.map((row) => row.join(','))].join('\n')}\n`;
}

/** A region where AWS Config records everything, delivers to S3 and SNS, and GuardDuty runs. */
export function regionFacts(
  accountId: string,
  region: string,
  options: {
    recorderStartedAt: string;
    guardDuty: boolean;
    ebsEncryptionByDefault: boolean;
    securityHub: boolean;
    kmsKeyRotation?: Record<string, boolean>;
  },
): RegionalFacts {
  return {
    configRecorders: [
      {
        name: 'default',
        roleARN: `arn:aws:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`,
        recordingGroup: {
          allSupported: true,
          includeGlobalResourceTypes: region === 'us-east-1',
          resourceTypes: [],
          exclusionByResourceTypes: { resourceTypes: [] },
          recordingStrategy: { useOnly: 'ALL_SUPPORTED_RESOURCE_TYPES' },
        },
        recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
      },
    ],
    configRecorderStatus: [
      {
        name: 'default',
        lastStartTime: options.recorderStartedAt,
        recording: true,
        lastStatus: 'SUCCESS',
        lastStatusChangeTime: '2026-11-20T05:47:12.000Z',
      },
    ],
    deliveryChannels: [
      {
        name: 'default',
        s3BucketName: `nwh-config-snapshots-${accountId}`,
        snsTopicARN: `arn:aws:sns:${region}:${accountId}:config-notifications`,
        configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
      },
    ],
    guardDutyDetectors: [
      {
        detectorId: `${region === 'us-east-1' ? '6ec' : '2fa'}c1a9b3e5d7f9a1b3c5d7e9f1a3b5c7d`,
        status: options.guardDuty ? 'ENABLED' : 'DISABLED',
      },
    ],
    ebsEncryptionByDefault: options.ebsEncryptionByDefault,
    securityHubEnabled: options.securityHub,
    ...(options.kmsKeyRotation ? { kmsKeyRotation: options.kmsKeyRotation } : {}),
  };
}

export interface AccountFactsSpec {
  accountId: string;
  capturedAt: string;
  summary: Record<string, number>;
  passwordPolicy: PasswordPolicy | null;
  credentialReport: { generatedTime: string; csv: string };
  rootVirtualMfa: boolean;
  /** S3 Control `GetPublicAccessBlock`; null when the account has none. */
  accountPublicAccessBlock: Record<string, boolean> | null;
  trails: NonNullable<AccountFactsRecord['cloudTrail']>;
  regions: Record<string, RegionalFacts>;
}

export function accountFacts(spec: AccountFactsSpec): AccountFactsRecord {
  return {
    inventoryRecord: 'accountFacts',
    accountId: spec.accountId,
    capturedAt: spec.capturedAt,
    partition: 'aws',
    iam: {
      accountSummary: spec.summary,
      passwordPolicy: spec.passwordPolicy,
      credentialReport: spec.credentialReport,
      virtualMfaDevices: spec.rootVirtualMfa
        ? [
            {
              SerialNumber: `arn:aws:iam::${spec.accountId}:mfa/root-account-mfa-device`,
              User: { Arn: `arn:aws:iam::${spec.accountId}:root` },
            },
          ]
        : [],
    },
    s3: { accountPublicAccessBlock: spec.accountPublicAccessBlock },
    cloudTrail: spec.trails,
    regions: spec.regions,
    collectionErrors: [],
  };
}
