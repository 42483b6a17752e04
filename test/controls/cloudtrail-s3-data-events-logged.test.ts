import control from '../../controls/cloudtrail-s3-data-events-logged.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const TRAIL_ARN = 'arn:aws:cloudtrail:us-east-1:111122223333:trail/org-audit-trail';
const trail = loadItem('cloudtrail-trail/baseline');
// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
const trailFacts = (edit: (facts: any) => void) =>
  loadItem('account/monitoring-baseline', (raw) => edit(raw.cloudTrail[TRAIL_ARN]));
const advanced = (...selectors: { Field: string; Equals?: string[]; StartsWith?: string[] }[][]) =>
  trailFacts((facts) => {
    delete facts.eventSelectors;
    facts.advancedEventSelectors = selectors.map((fields, i) => ({ Name: `selector-${i}`, FieldSelectors: fields }));
  });
const s3Data = [
  { Field: 'eventCategory', Equals: ['Data'] },
  { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
];

testControl(control, [
  {
    name: 'basic selector for arn:aws:s3, read and write',
    resource: loadItem('account/monitoring-baseline'),
    context: [trail],
    expected: 'PASS',
    reason: 'read and write',
    observed: { readEventsLogged: true, writeEventsLogged: true },
  },
  {
    name: 'advanced selector for every S3 object',
    resource: advanced(s3Data),
    context: [trail],
    expected: 'PASS',
  },
  {
    name: 'advanced selector with an all-buckets ARN prefix',
    resource: advanced([...s3Data, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::'] }]),
    context: [trail],
    expected: 'PASS',
  },
  {
    name: 'advanced selector for one bucket only',
    resource: advanced([...s3Data, { Field: 'resources.ARN', StartsWith: ['arn:aws:s3:::acme-payroll-exports/'] }]),
    context: [trail],
    expected: 'FAIL',
  },
  {
    name: 'write-only basic selector (read events required)',
    resource: trailFacts((f) => (f.eventSelectors[0].ReadWriteType = 'WriteOnly')),
    context: [trail],
    expected: 'FAIL',
    reason: 'read events',
  },
  {
    name: 'basic selector for some buckets only',
    resource: trailFacts((f) => (f.eventSelectors[0].DataResources[0].Values = ['arn:aws:s3:::acme-payroll-exports/'])),
    context: [trail],
    expected: 'FAIL',
  },
  {
    name: 'management events only',
    resource: trailFacts((f) => (f.eventSelectors[0].DataResources = [])),
    context: [trail],
    expected: 'FAIL',
    reason: 'write and read',
  },
  {
    name: 'trail not logging',
    resource: trailFacts((f) => (f.isLogging = false)),
    context: [trail],
    expected: 'FAIL',
  },
  {
    name: 'single-Region trail covers only its own Region',
    resource: loadItem('account/monitoring-baseline'),
    context: [loadItem('cloudtrail-trail/baseline', (raw) => (raw.configuration.isMultiRegionTrail = false))],
    expected: 'FAIL',
    observed: { trails: [{ isMultiRegionTrail: false, s3ReadEvents: true }] },
  },
  {
    name: 'default selectors record no data events',
    resource: trailFacts((f) => delete f.eventSelectors),
    context: [loadItem('cloudtrail-trail/baseline', (raw) => (raw.configuration.hasCustomEventSelectors = false))],
    expected: 'FAIL',
  },
  {
    name: 'custom selectors not collected',
    resource: trailFacts((f) => delete f.eventSelectors),
    context: [trail],
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'CloudTrail collected, no trail',
    resource: loadItem('account/monitoring-baseline', (raw) => (raw.cloudTrail = {})),
    expected: 'FAIL',
  },
  {
    name: 'CloudTrail not collected',
    resource: loadItem('account/monitoring-baseline', (raw) => delete raw.cloudTrail),
    expected: 'INSUFFICIENT_DATA',
  },
]);

testControl({ ...control, parameters: { requireReadEvents: false } }, [
  {
    name: 'write-only selector when read events are not required',
    resource: trailFacts((f) => (f.eventSelectors[0].ReadWriteType = 'WriteOnly')),
    context: [trail],
    expected: 'PASS',
    reason: 'write events',
  },
  {
    name: 'read-only selector when read events are not required',
    resource: trailFacts((f) => (f.eventSelectors[0].ReadWriteType = 'ReadOnly')),
    context: [trail],
    expected: 'FAIL',
  },
]);
