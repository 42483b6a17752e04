import { rootCredentialFacts, unknownRootFact } from '../engine/evaluate/credential-report.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { fail, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'iam-root-mfa-enabled',
  title: 'Root user of the AWS account has MFA enabled',
  service: 'iam',
  severity: 'critical',
  resourceTypes: ['AWS::::Account'],
  description:
    'Reads AccountMFAEnabled from the IAM account summary (live) and, when the summary was not collected, mfa_active of the <root_account> row of the credential report.',
  rationale:
    'The root user can do anything in the account, including closing it and changing its contact details. Without MFA, a phished or reused root password alone gives an attacker full control.',
  remediation: {
    guidance:
      'Sign in as the root user, open IAM > Security credentials > Multi-factor authentication (MFA) > Assign MFA device, and register a hardware key or passkey (or, for organisation member accounts, remove the root credentials with centralised root access).',
  },
  references: {
    awsConfigRule: 'ROOT_ACCOUNT_MFA_ENABLED',
    securityHub: 'IAM.9',
    urls: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/enable-mfa-for-root.html'],
  },
  evaluate: ({ resource: account }) => {
    const name = `account ${account.accountId}`;
    const { mfaEnabled } = rootCredentialFacts(account);
    const observed = {
      accountMfaEnabled: mfaEnabled.summary,
      rootRowMfaActive: mfaEnabled.report,
      decidedBy: mfaEnabled.source,
    };
    if (mfaEnabled.value === null)
      return unknownRootFact(account, `Root user MFA state of ${name} is unknown`, observed);
    return mfaEnabled.value
      ? pass(`Root user of ${name} has MFA enabled.`, observed)
      : fail(`Root user of ${name} has no MFA device.`, observed);
  },
});
