import control from '../../controls/sqs-queue-encrypted.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const queue = (edit: (configuration: any) => void) => loadItem('sqs-queue/baseline', (raw) => edit(raw.configuration));

testControl(control, [
  {
    name: 'SSE-SQS ("true" string attribute)',
    resource: loadItem('sqs-queue/baseline'),
    expected: 'PASS',
    observed: { encryption: 'SSE-SQS', sqsManagedSseEnabled: true },
  },
  {
    name: 'SSE-KMS',
    resource: queue((c) => {
      c.SqsManagedSseEnabled = 'false';
      c.KmsMasterKeyId = 'alias/orders-queue';
      c.KmsDataKeyReusePeriodSeconds = '300';
    }),
    expected: 'PASS',
    observed: { encryption: 'SSE-KMS' },
  },
  {
    name: 'encryption off',
    resource: queue((c) => (c.SqsManagedSseEnabled = 'false')),
    expected: 'FAIL',
    observed: { encryption: 'none' },
  },
  {
    name: 'item recorded without either attribute',
    resource: queue((c) => delete c.SqsManagedSseEnabled),
    expected: 'INSUFFICIENT_DATA',
  },
]);
