import { defineControl } from '../engine/evaluate/define-control.js';
import { collectionErrorsFor } from '../engine/evaluate/account-facts.js';
import {
  basicSelectorScope,
  findSelectorField,
  readOnlyScope,
  readTrailSelectors,
  type TrailView,
  trailStatus,
  trailsToJudge,
} from '../engine/evaluate/cloudtrail-trails.js';
import { fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';

/** `arn:aws:s3` or `arn:aws:s3:::` (any partition) selects every bucket; anything longer names some buckets. */
const ALL_BUCKETS = /^arn:[a-z-]+:s3(:::)?$/;

interface S3Coverage {
  read: boolean;
  write: boolean;
  /** False when no selectors were collected. */
  known: boolean;
}

/** Read and write S3 object events for every bucket, as the trail's selectors record them. */
function s3ObjectEvents(trail: TrailView): S3Coverage {
  const selectors = readTrailSelectors(trail);
  const coverage: S3Coverage = { read: false, write: false, known: true };
  if (selectors.kind === 'unknown') return { ...coverage, known: false };
  if (selectors.kind === 'basic') {
    for (const selector of selectors.selectors) {
      const resources = Array.isArray(selector.DataResources) ? selector.DataResources : [];
      const allBuckets = resources
        .filter(isRecord)
        .some(
          (entry) =>
            entry.Type === 'AWS::S3::Object' &&
            Array.isArray(entry.Values) &&
            entry.Values.some((value: unknown) => typeof value === 'string' && ALL_BUCKETS.test(value)),
        );
      if (!allBuckets) continue;
      const scope = basicSelectorScope(selector);
      coverage.read ||= scope.read;
      coverage.write ||= scope.write;
    }
  } else if (selectors.kind === 'advanced') {
    for (const fields of selectors.selectors) {
      if (!findSelectorField(fields, 'eventCategory')?.equals.includes('Data')) continue;
      if (!findSelectorField(fields, 'resources.type')?.equals.includes('AWS::S3::Object')) continue;
      const arn = findSelectorField(fields, 'resources.ARN');
      // Any ARN filter other than a prefix that matches every bucket narrows the selector to some buckets.
      const arnNarrows =
        arn !== undefined &&
        !(
          arn.startsWith.some((p) => ALL_BUCKETS.test(p)) &&
          arn.equals.length +
            arn.notEquals.length +
            arn.notStartsWith.length +
            arn.endsWith.length +
            arn.notEndsWith.length ===
            0
        );
      const otherFilters = fields.filter(
        (f) => !['eventcategory', 'resources.type', 'resources.arn', 'readonly'].includes(f.field.toLowerCase()),
      );
      if (arnNarrows || otherFilters.length > 0) continue;
      const scope = readOnlyScope(fields);
      coverage.read ||= scope.read;
      coverage.write ||= scope.write;
    }
  }
  return coverage;
}

export default defineControl({
  id: 'cloudtrail-s3-data-events-logged',
  title: 'Account has a logging multi-Region trail that records S3 object-level events for all buckets',
  service: 'cloudtrail',
  severity: 'medium',
  resourceTypes: ['AWS::::Account'],
  uses: ['AWS::CloudTrail::Trail'],
  description:
    'Some logging, multi-Region trail has event selectors (basic DataResources AWS::S3::Object for arn:aws:s3, or advanced eventCategory Data with resources.type AWS::S3::Object and no narrowing filter) that record write, and by default also read, object events for every bucket.',
  rationale:
    'Management events do not show who read, wrote or deleted which object; without data events a data breach or tampering with stored records cannot be reconstructed or scoped.',
  parameters: { requireReadEvents: true },
  remediation: {
    guidance:
      'CloudTrail console → Trails → <multi-Region trail> → Data events → Edit → Data event type S3, Log selector template "Log all events"; or aws cloudtrail put-event-selectors --trail-name <trail> --advanced-event-selectors \'[{"FieldSelectors":[{"Field":"eventCategory","Equals":["Data"]},{"Field":"resources.type","Equals":["AWS::S3::Object"]}]}]\'.',
  },
  references: {
    awsConfigRule: 'CLOUDTRAIL_S3_DATAEVENTS_ENABLED',
    securityHub: 'S3.22',
    urls: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html'],
  },
  evaluate: ({ resource: account, context, parameters }) => {
    const id = account.accountId;
    const found = trailsToJudge(
      account,
      context,
      () => `Account ${id} has no trail configuration or CloudTrail facts to judge S3 data events by.`,
    );
    if (!found.ok) return found.verdict;

    let read = false;
    let write = false;
    const unknown: string[] = [];
    const perTrail = found.trails.map((trail) => {
      const { multiRegion, isLogging } = trailStatus(trail);
      const events = s3ObjectEvents(trail);
      // A single-Region trail records data events only for buckets in its own Region.
      const counts = multiRegion === true && isLogging === true;
      if (counts) {
        read ||= events.read;
        write ||= events.write;
      }
      const couldCount = multiRegion !== false && isLogging !== false;
      if (couldCount && (multiRegion === null || isLogging === null || !events.known)) unknown.push(trail.name);
      return {
        name: trail.name,
        trailARN: trail.arn,
        isMultiRegionTrail: multiRegion,
        isLogging,
        s3ReadEvents: events.known ? events.read : null,
        s3WriteEvents: events.known ? events.write : null,
      };
    });
    const observed = {
      trails: perTrail,
      readEventsLogged: read,
      writeEventsLogged: write,
      requireReadEvents: parameters.requireReadEvents,
    };
    if (write && (read || !parameters.requireReadEvents)) {
      return pass(
        `Account ${id} logs S3 object-level ${read ? 'read and write' : 'write'} events for all buckets.`,
        observed,
      );
    }
    if (unknown.length > 0) {
      return insufficientData(
        `Account ${id} has no trail proven to log S3 data events for all buckets; status or event selectors were not collected for ${unknown.join(', ')}.`,
        { ...observed, collectionErrors: collectionErrorsFor(account, { service: 'cloudtrail' }) },
      );
    }
    const missing = [write ? null : 'write', read || !parameters.requireReadEvents ? null : 'read']
      .filter(Boolean)
      .join(' and ');
    return fail(
      `Account ${id} has no logging multi-Region trail recording S3 object-level ${missing} events for all buckets.`,
      observed,
    );
  },
});
