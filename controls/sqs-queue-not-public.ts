import { readText } from '../engine/evaluate/config-fields.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { judgePublicPolicy } from '../engine/evaluate/resource-policy.js';
import { displayName, insufficientData, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'sqs-queue-not-public',
  title: 'SQS queue policy does not grant access to everyone',
  service: 'sqs',
  severity: 'high',
  resourceTypes: ['AWS::SQS::Queue'],
  description:
    'No Allow statement of the queue policy names a public principal unless a condition pins it (e.g. aws:SourceArn of one SNS topic). A queue with no policy is reachable only by its account and passes. Cross-account grants are listed, not failed.',
  rationale:
    'A public queue lets anyone read and delete messages, inject forged ones into the consumers, or purge the queue, which breaks the confidentiality and integrity of whatever flows through it.',
  remediation: {
    guidance:
      'SQS console → Queues → <queue> → Access policy → Edit: replace "*" principals or add an aws:SourceArn / aws:SourceAccount / aws:PrincipalOrgID condition; or aws sqs set-queue-attributes --queue-url <url> --attributes file://policy-attribute.json.',
  },
  references: {
    awsConfigRule: 'SQS_QUEUE_NO_PUBLIC_ACCESS',
    urls: [
      'https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html',
    ],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration ?? {};
    const name = displayName(resource);
    return judgePublicPolicy({
      resource,
      policy: config.Policy,
      field: 'Policy',
      subject: `SQS queue ${name}`,
      policyName: 'queue policy',
      // GetQueueAttributes (and so Config) has no Policy attribute for a queue without one.
      whenAbsent: () =>
        readText(config.QueueArn) === null
          ? insufficientData(`SQS queue ${name} has no recorded attributes.`)
          : pass(`SQS queue ${name} has no queue policy.`, { policy: null }),
    });
  },
});
