import control from '../../controls/rds-cluster-backup-retention-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const cluster = (edit: Record<string, unknown>) =>
  loadItem('rds-cluster/baseline', (raw) => {
    Object.assign(raw.configuration, edit);
  });

testControl(control, [
  {
    name: 'fourteen days of backups',
    resource: loadItem('rds-cluster/baseline'),
    expected: 'PASS',
    reason: 'for 14 days',
    observed: { backupRetentionPeriod: 14, minRetentionDays: 7 },
  },
  { name: 'exactly the minimum', resource: cluster({ backupRetentionPeriod: 7 }), expected: 'PASS' },
  {
    name: 'Aurora default of one day',
    resource: cluster({ backupRetentionPeriod: 1 }),
    expected: 'FAIL',
    reason: 'RDS cluster ledger-aurora keeps automated backups for 1 day, fewer than 7.',
  },
  {
    name: 'Multi-AZ DB cluster with backups off',
    resource: cluster({ engine: 'mysql', backupRetentionPeriod: 0 }),
    expected: 'FAIL',
    reason: 'disabled',
  },
  { name: 'retention as a string', resource: cluster({ backupRetentionPeriod: '3' }), expected: 'FAIL' },
  { name: 'not recorded', resource: cluster({ backupRetentionPeriod: undefined }), expected: 'INSUFFICIENT_DATA' },
]);
