import control from '../../controls/cloudtrail-trail-kms-encrypted.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const trail = (edit: (configuration: any) => void) =>
  loadItem('cloudtrail-trail/baseline', (raw) => edit(raw.configuration));

testControl(control, [
  {
    name: 'SSE-KMS key set',
    resource: loadItem('cloudtrail-trail/baseline'),
    expected: 'PASS',
    observed: { kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/3b8d6f20-91c4-4a57-8e2d-c0f7a1b94e16' },
  },
  {
    name: 'no kmsKeyId (Config omits it)',
    resource: trail((c) => delete c.kmsKeyId),
    expected: 'FAIL',
    reason: 'no KMS key',
  },
  { name: 'kmsKeyId null', resource: trail((c) => (c.kmsKeyId = null)), expected: 'FAIL' },
  {
    name: 'configuration without the trail identity',
    resource: loadItem('cloudtrail-trail/baseline', (raw) => {
      raw.configuration = { hasCustomEventSelectors: true };
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
