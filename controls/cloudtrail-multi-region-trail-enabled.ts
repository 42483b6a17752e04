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
import { readBoolean } from '../engine/evaluate/config-fields.js';
import { fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

type Management = 'all' | 'partial' | 'none' | 'unknown';

/** Which management events the trail's selectors record, and what they exclude. */
function managementEvents(trail: TrailView): { coverage: Management; exclusions: string[] } {
  const selectors = readTrailSelectors(trail);
  let read = false;
  let write = false;
  const exclusions: string[] = [];
  switch (selectors.kind) {
    case 'unknown':
      return { coverage: 'unknown', exclusions };
    case 'default':
      return { coverage: 'all', exclusions };
    case 'basic':
      for (const selector of selectors.selectors) {
        if (readBoolean(selector.IncludeManagementEvents) !== true) continue;
        const scope = basicSelectorScope(selector);
        read ||= scope.read;
        write ||= scope.write;
        const excluded = selector.ExcludeManagementEventSources;
        if (Array.isArray(excluded)) exclusions.push(...excluded.map(String));
      }
      break;
    case 'advanced':
      for (const fields of selectors.selectors) {
        const category = findSelectorField(fields, 'eventCategory');
        if (!category?.equals.includes('Management')) continue;
        const scope = readOnlyScope(fields);
        read ||= scope.read;
        write ||= scope.write;
        const readOnly = findSelectorField(fields, 'readOnly');
        for (const field of fields) {
          if (field === category || field === readOnly) continue;
          exclusions.push(`${field.field} filter`);
        }
      }
      break;
  }
  const coverage: Management = read && write && exclusions.length === 0 ? 'all' : read || write ? 'partial' : 'none';
  return { coverage, exclusions };
}

export default defineControl({
  id: 'cloudtrail-multi-region-trail-enabled',
  title: 'Account has a logging multi-Region CloudTrail trail that records all management events',
  service: 'cloudtrail',
  severity: 'high',
  resourceTypes: ['AWS::::Account'],
  uses: ['AWS::CloudTrail::Trail'],
  description:
    'At least one trail is multi-Region, is logging (GetTrailStatus IsLogging), and records read and write management events with no excluded event sources or other filters.',
  rationale:
    'Without such a trail, API activity in some Region, or some kind of management call, leaves no record: an attacker can work in an unused Region or disable logging, and investigators and auditors have no account-wide activity history.',
  remediation: {
    guidance:
      'CloudTrail console → Trails → Create trail (applies to all Regions), Management events: Read and Write, no exclusions; or aws cloudtrail create-trail --name <trail> --s3-bucket-name <bucket> --is-multi-region-trail && aws cloudtrail start-logging --name <trail>.',
  },
  references: {
    awsConfigRule: 'MULTI_REGION_CLOUD_TRAIL_ENABLED',
    securityHub: 'CloudTrail.1',
    urls: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/receive-cloudtrail-log-files-from-multiple-regions.html',
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-management-events-with-cloudtrail.html',
    ],
  },
  evaluate: ({ resource: account, context }) => {
    const id = account.accountId;
    const found = trailsToJudge(account, context, ({ collected, factTrailCount }) => {
      const why = collected
        ? `account facts name ${factTrailCount} trail(s) but the inventory has no AWS::CloudTrail::Trail item for them`
        : 'neither trails nor CloudTrail account facts were collected';
      return `Account ${id} has no trail to judge: ${why}.`;
    });
    if (!found.ok) return found.verdict;
    const { trails } = found;

    const judged = trails.map((trail) => {
      const { multiRegion, isLogging } = trailStatus(trail);
      const { coverage, exclusions } = managementEvents(trail);
      const qualifies = multiRegion === true && isLogging === true && coverage === 'all';
      const ruledOut = multiRegion === false || isLogging === false || coverage === 'partial' || coverage === 'none';
      return {
        qualifies,
        unknown: !qualifies && !ruledOut,
        observed: {
          name: trail.name,
          trailARN: trail.arn,
          isMultiRegionTrail: multiRegion,
          isLogging,
          managementEvents: coverage,
          exclusions,
        },
      };
    });
    const observed = { trails: judged.map((trail) => trail.observed) };
    const qualifying = judged.find((trail) => trail.qualifies);
    if (qualifying) {
      return pass(
        `Account ${id} has multi-Region trail ${qualifying.observed.name} logging all read and write management events.`,
        observed,
      );
    }
    const unknown = judged.filter((trail) => trail.unknown).map((trail) => trail.observed.name);
    if (unknown.length > 0) {
      return insufficientData(
        `Account ${id} has no trail proven to qualify; status or event selectors were not collected for ${unknown.join(', ')}.`,
        { ...observed, collectionErrors: collectionErrorsFor(account, { service: 'cloudtrail' }) },
      );
    }
    return fail(
      `Account ${id} has no logging multi-Region trail that records all read and write management events (${trails.length} trail(s) checked).`,
      observed,
    );
  },
});
