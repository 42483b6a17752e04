import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readBoolean, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'sqs-queue-encrypted',
  title: 'SQS queue is encrypted at rest',
  service: 'sqs',
  severity: 'medium',
  resourceTypes: ['AWS::SQS::Queue'],
  description:
    'The queue has server-side encryption: SSE-KMS (KmsMasterKeyId set) or SSE-SQS (SqsManagedSseEnabled true). observed.encryption says which.',
  rationale:
    'Queued messages often carry orders, events and personal data; an unencrypted queue stores them in the clear, with no key policy standing between storage and a reader.',
  remediation: {
    guidance:
      'SQS console → Queues → <queue> → Edit → Encryption → Server-side encryption Enabled (SSE-SQS, or SSE-KMS with a key); or aws sqs set-queue-attributes --queue-url <url> --attributes SqsManagedSseEnabled=true.',
  },
  references: {
    securityHub: 'SQS.1',
    urls: [
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-server-side-encryption.html',
    ],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration ?? {};
    const name = displayName(resource);
    const kmsMasterKeyId = readText(config.KmsMasterKeyId);
    // Queue attributes are strings on the wire: SqsManagedSseEnabled arrives as "true"/"false".
    const sqsManaged = readBoolean(config.SqsManagedSseEnabled);
    const observed = { kmsMasterKeyId, sqsManagedSseEnabled: sqsManaged };
    if (kmsMasterKeyId !== null) {
      return pass(`SQS queue ${name} is encrypted with SSE-KMS key ${kmsMasterKeyId}.`, {
        ...observed,
        encryption: 'SSE-KMS',
      });
    }
    if (sqsManaged === true)
      return pass(`SQS queue ${name} is encrypted with SSE-SQS.`, { ...observed, encryption: 'SSE-SQS' });
    if (sqsManaged === false)
      return fail(`SQS queue ${name} has no server-side encryption.`, { ...observed, encryption: 'none' });
    // Items recorded before SSE-SQS existed lack the attribute, so "no KMS key" alone does not prove "unencrypted".
    return insufficientData(`SQS queue ${name} has no recorded KmsMasterKeyId or SqsManagedSseEnabled.`, observed);
  },
});
