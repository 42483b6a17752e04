import control from '../../controls/iam-user-at-most-one-active-access-key.js';
import { parseCredentialReportCsv } from '../../engine/normalize/account-facts.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
type Raw = any;

const account = loadItem('account/iam-baseline');

const userNamed = (name: string) =>
  loadItem('iam-user/baseline', (raw: Raw) => {
    raw.arn = `arn:aws:iam::111122223333:user/${name}`;
    raw.resourceName = name;
    raw.configuration = raw.configuration.replaceAll('priya.natarajan', name);
  });

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
    context: [
      loadItem('account/iam-baseline', (raw: Raw) => {
        const rows = parseCredentialReportCsv(raw.iam.credentialReport.csv);
        rows[1]!.access_key_2_active = 'N/A';
        raw.iam.credentialReport = { generatedTime: raw.iam.credentialReport.generatedTime, rows };
      }),
    ],
    expected: 'INSUFFICIENT_DATA',
  },
  { name: 'no credential report', resource: loadItem('iam-user/baseline'), expected: 'INSUFFICIENT_DATA' },
]);
