import control from '../../controls/iam-root-hardware-mfa-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

const rootVirtualDevice = {
  SerialNumber: 'arn:aws:iam::111122223333:mfa/root-authenticator',
  User: { UserId: '111122223333', Arn: 'arn:aws:iam::111122223333:root', CreateDate: '2021-03-08T14:02:55Z' },
  EnableDate: '2021-03-08T14:20:11Z',
};

testControl(control, [
  {
    name: 'root MFA on; the device named root-account-mfa-device belongs to an IAM user, not root',
    resource: loadItem('account/iam-baseline'),
    expected: 'PASS',
    observed: { rootVirtualMfaDevices: [] },
  },
  {
    name: 'a virtual device bound to the root ARN',
    resource: loadItem('account/iam-baseline', (raw: Raw) => {
      raw.iam.virtualMfaDevices.push(rootVirtualDevice);
    }),
    expected: 'FAIL',
    reason: 'arn:aws:iam::111122223333:mfa/root-authenticator',
  },
  {
    name: 'root has no MFA at all',
    resource: loadItem('account/iam-baseline', (raw: Raw) => {
      raw.iam.accountSummary.AccountMFAEnabled = 0;
    }),
    expected: 'FAIL',
    reason: 'has no MFA device',
  },
  {
    name: 'root MFA on, but the virtual device list was not collected',
    resource: loadItem('account/iam-baseline', (raw: Raw) => {
      delete raw.iam.virtualMfaDevices;
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'virtual MFA device list was not collected',
  },
  {
    name: 'root MFA state unknown',
    resource: loadItem('account/iam-baseline', (raw: Raw) => {
      delete raw.iam.accountSummary;
      delete raw.iam.credentialReport;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
