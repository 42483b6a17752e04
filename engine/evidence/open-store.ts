/**
 * The store behind `--out`: a local directory, or `s3://bucket/prefix`. The
 * S3 prefix is used as is (like a directory, it names the bundle itself and
 * must be empty); the Lambdas' `evidence/<account>/<region>/<date>/<run>/`
 * layout is theirs to build. S3 settings come from the environment:
 *
 *   EVIDENCE_KMS_KEY_ARN       SSE-KMS key (else the bucket's default encryption)
 *   EVIDENCE_OBJECT_LOCK_MODE  GOVERNANCE | COMPLIANCE, with EVIDENCE_RETAIN_DAYS
 *                              (else the bucket's default retention, if any)
 *   AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL   a custom endpoint, path-style
 */
import { UsageError } from '../errors.js';
import { parseS3Url } from './s3-layout.js';
import { LocalDirectoryStore, type EvidenceStore } from './store.js';

type Env = Readonly<Record<string, string | undefined>>;

/** Validates `--out` before anything runs (a live collection can take minutes). */
export function checkEvidenceOut(out: string | undefined, env: Env = process.env): void {
  if (out?.startsWith('s3://')) {
    parseS3Url(out);
    retentionFrom(env, new Date());
  }
}

function retentionFrom(env: Env, now: Date) {
  const mode = env.EVIDENCE_OBJECT_LOCK_MODE;
  if (!mode) return undefined;
  const days = Number(env.EVIDENCE_RETAIN_DAYS);
  if ((mode !== 'GOVERNANCE' && mode !== 'COMPLIANCE') || !Number.isInteger(days) || days < 1) {
    throw new UsageError(
      'EVIDENCE_OBJECT_LOCK_MODE must be GOVERNANCE or COMPLIANCE, with EVIDENCE_RETAIN_DAYS a whole number of days',
    );
  }
  return { mode, retainUntil: new Date(now.getTime() + days * 86_400_000) } as const;
}

/**
 * @example
 * const store = await openEvidenceStore('s3://audit-evidence/q3/run-7'); // or a directory
 */
export async function openEvidenceStore(out: string, env: Env = process.env): Promise<EvidenceStore> {
  if (!out.startsWith('s3://')) return new LocalDirectoryStore(out);
  const { bucket, prefix } = parseS3Url(out);
  // Loaded only for S3 output: a local audit does not pay for the S3 client at start-up.
  const [{ S3Client }, { S3EvidenceStore }, { s3ClientConfig }] = await Promise.all([
    import('@aws-sdk/client-s3'),
    import('./s3-store.js'),
    import('./s3-layout.js'),
  ]);
  return new S3EvidenceStore({
    client: new S3Client(s3ClientConfig(env)),
    bucket,
    prefix,
    kmsKeyId: env.EVIDENCE_KMS_KEY_ARN || undefined,
    retention: retentionFrom(env, new Date()),
  });
}
