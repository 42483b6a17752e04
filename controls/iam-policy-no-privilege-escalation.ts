import { defineControl } from '../engine/evaluate/define-control.js';
import { preparePolicyItem } from '../engine/evaluate/iam-judgement.js';
import { analyseFullAdmin, findEscalationPaths } from '../engine/evaluate/iam-permissions.js';
import { fail, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'iam-policy-no-privilege-escalation',
  title: 'Customer-managed IAM policy grants no privilege-escalation path',
  service: 'iam',
  severity: 'high',
  resourceTypes: ['AWS::IAM::Policy'],
  description:
    'FAILs when the default version alone allows, without a Condition and on any resource of the account, every action of a known escalation path (iam:PassRole with compute, policy edits, access keys, login profiles, trust edits, group membership). A full-admin version FAILs too.',
  rationale:
    'Whoever gets this policy attached can raise their own permissions to administrator, so the policy is as sensitive as an admin policy even though it never says "*".',
  remediation: {
    guidance:
      'Publish a version that scopes iam:PassRole to named roles with iam:PassedToService and limits iam:* write actions to specific ARNs (aws iam create-policy-version --set-as-default), then delete the old version.',
  },
  references: {
    urls: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_manage-versioning.html',
    ],
  },
  evaluate: ({ resource }) => {
    const policy = preparePolicyItem(resource);
    if (!policy.ok) return policy.verdict;
    const { name, held, scope, observed } = policy;
    if (analyseFullAdmin(held, scope).fullAdmin) {
      return fail(`IAM policy ${name} grants full administrative access, which includes every escalation path.`, {
        ...observed,
        fullAdmin: true,
      });
    }
    const paths = findEscalationPaths(held, scope);
    if (paths.length === 0) return pass(`IAM policy ${name} grants no known privilege-escalation path.`, observed);
    const list = paths.map((found) => found.path);
    return fail(`IAM policy ${name} grants privilege escalation through ${list.join('; ')}.`, {
      ...observed,
      escalationPaths: list,
    });
  },
});
