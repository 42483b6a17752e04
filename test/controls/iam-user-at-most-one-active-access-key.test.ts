import control from '../../controls/iam-user-at-most-one-active-access-key.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { accountWithReportCells, userNamed } from '../helpers/iam-fixtures.js';

const account = loadItem('account/iam-baseline');

testControl(control, [
  {
    name: 'one active key',
    resource: loadItem('iam-user/baseline'),
    context: [account],
    expected: 'PASS',
    reason: 'one active access key',
  },
  {
    name: 'no keys',
    resource: userNamed('marco.bianchi'),
    context: [account],
    expected: 'PASS',
    reason: 'no active access keys',
  },
  {
    name: 'two active keys (an unfinished rotation)',
    resource: userNamed('svc-reporting'),
    context: [account],
    expected: 'FAIL',
    observed: { accessKey1Active: 'true', accessKey2Active: 'true' },
  },
  {
    name: 'unreadable key state',
    resource: loadItem('iam-user/baseline'),
    context: [accountWithReportCells('priya.natarajan', { access_key_2_active: 'N/A' })],
    expected: 'INSUFFICIENT_DATA',
  },
  { name: 'no credential report', resource: loadItem('iam-user/baseline'), expected: 'INSUFFICIENT_DATA' },
]);
