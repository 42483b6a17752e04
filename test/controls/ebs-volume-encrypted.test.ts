import control from '../../controls/ebs-volume-encrypted.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// The baseline is in the API form: configuration is a JSON string.
const editVolume = (edit: (configuration: Record<string, unknown>) => void) =>
  loadItem('ec2-volume/baseline', (raw) => editJson(raw, 'configuration', edit));

testControl(control, [
  {
    name: 'encrypted with a customer key',
    resource: loadItem('ec2-volume/baseline'),
    expected: 'PASS',
    observed: { encrypted: true, state: 'in-use', attachedTo: ['i-0f3b8c21d7a94e615'] },
  },
  {
    name: 'unencrypted volume',
    resource: editVolume((c) => {
      c.encrypted = false;
      delete c.kmsKeyId;
    }),
    expected: 'FAIL',
    reason: 'vol-0b9d2f7e4c1a38256 is not encrypted',
  },
  {
    name: 'state recorded as an object (schema shape)',
    resource: editVolume((c) => {
      c.state = { value: 'available' };
    }),
    expected: 'PASS',
    observed: { state: 'available' },
  },
  {
    name: 'item without the encrypted flag',
    resource: editVolume((c) => {
      delete c.encrypted;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
