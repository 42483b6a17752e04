import { defineControl } from '../engine/evaluate/define-control.js';
import { matchTag, isCompleteBucketItem } from '../engine/evaluate/s3-bucket-settings.js';
import { displayName, error, fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';
import { decodeErrorFor, readField, readNumber } from '../engine/evaluate/config-fields.js';

/** Config writes retention periods as integers; unset ones are null or 0. */
const positive = (value: unknown): number | null => {
  const number = readNumber(value);
  return number !== null && number > 0 ? number : null;
};

export default defineControl({
  id: 's3-bucket-object-lock-for-records',
  title: 'S3 bucket holding records has Object Lock with a default retention',
  service: 's3',
  severity: 'high',
  resourceTypes: ['AWS::S3::Bucket'],
  parameters: { tagKey: 'retention', tagValues: ['records'] },
  description:
    'A bucket tagged tagKey with one of tagValues (case-insensitive) has ObjectLockConfiguration.objectLockEnabled "Enabled" and a default retention rule with a mode (GOVERNANCE or COMPLIANCE) and a period in days or years. Untagged buckets are not applicable.',
  rationale:
    'Records under a retention obligation must survive deletion and overwrite, whether by mistake, by ransomware or by an insider. Object Lock (WORM) with a default retention is the evidence auditors accept that records cannot be altered before their retention ends.',
  remediation: {
    guidance:
      'Object Lock needs versioning; enable it on an existing bucket with aws s3api put-object-lock-configuration --bucket <name> --object-lock-configuration \'{"ObjectLockEnabled":"Enabled","Rule":{"DefaultRetention":{"Mode":"COMPLIANCE","Years":7}}}\' (S3 console > bucket > Properties > Object Lock).',
  },
  references: {
    awsConfigRule: 'S3_BUCKET_DEFAULT_LOCK_ENABLED',
    securityHub: 'S3.15',
    urls: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html'],
  },
  evaluate: ({ resource, parameters }) => {
    const name = displayName(resource);
    const { tag, matches } = matchTag(resource, parameters.tagKey, parameters.tagValues);
    if (!tag || !matches) {
      return notApplicable(`S3 bucket ${name} is not tagged ${parameters.tagKey}=${parameters.tagValues.join('|')}.`, {
        tag: tag ? `${tag.key}=${tag.value}` : null,
      });
    }
    const problem = decodeErrorFor(resource, 'ObjectLockConfiguration');
    if (problem)
      return error(`S3 bucket ${name} has an Object Lock configuration that could not be decoded (${problem}).`);
    const lock = resource.supplementary.ObjectLockConfiguration;
    // Config records ObjectLockConfiguration only for buckets that have one.
    if (lock === undefined && !isCompleteBucketItem(resource)) {
      return insufficientData(
        `S3 bucket ${name} has no recorded supplementary configuration to judge Object Lock from.`,
      );
    }
    const retention = readField(readField(lock, 'rule'), 'defaultRetention');
    const observed = {
      tag: `${tag.key}=${tag.value}`,
      objectLockEnabled: readField(lock, 'objectLockEnabled') ?? null,
      mode: readField(retention, 'mode') ?? null,
      days: positive(readField(retention, 'days')),
      years: positive(readField(retention, 'years')),
    };
    if (typeof observed.objectLockEnabled !== 'string' || observed.objectLockEnabled.toLowerCase() !== 'enabled') {
      return fail(`S3 bucket ${name} holds records but does not have Object Lock enabled.`, observed);
    }
    if (typeof observed.mode !== 'string' || (observed.days === null && observed.years === null)) {
      return fail(`S3 bucket ${name} has Object Lock enabled but no default retention rule.`, observed);
    }
    const period = observed.years !== null ? `${observed.years} years` : `${observed.days} days`;
    return pass(`S3 bucket ${name} locks new objects by default in ${observed.mode} mode for ${period}.`, observed);
  },
});
