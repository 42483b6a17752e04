/**
 * Reading the IAM credential report that the `AWS::::Account` resource
 * carries (`configuration.iam.credentialReport`). AWS Config records no
 * passwords, MFA devices or access keys for `AWS::IAM::User`, so every
 * credential control reads them here.
 *
 * The report's cells are strings: `true`/`false`, ISO-8601 times, and the
 * markers `N/A` (no such credential), `no_information` (never used, or used
 * only before AWS began tracking in 2014/2015) and `not_supported` (the root
 * row's password columns).
 */
import { type CredentialReportRow, parseCredentialReportCsv } from '../normalize/account-facts.js';
import { isRecord } from '../normalize/decode.js';
import type { Resource, Verdict } from '../types.js';
import { collectionErrorsFor } from './account-facts.js';
import { readBoolean, readNumber, readText } from './config-fields.js';
import { insufficientData } from './verdict.js';

export const ROOT_ROW_USER = '<root_account>';

export interface CredentialReport {
  generatedTime: string | null;
  rows: CredentialReportRow[];
}

export type CredentialReportRead =
  | { ok: true; report: CredentialReport }
  | { ok: false; reason: 'no-account-facts' | 'not-collected' | 'malformed'; detail: string };

/**
 * The credential report of an account resource, or why there is none.
 *
 * @example
 * const read = readCredentialReport(context.account(user.accountId));
 * if (read.ok) findUserRow(read.report, { arn: user.arn, userName: 'alice' });
 */
export function readCredentialReport(account: Resource | undefined): CredentialReportRead {
  if (!account) return { ok: false, reason: 'no-account-facts', detail: 'no account facts were collected' };
  // Every IAM user's controls read the same report: build it once per account resource.
  let read = reportsByAccount.get(account);
  if (!read) {
    read = buildCredentialReport(account);
    reportsByAccount.set(account, read);
  }
  return read;
}

const reportsByAccount = new WeakMap<Resource, CredentialReportRead>();

function buildCredentialReport(account: Resource): CredentialReportRead {
  const iam = account.configuration?.iam;
  const report = isRecord(iam) ? iam.credentialReport : undefined;
  if (report === undefined || report === null) {
    return { ok: false, reason: 'not-collected', detail: 'the IAM credential report was not collected' };
  }
  if (!isRecord(report))
    return { ok: false, reason: 'malformed', detail: 'the IAM credential report is not an object' };
  // The normaliser turns `csv` into `rows`; a resource built elsewhere may still carry the CSV.
  const rawRows = Array.isArray(report.rows)
    ? report.rows
    : typeof report.csv === 'string'
      ? parseCredentialReportCsv(report.csv)
      : null;
  if (rawRows === null) return { ok: false, reason: 'malformed', detail: 'the IAM credential report has no rows' };
  const rows = rawRows.filter(isRecord).map((row) => {
    const cells: CredentialReportRow = {};
    for (const [column, value] of Object.entries(row))
      cells[column] = typeof value === 'string' ? value : String(value);
    return cells;
  });
  const generatedTime = typeof report.generatedTime === 'string' && report.generatedTime ? report.generatedTime : null;
  return { ok: true, report: { generatedTime, rows } };
}

/**
 * A user's row: matched by ARN first (a user deleted and re-created under the
 * same name keeps its ARN but not its history), then by user name.
 *
 * @example
 * findUserRow(report, { arn: 'arn:aws:iam::111122223333:user/alice', userName: 'alice' })?.mfa_active // 'true'
 */
export function findUserRow(
  report: CredentialReport,
  user: { arn: string | null; userName: string | null },
): CredentialReportRow | undefined {
  const index = indexOf(report);
  if (user.arn) {
    const byArn = index.byArn.get(user.arn);
    if (byArn) return byArn;
  }
  if (!user.userName) return undefined;
  const byName = index.byUser.get(user.userName) ?? [];
  // Two rows with one name and neither ARN matching: we cannot tell which is this user.
  return byName.length === 1 ? byName[0] : undefined;
}

interface RowIndex {
  byArn: Map<string, CredentialReportRow>;
  byUser: Map<string, CredentialReportRow[]>;
}

const rowIndexes = new WeakMap<CredentialReport, RowIndex>();

