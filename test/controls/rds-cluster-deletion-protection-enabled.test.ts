import control from '../../controls/rds-cluster-deletion-protection-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const cluster = (edit: Record<string, unknown>) =>
  loadItem('rds-cluster/baseline', (raw) => {
    Object.assign(raw.configuration, edit);
  });

testControl(control, [
  { name: 'deletion protection on', resource: loadItem('rds-cluster/baseline'), expected: 'PASS' },
  {
    name: 'deletion protection off',
    resource: cluster({ deletionProtection: false }),
    expected: 'FAIL',
    reason: 'RDS cluster ledger-aurora has deletion protection disabled.',
  },
  { name: 'boolean as the string "False"', resource: cluster({ deletionProtection: 'False' }), expected: 'FAIL' },
  { name: 'not recorded', resource: cluster({ deletionProtection: undefined }), expected: 'INSUFFICIENT_DATA' },
  { name: 'unreadable', resource: cluster({ deletionProtection: 0 }), expected: 'ERROR' },
]);
