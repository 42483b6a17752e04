import { defineControl } from '../engine/evaluate/define-control.js';
import { judgePublicPolicy } from '../engine/evaluate/resource-policy.js';
import { displayName, insufficientData } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'kms-key-policy-not-public',
  title: 'KMS key policy does not grant access to everyone',
  service: 'kms',
  severity: 'critical',
  resourceTypes: ['AWS::KMS::Key'],
  description:
    'No Allow statement of the key policy names a public principal (*, AWS:*, NotPrincipal) unless a condition pins it to an account, organization, source or network (kms:CallerAccount alone, or with kms:ViaService, is a pin). Cross-account grants are listed, not failed.',
  rationale:
    'A public key policy lets any AWS account use or manage the key: decrypt data encrypted under it, create grants or schedule its deletion, which breaks the confidentiality every dependent service relies on.',
  remediation: {
    guidance:
      'KMS console → Customer managed keys → <key> → Key policy → Edit: replace "*" principals with account or role ARNs, or add a kms:CallerAccount / aws:PrincipalOrgID condition; or aws kms put-key-policy --key-id <key-id> --policy-name default --policy file://policy.json.',
  },
  references: {
    awsConfigRule: 'KMS_KEY_POLICY_NO_PUBLIC_ACCESS',
    urls: [
      'https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html',
      'https://docs.aws.amazon.com/kms/latest/developerguide/conditions-kms.html#conditions-kms-caller-account',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    return judgePublicPolicy({
      resource,
      policy: resource.supplementary.Policy,
      field: 'Policy',
      subject: `KMS key ${name}`,
      policyName: 'key policy',
      // Every KMS key has a key policy, so its absence means the item is partial.
      whenAbsent: () => insufficientData(`KMS key ${name} has no recorded key policy.`),
    });
  },
});
