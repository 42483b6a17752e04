import { describe, expect, it } from 'vitest';
import {
  AWS_MANAGED_POLICY_NAMES,
  awsManagedPolicyName,
  lookupAwsManagedPolicy,
} from '../../engine/evaluate/aws-managed-policies.js';
import { parsePolicy } from '../../engine/evaluate/policy.js';

describe('awsManagedPolicyName', () => {
  it('reads the path and name of AWS-managed ARNs in every partition', () => {
    // Act & Assess
    expect(awsManagedPolicyName('arn:aws:iam::aws:policy/AdministratorAccess')).toBe('AdministratorAccess');
    expect(awsManagedPolicyName('arn:aws-us-gov:iam::aws:policy/service-role/AWS_ConfigRole')).toBe(
      'service-role/AWS_ConfigRole',
    );
    expect(awsManagedPolicyName('arn:aws-cn:iam::aws:policy/job-function/ViewOnlyAccess')).toBe(
      'job-function/ViewOnlyAccess',
    );
  });

  it('returns null for customer-managed ARNs', () => {
    // Act & Assess
    expect(awsManagedPolicyName('arn:aws:iam::111122223333:policy/AdministratorAccess')).toBeNull();
    expect(awsManagedPolicyName('AdministratorAccess')).toBeNull();
  });
});

describe('lookupAwsManagedPolicy', () => {
  it('finds the recorded documents with their versions', () => {
    // Act
    const admin = lookupAwsManagedPolicy('arn:aws:iam::aws:policy/AdministratorAccess');
    const power = lookupAwsManagedPolicy('arn:aws-us-gov:iam::aws:policy/PowerUserAccess');
    // Assess
    expect(admin?.version).toBe('v1');
    expect(admin?.document).toEqual({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }],
    });
    expect(power?.version).toBe('v12');
    expect(power?.document.Statement).toContainEqual({
      Effect: 'Allow',
      NotAction: ['iam:*', 'organizations:*', 'account:*'],
      Resource: '*',
    });
  });

  it('leaves out policies that are not in the table and customer policies that share a name', () => {
    // Act & Assess
    expect(lookupAwsManagedPolicy('arn:aws:iam::aws:policy/AmazonS3FullAccess')).toBeUndefined();
    expect(lookupAwsManagedPolicy('arn:aws:iam::111122223333:policy/IAMFullAccess')).toBeUndefined();
  });

  it('holds documents that parse as valid identity policies', () => {
    // Act & Assess
    expect(AWS_MANAGED_POLICY_NAMES).toEqual([
      'AdministratorAccess',
      'PowerUserAccess',
      'IAMFullAccess',
      'IAMReadOnlyAccess',
    ]);
    for (const name of AWS_MANAGED_POLICY_NAMES) {
      const parsed = parsePolicy(lookupAwsManagedPolicy(`arn:aws:iam::aws:policy/${name}`)?.document);
      expect(parsed.ok, name).toBe(true);
      if (parsed.ok)
        expect(
          parsed.statements.every((s) => s.resources?.includes('*')),
          name,
        ).toBe(true);
    }
  });
});
