import control from '../../controls/redshift-cluster-encrypted.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// The baseline is in the snapshot/event form.
const cluster = (edit: Record<string, unknown>) =>
  loadItem('redshift-cluster/baseline', (raw) => {
    Object.assign(raw.configuration, edit);
  });

testControl(control, [
  {
    name: 'encrypted with a KMS key',
    resource: loadItem('redshift-cluster/baseline'),
    expected: 'PASS',
    reason: 'Redshift cluster analytics-warehouse is encrypted at rest.',
  },
  {
    name: 'not encrypted',
    resource: cluster({ encrypted: false, kmsKeyId: null }),
    expected: 'FAIL',
    reason: 'is not encrypted at rest',
    observed: { encrypted: false, kmsKeyId: null },
  },
  { name: 'boolean as the string "FALSE"', resource: cluster({ encrypted: 'FALSE' }), expected: 'FAIL' },
  { name: 'encrypted not recorded', resource: cluster({ encrypted: undefined }), expected: 'INSUFFICIENT_DATA' },
]);
