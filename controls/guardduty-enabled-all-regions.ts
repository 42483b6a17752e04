import { judgeAllRegions, type RegionOutcome } from '../engine/evaluate/account-facts.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';

function judgeRegion(region: string, facts: Record<string, unknown>): RegionOutcome {
  const detectors = facts.guardDutyDetectors;
  if (!Array.isArray(detectors)) return { region, state: 'unknown', detail: 'detectors not collected', observed: {} };
  const observed = {
    detectors: detectors
      .filter(isRecord)
      .map((detector) => ({ detectorId: detector.detectorId, status: detector.status })),
  };
  if (detectors.length === 0) return { region, state: 'fail', detail: 'no detector', observed };
  const enabled = observed.detectors.some((detector) => String(detector.status).toUpperCase() === 'ENABLED');
  return enabled
    ? { region, state: 'ok', detail: 'detector enabled', observed }
    : { region, state: 'fail', detail: 'detector suspended', observed };
}

export default defineControl({
  id: 'guardduty-enabled-all-regions',
  title: 'GuardDuty has an enabled detector in every Region',
  service: 'guardduty',
  severity: 'high',
  resourceTypes: ['AWS::::Account'],
  description: 'Every Region with collected facts has a GuardDuty detector whose status is ENABLED.',
  rationale:
    'GuardDuty is the managed threat detection for credential misuse, crypto-mining and reconnaissance; a Region without an enabled detector is where an intruder can operate unseen, and no detective control can be evidenced there.',
  remediation: {
    guidance:
      'GuardDuty console → Get started → Enable GuardDuty in each Region (or from the delegated administrator for the organization); or aws guardduty create-detector --enable --region <region>.',
  },
  references: {
    awsConfigRule: 'GUARDDUTY_ENABLED_CENTRALIZED',
    securityHub: 'GuardDuty.1',
    urls: ['https://docs.aws.amazon.com/guardduty/latest/ug/guardduty_settingup.html'],
  },
  evaluate: ({ resource: account }) =>
    judgeAllRegions(account, {
      service: 'guardduty',
      judgeRegion,
      noFacts: 'regional facts about GuardDuty detectors',
      failing: 'GuardDuty not enabled in',
      unknown: 'GuardDuty facts for',
      allOk: (outcomes, observed) =>
        pass(`Account ${account.accountId} has GuardDuty enabled in all ${outcomes.length} Region(s).`, observed),
    }),
});
