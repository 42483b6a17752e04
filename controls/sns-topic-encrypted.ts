import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'sns-topic-encrypted',
  title: 'SNS topic is encrypted at rest with a KMS key',
  service: 'sns',
  severity: 'medium',
  resourceTypes: ['AWS::SNS::Topic'],
  description:
    'The topic has server-side encryption with a KMS key (KmsMasterKeyId set, either alias/aws/sns or a customer managed key).',
  rationale:
    'Without SSE, messages waiting for delivery are stored unencrypted under keys nobody in the account controls, and nothing ties reading them to a KMS permission or an audit event.',
  remediation: {
    guidance:
      'SNS console → Topics → <topic> → Edit → Encryption → Enable encryption, choose a KMS key; or aws sns set-topic-attributes --topic-arn <arn> --attribute-name KmsMasterKeyId --attribute-value <key-id-or-alias>.',
  },
  references: {
    awsConfigRule: 'SNS_ENCRYPTED_KMS',
    securityHub: 'SNS.1',
    urls: ['https://docs.aws.amazon.com/sns/latest/dg/sns-server-side-encryption.html'],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration ?? {};
    const name = displayName(resource);
    const kmsMasterKeyId = readText(config.KmsMasterKeyId);
    const observed = { kmsMasterKeyId };
    if (kmsMasterKeyId !== null)
      return pass(`SNS topic ${name} is encrypted with KMS key ${kmsMasterKeyId}.`, observed);
    // GetTopicAttributes (and so Config) omits KmsMasterKeyId on unencrypted topics; without TopicArn the item is partial.
    if (readText(config.TopicArn) === null)
      return insufficientData(`SNS topic ${name} has no recorded attributes.`, observed);
    return fail(`SNS topic ${name} has no server-side encryption.`, observed);
  },
});
