import control from '../../controls/logs-log-group-retention-set.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// The baseline is in the API shape: configuration is a JSON string.
// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const group = (edit: (configuration: any) => void) =>
  loadItem('log-group/baseline', (raw) => editJson(raw, 'configuration', edit));

testControl(control, [
  {
    name: '400-day retention',
    resource: loadItem('log-group/baseline'),
    expected: 'PASS',
    reason: '/aws/lambda/orders-api retains events for 400 days',
    observed: { retentionInDays: 400, minRetentionDays: 365 },
  },
  { name: 'exactly 365 days', resource: group((c) => (c.RetentionInDays = 365)), expected: 'PASS' },
  {
    name: 'never expire (RetentionInDays absent)',
    resource: group((c) => delete c.RetentionInDays),
    expected: 'PASS',
    observed: { neverExpire: true },
  },
  {
    name: '30-day retention',
    resource: group((c) => (c.RetentionInDays = 30)),
    expected: 'FAIL',
    reason: '30 days, less than 365',
  },
  { name: 'retention as a numeric string', resource: group((c) => (c.RetentionInDays = '90')), expected: 'FAIL' },
  {
    name: 'retention that is not a number',
    resource: group((c) => (c.RetentionInDays = 'forever')),
    expected: 'ERROR',
  },
  {
    name: 'configuration without the log group identity',
    resource: group((c) => {
      delete c.LogGroupName;
      delete c.Arn;
      delete c.RetentionInDays;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);

testControl({ ...control, parameters: { minRetentionDays: 90 } }, [
  { name: '90 days against a 90-day minimum', resource: group((c) => (c.RetentionInDays = 90)), expected: 'PASS' },
  { name: '60 days against a 90-day minimum', resource: group((c) => (c.RetentionInDays = 60)), expected: 'FAIL' },
]);
