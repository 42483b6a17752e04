import control from '../../controls/iam-user-unused-credentials-disabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { accountWithReportCells, userNamed } from '../helpers/iam-fixtures.js';

const account = loadItem('account/iam-baseline');

testControl(control, [
  {
    name: 'password and key used yesterday',
    resource: loadItem('iam-user/baseline'),
    context: [account],
    expected: 'PASS',
    observed: {
      credentials: [
        { credential: 'password', idleDays: 0 },
        { credential: 'access key 1', idleDays: 0 },
      ],
    },
  },
  {
    name: 'key 1 used two days ago; key 2 never used but created 11 days ago',
    resource: userNamed('svc-reporting'),
    context: [account],
    expected: 'PASS',
    observed: {
      credentials: [
        { credential: 'access key 1', idleDays: 1 },
        { credential: 'access key 2', lastUsed: 'N/A', idleDays: 11 },
      ],
    },
  },
  {
    name: 'password never used (no_information), set 151 days ago: Prowler skips this, we do not',
    resource: userNamed('marco.bianchi'),
    context: [account],
    expected: 'FAIL',
    reason: 'password idle 150 days',
    observed: {
      credentials: [{ credential: 'password', lastUsed: 'no_information', measuredFrom: '2026-05-04T07:31:12.000Z' }],
    },
  },
  {
    name: 'key last used seven months ago',
    resource: userNamed('legacy-etl'),
    context: [account],
    expected: 'FAIL',
    reason: 'access key 1 idle 215 days',
  },
  {
    name: 'never-used active key, rotation date unknown: measured from user creation',
    resource: loadItem('iam-user/baseline'),
    context: [
      accountWithReportCells('priya.natarajan', {
        access_key_1_last_used_date: 'N/A',
        access_key_1_last_rotated: 'N/A',
      }),
    ],
    expected: 'FAIL',
    reason: 'access key 1 idle 836 days',
  },
  {
    name: 'no date anywhere for an enabled password',
    resource: loadItem('iam-user/baseline'),
    context: [
      accountWithReportCells('priya.natarajan', {
        password_last_used: 'no_information',
        password_last_changed: 'N/A',
        user_creation_time: 'N/A',
      }),
    ],
    expected: 'INSUFFICIENT_DATA',
    reason: 'password',
  },
  {
    name: 'unreadable password_enabled',
    resource: loadItem('iam-user/baseline'),
    context: [accountWithReportCells('priya.natarajan', { password_enabled: 'not_supported' })],
    expected: 'INSUFFICIENT_DATA',
    reason: 'password_enabled',
  },
  {
    name: 'no password and no active key',
    resource: loadItem('iam-user/baseline'),
    context: [accountWithReportCells('priya.natarajan', { password_enabled: 'false', access_key_1_active: 'false' })],
    expected: 'PASS',
    reason: 'no enabled password and no active access key',
  },
  { name: 'no credential report', resource: loadItem('iam-user/baseline'), expected: 'INSUFFICIENT_DATA' },
]);
