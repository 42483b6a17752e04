import control from '../../controls/cloudfront-distribution-access-logging-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const withLogging = (logging: unknown) =>
  loadItem('cloudfront-distribution/baseline', (raw) => {
    if (logging === undefined) delete raw.configuration.distributionConfig.logging;
    else raw.configuration.distributionConfig.logging = logging;
  });

testControl(control, [
  {
    name: 'standard logging to S3',
    resource: loadItem('cloudfront-distribution/baseline'),
    expected: 'PASS',
    observed: { loggingEnabled: true, bucket: 'acme-cloudfront-logs.s3.amazonaws.com', prefix: 'storefront/' },
  },
  {
    name: 'logging disabled (Config still records the empty block)',
    resource: withLogging({ enabled: false, includeCookies: false, bucket: '', prefix: '' }),
    expected: 'FAIL',
    reason: 'E2QWRUHAPOMQZL has standard logging disabled',
  },
  { name: 'item without a logging block', resource: withLogging(undefined), expected: 'INSUFFICIENT_DATA' },
]);
