import control from '../../controls/rds-instance-deletion-protection-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const instance = (edit: Record<string, unknown>) =>
  loadItem('rds-instance/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) => Object.assign(configuration, edit));
  });

testControl(control, [
  { name: 'deletion protection on', resource: loadItem('rds-instance/baseline'), expected: 'PASS' },
  {
    name: 'deletion protection off',
    resource: instance({ deletionProtection: false }),
    expected: 'FAIL',
    reason: 'RDS instance orders-db has deletion protection disabled.',
  },
  { name: 'boolean as the string "false"', resource: instance({ deletionProtection: 'false' }), expected: 'FAIL' },
  {
    name: 'Aurora member reports false but the cluster governs it',
    resource: loadItem('rds-instance/aurora-member'),
    expected: 'NOT_APPLICABLE',
    reason: 'member of DB cluster ledger-aurora',
    observed: { dBClusterIdentifier: 'ledger-aurora' },
  },
  {
    name: 'item recorded before deletion protection existed',
    resource: instance({ deletionProtection: undefined }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
