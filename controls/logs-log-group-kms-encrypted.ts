import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'logs-log-group-kms-encrypted',
  title: 'CloudWatch Logs log group is encrypted with a KMS key',
  service: 'logs',
  severity: 'medium',
  resourceTypes: ['AWS::Logs::LogGroup'],
  description:
    'The log group has a customer managed KMS key (KmsKeyId) associated, rather than relying only on the service-owned encryption CloudWatch Logs applies by default.',
  rationale:
    'Logs often hold personal data, tokens and request payloads; with a KMS key, reading them also needs kms:Decrypt, access can be revoked by disabling the key, and every decryption is itself logged.',
  remediation: {
    guidance:
      'Give the key policy access for logs.<region>.amazonaws.com, then aws logs associate-kms-key --log-group-name <group> --kms-key-id <key-arn> (the console has no setting for existing groups).',
  },
  references: {
    awsConfigRule: 'CLOUDWATCH_LOG_GROUP_ENCRYPTED',
    urls: ['https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/encrypt-log-data-kms.html'],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration ?? {};
    const name = readText(config.LogGroupName) ?? displayName(resource);
    const kmsKeyId = readText(config.KmsKeyId);
    const observed = { kmsKeyId };
    if (kmsKeyId !== null) return pass(`Log group ${name} is encrypted with KMS key ${kmsKeyId}.`, observed);
    // Config omits KmsKeyId when no key is associated; without the group's identity the item is partial.
    if (readText(config.LogGroupName) === null && readText(config.Arn) === null) {
      return insufficientData(`Log group ${name} has no recorded configuration.`, observed);
    }
    return fail(`Log group ${name} has no KMS key associated.`, observed);
  },
});
