import control from '../../controls/secretsmanager-secret-rotation-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const secret = (edit: (configuration: any) => void) =>
  loadItem('secretsmanager-secret/baseline', (raw) => edit(raw.configuration));
const schedule = (expression: string) =>
  secret((c) => {
    c.RotationRules = { ScheduleExpression: expression };
  });

testControl(control, [
  {
    name: 'rotates every 30 days',
    resource: loadItem('secretsmanager-secret/baseline'),
    expected: 'PASS',
    observed: { rotationIntervalDays: 30, maxDays: 90 },
  },
  { name: 'rate(90 days) is at the limit', resource: schedule('rate(90 days)'), expected: 'PASS' },
  {
    name: 'rate(120 days)',
    resource: schedule('rate(120 days)'),
    expected: 'FAIL',
    reason: 'every 120 days, more than 90',
  },
  {
    name: 'rate(4 hours)',
    resource: schedule('rate(4 hours)'),
    expected: 'PASS',
    observed: { rotationIntervalDays: 0.17 },
  },
  {
    name: 'AutomaticallyAfterHours 12',
    resource: secret((c) => (c.RotationRules = { AutomaticallyAfterHours: 12 })),
    expected: 'PASS',
  },
  {
    name: 'cron on the 1st and 15th',
    resource: schedule('cron(0 4 1,15 * ? *)'),
    expected: 'PASS',
    observed: { rotationIntervalDays: 17 },
  },
  {
    name: 'cron every Sunday',
    resource: schedule('cron(0 16 ? * SUN *)'),
    expected: 'PASS',
    observed: { rotationIntervalDays: 7 },
  },
  {
    name: 'cron daily',
    resource: schedule('cron(0 2 * * ? *)'),
    expected: 'PASS',
    observed: { rotationIntervalDays: 1 },
  },
  {
    name: 'cron first Monday of the month',
    resource: schedule('cron(0 9 ? * MON#1 *)'),
    expected: 'PASS',
    observed: { rotationIntervalDays: 35 },
  },
  {
    name: 'cron every quarter',
    resource: schedule('cron(0 0 1 */3 ? *)'),
    expected: 'FAIL',
    observed: { rotationIntervalDays: 93 },
  },
  {
    name: 'cron twice a year',
    resource: schedule('cron(0 0 1 1,7 ? *)'),
    expected: 'FAIL',
    observed: { rotationIntervalDays: 186 },
  },
  {
    name: 'cron with month names cannot be read',
    resource: schedule('cron(0 0 1 JAN,JUL ? *)'),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'cron with a zero step cannot be read',
    resource: schedule('cron(0 0 1 */0 ? *)'),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'cron with five fields cannot be read',
    resource: schedule('cron(0 0 1 * ?)'),
    expected: 'INSUFFICIENT_DATA',
  },
  { name: 'cron with L cannot be read', resource: schedule('cron(0 0 L * ? *)'), expected: 'INSUFFICIENT_DATA' },
  {
    name: 'rotation disabled',
    resource: secret((c) => (c.RotationEnabled = false)),
    expected: 'FAIL',
    reason: 'automatic rotation disabled',
  },
  {
    name: 'never configured for rotation (no RotationEnabled, no rules)',
    resource: secret((c) => {
      delete c.RotationEnabled;
      delete c.RotationRules;
      delete c.RotationLambdaARN;
    }),
    expected: 'FAIL',
    reason: 'never been configured',
  },
  {
    name: 'rules without RotationEnabled',
    resource: secret((c) => delete c.RotationEnabled),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'rotation enabled without rules',
    resource: secret((c) => delete c.RotationRules),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'configuration without the secret identity',
    resource: secret((c) => {
      delete c.RotationEnabled;
      delete c.Name;
      delete c.ARN;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'secret scheduled for deletion',
    resource: secret((c) => {
      c.Deleted = true;
      c.RotationEnabled = false;
    }),
    expected: 'NOT_APPLICABLE',
  },
]);

testControl({ ...control, parameters: { maxDays: 30 } }, [
  { name: '30 days against a 30-day maximum', resource: loadItem('secretsmanager-secret/baseline'), expected: 'PASS' },
  { name: 'monthly cron can leave 31 days', resource: schedule('cron(0 0 1 * ? *)'), expected: 'FAIL' },
]);
