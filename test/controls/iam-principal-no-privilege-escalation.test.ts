import control from '../../controls/iam-principal-no-privilege-escalation.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { attachPolicy, roleWithInline } from '../helpers/iam-fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

const policy = loadItem('iam-policy/baseline');
const group = loadItem('iam-group/baseline');

/** The baseline role with one inline policy, named as the reasons expect. */
const CI_DEPLOY = { policyName: 'ci-deploy' };

testControl(control, [
  {
    name: 'user whose group passes roles only to Lambda and deploys only platform-* functions',
    resource: loadItem('iam-user/baseline'),
    context: [group, policy],
    expected: 'PASS',
  },
  {
    name: 'role: iam:PassRole and ec2:RunInstances on "*"',
    resource: roleWithInline(
      [{ Effect: 'Allow', Action: ['iam:PassRole', 'ec2:RunInstances'], Resource: '*' }],
      CI_DEPLOY,
    ),
    context: [policy],
    expected: 'FAIL',
    reason: 'can escalate privileges through iam:PassRole + ec2:RunInstances (inline policy ci-deploy).',
    observed: { escalationPaths: [{ path: 'iam:PassRole + ec2:RunInstances' }] },
  },
  {
    name: 'role: the same in another case and as strings across two statements',
    resource: roleWithInline(
      [
        { Effect: 'Allow', Action: 'IAM:PassRole', Resource: 'arn:aws:iam::111122223333:role/*' },
        { Effect: 'Allow', Action: 'Ec2:Run*', Resource: '*' },
      ],
      CI_DEPLOY,
    ),
    context: [policy],
    expected: 'FAIL',
  },
  {
    name: 'role: iam:PassRole pinned by iam:PassedToService',
    resource: roleWithInline(
      [
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: '*',
          Condition: { StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } },
        },
        { Effect: 'Allow', Action: 'ec2:RunInstances', Resource: '*' },
      ],
      CI_DEPLOY,
    ),
    context: [policy],
    expected: 'PASS',
  },
  {
    name: 'group: IAMFullAccess attached',
    resource: loadItem('iam-group/baseline', (raw: Raw) =>
      attachPolicy(raw.configuration, 'arn:aws:iam::aws:policy/IAMFullAccess'),
    ),
    context: [policy],
    expected: 'FAIL',
    reason: 'iam:CreatePolicyVersion (AWS-managed policy IAMFullAccess)',
  },
  {
    name: 'role: full admin is reported here too',
    resource: roleWithInline([{ Effect: 'Allow', Action: '*', Resource: '*' }], CI_DEPLOY),
    context: [policy],
    expected: 'FAIL',
    reason: 'has full administrative access, which includes every escalation path',
    observed: { fullAdmin: true },
  },
  {
    name: 'role: iam:AttachRolePolicy held, but the PowerUserAccess boundary removes iam:*',
    resource: roleWithInline([{ Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: '*' }], {
      ...CI_DEPLOY,
      edit: (config) => {
        config.permissionsBoundary = {
          permissionsBoundaryType: 'Policy',
          permissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess',
        };
      },
    }),
    context: [policy],
    expected: 'PASS',
  },
  {
    name: 'role: escalation held, boundary not in the inventory',
    resource: roleWithInline([{ Effect: 'Allow', Action: 'iam:AttachRolePolicy', Resource: '*' }], {
      ...CI_DEPLOY,
      edit: (config) => {
        config.permissionsBoundary = {
          permissionsBoundaryType: 'Policy',
          permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/workload-boundary',
        };
      },
    }),
    context: [policy],
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'role: attached customer-managed policy not in the inventory',
    resource: loadItem('iam-role/baseline'),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'role: undecodable inline document',
    resource: loadItem('iam-role/baseline', (raw: Raw) => {
      raw.configuration.rolePolicyList = [{ policyName: 'truncated', policyDocument: '%7B%22Statement%22%3A' }];
    }),
    context: [policy],
    expected: 'ERROR',
  },
]);