/** Rows by ARN and by user name, built once per report: a report can hold thousands of users. */
function indexOf(report: CredentialReport): RowIndex {
  let index = rowIndexes.get(report);
  if (!index) {
    index = { byArn: new Map(), byUser: new Map() };
    for (const row of report.rows) {
      if (row.arn && !index.byArn.has(row.arn)) index.byArn.set(row.arn, row);
      if (row.user !== undefined) index.byUser.set(row.user, [...(index.byUser.get(row.user) ?? []), row]);
    }
    rowIndexes.set(report, index);
  }
  return index;
}

/**
 * The root user's row (`<root_account>`).
 *
 * @example
 * findRootRow(report)?.mfa_active // 'true'
 */
export function findRootRow(report: CredentialReport): CredentialReportRow | undefined {
  return report.rows.find((row) => row.user === ROOT_ROW_USER);
}

/**
 * A `true`/`false` cell, in any case; null for `N/A`, `not_supported`, an
 * absent column or anything else.
 *
 * @example
 * reportBoolean({ mfa_active: 'TRUE' }, 'mfa_active') // true
 */
export function reportBoolean(row: CredentialReportRow, column: string): boolean | null {
  return readBoolean(row[column]);
}

export type ReportDate =
  | { kind: 'date'; date: Date; iso: string }
  | { kind: 'N/A' }
  | { kind: 'no_information' }
  | { kind: 'not_supported' }
  | { kind: 'missing' }
  | { kind: 'invalid'; raw: string };

/**
 * A date cell with its marker kept: a control must tell "never used" from
 * "no such credential" from "column not in the report".
 *
 * @example
 * reportDate({ password_last_used: 'no_information' }, 'password_last_used') // { kind: 'no_information' }
 */
export function reportDate(row: CredentialReportRow, column: string): ReportDate {
  const raw = row[column]?.trim();
  if (raw === undefined || raw === '') return { kind: 'missing' };
  const marker = raw.toLowerCase();
  if (marker === 'n/a') return { kind: 'N/A' };
  if (marker === 'no_information') return { kind: 'no_information' };
  if (marker === 'not_supported') return { kind: 'not_supported' };
  // The report writes `2026-09-30T08:12:44+00:00`; Date.parse reads the offset.
  const time = /^\d{4}-\d{2}-\d{2}/.test(raw) ? Date.parse(raw) : Number.NaN;
  if (Number.isNaN(time)) return { kind: 'invalid', raw };
  const date = new Date(time);
  return { kind: 'date', date, iso: date.toISOString() };
}

/**
 * How a date cell reads in `observed`: the ISO time or the marker.
 *
 * @example
 * describeReportDate(reportDate(row, 'access_key_1_last_used_date')) // 'N/A'
 */
export function describeReportDate(value: ReportDate): string | null {
  switch (value.kind) {
    case 'date':
      return value.iso;
    case 'invalid':
      return value.raw;
    case 'missing':
      return null;
    default:
      return value.kind;
  }
}

export interface AccessKeySlot {
  /** 1 or 2: the report has exactly two key slots per user. */
  slot: 1 | 2;
  /** null when the cell is not `true`/`false`. */
  active: boolean | null;
  lastRotated: ReportDate;
  lastUsed: ReportDate;
}

/**
 * Both access-key slots of a row.
 *
 * @example
 * accessKeySlots(row).filter((key) => key.active === true)
 */
export function accessKeySlots(row: CredentialReportRow): AccessKeySlot[] {
  return ([1, 2] as const).map((slot) => ({
    slot,
    active: reportBoolean(row, `access_key_${slot}_active`),
    lastRotated: reportDate(row, `access_key_${slot}_last_rotated`),
    lastUsed: reportDate(row, `access_key_${slot}_last_used_date`),
  }));
}

const DAY_MS = 86_400_000;

/**
 * Whole days from `from` to `to`, never negative (a report newer than the
 * evaluated instant must not produce negative ages).
 *
 * @example
 * daysBetween(new Date('2026-01-01'), new Date('2026-03-02')) // 60
 */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

/**
 * The user name of an `AWS::IAM::User` resource: configuration first, then the item's name.
 *
 * @example
 * userNameOf(user) // 'priya.natarajan'
 */
export function userNameOf(user: Resource): string | null {
  return readText(user.configuration?.userName) ?? user.resourceName;
}

/**
 * The ARN of an `AWS::IAM::User` resource: the item's, else the configuration's.
 *
 * @example
 * userArnOf(user) // 'arn:aws:iam::111122223333:user/priya.natarajan'
 */
