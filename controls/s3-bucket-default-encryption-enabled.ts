import { defineControl } from '../engine/evaluate/define-control.js';
import { readDefaultEncryption } from '../engine/evaluate/s3-bucket-settings.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

const ALGORITHMS = ['AES256', 'aws:kms', 'aws:kms:dsse'];

export default defineControl({
  id: 's3-bucket-default-encryption-enabled',
  title: 'S3 bucket has a default server-side encryption rule',
  service: 's3',
  severity: 'medium',
  resourceTypes: ['AWS::S3::Bucket'],
  description:
    'The bucket has a default encryption rule (SSE-S3 AES256, SSE-KMS aws:kms or DSSE-KMS aws:kms:dsse) recorded in its ServerSideEncryptionConfiguration, so objects written without encryption headers are encrypted at rest.',
  rationale:
    'Without a recorded default rule an auditor has no evidence that objects are encrypted at rest. Since January 2023 S3 applies SSE-S3 to new buckets, so a bucket whose item records none is old, altered or out of step with its recorded state.',
  remediation: {
    guidance:
      'S3 console > bucket > Properties > Default encryption > Edit, or: aws s3api put-bucket-encryption --bucket <name> --server-side-encryption-configuration \'{"Rules":[{"ApplyServerSideEncryptionByDefault":{"SSEAlgorithm":"aws:kms"},"BucketKeyEnabled":true}]}\'.',
  },
  references: {
    awsConfigRule: 'S3_BUCKET_SERVER_SIDE_ENCRYPTION_ENABLED',
    urls: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-encryption.html',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const encryption = readDefaultEncryption(resource);
    switch (encryption.state) {
      case 'unknown':
        return insufficientData(
          `S3 bucket ${name} has no recorded supplementary configuration to judge encryption from.`,
        );
      case 'error':
        return error(
          `S3 bucket ${name} has an encryption configuration that could not be decoded (${encryption.error}).`,
        );
      case 'none':
        return fail(
          encryption.why === 'absent'
            ? `S3 bucket ${name} has no default encryption configuration in its Config item; S3 has applied SSE-S3 by default since January 2023, but the recorded state gives no evidence of it.`
            : `S3 bucket ${name} has a ServerSideEncryptionConfiguration without a default encryption rule.`,
          { sseAlgorithm: null, recorded: encryption.why === 'empty' },
        );
      case 'configured': {
        const observed = {
          sseAlgorithm: encryption.algorithm,
          kmsMasterKeyId: encryption.kmsMasterKeyId,
          bucketKeyEnabled: encryption.bucketKeyEnabled,
        };
        return ALGORITHMS.includes(encryption.algorithm)
          ? pass(`S3 bucket ${name} encrypts new objects by default with ${encryption.algorithm}.`, observed)
          : fail(
              `S3 bucket ${name} has default encryption algorithm ${encryption.algorithm}, which is not one of ${ALGORITHMS.join(', ')}.`,
              observed,
            );
      }
    }
  },
});
