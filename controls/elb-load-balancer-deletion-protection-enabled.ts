import { defineControl } from '../engine/evaluate/define-control.js';
import { loadBalancerType, readLoadBalancerAttributes } from '../engine/evaluate/load-balancer-settings.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readBoolean } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'elb-load-balancer-deletion-protection-enabled',
  title: 'Load balancer has deletion protection enabled',
  service: 'elb',
  severity: 'low',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer'],
  description:
    'The application, network or gateway load balancer has the attribute deletion_protection.enabled "true", so DeleteLoadBalancer is refused until the attribute is turned off.',
  rationale:
    'A deleted load balancer takes its DNS name with it; recreating it gives a new name, so a mistaken or malicious delete is an outage that clients cannot recover from until DNS is repointed. Availability evidence (SOC 2 A1) expects the guard.',
  remediation: {
    guidance:
      'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=deletion_protection.enabled,Value=true, or EC2 console > Load Balancers > <lb> > Attributes > Edit > Deletion protection.',
  },
  references: {
    awsConfigRule: 'ELB_DELETION_PROTECTION_ENABLED',
    securityHub: 'ELB.6',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/elb-deletion-protection-enabled.html',
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#deletion-protection',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const type = loadBalancerType(resource.configuration);
    const attributes = readLoadBalancerAttributes(resource.supplementary.LoadBalancerAttributes);
    if (attributes === null) {
      return insufficientData(`Load balancer ${name} has no recorded LoadBalancerAttributes.`, { type });
    }
    const enabled = readBoolean(attributes['deletion_protection.enabled']);
    const observed = { type, deletionProtection: enabled };
    if (enabled === null) {
      return insufficientData(`Load balancer ${name} has no recorded deletion_protection.enabled attribute.`, observed);
    }
    return enabled
      ? pass(`Load balancer ${name} has deletion protection enabled.`, observed)
      : fail(`Load balancer ${name} has deletion protection disabled.`, observed);
  },
});
