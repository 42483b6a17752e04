/**
 * Account-level facts that AWS Config does not record, in the project's own
 * recorded-inventory format, and their normalisation into an `AWS::::Account`
 * resource (the resource type Config itself uses for account-level results).
 *
 * Absent vs null, everywhere: a key that is absent was not collected; `null`
 * means AWS answered that there is none (e.g. `NoSuchEntity` for the password
 * policy). Controls turn absent into INSUFFICIENT_DATA and null into a verdict.
 */
import { InputParseError } from '../errors.js';
import type { Resource } from '../types.js';
import { describeType, isRecord, toIsoTime } from './decode.js';

export const ACCOUNT_RESOURCE_TYPE = 'AWS::::Account';

/** IAM `GetAccountPasswordPolicy` → `PasswordPolicy`, as AWS returns it. */
export interface PasswordPolicy {
  MinimumPasswordLength?: number;
  RequireSymbols?: boolean;
  RequireNumbers?: boolean;
  RequireUppercaseCharacters?: boolean;
  RequireLowercaseCharacters?: boolean;
  AllowUsersToChangePassword?: boolean;
  ExpirePasswords?: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
  HardExpiry?: boolean;
}

/** One row of the IAM credential report, keyed by the CSV's own column names. */
export type CredentialReportRow = Record<string, string>;

export interface CredentialReport {
  /** `GeneratedTime` of the report. */
  generatedTime: string;
  rows: CredentialReportRow[];
}

/** Facts per region. */
export interface RegionalFacts {
  /** `DescribeConfigurationRecorders` → `ConfigurationRecorders`. */
  configRecorders?: Record<string, unknown>[];
  /** `DescribeConfigurationRecorderStatus` → `ConfigurationRecordersStatus`. */
  configRecorderStatus?: Record<string, unknown>[];
  /** `DescribeDeliveryChannels` → `DeliveryChannels`. */
  deliveryChannels?: Record<string, unknown>[];
  /** GuardDuty detectors with their `Status` (`ENABLED` | `DISABLED`). */
  guardDutyDetectors?: { detectorId: string; status: string }[];
  /** `GetEbsEncryptionByDefault` → `EbsEncryptionByDefault`. */
  ebsEncryptionByDefault?: boolean;
  /** Security Hub `DescribeHub` succeeded (true) or said it is not subscribed (false). */
  securityHubEnabled?: boolean;
  /** KMS `GetKeyRotationStatus` per key id, for keys whose Config item lacks it. */
  kmsKeyRotation?: Record<string, boolean>;
}

/** A call that failed while collecting, kept as evidence of what is missing. */
export interface CollectionError {
  service: string;
  operation: string;
  region?: string;
  code: string;
  message: string;
  /** The IAM action that would have allowed the call, when the error is AccessDenied. */
  permission?: string;
}

export interface AccountFactsRecord {
  inventoryRecord: 'accountFacts';
  accountId: string;
  capturedAt: string;
  partition?: string;
  iam?: {
    /** `GetAccountSummary` → `SummaryMap`. */
    accountSummary?: Record<string, number>;
    passwordPolicy?: PasswordPolicy | null;
    /** The decoded report: parsed rows, or the raw CSV text in `csv`. */
    credentialReport?: CredentialReport | { generatedTime: string; csv: string };
    /** `ListVirtualMFADevices`: a root virtual device means root MFA is not hardware. */
    virtualMfaDevices?: { SerialNumber: string; User?: { Arn?: string } }[];
  };
  /**
   * What Config's `AWS::CloudTrail::Trail` item lacks, by trail ARN:
   * `GetTrailStatus` → `IsLogging`, `GetEventSelectors` → selectors.
   */
  cloudTrail?: Record<
    string,
    {
      isLogging?: boolean;
      eventSelectors?: Record<string, unknown>[];
      advancedEventSelectors?: Record<string, unknown>[];
    }
  >;
  s3?: {
    /** S3 Control `GetPublicAccessBlock`; null when the account has none. */
    accountPublicAccessBlock?: Record<string, boolean> | null;
  };
  regions?: Record<string, RegionalFacts>;
  collectionErrors?: CollectionError[];
}

/**
 * Parses the credential report CSV (`GetCredentialReport` → `Content`, base64
 * decoded). Its values never contain commas or quotes, but quoted fields are
 * handled anyway so that a hand-edited export still parses.
 */
export function parseCredentialReportCsv(csv: string): CredentialReportRow[] {
  const lines = csv.split(/\r?\n/).filter((line) => line.length > 0);
  const header = lines.shift();
  if (header === undefined) return [];
  const columns = splitCsvLine(header);
  return lines.map((line) => {
    const cells = splitCsvLine(line);
    const row: CredentialReportRow = {};
    columns.forEach((column, index) => {
      row[column] = cells[index] ?? '';
    });
    return row;
  });
}

function splitCsvLine(line: string): string[] {
  if (!line.includes('"')) return line.split(',');
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted && char === '"' && line[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

export function isAccountFactsRecord(value: unknown): value is AccountFactsRecord {
  return isRecord(value) && value.inventoryRecord === 'accountFacts';
}

/**
 * Turns an account-facts record into the `AWS::::Account` resource that
 * account-level controls evaluate.
 *
 * @example
 * const account = normaliseAccountFacts(record, 'inventory.ndjson:1');
 * account.configuration?.iam // { passwordPolicy: null, ... }
 */
export function normaliseAccountFacts(raw: unknown, where: string): Resource {
  if (!isAccountFactsRecord(raw))
    throw new InputParseError(`${where}: expected an accountFacts record, found ${describeType(raw)}`);
  if (typeof raw.accountId !== 'string' || !/^\d{12}$/.test(raw.accountId)) {
    throw new InputParseError(`${where}: accountFacts record needs a 12-digit accountId`);
  }
  const iam = isRecord(raw.iam) ? { ...raw.iam } : undefined;
  const report = iam?.credentialReport;
  if (iam && isRecord(report) && 'csv' in report && typeof report.csv === 'string') {
    iam.credentialReport = { generatedTime: report.generatedTime, rows: parseCredentialReportCsv(report.csv) };
  }
  const configuration: Record<string, unknown> = {};
  if (iam) configuration.iam = iam;
  if (isRecord(raw.s3)) configuration.s3 = raw.s3;
  if (isRecord(raw.cloudTrail)) configuration.cloudTrail = raw.cloudTrail;
  if (isRecord(raw.regions)) configuration.regions = raw.regions;
  configuration.collectionErrors = Array.isArray(raw.collectionErrors) ? raw.collectionErrors : [];
  return {
    resourceType: ACCOUNT_RESOURCE_TYPE,
    resourceId: raw.accountId,
    resourceName: null,
    arn: `arn:${raw.partition ?? 'aws'}:iam::${raw.accountId}:root`,
    accountId: raw.accountId,
    region: 'global',
    availabilityZone: null,
    captureTime: toIsoTime(raw.capturedAt),
    status: 'OK',
    tags: {},
    configuration,
    supplementary: {},
    relationships: [],
    source: 'account-facts',
    decodeErrors: [],
  };
}

/**
 * The account resource used when an input has Config items but no account
 * facts (a plain Config snapshot): account-level controls then say what was
 * not collected instead of passing or vanishing.
 */
export function emptyAccountResource(accountId: string): Resource {
  return normaliseAccountFacts(
    { inventoryRecord: 'accountFacts', accountId, capturedAt: '', collectionErrors: [] },
    'synthetic',
  );
}
