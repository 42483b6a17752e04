import { defineControl } from '../engine/evaluate/define-control.js';
import {
  CLASSIC_LOAD_BALANCER_TYPE,
  loadBalancerType,
  readLoadBalancerAttributes,
} from '../engine/evaluate/load-balancer-settings.js';
import { displayName, fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';
import type { Resource, Verdict } from '../engine/types.js';
import { readBoolean, readField, readText } from '../engine/evaluate/config-fields.js';

function judgeClassic(resource: Resource, name: string): Verdict {
  // Config records the DescribeLoadBalancerAttributes answer as a supplementary object.
  const accessLog = readField(resource.supplementary.LoadBalancerAttributes, 'accessLog');
  const enabled = readBoolean(readField(accessLog, 'enabled'));
  const observed = {
    type: 'classic',
    accessLogsEnabled: enabled,
    bucket: readText(readField(accessLog, 's3BucketName')),
    prefix: readText(readField(accessLog, 's3BucketPrefix')),
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
  resourceTypes: ['AWS::ElasticLoadBalancingV2::LoadBalancer', CLASSIC_LOAD_BALANCER_TYPE],
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
    if (resource.resourceType === CLASSIC_LOAD_BALANCER_TYPE) return judgeClassic(resource, name);
    const type = loadBalancerType(resource.configuration);
    if (type === 'gateway') return notApplicable(`Gateway load balancer ${name} has no access logs.`, { type });
    const attributes = readLoadBalancerAttributes(resource.supplementary.LoadBalancerAttributes);
    if (attributes === null) {
      return insufficientData(`Load balancer ${name} has no recorded LoadBalancerAttributes.`, { type });
    }
    const enabled = readBoolean(attributes['access_logs.s3.enabled']);
    const observed = {
      type,
      accessLogsEnabled: enabled,
      bucket: readText(attributes['access_logs.s3.bucket']),
      prefix: readText(attributes['access_logs.s3.prefix']),
    };
    if (enabled === null) {
      return insufficientData(`Load balancer ${name} has no recorded access_logs.s3.enabled attribute.`, observed);
    }
    return enabled
      ? pass(`Load balancer ${name} delivers access logs to S3 bucket ${observed.bucket ?? '(unnamed)'}.`, observed)
      : fail(`Load balancer ${name} has access logging disabled.`, observed);
  },
});
