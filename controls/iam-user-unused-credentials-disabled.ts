import {
  accessKeySlots,
  daysBetween,
  describeReportDate,
  type ReportDate,
  reportBoolean,
  reportDate,
  userReportRow,
} from '../engine/evaluate/credential-report.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

interface Credential {
  credential: string;
  lastUsed: string | null;
  /** What the idle time is measured from: last use, else when the credential was set. */
  measuredFrom: string | null;
  idleDays: number | null;
}

/** Idle time of one credential: from its last use, or, never used, from when it was issued (then the user's creation). */
function idle(credential: string, lastUsed: ReportDate, issued: ReportDate[], asOf: Date): Credential {
  const since = [lastUsed, ...issued].find((date) => date.kind === 'date');
  return {
    credential,
    lastUsed: describeReportDate(lastUsed),
    measuredFrom: since?.kind === 'date' ? since.iso : null,
    idleDays: since?.kind === 'date' ? daysBetween(since.date, asOf) : null,
  };
}

export default defineControl({
  id: 'iam-user-unused-credentials-disabled',
  title: 'IAM user has no enabled password or active access key unused for longer than allowed',
  service: 'iam',
  severity: 'medium',
  resourceTypes: ['AWS::IAM::User'],
  uses: ['AWS::::Account'],
  description:
    'An enabled console password or active access key idle for more than maxUnusedDays FAILs. Idle time runs from the last use; a never-used credential counts from when it was set or rotated (else the user creation), so never-used keys are not skipped.',
  rationale:
    'Credentials nobody uses still work for whoever finds them. Stale passwords and keys of people who left or of retired jobs are a common entry point because no one notices their use.',
  remediation: {
    guidance:
      'aws iam delete-login-profile --user-name <user> for an unused password; aws iam update-access-key --access-key-id <key> --status Inactive --user-name <user> (then delete-access-key) for an unused key.',
  },
  references: {
    awsConfigRule: 'IAM_USER_UNUSED_CREDENTIALS_CHECK',
    securityHub: 'IAM.22',
    urls: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_finding-unused.html'],
  },
  parameters: { maxUnusedDays: 45 },
  evaluate: ({ resource: user, context, parameters, asOf }) => {
    const name = displayName(user);
    const found = userReportRow(user, context.account(user.accountId), name);
    if (!found.ok) return insufficientData(found.reason, found.observed);
    const row = found.row;
    const created = reportDate(row, 'user_creation_time');
    const credentials: Credential[] = [];
    const unreadable: string[] = [];
    const password = reportBoolean(row, 'password_enabled');
    if (password === null) unreadable.push('password_enabled');
    if (password) {
      credentials.push(
        idle(
          'password',
          reportDate(row, 'password_last_used'),
          [reportDate(row, 'password_last_changed'), created],
          asOf,
        ),
      );
    }
    for (const key of accessKeySlots(row)) {
      if (key.active === null) unreadable.push(`access_key_${key.slot}_active`);
      if (key.active) credentials.push(idle(`access key ${key.slot}`, key.lastUsed, [key.lastRotated, created], asOf));
    }
    const observed = {
      credentials,
      maxUnusedDays: parameters.maxUnusedDays,
      asOf: asOf.toISOString(),
      credentialReportGeneratedTime: found.report.generatedTime,
    };
    const stale = credentials.filter((c) => c.idleDays !== null && c.idleDays > parameters.maxUnusedDays);
    if (stale.length > 0) {
      const list = stale.map((c) => `${c.credential} idle ${c.idleDays} days`).join(', ');
      return fail(
        `IAM user ${name} has credentials unused for more than ${parameters.maxUnusedDays} days (${list}).`,
        observed,
      );
    }
    const undated = credentials.filter((c) => c.idleDays === null).map((c) => c.credential);
    if (unreadable.length > 0 || undated.length > 0) {
      return insufficientData(
        `IAM user ${name} has credential-report values that cannot be read: ${[...unreadable, ...undated].join(', ')}.`,
        observed,
      );
    }
    return credentials.length === 0
      ? pass(`IAM user ${name} has no enabled password and no active access key.`, observed)
      : pass(`IAM user ${name} used every enabled credential within ${parameters.maxUnusedDays} days.`, observed);
  },
});
