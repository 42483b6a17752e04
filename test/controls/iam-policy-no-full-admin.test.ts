import { describe, expect, it } from 'vitest';
import control from '../../controls/iam-policy-no-full-admin.js';
import { contextOf, testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { policyWith, policyWithDefaultDocument } from '../helpers/iam-fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

testControl(control, [
  {
    name: 'default version v3 is read-only; the older admin version v2 is ignored',
    resource: loadItem('iam-policy/baseline'),
    expected: 'PASS',
    observed: { defaultVersionId: 'v3', attachmentCount: 2, attached: true },
  },
  {
    name: 'default version switched to the admin version v2',
    resource: policyWith((config) => {
      config.defaultVersionId = 'v2';
    }),
    expected: 'FAIL',
    reason: 'IAM policy platform-observability-read grants full administrative access in default version v2.',
  },
  {
    name: 'unattached admin policy is still judged',
    resource: policyWith((config) => {
      config.defaultVersionId = 'v2';
      config.attachmentCount = 0;
    }),
    expected: 'FAIL',
    reason: 'it is attached to no user, group or role',
    observed: { attached: false },
  },
  {
    name: 'Allow NotAction with nothing sensitive excluded',
    resource: policyWithDefaultDocument([{ Effect: 'Allow', NotAction: ['support:*'], Resource: '*' }]),
    expected: 'FAIL',
  },
  {
    name: 'iam:* only',
    resource: policyWithDefaultDocument([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]),
    expected: 'PASS',
  },
  {
    name: 'Allow * with an unconditional Deny on KMS',
    resource: policyWithDefaultDocument([
      { Effect: 'Allow', Action: '*', Resource: '*' },
      { Effect: 'Deny', Action: 'kms:*', Resource: '*' },
    ]),
    expected: 'PASS',
    observed: { blocked: [{ action: 'kms:Decrypt', reason: 'denied' }] },
  },
  {
    name: 'default version not recorded',
    resource: policyWith((config) => {
      config.policyVersionList = config.policyVersionList.slice(1);
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'default version v3 is not recorded',
  },
  {
    name: 'default version document cannot be decoded',
    resource: policyWith((config) => {
      config.policyVersionList[0].document = '%7B%22Version%22%3A%222012';
    }),
    expected: 'ERROR',
  },
  {
    name: 'an AWS-managed policy item',
    resource: loadItem('iam-policy/baseline', (raw: Raw) => {
      raw.arn = 'arn:aws:iam::aws:policy/AdministratorAccess';
    }),
    expected: 'NOT_APPLICABLE',
  },
]);

describe('parameter excludePermissionsBoundaryPolicies', () => {
  const boundaryOnly = policyWith((config) => {
    config.defaultVersionId = 'v2';
    config.attachmentCount = 0;
    config.permissionsBoundaryUsageCount = 3;
  });
  const run = (exclude: boolean) =>
    control.evaluate({
      resource: boundaryOnly,
      context: contextOf([]),
      parameters: { ...control.parameters, excludePermissionsBoundaryPolicies: exclude },
      asOf: new Date('2026-10-02T00:00:00Z'),
    }).status;

  it('judges a policy used only as a boundary by default, and skips it when asked', () => {
    // Act & Assess
    expect(run(false)).toBe('FAIL');
    expect(run(true)).toBe('NOT_APPLICABLE');
  });
});
