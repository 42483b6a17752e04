import { defineControl } from '../engine/evaluate/define-control.js';
import {
  ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE,
  accountFactsPublicAccessBlock,
  BLOCK_SETTINGS,
  type BlockState,
  readPublicAccessBlock,
} from '../engine/evaluate/s3-bucket-settings.js';
import { fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { ACCOUNT_RESOURCE_TYPE } from '../engine/normalize/account-facts.js';

export default defineControl({
  id: 's3-account-public-access-block-enabled',
  title: 'AWS account has all four S3 Block Public Access settings on',
  service: 's3',
  severity: 'high',
  resourceTypes: [ACCOUNT_RESOURCE_TYPE, ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE],
  uses: [ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE],
  description:
    'The account-level S3 public access block (S3 Control GetPublicAccessBlock, recorded in account facts or as an AWS::S3::AccountPublicAccessBlock Config item) has BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets all true.',
  rationale:
    'The account-level block overrides every bucket, present and future, so no single bucket policy or ACL mistake can make data public. Without it, each bucket depends on its own settings being right.',
  remediation: {
    guidance:
      'S3 console > Block Public Access settings for this account > Edit > Block all public access, or: aws s3control put-public-access-block --account-id <account> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true.',
  },
  references: {
    awsConfigRule: 'S3_ACCOUNT_LEVEL_PUBLIC_ACCESS_BLOCKS_PERIODIC',
    securityHub: 'S3.1',
    urls: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/configuring-block-public-access-account.html'],
  },
  evaluate: ({ resource, context }) => {
    const account = resource.resourceType === ACCOUNT_RESOURCE_TYPE ? resource.resourceId : resource.accountId;
    let block: BlockState;
    if (resource.resourceType === ACCOUNT_RESOURCE_TYPE) {
      block = accountFactsPublicAccessBlock(resource);
      // A plain Config snapshot has no account facts but may hold Config's own item.
      const item = context.find(ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE, account);
      if (block.state === 'unknown' && item) {
        block = readPublicAccessBlock(item.configuration ?? undefined, `${ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE} item`);
      }
    } else {
      block = readPublicAccessBlock(resource.configuration ?? undefined, `${ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE} item`);
    }
    const observed = { source: block.source, settings: block.state === 'known' ? block.settings : block.state };
    if (block.state === 'unknown') {
      return insufficientData(`Account ${account} has no collected S3 account-level public access block.`, observed);
    }
    if (block.state === 'none') {
      return fail(`Account ${account} has no S3 account-level public access block configured.`, observed);
    }
    const off = BLOCK_SETTINGS.filter((setting) => !block.settings[setting]);
    return off.length > 0
      ? fail(`Account ${account} has S3 account-level public access block settings off: ${off.join(', ')}.`, observed)
      : pass(`Account ${account} has all four S3 account-level public access block settings on.`, observed);
  },
});
