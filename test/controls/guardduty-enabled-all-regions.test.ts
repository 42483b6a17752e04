import control from '../../controls/guardduty-enabled-all-regions.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const region = (name: string, edit: (facts: any) => void) =>
  loadItem('account/monitoring-baseline', (raw) => edit(raw.regions[name]));

testControl(control, [
  {
    name: 'enabled detector in both Regions',
    resource: loadItem('account/monitoring-baseline'),
    expected: 'PASS',
    reason: 'all 2 Region(s)',
  },
  {
    name: 'suspended detector in one Region',
    resource: region('eu-west-1', (f) => (f.guardDutyDetectors[0].status = 'DISABLED')),
    expected: 'FAIL',
    reason: 'eu-west-1 (detector suspended)',
  },
  {
    name: 'no detector in a Region',
    resource: region('us-east-1', (f) => (f.guardDutyDetectors = [])),
    expected: 'FAIL',
    reason: 'us-east-1 (no detector)',
  },
  {
    name: 'status in lower case',
    resource: region('us-east-1', (f) => (f.guardDutyDetectors[0].status = 'enabled')),
    expected: 'PASS',
  },
  {
    name: 'detectors not collected in a Region',
    resource: region('us-east-1', (f) => delete f.guardDutyDetectors),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'no regional facts',
    resource: loadItem('account/monitoring-baseline', (raw) => delete raw.regions),
    expected: 'INSUFFICIENT_DATA',
  },
]);
