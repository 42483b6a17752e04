import control from '../../controls/kms-key-rotation-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const KEY_ID = '7c1e2b9a-4d3f-4e8a-9b6c-2f1a0d5e8c73';

// The baseline is in the API shape: configuration and supplementary values are JSON strings.
// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const key = (edit: (configuration: any, supplementary: Record<string, string>) => void) =>
  loadItem('kms-key/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) => {
      edit(configuration, raw.supplementaryConfiguration);
    });
  });

const withoutRotationStatus = key((_c, supplementary) => {
  delete supplementary.KeyRotationStatus;
});
const facts = (rotation: Record<string, boolean> | undefined) =>
  loadItem('account/monitoring-baseline', (raw) => {
    if (rotation) raw.regions['eu-west-1'].kmsKeyRotation = rotation;
    else delete raw.regions['eu-west-1'].kmsKeyRotation;
  });

testControl(control, [
  {
    name: 'customer managed symmetric key with rotation on',
    resource: loadItem('kms-key/baseline'),
    expected: 'PASS',
    observed: { rotationEnabled: true, rotationStatusSource: 'supplementaryConfiguration.KeyRotationStatus' },
  },
  {
    name: 'KeyRotationStatus "false" (API shape)',
    resource: key((_c, s) => {
      s.KeyRotationStatus = 'false';
    }),
    expected: 'FAIL',
    reason: 'rotation disabled',
  },
  {
    name: 'KeyRotationStatus as the string "False" left undecoded',
    resource: key((_c, s) => {
      s.KeyRotationStatus = '"False"';
    }),
    expected: 'FAIL',
    observed: { rotationEnabled: false },
  },
  {
    name: 'rotation status taken from the account facts',
    resource: withoutRotationStatus,
    context: [facts({ [KEY_ID]: true })],
    expected: 'PASS',
    observed: { rotationStatusSource: 'account facts regions.eu-west-1.kmsKeyRotation' },
  },
  {
    name: 'account facts say rotation is off',
    resource: withoutRotationStatus,
    context: [facts({ [KEY_ID]: false })],
    expected: 'FAIL',
  },
  {
    name: 'rotation status neither in the item nor in the facts',
    resource: withoutRotationStatus,
    context: [facts(undefined)],
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded rotation status',
  },
  {
    name: 'rotation status absent and no account facts at all',
    resource: withoutRotationStatus,
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'KeyRotationStatus that is not valid JSON',
    resource: key((_c, s) => {
      s.KeyRotationStatus = '{"enabled":';
    }),
    expected: 'ERROR',
  },
  {
    name: 'AWS managed key',
    resource: key((c) => {
      c.keyManager = 'AWS';
      c.description = 'Default key that protects my RDS database volumes when no other key is defined';
    }),
    expected: 'NOT_APPLICABLE',
    reason: 'AWS managed',
  },
  {
    name: 'asymmetric signing key',
    resource: key((c) => {
      c.keySpec = 'RSA_2048';
      c.customerMasterKeySpec = 'RSA_2048';
      c.keyUsage = 'SIGN_VERIFY';
    }),
    expected: 'NOT_APPLICABLE',
    reason: 'RSA_2048',
  },
  {
    name: 'old item with only customerMasterKeySpec',
    resource: key((c) => {
      delete c.keySpec;
    }),
    expected: 'PASS',
  },
  {
    name: 'imported key material',
    resource: key((c) => {
      c.origin = 'EXTERNAL';
    }),
    expected: 'NOT_APPLICABLE',
    reason: 'imported key material',
  },
  {
    name: 'disabled key',
    resource: key((c) => {
      c.keyState = 'Disabled';
      c.enabled = false;
    }),
    expected: 'NOT_APPLICABLE',
    reason: 'Disabled',
  },
  {
    name: 'item without keyManager',
    resource: key((c) => {
      delete c.keyManager;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'item without keyState',
    resource: key((c) => {
      delete c.keyState;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'item without any key spec',
    resource: key((c) => {
      delete c.keySpec;
      delete c.customerMasterKeySpec;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'item without origin',
    resource: key((c) => {
      delete c.origin;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
