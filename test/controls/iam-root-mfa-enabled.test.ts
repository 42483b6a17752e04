import control from '../../controls/iam-root-mfa-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { accountWithReportCells } from '../helpers/iam-fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

/** The baseline account with the root row's mfa_active set, and the summary dropped. */
const reportOnly = (mfaActive: string) =>
  accountWithReportCells('<root_account>', { mfa_active: mfaActive }, { dropSummary: true });

testControl(control, [
  {
    name: 'account summary says AccountMFAEnabled 1',
    resource: loadItem('account/iam-baseline'),
    expected: 'PASS',
    observed: { accountMfaEnabled: 1, decidedBy: 'account summary' },
  },
  {
    name: 'account summary says AccountMFAEnabled 0 (it wins over the cached report)',
    resource: loadItem('account/iam-baseline', (raw: Raw) => {
      raw.iam.accountSummary.AccountMFAEnabled = 0;
    }),
    expected: 'FAIL',
    reason: 'Root user of account 111122223333 has no MFA device.',
    observed: { accountMfaEnabled: 0, rootRowMfaActive: true },
  },
  {
    name: 'no summary; report root row mfa_active true',
    resource: reportOnly('true'),
    expected: 'PASS',
    observed: { decidedBy: 'credential report' },
  },
  { name: 'no summary; report root row mfa_active FALSE', resource: reportOnly('FALSE'), expected: 'FAIL' },
  { name: 'no summary; unreadable root row', resource: reportOnly('N/A'), expected: 'INSUFFICIENT_DATA' },
  {
    name: 'neither summary nor report collected (AccessDenied recorded)',
    resource: loadItem('account/iam-baseline', (raw: Raw) => {
      delete raw.iam;
      raw.collectionErrors = [
        { service: 'iam', operation: 'GetAccountSummary', code: 'AccessDenied', message: 'not authorized' },
      ];
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'neither the IAM account summary',
    observed: { collectionErrors: [{ operation: 'GetAccountSummary', code: 'AccessDenied' }] },
  },
]);
