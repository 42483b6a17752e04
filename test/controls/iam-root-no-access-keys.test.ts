import control from '../../controls/iam-root-no-access-keys.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { accountWithReportCells } from '../helpers/iam-fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

/** The baseline account without a summary, the root row's key cells set. */
const reportOnly = (key1: string, key2: string) =>
  accountWithReportCells(
    '<root_account>',
    { access_key_1_active: key1, access_key_2_active: key2 },
    { dropSummary: true },
  );

testControl(control, [
  {
    name: 'AccountAccessKeysPresent 0',
    resource: loadItem('account/iam-baseline'),
    expected: 'PASS',
    observed: { accountAccessKeysPresent: 0 },
  },
  {
    name: 'AccountAccessKeysPresent 1 (an inactive key still counts)',
    resource: loadItem('account/iam-baseline', (raw: Raw) => {
      raw.iam.accountSummary.AccountAccessKeysPresent = 1;
    }),
    expected: 'FAIL',
    reason: 'Root user of account 111122223333 has an access key.',
  },
  {
    name: 'no summary; root row key 2 active',
    resource: reportOnly('false', 'true'),
    expected: 'FAIL',
    observed: { decidedBy: 'credential report' },
  },
  { name: 'no summary; both root keys inactive', resource: reportOnly('false', 'false'), expected: 'PASS' },
  { name: 'no summary; key cells unreadable', resource: reportOnly('N/A', 'false'), expected: 'INSUFFICIENT_DATA' },
  {
    name: 'no IAM facts collected',
    resource: loadItem('account/iam-baseline', (raw: Raw) => {
      delete raw.iam;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
