import control from '../../controls/rds-cluster-storage-encrypted.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// The baseline is in the snapshot/event form: `configuration` is an object.
const cluster = (edit: Record<string, unknown>) =>
  loadItem('rds-cluster/baseline', (raw) => {
    Object.assign(raw.configuration, edit);
  });

testControl(control, [
  {
    name: 'encrypted Aurora cluster',
    resource: loadItem('rds-cluster/baseline'),
    expected: 'PASS',
    reason: 'RDS cluster ledger-aurora has encrypted storage.',
    observed: { storageEncrypted: true, engine: 'aurora-postgresql' },
  },
  {
    name: 'unencrypted cluster',
    resource: cluster({ storageEncrypted: false, kmsKeyId: null }),
    expected: 'FAIL',
    reason: 'unencrypted storage',
  },
  { name: 'boolean as the string "false"', resource: cluster({ storageEncrypted: 'false' }), expected: 'FAIL' },
  {
    name: 'API form with a JSON-string configuration',
    resource: loadItem('rds-cluster/baseline', (raw) => {
      raw.configuration = JSON.stringify({ ...raw.configuration, storageEncrypted: 'TRUE' });
      raw.accountId = raw.awsAccountId;
    }),
    expected: 'PASS',
  },
  {
    name: 'storageEncrypted not recorded',
    resource: cluster({ storageEncrypted: undefined }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
