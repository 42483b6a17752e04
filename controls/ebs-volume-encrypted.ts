import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readBoolean, readField, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'ebs-volume-encrypted',
  title: 'EBS volume is encrypted at rest',
  service: 'ebs',
  severity: 'high',
  resourceTypes: ['AWS::EC2::Volume'],
  description: 'The volume configuration has encrypted true (with an AWS-managed or customer-managed KMS key).',
  rationale:
    'An unencrypted volume leaves its data, and every snapshot copied or shared from it, readable by anyone who obtains the snapshot; encryption at rest is an explicit HIPAA and GDPR safeguard auditors ask evidence for.',
  remediation: {
    guidance:
      'Volumes cannot be encrypted in place: snapshot the volume, aws ec2 copy-snapshot --encrypted --kms-key-id <key>, create a volume from the copy and swap it in; enable EBS encryption by default to stop new ones.',
  },
  references: {
    awsConfigRule: 'ENCRYPTED_VOLUMES',
    securityHub: 'EC2.3',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/encrypted-volumes.html',
      'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const configuration = resource.configuration ?? {};
    const encrypted = readBoolean(configuration.encrypted);
    const attachments = Array.isArray(configuration.attachments) ? configuration.attachments : [];
    const observed = {
      encrypted,
      kmsKeyId: readText(configuration.kmsKeyId),
      // Older items hold state as a string, newer ones as { value }.
      state: readText(configuration.state) ?? readText(readField(configuration.state, 'value')),
      attachedTo: attachments.map((attachment) => readText(readField(attachment, 'instanceId'))).filter(Boolean),
    };
    if (encrypted === null) return insufficientData(`EBS volume ${name} has no recorded encrypted flag.`, observed);
    return encrypted
      ? pass(`EBS volume ${name} is encrypted.`, observed)
      : fail(`EBS volume ${name} is not encrypted.`, observed);
  },
});
