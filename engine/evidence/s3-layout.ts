/**
 * Where evidence goes in S3, and how to reach S3: the key layout shared by
 * every writer (Lambdas and CLI), `s3://` URLs, and the client settings for
 * custom endpoints (a local S3 such as s3rver or MinIO in tests and labs).
 */
import type { S3ClientConfig } from '@aws-sdk/client-s3';
import { UsageError } from '../errors.js';

/** Where one run's bundle lives. */
export interface BundleLocation {
  accountId: string;
  region: string;
  /** The run's start; its UTC date names the day folder. */
  date: Date;
  runId: string;
}

/**
 * `evidence/<accountId>/<region>/<yyyy>/<mm>/<dd>/<runId>/`: by account first,
 * so IAM can confine a writer to its own account's prefix, then by day, so an
 * auditor sampling "the first week of March" lists one folder per day.
 *
 * @example
 * evidencePrefix({ accountId: '111122223333', region: 'eu-west-1', date: new Date('2026-03-02T02:00:00Z'), runId: 'r1' })
 * // 'evidence/111122223333/eu-west-1/2026/03/02/r1/'
 */
export function evidencePrefix(location: BundleLocation): string {
  const iso = location.date.toISOString();
  const [yyyy, mm, dd] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  for (const [name, value] of Object.entries({
    accountId: location.accountId,
    region: location.region,
    runId: location.runId,
  })) {
    // Each value becomes one path segment; a slash or dot-dot would move the bundle.
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(value) || value.includes('..')) {
      throw new UsageError(`evidence location: ${name} "${value}" is not a valid key segment`);
    }
  }
  return `evidence/${location.accountId}/${location.region}/${yyyy}/${mm}/${dd}/${location.runId}/`;
}

/**
 * Splits `s3://bucket/some/prefix` into bucket and key prefix (with a
 * trailing slash). The prefix is used as is: like `--out DIR`, it names the
 * bundle itself, and must be empty.
 *
 * @example
 * parseS3Url('s3://audit-evidence/q3/run-7') // { bucket: 'audit-evidence', prefix: 'q3/run-7/' }
 */
export function parseS3Url(url: string): { bucket: string; prefix: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(url);
  const bucket = match?.[1];
  if (!match || !bucket || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new UsageError(`--out ${url}: expected s3://bucket/prefix with a valid bucket name`);
  }
  const prefix = (match[2] ?? '').replace(/^\/+/, '');
  if (prefix === '') throw new UsageError(`--out ${url}: give a key prefix for the bundle (s3://${bucket}/<prefix>)`);
  if (prefix.split('/').some((segment) => segment === '..' || segment === '.')) {
    throw new UsageError(`--out ${url}: the prefix may not contain "." or ".." segments`);
  }
  return { bucket, prefix: prefix.endsWith('/') ? prefix : `${prefix}/` };
}

/**
 * S3 client settings from the environment. A custom endpoint
 * (`AWS_ENDPOINT_URL_S3`, else `AWS_ENDPOINT_URL`) gets path-style
 * addressing: local S3 servers do not serve `bucket.host` names.
 *
 * @example
 * new S3Client(s3ClientConfig(process.env));
 */
export function s3ClientConfig(env: Readonly<Record<string, string | undefined>>): S3ClientConfig {
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL;
  return endpoint ? { endpoint, forcePathStyle: true } : {};
}
