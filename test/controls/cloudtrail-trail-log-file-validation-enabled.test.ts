import control from '../../controls/cloudtrail-trail-log-file-validation-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const trail = (edit: (configuration: any) => void) =>
  loadItem('cloudtrail-trail/baseline', (raw) => edit(raw.configuration));

testControl(control, [
  {
    name: 'validation enabled',
    resource: loadItem('cloudtrail-trail/baseline'),
    expected: 'PASS',
    observed: { logFileValidationEnabled: true },
  },
  {
    name: 'validation disabled',
    resource: trail((c) => (c.logFileValidationEnabled = false)),
    expected: 'FAIL',
    reason: 'org-audit-trail has log file validation disabled',
  },
  {
    name: 'validation flag as the string "TRUE"',
    resource: trail((c) => (c.logFileValidationEnabled = 'TRUE')),
    expected: 'PASS',
  },
  {
    name: 'flag not recorded',
    resource: trail((c) => delete c.logFileValidationEnabled),
    expected: 'INSUFFICIENT_DATA',
  },
]);
