import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';
import { decodeErrorFor, readField, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 's3-bucket-access-logging-enabled',
  title: 'S3 bucket has server access logging enabled',
  service: 's3',
  severity: 'medium',
  resourceTypes: ['AWS::S3::Bucket'],
  description:
    'The bucket delivers server access logs: BucketLoggingConfiguration names a destination bucket. Config records a bucket without logging as {"destinationBucketName": null, "logFilePrefix": null}.',
  rationale:
    'Server access logs record every request to the bucket, including object-level reads that CloudTrail management events miss. Without them, an investigation cannot tell who read or deleted which object.',
  remediation: {
    guidance:
      'S3 console > bucket > Properties > Server access logging > Edit, or: aws s3api put-bucket-logging --bucket <name> --bucket-logging-status \'{"LoggingEnabled":{"TargetBucket":"<log-bucket>","TargetPrefix":"<name>/"}}\'.',
  },
  references: {
    awsConfigRule: 'S3_BUCKET_LOGGING_ENABLED',
    securityHub: 'S3.9',
    urls: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/ServerLogs.html'],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const problem = decodeErrorFor(resource, 'BucketLoggingConfiguration');
    if (problem) return error(`S3 bucket ${name} has a logging configuration that could not be decoded (${problem}).`);
    const logging = resource.supplementary.BucketLoggingConfiguration;
    // Config records this key for every bucket; its absence means the item is partial.
    if (logging === undefined) return insufficientData(`S3 bucket ${name} has no recorded logging configuration.`);
    const destination = isRecord(logging) ? readField(logging, 'destinationBucketName') : null;
    const prefix = isRecord(logging) ? readField(logging, 'logFilePrefix') : null;
    const observed = { destinationBucketName: destination ?? null, logFilePrefix: prefix ?? null };
    const destinationName = readText(destination);
    return destinationName
      ? pass(`S3 bucket ${name} delivers server access logs to bucket ${destinationName}.`, observed)
      : fail(`S3 bucket ${name} has server access logging disabled.`, observed);
  },
});
