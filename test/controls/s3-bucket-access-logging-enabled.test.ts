import control from '../../controls/s3-bucket-access-logging-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

testControl(control, [
  {
    name: 'logging to a log bucket (API form)',
    resource: loadItem('s3-bucket/baseline'),
    expected: 'PASS',
    observed: { destinationBucketName: 'acme-s3-access-logs', logFilePrefix: 'payroll-exports/' },
  },
  {
    name: 'Config\'s "no logging" shape (snapshot form)',
    resource: loadItem('s3-bucket/public-site'),
    expected: 'FAIL',
    observed: { destinationBucketName: null },
  },
  {
    name: 'logging configuration reported as null',
    resource: loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration.BucketLoggingConfiguration = null;
    }),
    expected: 'FAIL',
  },
  {
    name: 'logging configuration not recorded',
    resource: loadItem('s3-bucket/public-site', (raw) => {
      delete raw.supplementaryConfiguration.BucketLoggingConfiguration;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'undecodable logging configuration',
    resource: loadItem('s3-bucket/baseline', (raw) => {
      raw.supplementaryConfiguration.BucketLoggingConfiguration = '{"destinationBucketName":';
    }),
    expected: 'ERROR',
  },
]);
