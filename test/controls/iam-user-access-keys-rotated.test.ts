import control from '../../controls/iam-user-access-keys-rotated.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { accountWithReportCells, userNamed } from '../helpers/iam-fixtures.js';

const account = loadItem('account/iam-baseline');

testControl(control, [
  {
    name: 'one active key rotated 47 days before the item was captured',
    resource: loadItem('iam-user/baseline'),
    context: [account],
    expected: 'PASS',
    observed: { activeKeys: [{ key: 1, ageDays: 47 }], asOf: '2026-10-02T05:58:12.331Z' },
  },
  {
    name: 'key 1 rotated 333 days ago, key 2 fresh',
    resource: userNamed('svc-reporting'),
    context: [account],
    expected: 'FAIL',
    reason: '(key 1 is 332 days old)',
  },
  {
    name: 'no access keys at all',
    resource: userNamed('marco.bianchi'),
    context: [account],
    expected: 'PASS',
    reason: 'no active access keys',
  },
  {
    name: 'same key measured at a later instant (asOf, not the report time)',
    resource: loadItem('iam-user/baseline'),
    context: [account],
    asOf: new Date('2026-11-20T00:00:00Z'),
    expected: 'FAIL',
    reason: 'key 1 is 96 days old',
  },
  {
    name: 'an active key without a rotation date',
    resource: loadItem('iam-user/baseline'),
    context: [accountWithReportCells('priya.natarajan', { access_key_1_last_rotated: 'N/A' })],
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'unreadable key state',
    resource: loadItem('iam-user/baseline'),
    context: [accountWithReportCells('priya.natarajan', { access_key_2_active: '' })],
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'user not in the report',
    resource: userNamed('new-joiner'),
    context: [account],
    expected: 'INSUFFICIENT_DATA',
  },
]);
