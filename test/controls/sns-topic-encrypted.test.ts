import control from '../../controls/sns-topic-encrypted.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

testControl(control, [
  {
    name: 'customer managed key',
    resource: loadItem('sns-topic/baseline'),
    expected: 'PASS',
    reason: 'orders-events is encrypted',
  },
  {
    name: 'AWS managed alias',
    resource: loadItem('sns-topic/baseline', (raw) => (raw.configuration.KmsMasterKeyId = 'alias/aws/sns')),
    expected: 'PASS',
  },
  {
    name: 'no KmsMasterKeyId',
    resource: loadItem('sns-topic/baseline', (raw) => delete raw.configuration.KmsMasterKeyId),
    expected: 'FAIL',
  },
  {
    name: 'attributes missing',
    resource: loadItem('sns-topic/baseline', (raw) => (raw.configuration = { DisplayName: 'Order events' })),
    expected: 'INSUFFICIENT_DATA',
  },
]);
