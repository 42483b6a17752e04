import { describe, expect, it } from 'vitest';
import {
  accessKeySlots,
  daysBetween,
  describeReportDate,
  findRootRow,
  findUserRow,
  readCredentialReport,
  reportBoolean,
  reportDate,
  rootCredentialFacts,
  unknownRootFact,
  userReportRow,
} from '../../engine/evaluate/credential-report.js';
import { loadItem } from '../helpers/fixtures.js';

const account = loadItem('account/iam-baseline');

describe('readCredentialReport', () => {
  it('reads the rows the normaliser parsed from the CSV', () => {
    // Act
    const read = readCredentialReport(account);
    // Assess
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.report.generatedTime).toBe('2026-10-02T05:41:09Z');
    expect(read.report.rows.map((row) => row.user)).toEqual([
      '<root_account>',
      'priya.natarajan',
      'svc-reporting',
      'marco.bianchi',
      'legacy-etl',
    ]);
  });

  it('says why there is no report', () => {
    // Prepare
    const withoutReport = loadItem('account/iam-baseline', (raw) => {
      delete raw.iam.credentialReport;
    });
    const malformed = loadItem('account/iam-baseline', (raw) => {
      raw.iam.credentialReport = { generatedTime: '2026-10-02T05:41:09Z' };
    });
    // Act & Assess
    expect(readCredentialReport(undefined)).toMatchObject({ ok: false, reason: 'no-account-facts' });
    expect(readCredentialReport(withoutReport)).toMatchObject({ ok: false, reason: 'not-collected' });
    expect(readCredentialReport(malformed)).toMatchObject({ ok: false, reason: 'malformed' });
  });

  it('parses a CSV that reached it without the normaliser', () => {
    // Prepare
    const copy = structuredClone(account);
    const iam = copy.configuration?.iam as Record<string, unknown>;
    iam.credentialReport = {
      generatedTime: 'x',
      csv: 'user,arn,mfa_active\nbob,arn:aws:iam::111122223333:user/bob,true\n',
    };
    // Act
    const read = readCredentialReport(copy);
    // Assess
    expect(read.ok && read.report.rows).toEqual([
      { user: 'bob', arn: 'arn:aws:iam::111122223333:user/bob', mfa_active: 'true' },
    ]);
  });
});

describe('findUserRow', () => {
  const report = {
    generatedTime: null,
    rows: [
      { user: 'dana', arn: 'arn:aws:iam::111122223333:user/dana', mfa_active: 'false' },
      { user: 'dana', arn: 'arn:aws:iam::111122223333:user/ops/dana', mfa_active: 'true' },
      { user: 'erin', arn: 'arn:aws:iam::111122223333:user/erin', mfa_active: 'true' },
    ],
  };

  it('matches by ARN first, so a path or a re-created user is told apart', () => {
    // Act & Assess
    expect(findUserRow(report, { arn: 'arn:aws:iam::111122223333:user/ops/dana', userName: 'dana' })?.mfa_active).toBe(
      'true',
    );
  });

  it('falls back to a unique user name and refuses an ambiguous one', () => {
    // Act & Assess
    expect(findUserRow(report, { arn: null, userName: 'erin' })?.user).toBe('erin');
    expect(findUserRow(report, { arn: 'arn:aws:iam::999999999999:user/dana', userName: 'dana' })).toBeUndefined();
    expect(findUserRow(report, { arn: null, userName: null })).toBeUndefined();
  });

  it('finds the root row', () => {
    // Act & Assess
    const read = readCredentialReport(account);
    expect(read.ok && findRootRow(read.report)?.arn).toBe('arn:aws:iam::111122223333:root');
  });
});

