import control from '../../controls/rds-snapshot-encrypted.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// DB snapshot baseline: API form. Cluster snapshot baseline: snapshot/event form.
const snapshot = (edit: Record<string, unknown>) =>
  loadItem('rds-snapshot/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) => Object.assign(configuration, edit));
  });
const clusterSnapshot = (edit: Record<string, unknown>) =>
  loadItem('rds-cluster-snapshot/baseline', (raw) => {
    Object.assign(raw.configuration, edit);
  });

testControl(control, [
  {
    name: 'encrypted DB snapshot',
    resource: loadItem('rds-snapshot/baseline'),
    expected: 'PASS',
    reason: 'RDS snapshot orders-db-pre-migration-2026-09 is encrypted.',
    observed: { encrypted: true, snapshotType: 'manual' },
  },
  {
    name: 'encrypted DB cluster snapshot (storageEncrypted)',
    resource: loadItem('rds-cluster-snapshot/baseline'),
    expected: 'PASS',
    reason: 'RDS cluster snapshot ledger-aurora-quarter-close-2026-q3 is encrypted.',
    observed: { storageEncrypted: true },
  },
  {
    name: 'unencrypted DB snapshot',
    resource: snapshot({ encrypted: false, kmsKeyId: null }),
    expected: 'FAIL',
    reason: 'is not encrypted',
  },
  {
    name: 'unencrypted cluster snapshot, boolean as a string',
    resource: clusterSnapshot({ storageEncrypted: 'false' }),
    expected: 'FAIL',
    reason: 'RDS cluster snapshot',
  },
  {
    name: 'cluster snapshot read with the DB snapshot key only',
    resource: clusterSnapshot({ storageEncrypted: undefined, encrypted: true }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded storageEncrypted',
  },
  {
    name: 'DB snapshot without encrypted',
    resource: snapshot({ encrypted: undefined }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
