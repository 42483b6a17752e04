import control from '../../controls/s3-bucket-sse-kms-where-required.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const siteTagged = (value: string, patch?: (raw: { supplementaryConfiguration: Record<string, unknown> }) => void) =>
  loadItem('s3-bucket/public-site', (raw) => {
    raw.tags['data-classification'] = value;
    patch?.(raw);
  });

testControl(control, [
  {
    name: 'confidential bucket with SSE-KMS',
    resource: loadItem('s3-bucket/baseline'),
    expected: 'PASS',
    observed: { tag: 'data-classification=confidential', sseAlgorithm: 'aws:kms' },
  },
  { name: 'restricted bucket with DSSE-KMS', resource: loadItem('s3-bucket/records-archive'), expected: 'PASS' },
  {
    name: 'PII bucket (value in upper case) with SSE-S3',
    resource: siteTagged('PII'),
    expected: 'FAIL',
    reason: 'with AES256, not AWS KMS',
  },
  {
    name: 'PHI bucket without a recorded encryption rule',
    resource: siteTagged('phi', (raw) => {
      delete raw.supplementaryConfiguration.ServerSideEncryptionConfiguration;
    }),
    expected: 'FAIL',
    reason: 'no default encryption rule',
  },
  { name: 'untagged bucket', resource: loadItem('s3-bucket/public-site'), expected: 'NOT_APPLICABLE' },
  {
    name: 'bucket tagged public',
    resource: siteTagged('public'),
    expected: 'NOT_APPLICABLE',
    observed: { tag: 'data-classification=public' },
  },
  {
    name: 'confidential bucket with an empty supplementaryConfiguration',
    resource: siteTagged('confidential', (raw) => {
      raw.supplementaryConfiguration = {};
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
