import { defineControl } from '../engine/evaluate/define-control.js';
import { assessPublicExposure, exposureVerdict } from '../engine/evaluate/s3-access.js';
import { ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE } from '../engine/evaluate/s3-bucket-settings.js';
import { displayName, insufficientData } from '../engine/evaluate/verdict.js';
import { ACCOUNT_RESOURCE_TYPE } from '../engine/normalize/account-facts.js';

export default defineControl({
  id: 'cloudtrail-trail-bucket-not-public',
  title: 'CloudTrail trail delivers logs to an S3 bucket that is not publicly readable',
  service: 'cloudtrail',
  severity: 'critical',
  resourceTypes: ['AWS::CloudTrail::Trail'],
  uses: ['AWS::S3::Bucket', ACCOUNT_RESOURCE_TYPE, ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE],
  description:
    "The trail's s3BucketName bucket is not publicly readable, judged like s3-bucket-public-read-prohibited: public policy statements and ACL grants, less what Block Public Access at bucket or account level neutralises. A bucket outside the inventory cannot be judged.",
  rationale:
    'CloudTrail logs map every principal, resource and API call in the account. Public logs hand an attacker a reconnaissance map and let them see whether their own activity was recorded.',
  remediation: {
    guidance:
      'Turn on Block Public Access for the trail bucket (aws s3api put-public-access-block --bucket <trail-bucket> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true) and remove public statements and ACL grants (S3 console > bucket > Permissions).',
  },
  references: {
    awsConfigRule: 'CLOUDTRAIL_S3_BUCKET_PUBLIC_ACCESS_PROHIBITED',
    securityHub: 'CloudTrail.6',
    urls: ['https://docs.aws.amazon.com/awscloudtrail/latest/userguide/create-s3-bucket-policy-for-cloudtrail.html'],
  },
  evaluate: ({ resource, context }) => {
    const name = displayName(resource);
    const bucketName = resource.configuration?.s3BucketName;
    if (typeof bucketName !== 'string' || bucketName.length === 0) {
      return insufficientData(`CloudTrail trail ${name} has no recorded S3 bucket name.`);
    }
    const bucket = context.find('AWS::S3::Bucket', bucketName);
    if (!bucket) {
      return insufficientData(
        `CloudTrail trail ${name} delivers to S3 bucket ${bucketName}, which is not in the inventory; it may belong to another account, such as a central log archive.`,
        { s3BucketName: bucketName },
      );
    }
    const verdict = exposureVerdict(
      assessPublicExposure(bucket, context, 'read'),
      `CloudTrail trail ${name} delivers to S3 bucket ${bucketName}, which`,
    );
    return {
      ...verdict,
      observed: { s3BucketName: bucketName, bucketAccountId: bucket.accountId, ...verdict.observed },
    };
  },
});
