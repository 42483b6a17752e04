import control from '../../controls/kms-key-policy-not-public.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const withPolicy = (policy: unknown) =>
  loadItem('kms-key/baseline', (raw) => {
    raw.supplementaryConfiguration.Policy = JSON.stringify(JSON.stringify(policy));
  });
const statement = (extra: Record<string, unknown>) => ({
  Effect: 'Allow',
  Action: ['kms:Decrypt', 'kms:Encrypt'],
  Resource: '*',
  ...extra,
});

testControl(control, [
  {
    name: 'AWS:* pinned by kms:CallerAccount and kms:ViaService',
    resource: loadItem('kms-key/baseline'),
    expected: 'PASS',
    observed: { publicStatements: [] },
  },
  {
    name: 'AWS:* pinned by kms:CallerAccount alone',
    resource: withPolicy({
      Statement: [
        statement({ Principal: { AWS: '*' }, Condition: { StringEquals: { 'kms:CallerAccount': '111122223333' } } }),
      ],
    }),
    expected: 'PASS',
  },
  {
    name: 'Principal "*" with no condition',
    resource: withPolicy({ Statement: [statement({ Sid: 'AnyoneDecrypts', Principal: '*' })] }),
    expected: 'FAIL',
    reason: 'AnyoneDecrypts',
  },
  {
    name: 'AWS:* with kms:ViaService only',
    resource: withPolicy({
      Statement: [
        statement({
          Sid: 'ViaOnly',
          Principal: { AWS: '*' },
          Condition: { StringEquals: { 'kms:ViaService': 'ec2.eu-west-1.amazonaws.com' } },
        }),
      ],
    }),
    expected: 'FAIL',
  },
  {
    name: 'key shared with another account',
    resource: withPolicy({ Statement: [statement({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } })] }),
    expected: 'PASS',
    observed: { crossAccountStatements: [{ accounts: ['444455556666'] }] },
  },
  {
    name: 'no recorded key policy',
    resource: loadItem('kms-key/baseline', (raw) => {
      delete raw.supplementaryConfiguration.Policy;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'key policy that is not JSON',
    resource: loadItem('kms-key/baseline', (raw) => {
      raw.supplementaryConfiguration.Policy = '{"Statement": [';
    }),
    expected: 'ERROR',
  },
]);
