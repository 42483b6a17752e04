import { defineControl } from '../engine/evaluate/define-control.js';
import { decodeErrorFor, evaluateResourcePolicyExposure } from '../engine/evaluate/resource-policy.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

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
    const policy = resource.supplementary.Policy;
    const unreadable = decodeErrorFor(resource, 'Policy');
    if (unreadable) return error(`KMS key ${name} has a key policy that cannot be decoded: ${unreadable}.`);
    // Every KMS key has a key policy, so its absence means the item is partial.
    if (policy === undefined || policy === null || policy === '') {
      return insufficientData(`KMS key ${name} has no recorded key policy.`);
    }
    const exposure = evaluateResourcePolicyExposure(policy, { ownerAccountId: resource.accountId });
    if (!exposure.ok) return error(`KMS key ${name} has a key policy that cannot be read: ${exposure.error}.`);
    const observed = {
      statementCount: exposure.statementCount,
      publicStatements: exposure.public,
      crossAccountStatements: exposure.crossAccount,
      serviceStatementsWithoutSourceCondition: exposure.unpinnedService,
    };
    if (exposure.public.length > 0) {
      const sids = exposure.public.map((statement) => statement.statement).join(', ');
      return fail(`KMS key ${name} has a key policy granting access to everyone (statements ${sids}).`, observed);
    }
    return pass(`KMS key ${name} has a key policy with no public statement.`, observed);
  },
});
