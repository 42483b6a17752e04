import { defineControl } from '../engine/evaluate/define-control.js';
import { matchTag, readDefaultEncryption } from '../engine/evaluate/s3-bucket-settings.js';
import { displayName, error, fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';

const KMS_ALGORITHMS = ['aws:kms', 'aws:kms:dsse'];

export default defineControl({
  id: 's3-bucket-sse-kms-where-required',
  title: 'S3 bucket holding classified data encrypts by default with AWS KMS',
  service: 's3',
  severity: 'high',
  resourceTypes: ['AWS::S3::Bucket'],
  parameters: {
    tagKey: 'data-classification',
    tagValues: ['confidential', 'restricted', 'pii', 'phi'],
  },
  description:
    'A bucket whose classification tag (tagKey, compared case-insensitively) has one of tagValues defaults to SSE-KMS (aws:kms) or DSSE-KMS (aws:kms:dsse). Buckets without such a tag are not applicable.',
  rationale:
    'SSE-S3 keys are managed and usable by S3 alone: access to sensitive data then hinges on S3 permissions only. A KMS key adds a second, separately audited permission (kms:Decrypt), logs every use in CloudTrail and can be disabled to cut access.',
  remediation: {
    guidance:
      'S3 console > bucket > Properties > Default encryption > Edit > SSE-KMS with a customer managed key, or: aws s3api put-bucket-encryption --bucket <name> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms","KMSMasterKeyID":"<key-arn>"},"BucketKeyEnabled":true}]}\'.',
  },
  references: {
    awsConfigRule: 'S3_DEFAULT_ENCRYPTION_KMS',
    securityHub: 'S3.17',
    urls: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/UsingKMSEncryption.html'],
  },
  evaluate: ({ resource, parameters }) => {
    const name = displayName(resource);
    const { tag, matches } = matchTag(resource, parameters.tagKey, parameters.tagValues);
    if (!tag || !matches) {
      return notApplicable(
        `S3 bucket ${name} is not tagged ${parameters.tagKey} with one of ${parameters.tagValues.join(', ')}.`,
        { tag: tag ? `${tag.key}=${tag.value}` : null },
      );
    }
    const classification = `${tag.key}=${tag.value}`;
    const encryption = readDefaultEncryption(resource);
    switch (encryption.state) {
      case 'unknown':
        return insufficientData(`S3 bucket ${name} (${classification}) has no recorded encryption configuration.`, {
          tag: classification,
        });
      case 'error':
        return error(
          `S3 bucket ${name} has an encryption configuration that could not be decoded (${encryption.error}).`,
          {
            tag: classification,
          },
        );
      case 'none':
        return fail(`S3 bucket ${name} (${classification}) has no default encryption rule recorded.`, {
          tag: classification,
          sseAlgorithm: null,
        });
      case 'configured': {
        const observed = {
          tag: classification,
          sseAlgorithm: encryption.algorithm,
          kmsMasterKeyId: encryption.kmsMasterKeyId,
        };
        return KMS_ALGORITHMS.includes(encryption.algorithm)
          ? pass(`S3 bucket ${name} (${classification}) encrypts by default with ${encryption.algorithm}.`, observed)
          : fail(
              `S3 bucket ${name} (${classification}) encrypts by default with ${encryption.algorithm}, not AWS KMS.`,
              observed,
            );
      }
    }
  },
});
