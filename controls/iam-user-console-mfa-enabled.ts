import { reportBoolean, userReportRow } from '../engine/evaluate/credential-report.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'iam-user-console-mfa-enabled',
  title: 'IAM user with a console password has MFA enabled',
  service: 'iam',
  severity: 'high',
  resourceTypes: ['AWS::IAM::User'],
  uses: ['AWS::::Account'],
  description:
    "Reads the user's credential-report row: password_enabled true with mfa_active false FAILs; no console password PASSes. A user missing from the report, or a report that was not collected, is INSUFFICIENT_DATA.",
  rationale:
    "A console password without MFA is one phishing page or credential-stuffing attempt away from an interactive session with all of the user's permissions.",
  remediation: {
    guidance:
      'IAM console > Users > <user> > Security credentials > Assign MFA device; or remove console access with aws iam delete-login-profile --user-name <user>.',
  },
  references: {
    awsConfigRule: 'MFA_ENABLED_FOR_IAM_CONSOLE_ACCESS',
    securityHub: 'IAM.5',
    urls: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html'],
  },
  evaluate: ({ resource: user, context }) => {
    const name = displayName(user);
    const found = userReportRow(user, context.account(user.accountId), name);
    if (!found.ok) return insufficientData(found.reason, found.observed);
    const password = reportBoolean(found.row, 'password_enabled');
    const mfa = reportBoolean(found.row, 'mfa_active');
    const observed = {
      passwordEnabled: found.row.password_enabled ?? null,
      mfaActive: found.row.mfa_active ?? null,
      credentialReportGeneratedTime: found.report.generatedTime,
    };
    if (password === null)
      return insufficientData(
        `IAM user ${name} has an unreadable password_enabled value in the credential report.`,
        observed,
      );
    if (!password) return pass(`IAM user ${name} has no console password.`, observed);
    if (mfa === null)
      return insufficientData(
        `IAM user ${name} has an unreadable mfa_active value in the credential report.`,
        observed,
      );
    return mfa
      ? pass(`IAM user ${name} has a console password and MFA enabled.`, observed)
      : fail(`IAM user ${name} has a console password and no MFA device.`, observed);
  },
});
