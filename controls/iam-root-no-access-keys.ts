import { rootCredentialFacts, unknownRootFact } from '../engine/evaluate/credential-report.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { fail, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'iam-root-no-access-keys',
  title: 'Root user of the AWS account has no access keys',
  service: 'iam',
  severity: 'critical',
  resourceTypes: ['AWS::::Account'],
  description:
    'Reads AccountAccessKeysPresent from the IAM account summary (live) and, when the summary was not collected, access_key_1_active and access_key_2_active of the credential report root row.',
  rationale:
    'A root access key gives unrestricted API access that no IAM policy or SCP can limit, and keys leak through code, CI logs and laptops. Root keys are never needed for day-to-day work.',
  remediation: {
    guidance:
      'Sign in as root, open IAM > Security credentials > Access keys, deactivate then delete every key. Move automation to IAM roles.',
  },
  references: {
    awsConfigRule: 'IAM_ROOT_ACCESS_KEY_CHECK',
    securityHub: 'IAM.4',
    urls: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user_manage_delete-key.html'],
  },
  evaluate: ({ resource: account }) => {
    const name = `account ${account.accountId}`;
    const { accessKeysPresent } = rootCredentialFacts(account);
    const observed = {
      accountAccessKeysPresent: accessKeysPresent.summary,
      rootRowActiveKey: accessKeysPresent.report,
      decidedBy: accessKeysPresent.source,
    };
    if (accessKeysPresent.value === null)
      return unknownRootFact(account, `Root access keys of ${name} are unknown`, observed);
    return accessKeysPresent.value
      ? fail(`Root user of ${name} has an access key.`, observed)
      : pass(`Root user of ${name} has no access keys.`, observed);
  },
});
