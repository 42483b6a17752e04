import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readNumber, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'logs-log-group-retention-set',
  title: 'CloudWatch Logs log group keeps events for at least the minimum retention period',
  service: 'logs',
  severity: 'medium',
  resourceTypes: ['AWS::Logs::LogGroup'],
  description:
    'The log group retains events for at least minRetentionDays (default 365). No RetentionInDays means "never expire", which keeps the evidence and passes, as in the managed rule; a shorter retention fails.',
  rationale:
    'Logs deleted after days or weeks cannot support an investigation of an intrusion found months later, nor the 12-month history that SOC 2 and HIPAA auditors sample.',
  parameters: { minRetentionDays: 365 },
  remediation: {
    guidance:
      'CloudWatch console → Log groups → <group> → Actions → Edit retention setting → 365 days or more (or Never expire); or aws logs put-retention-policy --log-group-name <group> --retention-in-days 365.',
  },
  references: {
    awsConfigRule: 'CW_LOGGROUP_RETENTION_PERIOD_CHECK',
    securityHub: 'CloudWatch.16',
    urls: [
      'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention',
    ],
  },
  evaluate: ({ resource, parameters }) => {
    const config = resource.configuration ?? {};
    const name = readText(config.LogGroupName) ?? displayName(resource);
    const raw = config.RetentionInDays;
    const minimum = parameters.minRetentionDays;
    if (raw === undefined || raw === null) {
      // CloudFormation-style items omit RetentionInDays for "never expire"; without the group's identity the item is partial.
      if (readText(config.LogGroupName) === null && readText(config.Arn) === null) {
        return insufficientData(`Log group ${name} has no recorded configuration.`);
      }
      return pass(`Log group ${name} never expires its events.`, {
        retentionInDays: null,
        neverExpire: true,
        minRetentionDays: minimum,
      });
    }
    const days = readNumber(raw);
    if (days === null) return error(`Log group ${name} has a RetentionInDays that is not a number: ${String(raw)}.`);
    const observed = { retentionInDays: days, neverExpire: false, minRetentionDays: minimum };
    return days >= minimum
      ? pass(`Log group ${name} retains events for ${days} days.`, observed)
      : fail(`Log group ${name} retains events for ${days} days, less than ${minimum}.`, observed);
  },
});
