import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readBoolean, readField, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'cloudfront-distribution-access-logging-enabled',
  title: 'CloudFront distribution has standard access logging enabled',
  service: 'cloudfront',
  severity: 'medium',
  resourceTypes: ['AWS::CloudFront::Distribution'],
  description:
    'distributionConfig.logging.enabled is true, so CloudFront delivers standard (legacy) access logs to an S3 bucket. Standard logging v2 (CloudWatch delivery) is not part of the Config item and is not seen by this control.',
  rationale:
    'Edge access logs are the only record of requests served from cache, which never reach the origin; without them an incident cannot be traced to viewers and audit-logging evidence for the public entry point is missing.',
  remediation: {
    guidance:
      'CloudFront console > <distribution> > General > Settings > Edit > Standard logging: On, choose an S3 bucket; or aws cloudfront update-distribution with Logging={Enabled=true,Bucket=<bucket>.s3.amazonaws.com,Prefix=<prefix>}.',
  },
  references: {
    awsConfigRule: 'CLOUDFRONT_ACCESSLOGS_ENABLED',
    securityHub: 'CloudFront.5',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/cloudfront-accesslogs-enabled.html',
      'https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/AccessLogs.html',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const logging = readField(readField(resource.configuration, 'distributionConfig'), 'logging');
    const enabled = readBoolean(readField(logging, 'enabled'));
    const observed = {
      loggingEnabled: enabled,
      bucket: readText(readField(logging, 'bucket')),
      prefix: readText(readField(logging, 'prefix')),
    };
    if (enabled === null)
      return insufficientData(`CloudFront distribution ${name} has no recorded logging configuration.`, observed);
    return enabled
      ? pass(`CloudFront distribution ${name} logs to ${observed.bucket ?? 'an unnamed bucket'}.`, observed)
      : fail(`CloudFront distribution ${name} has standard logging disabled.`, observed);
  },
});
