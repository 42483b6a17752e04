import control from '../../controls/efs-file-system-policy-not-public.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const FILE_SYSTEM = 'arn:aws:elasticfilesystem:eu-west-1:111122223333:file-system/fs-07d3b91e5a2c4f860';
// Snapshot form: configuration and its JSON-typed FileSystemPolicy are objects.
const withStatements = (...statements: Record<string, unknown>[]) =>
  loadItem('efs-file-system/policy-public', (raw) => {
    raw.configuration.FileSystemPolicy = { Version: '2012-10-17', Statement: statements };
  });
const allowEveryone = (extra: Record<string, unknown>) => ({
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Resource: FILE_SYSTEM,
  ...extra,
});

testControl(control, [
  {
    name: 'console preset: anyone via a mount target (as EFS judges it, not public)',
    resource: loadItem('efs-file-system/policy-public'),
    expected: 'PASS',
    reason:
      /grants client access to anyone who reaches a mount target \(efs-statement-7a2e4c90-[^)]+\), so access rests on the mount targets' security groups\.$/,
    observed: { publicViaMountTargetCondition: ['efs-statement-7a2e4c90-3b1d-4f65-8e0a-c9d2b5f1a736'] },
  },
  {
    name: 'elasticfilesystem:* to "*" with no condition',
    resource: withStatements(allowEveryone({ Sid: 'Open', Principal: '*', Action: 'elasticfilesystem:*' })),
    expected: 'FAIL',
    reason: 'everyone (Open: elasticfilesystem:*).',
    observed: { publicViaMountTargetCondition: [] },
  },
  {
    name: 'Action "*" to every account root',
    resource: withStatements(
      allowEveryone({ Sid: 'AnyAccount', Principal: { AWS: 'arn:aws:iam::*:root' }, Action: '*' }),
    ),
    expected: 'FAIL',
  },
  {
    name: 'aws:SourceVpc with a wildcard is no pin',
    resource: withStatements(
      allowEveryone({
        Action: 'elasticfilesystem:ClientMount',
        Condition: { StringLike: { 'aws:SourceVpc': 'vpc-*' } },
      }),
    ),
    expected: 'FAIL',
  },
  {
    name: 'public statement for management actions only',
    resource: withStatements(allowEveryone({ Sid: 'Describe', Action: 'elasticfilesystem:DescribeMountTargets' })),
    expected: 'PASS',
    reason: 'has a file system policy with no public client-access statement.',
    observed: { statementCount: 1, publicStatements: [] },
  },
  {
    name: 'API form, policy a JSON string: AWS:* pinned by aws:PrincipalOrgID, root access for one role',
    resource: loadItem('efs-file-system/policy-pinned'),
    expected: 'PASS',
    observed: { statementCount: 2, publicStatements: [], crossAccountStatements: [] },
  },
  {
    name: 'snapshot form, pinned to one VPC with camelCase keys',
    resource: loadItem('efs-file-system/policy-public', (raw) => {
      const { FileSystemPolicy: _policy, ...rest } = raw.configuration;
      raw.configuration = {
        ...rest,
        fileSystemPolicy: {
          Statement: [
            allowEveryone({
              Action: ['elasticfilesystem:ClientMount', 'elasticfilesystem:ClientWrite'],
              Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-0a1b2c3d4e5f60718' } },
            }),
          ],
        },
      };
    }),
    expected: 'PASS',
    observed: { publicStatements: [] },
  },
  {
    name: 'another account named in the policy is listed, not failed',
    resource: withStatements(
      allowEveryone({
        Principal: { AWS: 'arn:aws:iam::444455556666:role/render-farm' },
        Action: 'elasticfilesystem:ClientMount',
      }),
    ),
    expected: 'PASS',
    observed: { crossAccountStatements: [{ accounts: ['444455556666'] }] },
  },
  {
    name: 'no file system policy (API form)',
    resource: loadItem('efs-file-system/baseline'),
    expected: 'PASS',
    reason: 'has no file system policy, so client access rests on IAM identity policies and the security groups',
    observed: { fileSystemPolicy: null },
  },
  {
    name: 'policy text cut short',
    resource: loadItem('efs-file-system/policy-pinned', (raw) =>
      editJson(raw, 'configuration', (configuration) => {
        configuration.FileSystemPolicy = configuration.FileSystemPolicy.slice(0, 60);
      }),
    ),
    expected: 'ERROR',
    reason: 'has a file system policy that cannot be decoded: FileSystemPolicy: policy document is not valid JSON',
  },
  {
    name: 'policy with a statement that is not an object',
    resource: loadItem('efs-file-system/policy-public', (raw) => {
      raw.configuration.FileSystemPolicy = { Statement: ['Allow everyone'] };
    }),
    expected: 'ERROR',
    reason: 'has a file system policy that cannot be read: statement 0 is not an object.',
  },
  {
    name: 'file system attributes missing',
    resource: loadItem('efs-file-system/baseline', (raw) => {
      raw.configuration = { ThroughputMode: 'elastic' };
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'has no recorded file system attributes.',
  },
]);
