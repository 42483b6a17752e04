import { defineControl } from '../engine/evaluate/define-control.js';
import { assessPublicExposure, exposureVerdict } from '../engine/evaluate/s3-access.js';
import { ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE } from '../engine/evaluate/s3-bucket-settings.js';
import { displayName } from '../engine/evaluate/verdict.js';
import { ACCOUNT_RESOURCE_TYPE } from '../engine/normalize/account-facts.js';

export default defineControl({
  id: 's3-bucket-public-write-prohibited',
  title: 'S3 bucket does not allow public write access',
  service: 's3',
  severity: 'critical',
  resourceTypes: ['AWS::S3::Bucket'],
  uses: [ACCOUNT_RESOURCE_TYPE, ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE],
  description:
    'No unpinned public bucket-policy statement grants s3:PutObject, s3:DeleteObject, ACL or policy changes (wildcards such as s3:Put* count), and no ACL grant gives Write, WriteAcp or FullControl to AllUsers or AuthenticatedUsers, unless RestrictPublicBuckets (policy) or IgnorePublicAcls (ACL) at bucket or account level neutralises it.',
  rationale:
    "A publicly writable bucket lets anyone upload malware or illegal content at the owner's cost, overwrite or delete records, or change the bucket's ACL and policy, destroying the integrity of everything stored in it.",
  remediation: {
    guidance:
      'Turn on Block Public Access: aws s3api put-public-access-block --bucket <name> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true; then remove the public statements (S3 console > bucket > Permissions > Bucket policy) and public ACL grants.',
  },
  references: {
    awsConfigRule: 'S3_BUCKET_PUBLIC_WRITE_PROHIBITED',
    securityHub: 'S3.3',
    urls: [
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html',
      'https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html',
    ],
  },
  evaluate: ({ resource, context }) =>
    exposureVerdict(assessPublicExposure(resource, context, 'write'), `S3 bucket ${displayName(resource)}`),
});
