import { defineControl } from '../engine/evaluate/define-control.js';
import { assessPublicExposure, exposureVerdict } from '../engine/evaluate/s3-access.js';
import { ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE } from '../engine/evaluate/s3-bucket-settings.js';
import { displayName } from '../engine/evaluate/verdict.js';
import { ACCOUNT_RESOURCE_TYPE } from '../engine/normalize/account-facts.js';

export default defineControl({
  id: 's3-bucket-public-read-prohibited',
  title: 'S3 bucket does not allow public read access',
  service: 's3',
  severity: 'critical',
  resourceTypes: ['AWS::S3::Bucket'],
  uses: [ACCOUNT_RESOURCE_TYPE, ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE],
  description:
    'No unpinned public bucket-policy statement grants s3:GetObject, s3:GetObjectVersion or s3:ListBucket(Versions), and no ACL grant gives Read or FullControl to AllUsers or AuthenticatedUsers, unless RestrictPublicBuckets (policy) or IgnorePublicAcls (ACL) at bucket or account level neutralises it.',
  rationale:
    'A publicly readable bucket lets anyone on the internet (or any AWS account holder) list and download its objects; public buckets are a leading cause of cloud data breaches and a direct finding against confidentiality commitments.',
  remediation: {
    guidance:
      'Turn on Block Public Access: aws s3api put-public-access-block --bucket <name> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true; then remove the public statements (S3 console > bucket > Permissions > Bucket policy) and public ACL grants.',
  },
  references: {
    awsConfigRule: 'S3_BUCKET_PUBLIC_READ_PROHIBITED',
    securityHub: 'S3.2',
    urls: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
    ],
  },
  evaluate: ({ resource, context }) =>
    exposureVerdict(assessPublicExposure(resource, context, 'read'), `S3 bucket ${displayName(resource)}`),
});
