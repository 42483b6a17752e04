import { defineControl } from '../engine/evaluate/define-control.js';
import {
  ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE,
  accountPublicAccessBlock,
  BLOCK_SETTINGS,
  type BlockSetting,
  bucketPublicAccessBlock,
  describeBlock,
} from '../engine/evaluate/s3-bucket-settings.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { ACCOUNT_RESOURCE_TYPE } from '../engine/normalize/account-facts.js';

type Origin = 'bucket' | 'account' | 'off' | 'unknown';

export default defineControl({
  id: 's3-bucket-public-access-block-enabled',
  title: 'S3 bucket has all four Block Public Access settings in effect',
  service: 's3',
  severity: 'high',
  resourceTypes: ['AWS::S3::Bucket'],
  uses: [ACCOUNT_RESOURCE_TYPE, ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE],
  description:
    'BlockPublicAcls, IgnorePublicAcls, BlockPublicPolicy and RestrictPublicBuckets are each on at bucket level or at account level: S3 applies the most restrictive combination of the two. The finding says where each setting comes from.',
  rationale:
    'Without all four settings, one mistaken ACL or bucket policy makes data public. Block Public Access is the guardrail that overrides such mistakes, and auditors look for it on every bucket.',
  remediation: {
    guidance:
      'S3 console > bucket > Permissions > Block public access > Edit > Block all public access, or: aws s3api put-public-access-block --bucket <name> --public-access-block-configuration BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=true,RestrictPublicBuckets=true (or the account-wide equivalent with aws s3control put-public-access-block).',
  },
  references: {
    awsConfigRule: 'S3_BUCKET_LEVEL_PUBLIC_ACCESS_PROHIBITED',
    securityHub: 'S3.8',
    urls: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html'],
  },
  evaluate: ({ resource, context }) => {
    const name = displayName(resource);
    const bucketBlock = bucketPublicAccessBlock(resource);
    const accountBlock = accountPublicAccessBlock(context, resource.accountId);
    const origin = (setting: BlockSetting): Origin => {
      if (bucketBlock.state === 'known' && bucketBlock.settings[setting]) return 'bucket';
      if (accountBlock.state === 'known' && accountBlock.settings[setting]) return 'account';
      return bucketBlock.state === 'unknown' || accountBlock.state === 'unknown' ? 'unknown' : 'off';
    };
    const settings = Object.fromEntries(BLOCK_SETTINGS.map((setting) => [setting, origin(setting)])) as Record<
      BlockSetting,
      Origin
    >;
    const where = (value: Origin) => BLOCK_SETTINGS.filter((setting) => settings[setting] === value);
    const observed = {
      settings,
      bucketPublicAccessBlock: describeBlock(bucketBlock),
      accountPublicAccessBlock: describeBlock(accountBlock),
      accountPublicAccessBlockSource: accountBlock.source,
    };
    if (where('off').length > 0) {
      return fail(`S3 bucket ${name} has ${where('off').join(', ')} off at both bucket and account level.`, observed);
    }
    if (where('unknown').length > 0) {
      const missing =
        bucketBlock.state === 'unknown'
          ? 'its bucket-level public access block was not recorded'
          : 'the account-level public access block was not collected';
      return insufficientData(
        `S3 bucket ${name} does not have ${where('unknown').join(', ')} on at bucket level, and ${missing}.`,
        observed,
      );
    }
    const parts = [
      where('bucket').length > 0 ? `${where('bucket').join(', ')} at bucket level` : null,
      where('account').length > 0 ? `${where('account').join(', ')} at account level` : null,
    ].filter((part) => part !== null);
    return pass(`S3 bucket ${name} has every Block Public Access setting on: ${parts.join('; ')}.`, observed);
  },
});
