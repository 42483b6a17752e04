import control from '../../controls/cloudtrail-multi-region-trail-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail';
const trail = loadItem('cloudtrail-trail/baseline');
// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const account = (edit: (raw: any) => void) => loadItem('account/monitoring-baseline', edit);
// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const trailFacts = (edit: (facts: any) => void) => account((raw) => edit(raw.cloudTrail[TRAIL_ARN]));
const advanced = (...selectors: { Field: string; Equals?: string[]; NotEquals?: string[] }[][]) =>
  trailFacts((facts) => {
    delete facts.eventSelectors;
    facts.advancedEventSelectors = selectors.map((fields, i) => ({ Name: `selector-${i}`, FieldSelectors: fields }));
  });
const management = { Field: 'eventCategory', Equals: ['Management'] };

testControl(control, [
  {
    name: 'logging multi-Region trail with basic selector ReadWriteType All',
    resource: account(() => {}),
    context: [trail],
    expected: 'PASS',
    observed: {
      trails: [{ name: 'org-audit-trail', isMultiRegionTrail: true, isLogging: true, managementEvents: 'all' }],
    },
  },
  {
    name: 'advanced selector for all management events',
    resource: advanced([management]),
    context: [trail],
    expected: 'PASS',
  },
  {
    name: 'advanced selectors split into read-only and write-only',
    resource: advanced(
      [management, { Field: 'readOnly', Equals: ['true'] }],
      [management, { Field: 'readOnly', Equals: ['false'] }],
    ),
    context: [trail],
    expected: 'PASS',
  },
  {
    name: 'advanced selector write-only, excluding KMS and RDS Data events',
    resource: advanced([
      management,
      { Field: 'eventSource', NotEquals: ['kms.amazonaws.com', 'rdsdata.amazonaws.com'] },
      { Field: 'readOnly', Equals: ['false'] },
    ]),
    context: [trail],
    expected: 'FAIL',
    observed: { trails: [{ managementEvents: 'partial', exclusions: ['eventSource filter'] }] },
  },
  {
    name: 'basic selector excluding KMS events',
    resource: trailFacts((f) => (f.eventSelectors[0].ExcludeManagementEventSources = ['kms.amazonaws.com'])),
    context: [trail],
    expected: 'FAIL',
  },
  {
    name: 'basic selector with management events off',
    resource: trailFacts((f) => (f.eventSelectors[0].IncludeManagementEvents = false)),
    context: [trail],
    expected: 'FAIL',
    observed: { trails: [{ managementEvents: 'none' }] },
  },
  {
    name: 'trail stopped logging',
    resource: trailFacts((f) => (f.isLogging = false)),
    context: [trail],
    expected: 'FAIL',
  },
  {
    name: 'single-Region trail',
    resource: account(() => {}),
    context: [loadItem('cloudtrail-trail/baseline', (raw) => (raw.configuration.isMultiRegionTrail = false))],
    expected: 'FAIL',
  },
  {
    name: 'default selectors (hasCustomEventSelectors false) with no selectors collected',
    resource: trailFacts((f) => delete f.eventSelectors),
    context: [loadItem('cloudtrail-trail/baseline', (raw) => (raw.configuration.hasCustomEventSelectors = false))],
    expected: 'PASS',
  },
  {
    name: 'custom selectors not collected',
    resource: trailFacts((f) => delete f.eventSelectors),
    context: [trail],
    expected: 'INSUFFICIENT_DATA',
    reason: 'org-audit-trail',
  },
  {
    name: 'trail status not collected',
    resource: account((raw) => (raw.cloudTrail = {})),
    context: [trail],
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'CloudTrail collected and no trail exists',
    resource: account((raw) => (raw.cloudTrail = {})),
    expected: 'FAIL',
    reason: 'no CloudTrail trail',
  },
  {
    name: 'CloudTrail facts not collected and no trail in the inventory',
    resource: account((raw) => delete raw.cloudTrail),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'facts name a trail the inventory lacks',
    resource: account(() => {}),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no AWS::CloudTrail::Trail item',
  },
]);
