import { judgeAllRegions, type RegionOutcome } from '../engine/evaluate/account-facts.js';
import { readBoolean, readText } from '../engine/evaluate/config-fields.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { fail, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';

/** Records every supported type: allSupported, or the newer recordingStrategy.useOnly. */
function recordsAllTypes(group: Record<string, unknown>): boolean {
  const strategy = group.recordingStrategy;
  const useOnly = isRecord(strategy) ? strategy.useOnly : strategy;
  return readBoolean(group.allSupported) === true || useOnly === 'ALL_SUPPORTED_RESOURCE_TYPES';
}

function judgeRegion(region: string, facts: Record<string, unknown>): RegionOutcome & { global: boolean } {
  const recorders = facts.configRecorders;
  const statuses = facts.configRecorderStatus;
  const unknown = (detail: string) => ({ region, state: 'unknown' as const, detail, observed: {}, global: false });
  if (!Array.isArray(recorders)) return unknown('recorders not collected');
  if (recorders.length === 0) {
    return { region, state: 'fail', detail: 'no configuration recorder', observed: { recorders: [] }, global: false };
  }
  if (!Array.isArray(statuses)) return unknown('recorder status not collected');

  const judged = recorders.filter(isRecord).map((recorder) => {
    const name = readText(recorder.name) ?? '(unnamed)';
    const status = statuses.filter(isRecord).find((candidate) => candidate.name === recorder.name);
    const group = isRecord(recorder.recordingGroup) ? recorder.recordingGroup : {};
    const recording = status ? readBoolean(status.recording) : null;
    const lastStatus = status ? readText(status.lastStatus) : null;
    const allTypes = recordsAllTypes(group);
    const global = readBoolean(group.includeGlobalResourceTypes) === true;
    const problems = [
      recording === true ? null : recording === false ? 'not recording' : 'no status',
      lastStatus?.toUpperCase() === 'FAILURE' ? 'last delivery failed' : null,
      allTypes ? null : 'not all resource types',
    ].filter((problem): problem is string => problem !== null);
    return { name, recording, lastStatus, allSupported: allTypes, includeGlobalResourceTypes: global, problems };
  });
  const good = judged.find((recorder) => recorder.problems.length === 0);
  const observed = { recorders: judged.map(({ problems: _problems, ...rest }) => rest) };
  if (good) return { region, state: 'ok', detail: 'recording', observed, global: good.includeGlobalResourceTypes };
  // A recorder missing from the status list means the collection was partial, not that it is stopped.
  if (judged.some((recorder) => recorder.recording === null))
    return { ...unknown('recorder status not collected'), observed };
  const detail = judged.flatMap((recorder) => recorder.problems).join('; ') || 'no usable recorder';
  return { region, state: 'fail', detail, observed, global: false };
}

export default defineControl({
  id: 'config-recorder-all-regions-enabled',
  title: 'AWS Config records all resource types in every Region, including global resources in one',
  service: 'config',
  severity: 'high',
  resourceTypes: ['AWS::::Account'],
  description:
    'In every Region with collected facts, a configuration recorder is recording, its last status is not FAILURE and it records all supported resource types (allSupported or recordingStrategy ALL_SUPPORTED_RESOURCE_TYPES); at least one Region also records global resources (IAM).',
  rationale:
    'Config history is the evidence of what resources existed and how they were configured; a Region without a recorder, or a recorder limited to some types, leaves changes there unrecorded and this audit blind to them.',
  remediation: {
    guidance:
      'AWS Config console → Settings → Edit in each Region: Record all resource types, include global resources in one Region, then start recording; or aws configservice put-configuration-recorder --configuration-recorder name=default,roleARN=<role-arn> --recording-group allSupported=true,includeGlobalResourceTypes=true && aws configservice start-configuration-recorder --configuration-recorder-name default.',
  },
  references: {
    securityHub: 'Config.1',
    urls: ['https://docs.aws.amazon.com/config/latest/developerguide/select-resources.html'],
  },
  evaluate: ({ resource: account }) => {
    const id = account.accountId;
    const globalRegionsOf = (outcomes: ReturnType<typeof judgeRegion>[]) =>
      outcomes.filter((outcome) => outcome.global).map((outcome) => outcome.region);
    return judgeAllRegions(account, {
      service: 'config',
      judgeRegion,
      noFacts: 'regional facts about AWS Config recorders',
      failing: 'AWS Config not fully recording in',
      unknown: 'AWS Config recorder facts for',
      observe: (outcomes) => ({ globalResourceRegions: globalRegionsOf(outcomes) }),
      allOk: (outcomes, observed) => {
        const globalRegions = globalRegionsOf(outcomes);
        if (globalRegions.length === 0) {
          return fail(
            `Account ${id} records AWS Config in every Region but no Region records global resource types.`,
            observed,
          );
        }
        return pass(
          `Account ${id} has AWS Config recording all resource types in ${outcomes.length} Region(s), global resources in ${globalRegions.join(', ')}.`,
          observed,
        );
      },
    });
  },
});