export function userArnOf(user: Resource): string | null {
  return user.arn || readText(user.configuration?.arn);
}

export type UserRowLookup =
  | { ok: true; row: CredentialReportRow; report: CredentialReport }
  | { ok: false; reason: string; observed: Record<string, unknown> };

/**
 * The credential-report row of an IAM user resource, with a ready reason
 * (naming what is missing) when there is none.
 *
 * @example
 * const found = userReportRow(user, context.account(user.accountId), 'alice');
 * if (!found.ok) return insufficientData(found.reason, found.observed);
 */
export function userReportRow(user: Resource, account: Resource | undefined, name: string): UserRowLookup {
  const read = readCredentialReport(account);
  if (!read.ok) {
    return {
      ok: false,
      reason: `IAM user ${name} cannot be judged: ${read.detail} for account ${user.accountId}.`,
      observed: { credentialReport: read.reason },
    };
  }
  const row = findUserRow(read.report, { arn: userArnOf(user), userName: userNameOf(user) });
  if (!row) {
    return {
      ok: false,
      reason: `IAM user ${name} is not in the credential report generated at ${read.report.generatedTime ?? 'an unknown time'}.`,
      observed: { credentialReportGeneratedTime: read.report.generatedTime },
    };
  }
  return { ok: true, row, report: read.report };
}

/** `GetAccountSummary` values arrive as numbers; a hand-made or re-serialised record may hold "1". */
const summaryFlag = (value: unknown): 0 | 1 | null => {
  const number = readNumber(value);
  if (number === null) return null;
  return number > 0 ? 1 : 0;
};

export interface RootFact {
  /** null when neither the account summary nor the report's root row says. */
  value: boolean | null;
  /** Which source decided: the live account summary wins over the (cached, up to 4 h old) report. */
  source: 'account summary' | 'credential report' | null;
  summary: number | null;
  report: boolean | null;
}

export interface RootCredentialFacts {
  mfaEnabled: RootFact;
  accessKeysPresent: RootFact;
}

/**
 * The root user's MFA and access-key state, from `GetAccountSummary`
 * (`AccountMFAEnabled`, `AccountAccessKeysPresent`) and, when the summary
 * was not collected, from the credential report's `<root_account>` row.
 *
 * @example
 * rootCredentialFacts(account).mfaEnabled // { value: true, source: 'account summary', summary: 1, report: true }
 */
export function rootCredentialFacts(account: Resource): RootCredentialFacts {
  const iam = account.configuration?.iam;
  const summary = isRecord(iam) && isRecord(iam.accountSummary) ? iam.accountSummary : undefined;
  const read = readCredentialReport(account);
  const root = read.ok ? findRootRow(read.report) : undefined;
  const keyCells = root ? [reportBoolean(root, 'access_key_1_active'), reportBoolean(root, 'access_key_2_active')] : [];
  const reportKeys = keyCells.includes(true)
    ? true
    : keyCells.length > 0 && keyCells.every((cell) => cell === false)
      ? false
      : null;
  const fact = (summaryValue: 0 | 1 | null, reportValue: boolean | null): RootFact => ({
    value: summaryValue !== null ? summaryValue === 1 : reportValue,
    source: summaryValue !== null ? 'account summary' : reportValue !== null ? 'credential report' : null,
    summary: summaryValue,
    report: reportValue,
  });
  return {
    mfaEnabled: fact(summaryFlag(summary?.AccountMFAEnabled), root ? reportBoolean(root, 'mfa_active') : null),
    accessKeysPresent: fact(summaryFlag(summary?.AccountAccessKeysPresent), reportKeys),
  };
}

/**
 * The verdict when a root credential fact is unknown: neither the account
 * summary nor the credential report's root row was collected. `unknown`
 * says what is unknown; the evidence gains the collection errors of both
 * operations.
 *
 * @example
 * if (mfaEnabled.value === null) return unknownRootFact(account, `Root user MFA state of ${name} is unknown`, observed);
 */
export function unknownRootFact(account: Resource, unknown: string, observed: Record<string, unknown>): Verdict {
  return insufficientData(
    `${unknown}: neither the IAM account summary nor the credential report's root row was collected.`,
    {
      ...observed,
      collectionErrors: collectionErrorsFor(account, { operations: ['GetAccountSummary', 'GetCredentialReport'] }),
    },
  );
}
