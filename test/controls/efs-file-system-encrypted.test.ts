import control from '../../controls/efs-file-system-encrypted.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// CloudFormation-registry type: PascalCase keys, API form.
const fileSystem = (edit: Record<string, unknown>) =>
  loadItem('efs-file-system/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) => Object.assign(configuration, edit));
  });

testControl(control, [
  {
    name: 'encrypted with a KMS key',
    resource: loadItem('efs-file-system/baseline'),
    expected: 'PASS',
    reason: 'EFS file system fs-0c4a8e2d6b1f93a57 is encrypted at rest.',
    observed: {
      encrypted: true,
      kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b',
    },
  },
  {
    name: 'not encrypted',
    resource: fileSystem({ Encrypted: false, KmsKeyId: undefined }),
    expected: 'FAIL',
    reason: 'is not encrypted at rest',
  },
  { name: 'boolean as the string "false"', resource: fileSystem({ Encrypted: 'false' }), expected: 'FAIL' },
  {
    name: 'snapshot form with camelCase keys',
    resource: loadItem('efs-file-system/baseline', (raw) => {
      const { Encrypted: _encrypted, ...rest } = JSON.parse(raw.configuration);
      raw.configuration = { ...rest, encrypted: true };
    }),
    expected: 'PASS',
  },
  { name: 'Encrypted not recorded', resource: fileSystem({ Encrypted: undefined }), expected: 'INSUFFICIENT_DATA' },
]);
