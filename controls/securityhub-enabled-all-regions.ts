import { judgeAllRegions, type RegionOutcome } from '../engine/evaluate/account-facts.js';
import { readBoolean } from '../engine/evaluate/config-fields.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { pass } from '../engine/evaluate/verdict.js';

function judgeRegion(region: string, facts: Record<string, unknown>): RegionOutcome {
  const enabled = readBoolean(facts.securityHubEnabled);
  const observed = { securityHubEnabled: enabled };
  if (enabled === null) return { region, state: 'unknown', detail: 'Security Hub status not collected', observed };
  return enabled
    ? { region, state: 'ok', detail: 'enabled', observed }
    : { region, state: 'fail', detail: 'not enabled', observed };
}

export default defineControl({
  id: 'securityhub-enabled-all-regions',
  title: 'Security Hub is enabled in every Region',
  service: 'securityhub',
  severity: 'medium',
  resourceTypes: ['AWS::::Account'],
  description:
    'Every Region with collected facts answers DescribeHub, that is, the account is subscribed to Security Hub there.',
  rationale:
    'Security Hub gathers findings from GuardDuty, Inspector, Macie and Config into one place; in a Region without it findings are scattered or lost and no central triage of security alerts can be evidenced.',
  remediation: {
    guidance:
      'Security Hub console → Go to Security Hub → Enable Security Hub in each Region (or use central configuration from the delegated administrator); or aws securityhub enable-security-hub --region <region>.',
  },
  references: {
    awsConfigRule: 'SECURITYHUB_ENABLED',
    urls: ['https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-settingup.html'],
  },
  evaluate: ({ resource: account }) =>
    judgeAllRegions(account, {
      service: 'securityhub',
      judgeRegion,
      noFacts: 'regional facts about Security Hub',
      failing: 'Security Hub not enabled in',
      unknown: 'Security Hub status for',
      allOk: (outcomes, observed) =>
        pass(`Account ${account.accountId} has Security Hub enabled in all ${outcomes.length} Region(s).`, observed),
    }),
});
