import control from '../../controls/cloudfront-distribution-https-only.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// The baseline is in the snapshot form: configuration is an object.
// biome-ignore lint/suspicious/noExplicitAny: free-form fixture JSON edited in tests
const distribution = (edit: (config: Record<string, any>) => void) =>
  loadItem('cloudfront-distribution/baseline', (raw) => edit(raw.configuration.distributionConfig));

testControl(control, [
  {
    name: 'redirect-to-https default, https-only /api/*, TLSv1.2_2021 on an ACM certificate',
    resource: loadItem('cloudfront-distribution/baseline'),
    expected: 'PASS',
    reason: 'all 2 behaviors',
    observed: { minimumProtocolVersion: 'TLSv1.2_2021', usesDefaultCertificate: false },
  },
  {
    name: 'default behavior allows HTTP',
    resource: distribution((c) => {
      c.defaultCacheBehavior.viewerProtocolPolicy = 'allow-all';
    }),
    expected: 'FAIL',
    reason: 'behavior default allows allow-all',
  },
  {
    name: 'a path behavior allows HTTP',
    resource: distribution((c) => {
      c.cacheBehaviors.items[0].viewerProtocolPolicy = 'allow-all';
    }),
    expected: 'FAIL',
    reason: 'behavior /api/* allows allow-all',
  },
  {
    name: 'custom certificate accepting TLSv1',
    resource: distribution((c) => {
      c.viewerCertificate.minimumProtocolVersion = 'TLSv1';
    }),
    expected: 'FAIL',
    reason: 'custom certificate accepts TLSv1',
  },
  {
    name: 'default *.cloudfront.net certificate (fixed at TLSv1 by AWS)',
    resource: distribution((c) => {
      c.viewerCertificate = {
        cloudFrontDefaultCertificate: true,
        minimumProtocolVersion: 'TLSv1',
        certificateSource: 'cloudfront',
      };
    }),
    expected: 'PASS',
  },
  {
    name: 'no other cache behaviors (items null)',
    resource: distribution((c) => {
      c.cacheBehaviors = { quantity: 0, items: null };
    }),
    expected: 'PASS',
    reason: 'all 1 behaviors',
  },
  {
    name: 'a behavior without a recorded viewer protocol policy',
    resource: distribution((c) => {
      delete c.cacheBehaviors.items[0].viewerProtocolPolicy;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'custom certificate without a recorded minimum protocol version',
    resource: distribution((c) => {
      delete c.viewerCertificate.minimumProtocolVersion;
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'minimum protocol version',
  },
  {
    name: 'cache behaviors counted but not listed',
    resource: distribution((c) => {
      c.cacheBehaviors = { quantity: 2, items: null };
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'cache behaviors',
  },
  {
    name: 'item without distributionConfig',
    resource: loadItem('cloudfront-distribution/baseline', (raw) => {
      delete raw.configuration.distributionConfig;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
