import control from '../../controls/rds-snapshot-not-public.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// DB snapshot baseline: API form (attributes as a JSON string). Cluster snapshot: snapshot/event form.
const snapshotSharedWith = (values: unknown) =>
  loadItem('rds-snapshot/baseline', (raw) => {
    raw.supplementaryConfiguration.DBSnapshotAttributes = JSON.stringify([
      { attributeName: 'restore', attributeValues: values },
    ]);
  });
const withoutAttributes = (snapshotType: string) =>
  loadItem('rds-snapshot/baseline', (raw) => {
    delete raw.supplementaryConfiguration.DBSnapshotAttributes;
    editJson(raw, 'configuration', (configuration) => Object.assign(configuration, { snapshotType }));
  });

testControl(control, [
  {
    name: 'shared with one named account',
    resource: loadItem('rds-snapshot/baseline'),
    expected: 'PASS',
    reason: 'shared only with account(s) 444455556666',
    observed: { public: false, sharedWithAccounts: ['444455556666'] },
  },
  {
    name: 'cluster snapshot not shared',
    resource: loadItem('rds-cluster-snapshot/baseline'),
    expected: 'PASS',
    reason: 'RDS cluster snapshot ledger-aurora-quarter-close-2026-q3 is not shared with any other account.',
    observed: { sharedWithAccounts: [] },
  },
  {
    name: 'public DB snapshot',
    resource: snapshotSharedWith(['all']),
    expected: 'FAIL',
    reason: 'can be restored by any AWS account',
    observed: { public: true },
  },
  {
    name: 'public and shared with an account',
    resource: snapshotSharedWith(['444455556666', 'all']),
    expected: 'FAIL',
    observed: { public: true, sharedWithAccounts: ['444455556666'] },
  },
  {
    name: 'public cluster snapshot (snapshot form)',
    resource: loadItem('rds-cluster-snapshot/baseline', (raw) => {
      raw.supplementaryConfiguration.DBClusterSnapshotAttributes = [
        { attributeName: 'restore', attributeValues: ['all'] },
      ];
    }),
    expected: 'FAIL',
    reason: 'RDS cluster snapshot',
  },
  {
    name: 'manual snapshot without recorded attributes',
    resource: withoutAttributes('manual'),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded DBSnapshotAttributes',
  },
  {
    name: 'automated snapshot without recorded attributes',
    resource: withoutAttributes('automated'),
    expected: 'NOT_APPLICABLE',
    reason: 'automated snapshot',
  },
  {
    name: 'attributes that are not valid JSON',
    resource: loadItem('rds-snapshot/baseline', (raw) => {
      raw.supplementaryConfiguration.DBSnapshotAttributes = '[{"attributeName":"restore",';
    }),
    expected: 'ERROR',
    reason: 'unreadable DBSnapshotAttributes',
  },
  {
    name: 'attributes in an unknown shape',
    resource: loadItem('rds-snapshot/baseline', (raw) => {
      raw.supplementaryConfiguration.DBSnapshotAttributes = JSON.stringify({ restore: 'all' });
    }),
    expected: 'ERROR',
    reason: 'unrecognised shape',
  },
]);
