import control from '../../controls/efs-file-system-backup-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const withBackupPolicy = (policy: unknown) =>
  loadItem('efs-file-system/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) => Object.assign(configuration, { BackupPolicy: policy }));
  });

testControl(control, [
  {
    name: 'automatic backups enabled',
    resource: loadItem('efs-file-system/baseline'),
    expected: 'PASS',
    observed: { backupPolicyStatus: 'ENABLED' },
  },
  {
    name: 'automatic backups disabled',
    resource: withBackupPolicy({ Status: 'DISABLED' }),
    expected: 'FAIL',
    reason: 'EFS file system fs-0c4a8e2d6b1f93a57 has its backup policy set to DISABLED.',
  },
  { name: 'still enabling', resource: withBackupPolicy({ Status: 'ENABLING' }), expected: 'FAIL', reason: 'ENABLING' },
  { name: 'lower-case status key', resource: withBackupPolicy({ status: 'enabled' }), expected: 'PASS' },
  {
    name: 'no backup policy recorded',
    resource: withBackupPolicy(undefined),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded backup policy',
  },
  { name: 'backup policy without a status', resource: withBackupPolicy({}), expected: 'INSUFFICIENT_DATA' },
]);
