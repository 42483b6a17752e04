import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';

export default defineControl({
  id: 's3-bucket-versioning-enabled',
  title: 'S3 bucket has versioning enabled',
  service: 's3',
  severity: 'medium',
  resourceTypes: ['AWS::S3::Bucket'],
  description: 'The bucket keeps every version of every object, so an overwrite or delete can be undone.',
  rationale:
    'Without versioning, a deleted or overwritten object (by mistake, by ransomware or by a compromised key) is gone, and the bucket cannot give evidence of its earlier contents.',
  remediation: {
    guidance:
      'Enable versioning: aws s3api put-bucket-versioning --bucket <name> --versioning-configuration Status=Enabled.',
  },
  references: {
    awsConfigRule: 'S3_BUCKET_VERSIONING_ENABLED',
    securityHub: 'S3.14',
    urls: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html'],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const versioning = resource.supplementary.BucketVersioningConfiguration;
    // Config always records this key for buckets; its absence means the item is partial.
    if (!isRecord(versioning) || typeof versioning.status !== 'string') {
      return insufficientData(`S3 bucket ${name} has no recorded versioning configuration.`);
    }
    // Config says "Off" for a bucket that was never versioned.
    const observed = { versioningStatus: versioning.status, mfaDelete: versioning.isMfaDeleteEnabled ?? null };
    return versioning.status === 'Enabled'
      ? pass(`S3 bucket ${name} has versioning enabled.`, observed)
      : fail(`S3 bucket ${name} has versioning set to ${versioning.status}.`, observed);
  },
});
