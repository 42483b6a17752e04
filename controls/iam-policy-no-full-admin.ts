import { defineControl } from '../engine/evaluate/define-control.js';
import {
  analyseFullAdmin,
  policyItemSource,
  policyUsage,
  scopeOf,
  singlePolicy,
} from '../engine/evaluate/iam-permissions.js';
import { displayName, error, fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';

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
  evaluate: ({ resource: policy, parameters }) => {
    const name = displayName(policy);
    const usage = policyUsage(policy);
    const item = policyItemSource(policy);
    if (!item.ok) {
      return item.problem === 'undecodable'
        ? error(`IAM policy ${name} has a default version that cannot be decoded: ${item.detail}.`, usage)
        : insufficientData(`IAM policy ${name} cannot be judged: its ${item.detail}.`, usage);
    }
    const observed = { ...usage, defaultVersionId: item.source.versionId };
    if (item.awsManaged)
      return notApplicable(`IAM policy ${name} is AWS-managed; it is judged where it is attached.`, observed);
    if (
      parameters.excludePermissionsBoundaryPolicies &&
      usage.attached === false &&
      (usage.permissionsBoundaryUsageCount ?? 0) > 0
    ) {
      return notApplicable(`IAM policy ${name} is used only as a permissions boundary.`, observed);
    }
    const result = analyseFullAdmin(singlePolicy(item.source), scopeOf(policy));
    if (!result.fullAdmin)
      return pass(`IAM policy ${name} does not grant full administrative access.`, {
        ...observed,
        blocked: result.blocked,
      });
    const note = usage.attached === false ? '; it is attached to no user, group or role' : '';
    return fail(
      `IAM policy ${name} grants full administrative access in default version ${item.source.versionId ?? '(unknown)'}${note}.`,
      observed,
    );
  },
});
