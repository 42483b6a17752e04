import control from '../../controls/config-recorder-all-regions-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const region = (name: string, edit: (facts: any) => void) =>
  loadItem('account/monitoring-baseline', (raw) => edit(raw.regions[name]));

testControl(control, [
  {
    name: 'recording everything in both Regions, global resources in us-east-1',
    resource: loadItem('account/monitoring-baseline'),
    expected: 'PASS',
    observed: { globalResourceRegions: ['us-east-1'], regions: { 'eu-west-1': { state: 'ok' } } },
  },
  {
    name: 'recorder stopped in one of two Regions',
    resource: region('eu-west-1', (f) => (f.configRecorderStatus[0].recording = false)),
    expected: 'FAIL',
    reason: 'eu-west-1 (not recording)',
    observed: { regions: { 'eu-west-1': { state: 'fail' }, 'us-east-1': { state: 'ok' } } },
  },
  {
    name: 'no recorder in a Region',
    resource: region('eu-west-1', (f) => (f.configRecorders = [])),
    expected: 'FAIL',
    reason: 'no configuration recorder',
  },
  {
    name: 'last delivery failed',
    resource: region('us-east-1', (f) => (f.configRecorderStatus[0].lastStatus = 'Failure')),
    expected: 'FAIL',
    reason: 'last delivery failed',
  },
  {
    name: 'recorder limited to some resource types (Control Tower style)',
    resource: region('eu-west-1', (f) => {
      f.configRecorders[0].recordingGroup = {
        allSupported: false,
        includeGlobalResourceTypes: false,
        resourceTypes: ['AWS::WAF::RuleGroup', 'AWS::WAF::WebACL'],
        recordingStrategy: { useOnly: 'INCLUSION_BY_RESOURCE_TYPES' },
      };
    }),
    expected: 'FAIL',
    reason: 'not all resource types',
  },
  {
    name: 'recordingStrategy ALL_SUPPORTED_RESOURCE_TYPES with allSupported missing',
    resource: region('eu-west-1', (f) => delete f.configRecorders[0].recordingGroup.allSupported),
    expected: 'PASS',
  },
  {
    name: 'recording flag as the string "true"',
    resource: region('eu-west-1', (f) => (f.configRecorderStatus[0].recording = 'true')),
    expected: 'PASS',
  },
  {
    name: 'status for a different recorder name only',
    resource: region('eu-west-1', (f) => (f.configRecorderStatus[0].name = 'other')),
    expected: 'INSUFFICIENT_DATA',
    reason: 'recorder status not collected',
  },
  {
    name: 'no Region records global resource types',
    resource: region('us-east-1', (f) => (f.configRecorders[0].recordingGroup.includeGlobalResourceTypes = false)),
    expected: 'FAIL',
    reason: 'global resource types',
  },
  {
    name: 'recorders not collected in a Region',
    resource: region('eu-west-1', (f) => delete f.configRecorders),
    expected: 'INSUFFICIENT_DATA',
    reason: 'eu-west-1 (recorders not collected)',
  },
  {
    name: 'recorder status not collected in a Region',
    resource: region('eu-west-1', (f) => delete f.configRecorderStatus),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'no regional facts at all',
    resource: loadItem('account/monitoring-baseline', (raw) => {
      delete raw.regions;
      raw.collectionErrors = [
        {
          service: 'config',
          operation: 'DescribeConfigurationRecorders',
          code: 'AccessDeniedException',
          message: 'not authorized',
        },
      ];
    }),
    expected: 'INSUFFICIENT_DATA',
    observed: { collectionErrors: [{ operation: 'DescribeConfigurationRecorders' }] },
  },
]);
