import { defineControl } from '../engine/evaluate/define-control.js';
import { getField, readLoadBalancerAttributes, toBoolean, toText } from '../engine/evaluate/network-exposure.js';
import { displayName, fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';
import type { Resource, Verdict } from '../engine/types.js';

const CLASSIC = 'AWS::ElasticLoadBalancing::LoadBalancer';

function judgeClassic(resource: Resource, name: string): Verdict {
  // Config records the DescribeLoadBalancerAttributes answer as a supplementary object.
  const accessLog = getField(resource.supplementary.LoadBalancerAttributes, 'accessLog');
  const enabled = toBoolean(getField(accessLog, 'enabled'));
  const observed = {
    type: 'classic',
    accessLogsEnabled: enabled,
    bucket: toText(getField(accessLog, 's3BucketName')),
    prefix: toText(getField(accessLog, 's3BucketPrefix')),
  };
  if (enabled === null) {
    return insufficientData(`Classic load balancer ${name} has no recorded access log attribute.`, observed);
  }
  return enabled
    ? pass(
        `Classic load balancer ${name} delivers access logs to S3 bucket ${observed.bucket ?? '(unnamed)'}.`,
        observed,
      )
    : fail(`Classic load balancer ${name} has access logging disabled.`, observed);
}

export default defineControl({
  id: 'elb-load-balancer-access-logs-enabled',
  title: 'Load balancer delivers access logs to S3',
  service: 'elb',
  severity: 'medium',
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer', CLASSIC],
  description:
    'Application and network load balancers have the attribute access_logs.s3.enabled "true"; classic load balancers have accessLog.enabled true. Gateway load balancers have no access logs and are not applicable.',
  rationale:
    'Access logs are the request-level record of who called an internet-facing service; without them an incident cannot be traced to a client address and SOC 2 CC7 / HIPAA audit-control evidence for the entry point is missing.',
  remediation: {
    guidance:
      'aws elbv2 modify-load-balancer-attributes --load-balancer-arn <arn> --attributes Key=access_logs.s3.enabled,Value=true Key=access_logs.s3.bucket,Value=<bucket>; classic: aws elb modify-load-balancer-attributes --load-balancer-name <name> --load-balancer-attributes AccessLog={Enabled=true,S3BucketName=<bucket>}.',
  },
  references: {
    awsConfigRule: 'ELB_LOGGING_ENABLED',
    securityHub: 'ELB.5',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/elb-logging-enabled.html',
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/enable-access-logging.html',
      'https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-access-logs.html',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    if (resource.resourceType === CLASSIC) return judgeClassic(resource, name);
    const type = toText(resource.configuration?.type)?.toLowerCase() ?? null;
    if (type === 'gateway') return notApplicable(`Gateway load balancer ${name} has no access logs.`, { type });
    const attributes = readLoadBalancerAttributes(resource.supplementary.LoadBalancerAttributes);
    if (attributes === null) {
      return insufficientData(`Load balancer ${name} has no recorded LoadBalancerAttributes.`, { type });
    }
    const enabled = toBoolean(attributes['access_logs.s3.enabled']);
    const observed = {
      type,
      accessLogsEnabled: enabled,
      bucket: toText(attributes['access_logs.s3.bucket']),
      prefix: toText(attributes['access_logs.s3.prefix']),
    };
    if (enabled === null) {
      return insufficientData(`Load balancer ${name} has no recorded access_logs.s3.enabled attribute.`, observed);
    }
    return enabled
      ? pass(`Load balancer ${name} delivers access logs to S3 bucket ${observed.bucket ?? '(unnamed)'}.`, observed)
      : fail(`Load balancer ${name} has access logging disabled.`, observed);
  },
});
