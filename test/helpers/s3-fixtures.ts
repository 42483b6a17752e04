/**
 * Builders for S3 bucket and account-facts items, shared by the S3 engine and
 * control tests: each starts from a fixture and replaces one part.
 */
import { parsePolicy, type PolicyStatement } from '../../engine/evaluate/policy.js';
import type { Resource } from '../../engine/types.js';
import { loadItem } from './fixtures.js';

/** Every Block Public Access setting on. */
export const ALL_ON = {
  blockPublicAcls: true,
  ignorePublicAcls: true,
  blockPublicPolicy: true,
  restrictPublicBuckets: true,
};

/** Parsed statements of a policy built from `list`; throws when it does not parse. */
export const policyStatements = (...list: Record<string, unknown>[]): PolicyStatement[] => {
  const parsed = parsePolicy({ Version: '2012-10-17', Statement: list });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.statements;
};

/** A public-read statement on the public-site bucket's objects, with `extra` fields. */
export const allowPublicRead = (extra: Record<string, unknown>) => ({
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::acme-marketing-site/*',
  ...extra,
});

/** The public-site fixture (snapshot form) with ACL grants added and its policy or bucket block replaced. */
export const publicSite = (options: {
  grants?: unknown[];
  policy?: Record<string, unknown>[] | null;
  pab?: unknown;
}): Resource =>
  loadItem('s3-bucket/public-site', (raw) => {
    const acl = JSON.parse(raw.supplementaryConfiguration.AccessControlList);
    acl.grantList = [acl.grantList[0], ...(options.grants ?? [])];
    raw.supplementaryConfiguration.AccessControlList = JSON.stringify(acl);
    if (options.policy !== undefined) {
      raw.supplementaryConfiguration.BucketPolicy = {
        policyText: options.policy && JSON.stringify({ Version: '2012-10-17', Statement: options.policy }),
      };
    }
    if (options.pab !== undefined) raw.supplementaryConfiguration.PublicAccessBlockConfiguration = options.pab;
  });

/** The s3-facts account record with its account-level public access block replaced. */
export const accountS3Facts = (block: unknown): Resource =>
  loadItem('account/s3-facts', (raw) => {
    raw.s3.accountPublicAccessBlock = block;
  });
