import { defineControl } from '../engine/evaluate/define-control.js';
import { preparePrincipal, unresolvedPoliciesVerdict } from '../engine/evaluate/iam-judgement.js';
import { analyseFullAdmin, findEscalationPaths } from '../engine/evaluate/iam-permissions.js';
import { describePolicies, GROUP_TYPE, POLICY_TYPE } from '../engine/evaluate/iam-policy-sources.js';
import { fail, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'iam-principal-no-privilege-escalation',
  title: 'IAM user, role or group holds no privilege-escalation path',
  service: 'iam',
  severity: 'high',
  resourceTypes: ['AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Group'],
  uses: [POLICY_TYPE, GROUP_TYPE],
  description:
    'FAILs when every action of a known escalation path (iam:PassRole with a compute service, policy edits, access keys, login profiles, trust edits, group membership) is allowed without a Condition on any resource of the account. A full admin also FAILs here, by design: it can escalate.',
  rationale:
    'A principal that can attach policies, mint credentials for others or pass a privileged role to code it controls is an administrator in disguise: least-privilege reviews that only look for "*" miss it.',
  remediation: {
    guidance:
      'Scope iam:PassRole to named roles with an iam:PassedToService condition, restrict iam:* write actions to specific ARNs or remove them, and keep policy-management rights on a separate, MFA-protected admin role.',
  },
  references: {
    urls: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html',
    ],
  },
  evaluate: ({ resource: principal, context }) => {
    const judged = preparePrincipal(principal, context);
    const { name, held, scope, observed } = judged;
    if (!held.boundaryUnresolved) {
      const admin = analyseFullAdmin(held, scope);
      if (admin.fullAdmin) {
        return fail(`${name} has full administrative access, which includes every escalation path.`, {
          ...observed,
          fullAdmin: true,
          grantedBy: admin.grantedBy,
        });
      }
      const [first, ...others] = findEscalationPaths(held, scope);
      if (first) {
        const more = others.length > 0 ? ` and ${others.length} more path(s)` : '';
        return fail(
          `${name} can escalate privileges through ${first.path} (${describePolicies(first.grantedBy)})${more}.`,
          { ...observed, escalationPaths: [first, ...others] },
        );
      }
    }
    return unresolvedPoliciesVerdict(judged) ?? pass(`${name} holds no known privilege-escalation path.`, observed);
  },
});
