import control from '../../controls/securityhub-enabled-all-regions.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const region = (name: string, edit: (facts: any) => void) =>
  loadItem('account/monitoring-baseline', (raw) => edit(raw.regions[name]));

testControl(control, [
  { name: 'enabled in both Regions', resource: loadItem('account/monitoring-baseline'), expected: 'PASS' },
  {
    name: 'not subscribed in one Region',
    resource: region('eu-west-1', (f) => (f.securityHubEnabled = false)),
    expected: 'FAIL',
    reason: 'eu-west-1 (not enabled)',
    observed: { regions: { 'eu-west-1': { securityHubEnabled: false } } },
  },
  {
    name: 'status not collected in a Region',
    resource: region('eu-west-1', (f) => delete f.securityHubEnabled),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'no regional facts',
    resource: loadItem('account/monitoring-baseline', (raw) => (raw.regions = {})),
    expected: 'INSUFFICIENT_DATA',
  },
]);
