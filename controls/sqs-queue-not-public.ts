import { defineControl } from '../engine/evaluate/define-control.js';
import { decodeErrorFor, evaluateResourcePolicyExposure, readText } from '../engine/evaluate/resource-policy.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

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
    const policy = config.Policy;
    const unreadable = decodeErrorFor(resource, 'Policy');
    if (unreadable) return error(`SQS queue ${name} has a queue policy that cannot be decoded: ${unreadable}.`);
    if (policy === undefined || policy === null || policy === '') {
      // GetQueueAttributes (and so Config) has no Policy attribute for a queue without one.
      if (readText(config.QueueArn) === null) return insufficientData(`SQS queue ${name} has no recorded attributes.`);
      return pass(`SQS queue ${name} has no queue policy.`, { policy: null });
    }
    const exposure = evaluateResourcePolicyExposure(policy, { ownerAccountId: resource.accountId });
    if (!exposure.ok) return error(`SQS queue ${name} has a queue policy that cannot be read: ${exposure.error}.`);
    const observed = {
      statementCount: exposure.statementCount,
      publicStatements: exposure.public,
      crossAccountStatements: exposure.crossAccount,
      serviceStatementsWithoutSourceCondition: exposure.unpinnedService,
    };
    if (exposure.public.length > 0) {
      const detail = exposure.public.map((s) => `${s.statement}: ${s.actions.join(', ')}`).join('; ');
      return fail(`SQS queue ${name} has a queue policy granting access to everyone (${detail}).`, observed);
    }
    return pass(`SQS queue ${name} has a queue policy with no public statement.`, observed);
  },
});
