import control from '../../controls/rds-instance-storage-encrypted.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// The baseline is in the API form: `configuration` is a JSON string.
const instance = (edit: Record<string, unknown>) =>
  loadItem('rds-instance/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) => Object.assign(configuration, edit));
  });

testControl(control, [
  {
    name: 'encrypted with a customer managed key (API form)',
    resource: loadItem('rds-instance/baseline'),
    expected: 'PASS',
    reason: 'orders-db has encrypted storage',
    observed: {
      storageEncrypted: true,
      kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/5d3c2b1a-9e8f-4a7b-8c6d-1f2e3a4b5c6d',
    },
  },
  {
    name: 'Aurora member reports its cluster encryption (snapshot form)',
    resource: loadItem('rds-instance/aurora-member'),
    expected: 'PASS',
    observed: { dBClusterIdentifier: 'ledger-aurora' },
  },
  {
    name: 'unencrypted storage',
    resource: instance({ storageEncrypted: false, kmsKeyId: null }),
    expected: 'FAIL',
    reason: 'RDS instance orders-db has unencrypted storage.',
  },
  { name: 'boolean as the string "FALSE"', resource: instance({ storageEncrypted: 'FALSE' }), expected: 'FAIL' },
  { name: 'boolean as the string "true"', resource: instance({ storageEncrypted: 'true' }), expected: 'PASS' },
  {
    name: 'storageEncrypted not recorded',
    resource: instance({ storageEncrypted: undefined }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded storageEncrypted',
  },
  { name: 'storageEncrypted unreadable', resource: instance({ storageEncrypted: 'maybe' }), expected: 'ERROR' },
]);
