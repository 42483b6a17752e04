import { accessKeySlots, userReportRow } from '../engine/evaluate/credential-report.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'iam-user-at-most-one-active-access-key',
  title: 'IAM user has at most one active access key',
  service: 'iam',
  severity: 'medium',
  resourceTypes: ['AWS::IAM::User'],
  uses: ['AWS::::Account'],
  description:
    "Reads access_key_1_active and access_key_2_active from the user's credential-report row: both true FAILs. An unreadable value, a user missing from the report or a report that was not collected is INSUFFICIENT_DATA.",
  rationale:
    'Two active keys usually mean a rotation that was never finished: the old key stays valid, still copied wherever it was used, and doubles what can leak.',
  remediation: {
    guidance:
      'aws iam list-access-keys --user-name <user>; move consumers to one key, then aws iam update-access-key --access-key-id <old> --status Inactive --user-name <user> and delete it.',
  },
  references: {
    urls: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html'],
  },
  evaluate: ({ resource: user, context }) => {
    const name = displayName(user);
    const found = userReportRow(user, context.account(user.accountId), name);
    if (!found.ok) return insufficientData(found.reason, found.observed);
    const slots = accessKeySlots(found.row);
    const observed = {
      accessKey1Active: found.row.access_key_1_active ?? null,
      accessKey2Active: found.row.access_key_2_active ?? null,
      credentialReportGeneratedTime: found.report.generatedTime,
    };
    if (slots.every((key) => key.active === true))
      return fail(`IAM user ${name} has two active access keys.`, observed);
    if (slots.some((key) => key.active === null)) {
      return insufficientData(
        `IAM user ${name} has an unreadable access key state in the credential report.`,
        observed,
      );
    }
    const active = slots.filter((key) => key.active).length;
    return pass(`IAM user ${name} has ${active === 0 ? 'no active access keys' : 'one active access key'}.`, observed);
  },
});
