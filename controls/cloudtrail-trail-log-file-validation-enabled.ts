import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readBoolean, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'cloudtrail-trail-log-file-validation-enabled',
  title: 'CloudTrail trail has log file integrity validation enabled',
  service: 'cloudtrail',
  severity: 'medium',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  description:
    'The trail writes signed SHA-256 digest files (logFileValidationEnabled), so delivered log files can be proven unmodified and complete.',
  rationale:
    'Without digest files nobody can show that a log file was not edited or deleted after delivery; an intruder can cover tracks and the audit trail loses its value as evidence.',
  remediation: {
    guidance:
      'CloudTrail console → Trails → <trail> → General details → Edit → Log file validation: Enabled; or aws cloudtrail update-trail --name <trail> --enable-log-file-validation.',
  },
  references: {
    awsConfigRule: 'CLOUD_TRAIL_LOG_FILE_VALIDATION_ENABLED',
    securityHub: 'CloudTrail.4',
    urls: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html'],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration ?? {};
    const name = readText(config.name) ?? displayName(resource);
    const enabled = readBoolean(config.logFileValidationEnabled);
    const observed = { trailARN: readText(config.trailARN) ?? resource.arn, logFileValidationEnabled: enabled };
    if (enabled === null) {
      return insufficientData(`CloudTrail trail ${name} has no recorded logFileValidationEnabled.`, observed);
    }
    return enabled
      ? pass(`CloudTrail trail ${name} has log file validation enabled.`, observed)
      : fail(`CloudTrail trail ${name} has log file validation disabled.`, observed);
  },
});
