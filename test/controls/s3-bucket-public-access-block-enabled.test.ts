import control from '../../controls/s3-bucket-public-access-block-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const OFF = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };

const account = (block: unknown) => [
  loadItem('account/s3-facts', (raw) => {
    raw.s3.accountPublicAccessBlock = block;
  }),
];
/** records-archive (API form) with this bucket-level block, sent as strings the way the API form does. */
const bucketBlock = (block: Record<string, unknown>) =>
  loadItem('s3-bucket/records-archive', (raw) => {
    raw.supplementaryConfiguration.PublicAccessBlockConfiguration = JSON.stringify(block);
  });
const half = {
  blockPublicAcls: 'true',
  ignorePublicAcls: 'false',
  blockPublicPolicy: true,
  restrictPublicBuckets: false,
};

testControl(control, [
  {
    name: 'all four on at bucket level, account not collected',
    resource: loadItem('s3-bucket/baseline'),
    expected: 'PASS',
    observed: { settings: { blockPublicAcls: 'bucket', restrictPublicBuckets: 'bucket' } },
  },
  {
    name: 'no bucket block, all four on at account level (Config item)',
    resource: loadItem('s3-bucket/public-site'),
    context: [loadItem('s3-account-public-access-block/baseline')],
    expected: 'PASS',
    reason: 'at account level',
  },
  {
    name: 'half at bucket level (string booleans), the rest at account level',
    resource: bucketBlock(half),
    context: account({ ...OFF, IgnorePublicAcls: true, RestrictPublicBuckets: true }),
    expected: 'PASS',
    observed: { settings: { blockPublicAcls: 'bucket', ignorePublicAcls: 'account' } },
  },
  {
    name: 'half at bucket level, account has no block',
    resource: bucketBlock(half),
    context: account(null),
    expected: 'FAIL',
    reason: 'ignorePublicAcls, restrictPublicBuckets off at both bucket and account level',
  },
  {
    name: 'no block anywhere',
    resource: loadItem('s3-bucket/public-site'),
    context: account(OFF),
    expected: 'FAIL',
  },
  {
    name: 'half at bucket level, account block not collected',
    resource: bucketBlock(half),
    expected: 'INSUFFICIENT_DATA',
    reason: 'account-level public access block was not collected',
  },
  {
    name: 'partial item without the bucket-level block',
    resource: loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration = {};
    }),
    context: account(null),
    expected: 'INSUFFICIENT_DATA',
    reason: 'bucket-level public access block was not recorded',
  },
]);
