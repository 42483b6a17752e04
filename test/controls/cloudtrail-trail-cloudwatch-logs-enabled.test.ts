import control from '../../controls/cloudtrail-trail-cloudwatch-logs-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const trail = (edit: (configuration: any) => void) =>
  loadItem('cloudtrail-trail/baseline', (raw) => edit(raw.configuration));

testControl(control, [
  {
    name: 'delivers to a log group',
    resource: loadItem('cloudtrail-trail/baseline'),
    expected: 'PASS',
    reason: 'aws-cloudtrail-logs-org-audit',
  },
  {
    name: 'no log group',
    resource: trail((c) => {
      delete c.cloudWatchLogsLogGroupArn;
      delete c.cloudWatchLogsRoleArn;
    }),
    expected: 'FAIL',
    observed: { cloudWatchLogsLogGroupArn: null },
  },
  { name: 'empty log group ARN', resource: trail((c) => (c.cloudWatchLogsLogGroupArn = '')), expected: 'FAIL' },
  {
    name: 'configuration without the trail identity',
    resource: loadItem('cloudtrail-trail/baseline', (raw) => {
      raw.configuration = { isMultiRegionTrail: true };
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
