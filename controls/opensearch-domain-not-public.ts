import { defineControl } from '../engine/evaluate/define-control.js';
import { evaluateResourcePolicyExposure } from '../engine/evaluate/resource-policy.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';
import { readBoolean, readField, readText } from '../engine/evaluate/config-fields.js';

const nonEmpty = (value: unknown): boolean =>
  (Array.isArray(value) && value.length > 0) || (typeof value === 'string' && value.length > 0);

export default defineControl({
  id: 'opensearch-domain-not-public',
  title: 'OpenSearch domain is not open to everyone on the internet',
  service: 'opensearch',
  severity: 'critical',
  resourceTypes: ['AWS::OpenSearch::Domain', 'AWS::Elasticsearch::Domain'],
  description:
    'A domain in a VPC passes. A domain with a public endpoint fails when its access policy has an Allow for a public principal not pinned by a condition (an aws:SourceIp of public ranges is not a pin); with no access policy it passes.',
  rationale:
    'A public endpoint with an open access policy lets anyone on the internet read, change or delete indices; exposed search clusters are a recurring source of large personal-data leaks and ransom wipes.',
  remediation: {
    guidance:
      'Recreate the domain in a VPC (network access cannot be changed in place), or restrict the access policy to IAM principals: OpenSearch console → Domains → <domain> → Security configuration → Edit → Access policy; or aws opensearch update-domain-config --domain-name <domain> --access-policies file://policy.json.',
  },
  references: {
    urls: [
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/vpc.html',
      'https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ac.html',
    ],
  },
  evaluate: ({ resource }) => {
    const config = resource.configuration ?? {};
    const domainName = readText(readField(config, 'DomainName'));
    const name = domainName ?? displayName(resource);
    const vpc = readField(config, 'VPCOptions');
    const subnetIds = readField(vpc, 'SubnetIds');
    const vpcId = readText(readField(vpc, 'VPCId'));
    if (isRecord(vpc) && (nonEmpty(subnetIds) || vpcId !== null)) {
      return pass(`OpenSearch domain ${name} is reachable only inside VPC ${vpcId ?? 'subnets'}.`, {
        inVpc: true,
        vpcId,
        subnetIds,
      });
    }
    const security = readField(config, 'AdvancedSecurityOptions');
    const baseObserved = {
      inVpc: false,
      fineGrainedAccessControl: isRecord(security) ? readBoolean(readField(security, 'Enabled')) : null,
    };
    const policy = readField(config, 'AccessPolicies');
    if (policy === undefined || policy === null || policy === '') {
      // Without the domain's identity the item is partial; with it, no policy means only IAM-signed requests are allowed.
      if (domainName === null && readText(readField(config, 'Arn')) === null) {
        return insufficientData(`OpenSearch domain ${name} has no recorded configuration.`, baseObserved);
      }
      return pass(`OpenSearch domain ${name} has a public endpoint but no access policy.`, {
        ...baseObserved,
        accessPolicy: null,
      });
    }
    const exposure = evaluateResourcePolicyExposure(policy, { ownerAccountId: resource.accountId });
    if (!exposure.ok)
      return error(`OpenSearch domain ${name} has an access policy that cannot be read: ${exposure.error}.`);
    const observed = {
      ...baseObserved,
      publicStatements: exposure.public,
      crossAccountStatements: exposure.crossAccount,
    };
    if (exposure.public.length > 0) {
      const sids = exposure.public.map((s) => s.statement).join(', ');
      return fail(
        `OpenSearch domain ${name} has a public endpoint and an access policy granting access to everyone (statements ${sids}).`,
        observed,
      );
    }
    return pass(
      `OpenSearch domain ${name} has a public endpoint but its access policy has no public statement.`,
      observed,
    );
  },
});
