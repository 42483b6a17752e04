import { defineControl } from '../engine/evaluate/define-control.js';
import { judgePublicPolicy } from '../engine/evaluate/resource-policy.js';
import { displayName, insufficientData } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'sns-topic-not-public',
  title: 'SNS topic policy does not grant access to everyone',
  service: 'sns',
  severity: 'high',
  resourceTypes: ['AWS::SNS::Topic'],
  description:
    'No Allow statement of the topic policy names a public principal unless a condition pins it (the default policy pins AWS:* with AWS:SourceOwner = the owner). Cross-account grants and unconditioned service principals are listed, not failed.',
  rationale:
    'A public topic lets anyone publish spoofed messages to every subscriber, subscribe an outside endpoint to read the messages, or change and delete the topic.',
  remediation: {
    guidance:
      'SNS console → Topics → <topic> → Edit → Access policy: remove "*" principals or add an aws:SourceAccount / aws:SourceOwner / aws:PrincipalOrgID condition; or aws sns set-topic-attributes --topic-arn <arn> --attribute-name Policy --attribute-value file://policy.json.',
  },
  references: {
    urls: ['https://docs.aws.amazon.com/sns/latest/dg/sns-access-policy-use-cases.html'],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    return judgePublicPolicy({
      resource,
      policy: resource.configuration?.Policy,
      field: 'Policy',
      subject: `SNS topic ${name}`,
      policyName: 'topic policy',
      // Every topic has a policy (AWS writes a default one), so its absence means the item is partial.
      whenAbsent: () => insufficientData(`SNS topic ${name} has no recorded topic policy.`),
    });
  },
});
