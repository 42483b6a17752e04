import control from '../../controls/kms-key-not-pending-deletion.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const key = (edit: (configuration: any) => void) =>
  loadItem('kms-key/baseline', (raw) => editJson(raw, 'configuration', edit));

testControl(control, [
  { name: 'enabled key', resource: loadItem('kms-key/baseline'), expected: 'PASS', observed: { keyState: 'Enabled' } },
  { name: 'disabled key is not being deleted', resource: key((c) => (c.keyState = 'Disabled')), expected: 'PASS' },
  {
    name: 'scheduled for deletion (epoch-ms deletionDate)',
    resource: key((c) => {
      c.keyState = 'PendingDeletion';
      c.enabled = false;
      c.deletionDate = Date.parse('2026-09-21T08:21:05.118Z');
    }),
    expected: 'FAIL',
    reason: 'will be deleted on 2026-09-21T08:21:05.118Z',
    observed: { deletionDate: '2026-09-21T08:21:05.118Z', daysUntilDeletion: 7 },
  },
  {
    name: 'replica pending deletion without a recorded date',
    resource: key((c) => (c.keyState = 'PendingReplicaDeletion')),
    expected: 'FAIL',
    reason: 'unrecorded date',
    observed: { deletionDate: null },
  },
  { name: 'AWS managed key', resource: key((c) => (c.keyManager = 'AWS')), expected: 'NOT_APPLICABLE' },
  { name: 'no keyState', resource: key((c) => delete c.keyState), expected: 'INSUFFICIENT_DATA' },
  { name: 'no keyManager', resource: key((c) => delete c.keyManager), expected: 'INSUFFICIENT_DATA' },
]);
