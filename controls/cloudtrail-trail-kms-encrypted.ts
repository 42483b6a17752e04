import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'cloudtrail-trail-kms-encrypted',
  title: 'CloudTrail trail encrypts its log files with a KMS key',
  service: 'cloudtrail',
  severity: 'medium',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  description:
    'The trail delivers its log files encrypted with SSE-KMS (kmsKeyId set) rather than only the bucket default encryption.',
  rationale:
    'With SSE-KMS, reading the logs needs kms:Decrypt on a key the security team controls, so read access to the log bucket alone does not disclose account activity; key use is itself logged.',
  remediation: {
    guidance:
      'CloudTrail console → Trails → <trail> → General details → Edit → Log file SSE-KMS encryption: Enabled, choose a key whose policy allows cloudtrail.amazonaws.com; or aws cloudtrail update-trail --name <trail> --kms-key-id <key-arn>.',
  },
  references: {
    awsConfigRule: 'CLOUD_TRAIL_ENCRYPTION_ENABLED',
    securityHub: 'CloudTrail.2',
    urls: [
      'https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html',
    ],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration ?? {};
    const name = readText(config.name) ?? displayName(resource);
    const trailARN = readText(config.trailARN);
    const kmsKeyId = readText(config.kmsKeyId);
    const observed = { trailARN: trailARN ?? resource.arn, kmsKeyId };
    if (kmsKeyId !== null)
      return pass(`CloudTrail trail ${name} encrypts log files with KMS key ${kmsKeyId}.`, observed);
    // Config omits kmsKeyId when none is set; an item without the trail's identity is partial instead.
    if (trailARN === null && readText(config.name) === null) {
      return insufficientData(`CloudTrail trail ${name} has no recorded trail configuration.`, observed);
    }
    return fail(`CloudTrail trail ${name} has no KMS key for log file encryption.`, observed);
  },
});
