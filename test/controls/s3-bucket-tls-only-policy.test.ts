import control from '../../controls/s3-bucket-tls-only-policy.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const OBJECTS = 'arn:aws:s3:::acme-marketing-site/*';

const deny = (extra: Record<string, unknown> = {}) => ({
  Effect: 'Deny',
  Principal: '*',
  Action: 's3:*',
  Resource: ['arn:aws:s3:::acme-marketing-site', OBJECTS],
  Condition: { Bool: { 'aws:SecureTransport': 'false' } },
  ...extra,
});

/** The public-site fixture (snapshot form) with the given policy statements. */
const withPolicy = (...statements: Record<string, unknown>[]) =>
  loadItem('s3-bucket/public-site', (raw) => {
    raw.supplementaryConfiguration.BucketPolicy = {
      policyText: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
    };
  });

testControl(control, [
  {
    name: 'Bool aws:SecureTransport "false" on s3:* (API form)',
    resource: loadItem('s3-bucket/baseline'),
    expected: 'PASS',
    observed: { tlsDenyStatements: ['DenyInsecureTransport'] },
  },
  {
    name: 'BoolIfExists with boolean false, {"AWS":"*"}, GetObject*/PutObject* wildcards',
    resource: loadItem('s3-bucket/records-archive'),
    expected: 'PASS',
    observed: { actionsDeniedWithoutTls: ['s3:GetObject', 's3:PutObject'] },
  },
  {
    name: 'key and value in another case',
    resource: withPolicy(deny({ Sid: 'TlsOnly', Condition: { bool: { 'AWS:SecureTransport': 'FALSE' } } })),
    expected: 'PASS',
  },
  {
    name: 'reads and writes denied by two statements, Resource "*"',
    resource: withPolicy(
      deny({ Action: 's3:Get*', Resource: '*' }),
      deny({ Action: ['s3:PutObject'], Resource: OBJECTS }),
    ),
    expected: 'PASS',
    reason: '"#0", "#1"',
  },
  {
    name: 'TLS deny plus a TLS 1.2 floor',
    resource: withPolicy(deny(), deny({ Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } })),
    expected: 'PASS',
    observed: { minimumTlsVersion: '1.2' },
  },
  {
    name: 'the Deny names the bucket in another case: IAM compares ARNs case-sensitively, so it protects nothing',
    resource: withPolicy(
      deny({ Resource: ['arn:aws:s3:::ACME-marketing-site', 'arn:aws:s3:::ACME-marketing-site/*'] }),
    ),
    expected: 'FAIL',
  },
  {
    name: 'public-read policy without any TLS statement',
    resource: loadItem('s3-bucket/public-site'),
    expected: 'FAIL',
    reason: 'no bucket policy statement that denies',
  },
  {
    name: 'no bucket policy (policyText null)',
    resource: loadItem('s3-bucket/cloudtrail-logs', (raw) => {
      raw.supplementaryConfiguration.BucketPolicy = { policyText: null };
    }),
    expected: 'FAIL',
    reason: 'has no bucket policy',
  },
  {
    name: 'deny that only covers s3:GetObject',
    resource: withPolicy(deny({ Action: 's3:GetObject' })),
    expected: 'FAIL',
    reason: 'but not s3:PutObject',
  },
  {
    name: 'deny on the bucket ARN only, not its objects',
    resource: withPolicy(deny({ Resource: 'arn:aws:s3:::acme-marketing-site' })),
    expected: 'FAIL',
  },
  {
    name: 'deny when aws:SecureTransport is "true" (the wrong way round)',
    resource: withPolicy(deny({ Condition: { Bool: { 'aws:SecureTransport': 'true' } } })),
    expected: 'FAIL',
  },
  {
    name: 'deny narrowed by a second condition',
    resource: withPolicy(
      deny({
        Condition: {
          Bool: { 'aws:SecureTransport': 'false' },
          StringNotEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60718' },
        },
      }),
    ),
    expected: 'FAIL',
  },
  {
    name: 'deny for one account only (not every principal)',
    resource: withPolicy(deny({ Principal: { AWS: 'arn:aws:iam::444455556666:root' } })),
    expected: 'FAIL',
  },
  {
    name: 'TLS version floor alone (never matches plain HTTP)',
    resource: withPolicy(deny({ Condition: { NumericLessThan: { 's3:TlsVersion': '1.2' } } })),
    expected: 'FAIL',
    observed: { minimumTlsVersion: '1.2' },
  },
  {
    name: 'bucket policy not recorded',
    resource: loadItem('s3-bucket/public-site', (raw) => {
      delete raw.supplementaryConfiguration.BucketPolicy;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'undecodable bucket policy',
    resource: loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration.BucketPolicy.policyText = '{"Statement":[{';
    }),
    expected: 'ERROR',
  },
]);
