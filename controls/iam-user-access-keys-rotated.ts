import {
  accessKeySlots,
  daysBetween,
  describeReportDate,
  userReportRow,
} from '../engine/evaluate/credential-report.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'iam-user-access-keys-rotated',
  title: 'Active access keys of an IAM user were rotated within the allowed age',
  service: 'iam',
  severity: 'medium',
  resourceTypes: ['AWS::IAM::User'],
  uses: ['AWS::::Account'],
  description:
    "Every active key in the user's credential-report row must have access_key_N_last_rotated within maxAgeDays of the evaluated instant. No active key PASSes; an active key without a rotation date, or a user missing from the report, is INSUFFICIENT_DATA.",
  rationale:
    'Long-lived access keys accumulate copies in scripts, CI variables and laptops; the older a key, the more likely it has leaked and the longer a leaked key stays useful to an attacker.',
  remediation: {
    guidance:
      'aws iam create-access-key --user-name <user>, move consumers to the new key, then aws iam update-access-key --status Inactive and aws iam delete-access-key for the old one. Prefer IAM roles over keys.',
  },
  references: {
    awsConfigRule: 'ACCESS_KEYS_ROTATED',
    securityHub: 'IAM.3',
    urls: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html#rotating_access_keys_console',
    ],
  },
  parameters: { maxAgeDays: 90 },
  evaluate: ({ resource: user, context, parameters, asOf }) => {
    const name = displayName(user);
    const found = userReportRow(user, context.account(user.accountId), name);
    if (!found.ok) return insufficientData(found.reason, found.observed);
    const slots = accessKeySlots(found.row);
    const keys = slots
      .filter((key) => key.active !== false)
      .map((key) => ({
        key: key.slot,
        active: key.active,
        lastRotated: describeReportDate(key.lastRotated),
        ageDays: key.lastRotated.kind === 'date' ? daysBetween(key.lastRotated.date, asOf) : null,
      }));
    const observed = {
      activeKeys: keys,
      maxAgeDays: parameters.maxAgeDays,
      asOf: asOf.toISOString(),
      credentialReportGeneratedTime: found.report.generatedTime,
    };
    const unknown = keys.filter((key) => key.active === null || key.ageDays === null);
    const old = keys.filter((key) => key.ageDays !== null && key.ageDays > parameters.maxAgeDays);
    if (old.length > 0) {
      const list = old.map((key) => `key ${key.key} is ${key.ageDays} days old`).join(', ');
      return fail(
        `IAM user ${name} has an active access key older than ${parameters.maxAgeDays} days (${list}).`,
        observed,
      );
    }
    if (unknown.length > 0) {
      return insufficientData(
        `IAM user ${name} has access key ${unknown.map((k) => k.key).join(', ')} with an unreadable state or rotation date in the credential report.`,
        observed,
      );
    }
    return keys.length === 0
      ? pass(`IAM user ${name} has no active access keys.`, observed)
      : pass(`IAM user ${name} has every active access key rotated within ${parameters.maxAgeDays} days.`, observed);
  },
});
