import control from '../../controls/rds-instance-multi-az-enabled.js';
import { defineControl } from '../../engine/evaluate/define-control.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const instance = (edit: Record<string, unknown>) =>
  loadItem('rds-instance/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) => Object.assign(configuration, edit));
  });
const replica = instance({ readReplicaSourceDBInstanceIdentifier: 'orders-db', multiAZ: false });

testControl(control, [
  {
    name: 'Multi-AZ standby',
    resource: loadItem('rds-instance/baseline'),
    expected: 'PASS',
    observed: { multiAZ: true, secondaryAvailabilityZone: 'us-east-1c' },
  },
  {
    name: 'single-AZ instance',
    resource: instance({ multiAZ: false, secondaryAvailabilityZone: null }),
    expected: 'FAIL',
    reason: 'RDS instance orders-db runs in a single Availability Zone.',
  },
  { name: 'boolean as the string "false"', resource: instance({ multiAZ: 'false' }), expected: 'FAIL' },
  {
    name: 'Aurora member: availability is the cluster’s',
    resource: loadItem('rds-instance/aurora-member'),
    expected: 'NOT_APPLICABLE',
    reason: 'member of DB cluster ledger-aurora',
  },
  { name: 'read replica is skipped by default', resource: replica, expected: 'NOT_APPLICABLE', reason: 'read replica' },
  { name: 'multiAZ not recorded', resource: instance({ multiAZ: undefined }), expected: 'INSUFFICIENT_DATA' },
]);

testControl(defineControl({ ...control, parameters: { checkReadReplicas: true } }), [
  { name: 'single-AZ read replica when replicas are checked', resource: replica, expected: 'FAIL' },
  { name: 'Multi-AZ primary', resource: loadItem('rds-instance/baseline'), expected: 'PASS' },
]);
