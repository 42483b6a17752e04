import control from '../../controls/rds-instance-backup-enabled.js';
import { defineControl } from '../../engine/evaluate/define-control.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const instance = (edit: Record<string, unknown>) =>
  loadItem('rds-instance/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) => Object.assign(configuration, edit));
  });
const replica = (edit: Record<string, unknown> = {}) =>
  instance({ readReplicaSourceDBInstanceIdentifier: 'orders-db', backupRetentionPeriod: 0, ...edit });

testControl(control, [
  {
    name: 'seven days of backups',
    resource: loadItem('rds-instance/baseline'),
    expected: 'PASS',
    observed: { backupRetentionPeriod: 7, minRetentionDays: 7 },
  },
  {
    name: 'backups disabled (retention 0)',
    resource: instance({ backupRetentionPeriod: 0 }),
    expected: 'FAIL',
    reason: 'RDS instance orders-db has automated backups disabled.',
  },
  {
    name: 'retention below the minimum',
    resource: instance({ backupRetentionPeriod: 3 }),
    expected: 'FAIL',
    reason: 'for 3 days, fewer than 7',
  },
  { name: 'retention as a string', resource: instance({ backupRetentionPeriod: '35' }), expected: 'PASS' },
  {
    name: 'Aurora member: the cluster holds the backups',
    resource: loadItem('rds-instance/aurora-member', (raw) => {
      raw.configuration.backupRetentionPeriod = 1;
    }),
    expected: 'NOT_APPLICABLE',
    reason: 'member of DB cluster ledger-aurora',
  },
  {
    name: 'read replica is skipped by default',
    resource: replica(),
    expected: 'NOT_APPLICABLE',
    reason: 'read replica of orders-db',
  },
  {
    name: 'retention not recorded',
    resource: instance({ backupRetentionPeriod: undefined }),
    expected: 'INSUFFICIENT_DATA',
  },
  { name: 'retention unreadable', resource: instance({ backupRetentionPeriod: 'weekly' }), expected: 'ERROR' },
]);

// The same logic with the replica check turned on and a stricter minimum.
const strict = defineControl({ ...control, parameters: { minRetentionDays: 14, checkReadReplicas: true } });
testControl(strict, [
  { name: 'read replica without backups', resource: replica(), expected: 'FAIL', reason: 'disabled' },
  { name: 'read replica with 14 days', resource: replica({ backupRetentionPeriod: 14 }), expected: 'PASS' },
  { name: 'seven days is below 14', resource: loadItem('rds-instance/baseline'), expected: 'FAIL' },
]);
