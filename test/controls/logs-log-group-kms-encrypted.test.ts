import control from '../../controls/logs-log-group-kms-encrypted.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const group = (edit: (configuration: any) => void) =>
  loadItem('log-group/baseline', (raw) => editJson(raw, 'configuration', edit));

testControl(control, [
  {
    name: 'KMS key associated',
    resource: loadItem('log-group/baseline'),
    expected: 'PASS',
    reason: 'encrypted with KMS key',
  },
  { name: 'no KmsKeyId', resource: group((c) => delete c.KmsKeyId), expected: 'FAIL', reason: 'no KMS key associated' },
  {
    name: 'configuration without the log group identity',
    resource: group((c) => {
      delete c.KmsKeyId;
      delete c.LogGroupName;
      delete c.Arn;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
