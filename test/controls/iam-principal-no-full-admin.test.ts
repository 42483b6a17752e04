import control from '../../controls/iam-principal-no-full-admin.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { ALLOW_ALL, attachPolicy, policyWith, roleWithInline, setBoundary } from '../helpers/iam-fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

const policy = loadItem('iam-policy/baseline');
const group = loadItem('iam-group/baseline');
const user = loadItem('iam-user/baseline');

const adminGroup = loadItem('iam-group/baseline', (raw: Raw) =>
  attachPolicy(raw.configuration, 'arn:aws:iam::aws:policy/AdministratorAccess'),
);
const policyDefaulting = (versionId: string) =>
  policyWith((config) => {
    config.defaultVersionId = versionId;
  });

testControl(control, [
  {
    name: 'user: inline, AWS-managed and group policies, none admin (non-default admin version v2 ignored)',
    resource: user,
    context: [group, policy],
    expected: 'PASS',
    reason: 'IAM user priya.natarajan does not have full administrative access.',
  },
  {
    name: 'group with AdministratorAccess attached',
    resource: adminGroup,
    context: [policy],
    expected: 'FAIL',
    reason:
      'IAM group platform-engineers has full administrative access through AWS-managed policy AdministratorAccess.',
  },
  {
    name: 'user who is admin through its group',
    resource: user,
    context: [adminGroup, policy],
    expected: 'FAIL',
    reason: 'AWS-managed policy AdministratorAccess of group platform-engineers',
    observed: { grantedBy: [{ policy: 'AdministratorAccess', type: 'aws-managed', viaGroup: 'platform-engineers' }] },
  },
  {
    name: 'role: inline Action "*" Resource "*"',
    resource: roleWithInline([ALLOW_ALL]),
    context: [policy],
    expected: 'FAIL',
    reason: 'inline policy ops-inline',
  },
  {
    name: 'role: Action ["*:*"] in an array',
    resource: roleWithInline([{ Effect: 'Allow', Action: ['*:*'], Resource: ['*'] }]),
    context: [policy],
    expected: 'FAIL',
  },
  {
    name: 'role: Allow NotAction that excludes only a harmless action',
    resource: roleWithInline([{ Effect: 'Allow', NotAction: 'cloudshell:*', Resource: '*' }]),
    context: [policy],
    expected: 'FAIL',
  },
  {
    name: 'role: customer-managed policy whose default version is the admin one',
    resource: loadItem('iam-role/baseline'),
    context: [policyDefaulting('v2')],
    expected: 'FAIL',
    reason: 'customer-managed policy platform-observability-read',
  },
  {
    name: 'role: iam:* only',
    resource: roleWithInline([{ Effect: 'Allow', Action: 'iam:*', Resource: '*' }]),
    context: [policy],
    expected: 'PASS',
  },
  {
    name: 'role: PowerUserAccess (NotAction iam, organizations, account)',
    resource: loadItem('iam-role/baseline', (raw: Raw) =>
      attachPolicy(raw.configuration, 'arn:aws:iam::aws:policy/PowerUserAccess'),
    ),
    context: [policy],
    expected: 'PASS',
    observed: {
      blocked: [
        { action: 'iam:CreateUser', reason: 'not granted' },
        { action: 'iam:AttachRolePolicy', reason: 'not granted' },
        { action: 'iam:PutUserPolicy', reason: 'not granted' },
        { action: 'organizations:LeaveOrganization', reason: 'not granted' },
      ],
    },
  },
  {
    name: 'role: Allow * cut by an unconditional Deny on iam:*',
    resource: roleWithInline([ALLOW_ALL, { Effect: 'Deny', Action: 'iam:*', Resource: '*' }]),
    context: [policy],
    expected: 'PASS',
  },
  {
    name: 'role: Allow * with a Deny * that has a condition (does not cut)',
    resource: roleWithInline([
      ALLOW_ALL,
      {
        Effect: 'Deny',
        Action: '*',
        Resource: '*',
        Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } },
      },
    ]),
    context: [policy],
    expected: 'FAIL',
  },
  {
    name: 'role: Allow * with a Deny NotAction that leaves only IAM',
    resource: roleWithInline([ALLOW_ALL, { Effect: 'Deny', NotAction: 'iam:*', Resource: '*' }]),
    context: [policy],
    expected: 'PASS',
  },
  {
    name: 'role: admin inside a PowerUserAccess permissions boundary',
    resource: roleWithInline([ALLOW_ALL], {
      edit: (config) => setBoundary(config, 'arn:aws:iam::aws:policy/PowerUserAccess'),
    }),
    context: [policy],
    expected: 'PASS',
    observed: { permissionsBoundary: { policy: 'PowerUserAccess', type: 'aws-managed' } },
  },
  {
    name: 'role: admin inside an AdministratorAccess boundary',
    resource: roleWithInline([ALLOW_ALL], {
      edit: (config) => setBoundary(config, 'arn:aws:iam::aws:policy/AdministratorAccess'),
    }),
    context: [policy],
    expected: 'FAIL',
  },
  {
    name: 'role: admin, boundary not in the inventory',
    resource: roleWithInline([ALLOW_ALL], {
      edit: (config) => setBoundary(config, 'arn:aws:iam::111122223333:policy/workload-boundary'),
    }),
    context: [policy],
    expected: 'INSUFFICIENT_DATA',
    reason: 'permissions boundary arn:aws:iam::111122223333:policy/workload-boundary not in the inventory',
  },
  {
    name: 'role: attached customer-managed policy not in the inventory',
    resource: loadItem('iam-role/baseline'),
    expected: 'INSUFFICIENT_DATA',
    reason: 'arn:aws:iam::111122223333:policy/platform-observability-read not in the inventory',
  },
  {
    name: 'role: admin proven even though another policy is missing',
    resource: loadItem('iam-role/baseline', (raw: Raw) =>
      attachPolicy(raw.configuration, 'arn:aws:iam::aws:policy/AdministratorAccess'),
    ),
    expected: 'FAIL',
    observed: { unresolved: [{ problem: 'not-in-inventory' }] },
  },
  {
    name: 'user: group not in the inventory',
    resource: user,
    context: [policy],
    expected: 'INSUFFICIENT_DATA',
    reason: 'group platform-engineers not in the inventory',
  },
  {
    name: 'role: inline document that cannot be decoded',
    resource: loadItem('iam-role/baseline', (raw: Raw) => {
      raw.configuration.rolePolicyList = [
        { policyName: 'truncated', policyDocument: '%7B%22Version%22%3A%222012-10-17%22%2C' },
      ];
    }),
    context: [policy],
    expected: 'ERROR',
    reason: 'inline policy truncated cannot be decoded',
  },
]);
