import control from '../../controls/s3-bucket-default-encryption-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const siteWithEncryption = (value: unknown) =>
  loadItem('s3-bucket/public-site', (raw) => {
    raw.supplementaryConfiguration.ServerSideEncryptionConfiguration = value;
  });

testControl(control, [
  {
    name: 'SSE-KMS with a customer key (API form)',
    resource: loadItem('s3-bucket/baseline'),
    expected: 'PASS',
    observed: { sseAlgorithm: 'aws:kms', bucketKeyEnabled: true },
  },
  {
    name: 'SSE-S3 (snapshot form)',
    resource: loadItem('s3-bucket/public-site'),
    expected: 'PASS',
    reason: 'with AES256',
  },
  { name: 'DSSE-KMS', resource: loadItem('s3-bucket/records-archive'), expected: 'PASS', reason: 'aws:kms:dsse' },
  {
    name: 'complete item without ServerSideEncryptionConfiguration',
    resource: loadItem('s3-bucket/public-site', (raw) => {
      delete raw.supplementaryConfiguration.ServerSideEncryptionConfiguration;
    }),
    expected: 'FAIL',
    reason: 'no default encryption configuration in its Config item',
  },
  {
    name: 'configuration without rules',
    resource: siteWithEncryption({ rules: [] }),
    expected: 'FAIL',
    reason: 'without a default encryption rule',
  },
  { name: 'configuration reported as null', resource: siteWithEncryption(null), expected: 'FAIL' },
  {
    name: 'algorithm outside the accepted set',
    resource: siteWithEncryption({ rules: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: 'aws:fsx' } }] }),
    expected: 'FAIL',
    reason: 'aws:fsx',
  },
  {
    name: 'S3 API PascalCase shape',
    resource: siteWithEncryption({
      Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: 'true' }],
    }),
    expected: 'PASS',
    observed: { sseAlgorithm: 'aws:kms', bucketKeyEnabled: true },
  },
  {
    name: 'empty supplementaryConfiguration',
    resource: loadItem('s3-bucket/baseline', (raw) => {
      raw.supplementaryConfiguration = {};
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'undecodable encryption configuration',
    resource: loadItem('s3-bucket/baseline', (raw) => {
      raw.supplementaryConfiguration.ServerSideEncryptionConfiguration = '{"rules":[';
    }),
    expected: 'ERROR',
  },
]);
