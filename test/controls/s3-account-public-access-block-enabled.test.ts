import control from '../../controls/s3-account-public-access-block-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const facts = (patch?: (s3: Record<string, unknown>) => void) =>
  loadItem('account/s3-facts', (raw) => {
    patch?.(raw.s3);
  });
const configItem = (configuration: Record<string, unknown>) =>
  loadItem('s3-account-public-access-block/baseline', (raw) => {
    raw.configuration = JSON.stringify(configuration);
  });

testControl(control, [
  {
    name: 'account facts with all four on (S3 Control PascalCase)',
    resource: facts(),
    expected: 'PASS',
    observed: { source: 'account facts' },
  },
  {
    name: 'account facts: no account-level block (null)',
    resource: facts((s3) => {
      s3.accountPublicAccessBlock = null;
    }),
    expected: 'FAIL',
    reason: 'no S3 account-level public access block configured',
  },
  {
    name: 'account facts: IgnorePublicAcls off',
    resource: facts((s3) => {
      s3.accountPublicAccessBlock = {
        BlockPublicAcls: true,
        IgnorePublicAcls: false,
        BlockPublicPolicy: true,
        RestrictPublicBuckets: true,
      };
    }),
    expected: 'FAIL',
    reason: 'settings off: ignorePublicAcls',
  },
  {
    name: 'account facts without the S3 block',
    resource: facts((s3) => {
      delete s3.accountPublicAccessBlock;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'account facts without the S3 block, Config item in the inventory',
    resource: facts((s3) => {
      delete s3.accountPublicAccessBlock;
    }),
    context: [loadItem('s3-account-public-access-block/baseline')],
    expected: 'PASS',
    observed: { source: 'AWS::S3::AccountPublicAccessBlock item' },
  },
  {
    name: 'Config item with all four on (API form)',
    resource: loadItem('s3-account-public-access-block/baseline'),
    expected: 'PASS',
  },
  {
    name: 'Config item with RestrictPublicBuckets off',
    resource: configItem({
      blockPublicAcls: true,
      ignorePublicAcls: true,
      blockPublicPolicy: true,
      restrictPublicBuckets: false,
    }),
    expected: 'FAIL',
    reason: 'restrictPublicBuckets',
  },
  { name: 'Config item with an empty configuration', resource: configItem({}), expected: 'INSUFFICIENT_DATA' },
]);
