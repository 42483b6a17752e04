import { defineControl } from '../engine/evaluate/define-control.js';
import { preparePolicyItem } from '../engine/evaluate/iam-judgement.js';
import { analyseFullAdmin } from '../engine/evaluate/iam-permissions.js';
import { fail, notApplicable, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'iam-policy-no-full-admin',
  title: 'Customer-managed IAM policy does not grant full administrative access',
  service: 'iam',
  severity: 'high',
  resourceTypes: ['AWS::IAM::Policy'],
  description:
    'FAILs when the default version allows every probe action (Action "*", "*:*" or a NotAction that excludes nothing sensitive) on any resource, with no unconditional Deny cutting it. Other versions are ignored. Unattached policies are judged too; observed says so.',
  rationale:
    'A managed policy with "*" on "*" turns whoever it is attached to, now or later, into an account administrator; it is the usual way admin rights spread unnoticed.',
  remediation: {
    guidance:
      'Write a least-privilege version (aws iam create-policy-version --policy-arn <arn> --policy-document file://policy.json --set-as-default), then delete the admin version with aws iam delete-policy-version.',
  },
  references: {
    awsConfigRule: 'IAM_POLICY_NO_STATEMENTS_WITH_ADMIN_ACCESS',
    securityHub: 'IAM.1',
    urls: ['https://docs.aws.amazon.com/config/latest/developerguide/iam-policy-no-statements-with-admin-access.html'],
  },
  parameters: { excludePermissionsBoundaryPolicies: false },
  evaluate: ({ resource, parameters }) => {
    const policy = preparePolicyItem(resource);
    if (!policy.ok) return policy.verdict;
    const { name, usage, observed } = policy;
    if (
      parameters.excludePermissionsBoundaryPolicies &&
      usage.attached === false &&
      (usage.permissionsBoundaryUsageCount ?? 0) > 0
    ) {
      return notApplicable(`IAM policy ${name} is used only as a permissions boundary.`, observed);
    }
    const result = analyseFullAdmin(policy.held, policy.scope);
    if (!result.fullAdmin)
      return pass(`IAM policy ${name} does not grant full administrative access.`, {
        ...observed,
        blocked: result.blocked,
      });
    const note = usage.attached === false ? '; it is attached to no user, group or role' : '';
    return fail(
      `IAM policy ${name} grants full administrative access in default version ${policy.source.versionId ?? '(unknown)'}${note}.`,
      observed,
    );
  },
});
