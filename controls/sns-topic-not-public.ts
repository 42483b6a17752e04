import { defineControl } from '../engine/evaluate/define-control.js';
import { decodeErrorFor, evaluateResourcePolicyExposure } from '../engine/evaluate/resource-policy.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

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
    const policy = resource.configuration?.Policy;
    const unreadable = decodeErrorFor(resource, 'Policy');
    if (unreadable) return error(`SNS topic ${name} has a topic policy that cannot be decoded: ${unreadable}.`);
    // Every topic has a policy (AWS writes a default one), so its absence means the item is partial.
    if (policy === undefined || policy === null || policy === '') {
      return insufficientData(`SNS topic ${name} has no recorded topic policy.`);
    }
    const exposure = evaluateResourcePolicyExposure(policy, { ownerAccountId: resource.accountId });
    if (!exposure.ok) return error(`SNS topic ${name} has a topic policy that cannot be read: ${exposure.error}.`);
    const observed = {
      statementCount: exposure.statementCount,
      publicStatements: exposure.public,
      crossAccountStatements: exposure.crossAccount,
      serviceStatementsWithoutSourceCondition: exposure.unpinnedService,
    };
    if (exposure.public.length > 0) {
      const detail = exposure.public.map((s) => `${s.statement}: ${s.actions.join(', ')}`).join('; ');
      return fail(`SNS topic ${name} has a topic policy granting access to everyone (${detail}).`, observed);
    }
    return pass(`SNS topic ${name} has a topic policy with no public statement.`, observed);
  },
});
