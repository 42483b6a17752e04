import { defineControl } from '../engine/evaluate/define-control.js';
import { preparePrincipal, unresolvedPoliciesVerdict } from '../engine/evaluate/iam-judgement.js';
import { analyseFullAdmin } from '../engine/evaluate/iam-permissions.js';
import { describePolicies, GROUP_TYPE, POLICY_TYPE } from '../engine/evaluate/iam-policy-sources.js';
import { fail, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'iam-principal-no-full-admin',
  title: 'IAM user, role or group does not hold full administrative access',
  service: 'iam',
  severity: 'high',
  resourceTypes: ['AWS::IAM::User', 'AWS::IAM::Role', 'AWS::IAM::Group'],
  uses: [POLICY_TYPE, GROUP_TYPE],
  description:
    "FAILs when inline, customer-managed (default version) and AWS-managed policies, plus a user's groups, allow every probe action (iam, sts, ec2, s3, kms, organizations, any other) on any resource, conditions included, with no unconditional Deny and within any permissions boundary. Unknown policies give INSUFFICIENT_DATA.",
  rationale:
    'A principal with full administrative access can read every secret, disable logging and grant itself anything; one stolen key or one compromised workload then means the whole account.',
  remediation: {
    guidance:
      'Replace AdministratorAccess or "Action": "*" grants with least-privilege policies (use IAM Access Analyzer policy generation), or reserve admin for a break-glass role assumed with MFA; aws iam detach-role-policy / detach-user-policy / detach-group-policy.',
  },
  references: {
    awsConfigRule: 'IAM_POLICY_BLACKLISTED_CHECK',
    urls: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege',
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html',
    ],
  },
  evaluate: ({ resource: principal, context }) => {
    const judged = preparePrincipal(principal, context);
    const { name, held, observed } = judged;
    const result = analyseFullAdmin(held, judged.scope);
    // An admin grant is proven by the policies we have; only a missing boundary could still take it away.
    if (result.fullAdmin && !held.boundaryUnresolved) {
      return fail(`${name} has full administrative access through ${describePolicies(result.grantedBy)}.`, {
        ...observed,
        grantedBy: result.grantedBy,
      });
    }
    return (
      unresolvedPoliciesVerdict(judged) ??
      pass(`${name} does not have full administrative access.`, { ...observed, blocked: result.blocked })
    );
  },
});
