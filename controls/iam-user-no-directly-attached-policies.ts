import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';

const names = (list: unknown[], key: string): string[] =>
  list.filter(isRecord).map((entry) => {
    const value = entry[key];
    return typeof value === 'string' ? value : '(unnamed)';
  });

export default defineControl({
  id: 'iam-user-no-directly-attached-policies',
  title: 'IAM user receives permissions only through groups',
  service: 'iam',
  severity: 'low',
  resourceTypes: ['AWS::IAM::User'],
  description:
    'FAILs when the user has an inline policy (userPolicyList) or an attached managed policy (attachedManagedPolicies). Either list missing from the configuration item is INSUFFICIENT_DATA.',
  rationale:
    'Permissions granted user by user drift apart and are hard to review or revoke; granting them through groups (or roles) keeps access reviews to a handful of policies.',
  remediation: {
    guidance:
      'Add the user to a group that holds the permissions (aws iam add-user-to-group), then aws iam detach-user-policy and aws iam delete-user-policy for each direct policy.',
  },
  references: {
    awsConfigRule: 'IAM_USER_NO_POLICIES_CHECK',
    securityHub: 'IAM.2',
    urls: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html'],
  },
  evaluate: ({ resource: user }) => {
    const name = displayName(user);
    const inline = user.configuration?.userPolicyList;
    const attached = user.configuration?.attachedManagedPolicies;
    if (!Array.isArray(inline) || !Array.isArray(attached)) {
      const missing = [
        !Array.isArray(inline) && 'userPolicyList',
        !Array.isArray(attached) && 'attachedManagedPolicies',
      ].filter(Boolean);
      return insufficientData(`IAM user ${name} has no recorded ${missing.join(' or ')}.`);
    }
    const observed = {
      inlinePolicies: names(inline, 'policyName'),
      attachedManagedPolicies: names(attached, 'policyArn'),
    };
    const count = observed.inlinePolicies.length + observed.attachedManagedPolicies.length;
    return count === 0
      ? pass(`IAM user ${name} has no directly attached policies.`, observed)
      : fail(`IAM user ${name} has ${count} directly attached ${count === 1 ? 'policy' : 'policies'}.`, observed);
  },
});
