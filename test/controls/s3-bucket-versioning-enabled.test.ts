import control from '../../controls/s3-bucket-versioning-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const withVersioning = (status: string) =>
  loadItem('s3-bucket/baseline', (raw) => {
    raw.supplementaryConfiguration.BucketVersioningConfiguration = JSON.stringify({ status, isMfaDeleteEnabled: null });
  });

testControl(control, [
  {
    name: 'versioning enabled',
    resource: loadItem('s3-bucket/baseline'),
    expected: 'PASS',
    observed: { versioningStatus: 'Enabled' },
  },
  {
    name: 'never versioned (Config says Off)',
    resource: withVersioning('Off'),
    expected: 'FAIL',
    reason: 'set to Off',
  },
  { name: 'versioning suspended', resource: withVersioning('Suspended'), expected: 'FAIL', reason: 'Suspended' },
  {
    name: 'item without the versioning key',
    resource: loadItem('s3-bucket/baseline', (raw) => {
      delete raw.supplementaryConfiguration.BucketVersioningConfiguration;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
