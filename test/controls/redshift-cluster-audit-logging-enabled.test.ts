import control from '../../controls/redshift-cluster-audit-logging-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// Config records audit logging as supplementaryConfiguration.LoggingStatus.
const withLogging = (status: unknown) =>
  loadItem('redshift-cluster/baseline', (raw) => {
    raw.supplementaryConfiguration.LoggingStatus = status;
  });

testControl(control, [
  {
    name: 'logging to S3',
    resource: loadItem('redshift-cluster/baseline'),
    expected: 'PASS',
    reason: 'delivers audit logs to S3 bucket acme-redshift-audit-logs.',
    observed: { loggingEnabled: true, logDestinationType: 's3', s3KeyPrefix: 'analytics-warehouse/' },
  },
  {
    name: 'logging to CloudWatch Logs (no bucket)',
    resource: withLogging({
      loggingEnabled: true,
      logDestinationType: 'cloudwatch',
      logExports: ['connectionlog', 'userlog'],
    }),
    expected: 'PASS',
    reason: 'to cloudwatch.',
  },
  {
    name: 'logging on, destination not recorded',
    resource: withLogging({ loggingEnabled: true }),
    expected: 'PASS',
    reason: 'to an unrecorded destination.',
  },
  {
    name: 'logging disabled',
    resource: withLogging({ loggingEnabled: false }),
    expected: 'FAIL',
    reason: 'Redshift cluster analytics-warehouse has audit logging disabled.',
  },
  {
    name: 'API form, boolean as a string',
    resource: loadItem('redshift-cluster/baseline', (raw) => {
      raw.configuration = JSON.stringify(raw.configuration);
      raw.supplementaryConfiguration.LoggingStatus = JSON.stringify({ loggingEnabled: 'false' });
    }),
    expected: 'FAIL',
  },
  {
    name: 'no LoggingStatus recorded',
    resource: loadItem('redshift-cluster/baseline', (raw) => {
      delete raw.supplementaryConfiguration.LoggingStatus;
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded logging status',
  },
  { name: 'LoggingStatus without the flag', resource: withLogging({ bucketName: 'x' }), expected: 'INSUFFICIENT_DATA' },
  { name: 'undecodable LoggingStatus', resource: withLogging('{"loggingEnabled":'), expected: 'ERROR' },
]);
