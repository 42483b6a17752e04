import control from '../../controls/iam-user-console-mfa-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { accountWithReportCells, userNamed } from '../helpers/iam-fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

const account = loadItem('account/iam-baseline');

testControl(control, [
  {
    name: 'console password with MFA',
    resource: loadItem('iam-user/baseline'),
    context: [account],
    expected: 'PASS',
    observed: { passwordEnabled: 'true', mfaActive: 'true' },
  },
  {
    name: 'console password, no MFA',
    resource: userNamed('marco.bianchi'),
    context: [account],
    expected: 'FAIL',
    reason: 'IAM user marco.bianchi has a console password and no MFA device.',
  },
  {
    name: 'programmatic user without a console password',
    resource: userNamed('svc-reporting'),
    context: [account],
    expected: 'PASS',
    reason: 'no console password',
  },
  {
    name: 'upper-case cells',
    resource: loadItem('iam-user/baseline'),
    context: [accountWithReportCells('priya.natarajan', { mfa_active: 'FALSE' })],
    expected: 'FAIL',
  },
  {
    name: 'unreadable password_enabled',
    resource: loadItem('iam-user/baseline'),
    context: [accountWithReportCells('priya.natarajan', { password_enabled: 'N/A' })],
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'unreadable mfa_active',
    resource: loadItem('iam-user/baseline'),
    context: [accountWithReportCells('priya.natarajan', { mfa_active: '' })],
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'user created after the report was generated',
    resource: userNamed('new-joiner'),
    context: [account],
    expected: 'INSUFFICIENT_DATA',
    reason: 'is not in the credential report',
  },
  {
    name: 'no account facts at all',
    resource: loadItem('iam-user/baseline'),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no account facts',
  },
  {
    name: 'account facts without a credential report',
    resource: loadItem('iam-user/baseline'),
    context: [
      loadItem('account/iam-baseline', (raw: Raw) => {
        delete raw.iam.credentialReport;
      }),
    ],
    expected: 'INSUFFICIENT_DATA',
    reason: 'credential report was not collected',
  },
]);