describe('cells', () => {
  it('reads booleans in any case and nothing else', () => {
    // Act & Assess
    expect(reportBoolean({ a: 'TRUE' }, 'a')).toBe(true);
    expect(reportBoolean({ a: 'False' }, 'a')).toBe(false);
    expect(reportBoolean({ a: 'not_supported' }, 'a')).toBeNull();
    expect(reportBoolean({ a: 'N/A' }, 'a')).toBeNull();
    expect(reportBoolean({}, 'a')).toBeNull();
  });

  it('keeps the markers of date cells', () => {
    // Act & Assess
    expect(reportDate({ d: '2026-09-30T08:12:44+00:00' }, 'd')).toMatchObject({
      kind: 'date',
      iso: '2026-09-30T08:12:44.000Z',
    });
    expect(reportDate({ d: 'N/A' }, 'd')).toEqual({ kind: 'N/A' });
    expect(reportDate({ d: 'no_information' }, 'd')).toEqual({ kind: 'no_information' });
    expect(reportDate({ d: 'not_supported' }, 'd')).toEqual({ kind: 'not_supported' });
    expect(reportDate({ d: '' }, 'd')).toEqual({ kind: 'missing' });
    expect(reportDate({}, 'd')).toEqual({ kind: 'missing' });
    expect(reportDate({ d: 'yesterday' }, 'd')).toEqual({ kind: 'invalid', raw: 'yesterday' });
    expect(describeReportDate(reportDate({ d: 'no_information' }, 'd'))).toBe('no_information');
    expect(describeReportDate(reportDate({}, 'd'))).toBeNull();
    expect(describeReportDate({ kind: 'invalid', raw: 'x' })).toBe('x');
  });

  it('reads both access-key slots', () => {
    // Prepare
    const read = readCredentialReport(account);
    const row = read.ok ? findUserRow(read.report, { arn: null, userName: 'svc-reporting' }) : undefined;
    // Act
    const slots = row ? accessKeySlots(row) : [];
    // Assess
    expect(
      slots.map((slot) => [
        slot.slot,
        slot.active,
        describeReportDate(slot.lastRotated),
        describeReportDate(slot.lastUsed),
      ]),
    ).toEqual([
      [1, true, '2025-11-03T09:41:27.000Z', '2026-09-30T23:10:00.000Z'],
      [2, true, '2026-09-20T13:05:44.000Z', 'N/A'],
    ]);
  });

  it('counts whole days and never goes negative', () => {
    // Act & Assess
    expect(daysBetween(new Date('2026-01-01T00:00:00Z'), new Date('2026-03-02T00:00:00Z'))).toBe(60);
    expect(daysBetween(new Date('2026-03-02T00:00:00Z'), new Date('2026-01-01T00:00:00Z'))).toBe(0);
  });
});

describe('userReportRow', () => {
  it('finds the row of an IAM user resource', () => {
    // Act
    const found = userReportRow(loadItem('iam-user/baseline'), account, 'priya.natarajan');
    // Assess
    expect(found.ok && found.row.mfa_active).toBe('true');
  });

  it('names what is missing', () => {
    // Prepare
    const stranger = loadItem('iam-user/baseline', (raw) => {
      raw.arn = 'arn:aws:iam::111122223333:user/new-joiner';
      raw.resourceName = 'new-joiner';
      raw.configuration = raw.configuration.replaceAll('priya.natarajan', 'new-joiner');
    });
    // Act
    const missingUser = userReportRow(stranger, account, 'new-joiner');
    const missingReport = userReportRow(stranger, undefined, 'new-joiner');
    // Assess
    expect(missingUser).toMatchObject({
      ok: false,
      reason: expect.stringContaining('not in the credential report generated at 2026-10-02T05:41:09Z'),
    });
    expect(missingReport).toMatchObject({
      ok: false,
      reason: expect.stringContaining('no account facts were collected'),
    });
  });
});

describe('rootCredentialFacts', () => {
  it('prefers the live account summary over the cached report', () => {
    // Prepare
    const disagree = loadItem('account/iam-baseline', (raw) => {
      raw.iam.accountSummary.AccountMFAEnabled = 0;
    });
    // Act
    const facts = rootCredentialFacts(disagree);
    // Assess
    expect(facts.mfaEnabled).toEqual({ value: false, source: 'account summary', summary: 0, report: true });
    expect(facts.accessKeysPresent).toEqual({ value: false, source: 'account summary', summary: 0, report: false });
  });

  it('falls back to the report, then to unknown', () => {
    // Prepare
    const noSummary = loadItem('account/iam-baseline', (raw) => {
      delete raw.iam.accountSummary;
    });
    const nothing = loadItem('account/iam-baseline', (raw) => {
      delete raw.iam;
    });
    const stringSummary = loadItem('account/iam-baseline', (raw) => {
      raw.iam.accountSummary.AccountAccessKeysPresent = '1';
    });
    // Act & Assess
    expect(rootCredentialFacts(noSummary).mfaEnabled).toMatchObject({ value: true, source: 'credential report' });
    expect(rootCredentialFacts(nothing).mfaEnabled).toEqual({ value: null, source: null, summary: null, report: null });
    expect(rootCredentialFacts(stringSummary).accessKeysPresent).toMatchObject({ value: true, summary: 1 });
  });
});

describe('unknownRootFact', () => {
  it('names what is unknown and keeps the collection errors of both sources', () => {
    // Prepare
    const denied = loadItem('account/iam-baseline', (raw) => {
      raw.collectionErrors = [
        { service: 'iam', operation: 'GetAccountSummary', code: 'AccessDenied', message: 'denied' },
        { service: 'iam', operation: 'ListVirtualMFADevices', code: 'AccessDenied', message: 'denied' },
      ];
    });
    // Act
    const verdict = unknownRootFact(denied, 'Root user MFA state of account 111122223333 is unknown', { x: 1 });
    // Assess
    expect(verdict).toEqual({
      status: 'INSUFFICIENT_DATA',
      reason:
        "Root user MFA state of account 111122223333 is unknown: neither the IAM account summary nor the credential report's root row was collected.",
      observed: {
        x: 1,
        collectionErrors: [{ service: 'iam', operation: 'GetAccountSummary', code: 'AccessDenied', message: 'denied' }],
      },
    });
  });
});
