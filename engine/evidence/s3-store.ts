/**
 * An evidence bundle in S3, under one key prefix, with the same layout and
 * contract as the local directory: every file hashed with SHA-256 as it is
 * written, the manifest last.
 *
 * Evidence buckets use Object Lock, and a locked object cannot be deleted, so
 * nothing becomes an object before the run is known good. Until the manifest
 * is closed, large files exist only as unfinished multipart uploads (parts
 * uploaded with their SHA-256, never completed) and small files only in
 * memory. Closing `manifest.json` is the commit: every pending upload is
 * completed or put, then the manifest. `abort()` before that point aborts the
 * multipart uploads and leaves nothing behind.
 *
 * Memory stays bounded: a file holds at most one part (plus the part being
 * uploaded), and a closed file waiting for the commit holds at most
 * `putObjectMax` bytes; anything larger is already in S3 as parts.
 */
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  type S3Client,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { describeError, EvidenceWriteError } from '../errors.js';
import { type Pending, S3FileWriter, type UploadTarget } from './s3-file-writer.js';
import { type BundleLocation, evidencePrefix } from './s3-layout.js';
import type { EvidenceFileWriter, EvidenceStore } from './store.js';

/** Object Lock retention set on each object; without it the bucket's default retention applies. */
export interface ObjectRetention {
  mode: 'GOVERNANCE' | 'COMPLIANCE';
  retainUntil: Date;
}

export interface S3StoreOptions {
  client: S3Client;
  bucket: string;
  /** Key prefix of the bundle (a trailing `/` is added when missing). */
  prefix: string;
  /** SSE-KMS key id or ARN; without it the bucket's default encryption applies. */
  kmsKeyId?: string | undefined;
  retention?: ObjectRetention | undefined;
  /** Refuse to write to a bucket another account owns (S3's `ExpectedBucketOwner`). */
  expectedBucketOwner?: string | undefined;
  /** Stops uploads in flight; `abort()` itself ignores it so it can still clean up. */
  signal?: AbortSignal | undefined;
  /** Multipart part size; S3's minimum for all but the last part is 5 MiB. */
  partSize?: number;
  /** Closed files up to this size are held for one PutObject at the commit. */
  putObjectMax?: number;
  /** The file whose close commits the bundle. */
  commitPath?: string;
}

const MiB = 1 << 20;
/** S3's minimum size for every part but the last. */
const MIN_PART = 5 * MiB;
/** Completions at the commit run this many at a time. */
const COMMIT_CONCURRENCY = 4;

/**
 * @example
 * const store = new S3EvidenceStore({ client: new S3Client({}), bucket: 'evidence-bucket',
 *   prefix: 'evidence/111122223333/us-east-1/2026/11/26/20261126T020000Z-1a2b3c4d/', kmsKeyId });
 * await runAudit({ input, store, registry, mappings, catalogVersion, tool });
 */
export class S3EvidenceStore implements EvidenceStore, UploadTarget {
  readonly location: string;
  readonly partSize: number;
  readonly putObjectMax: number;
  private readonly prefix: string;
  private readonly writers: S3FileWriter[] = [];
  private readonly pending: Pending[] = [];
  private readonly completed: string[] = [];
  private readonly aborted = new Set<string>();
  private commitStarted = false;

  constructor(private readonly options: S3StoreOptions) {
    this.prefix = options.prefix === '' || options.prefix.endsWith('/') ? options.prefix : `${options.prefix}/`;
    this.location = `s3://${options.bucket}/${this.prefix}`;
    this.partSize = Math.max(options.partSize ?? 8 * MiB, MIN_PART);
    this.putObjectMax = Math.min(options.putObjectMax ?? MiB, this.partSize);
  }

  /** Keys made into objects so far (by the commit); these cannot be removed once locked. */
  get completedKeys(): readonly string[] {
    return this.completed;
  }

  async prepare(): Promise<void> {
    if (this.prefix === '') throw new EvidenceWriteError(`${this.location}: a bundle needs its own key prefix`);
    const { bucket, client } = this.options;
    const listing = await this.send('list the prefix', (options) =>
      client.send(
        new ListObjectsV2Command({ Bucket: bucket, Prefix: this.prefix, MaxKeys: 1, ...this.owner() }),
        options,
      ),
    );
    if ((listing.KeyCount ?? listing.Contents?.length ?? 0) > 0) {
      throw new EvidenceWriteError(`${this.location}: prefix is not empty; a bundle never mixes two runs`);
    }
  }

  open(path: string): EvidenceFileWriter {
    if (this.commitStarted) throw new EvidenceWriteError(`${this.location}${path}: opened after the manifest`);
    const writer = new S3FileWriter(this, path, `${this.prefix}${path}`);
    this.writers.push(writer);
    if (path === (this.options.commitPath ?? 'manifest.json')) return this.committing(writer);
    return writer;
  }

  async abort(): Promise<void> {
    await Promise.all(this.writers.map((writer) => writer.settled()));
    const uploads = new Map<string, string>();
    for (const writer of this.writers) {
      const uploadId = writer.uploadIdIfStarted;
      if (uploadId) uploads.set(uploadId, writer.key);
    }
    for (const item of this.pending) if (item.kind === 'multipart') uploads.set(item.uploadId, item.key);
    this.pending.length = 0;
    // Completed uploads are objects now (a commit that failed part way), and aborted ones are gone:
    // aborting either again would only fail. Calling abort twice is therefore harmless.
    const open = [...uploads].filter(([uploadId, key]) => !this.aborted.has(uploadId) && !this.completed.includes(key));
    // Deliberately without the run's signal: cleaning up must still work after it fired.
    const results = await Promise.allSettled(
      open.map(async ([UploadId, Key]) => {
        await this.options.client.send(
          new AbortMultipartUploadCommand({ Bucket: this.options.bucket, Key, UploadId, ...this.owner() }),
        );
        this.aborted.add(UploadId);
      }),
    );
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length > 0) {
      // The bucket's lifecycle rule (AbortIncompleteMultipartUpload) removes what is left; say what it is.
      throw new EvidenceWriteError(
        `${this.location}: ${failed.length} unfinished upload(s) could not be aborted (${describeError((failed[0] as PromiseRejectedResult).reason)})`,
      );
    }
  }

  /** @internal Called by a writer when it closes before the commit. */
  hold(item: Pending): void {
    this.pending.push(item);
  }

  /** @internal */
  async createMultipartUpload(key: string): Promise<string> {
    const { bucket, client } = this.options;
    const created = await this.send(`start the upload of ${key}`, (options) =>
      client.send(
        new CreateMultipartUploadCommand({
          Bucket: bucket,
          Key: key,
          ChecksumAlgorithm: 'SHA256',
          ...this.objectSettings(key),
        }),
        options,
      ),
    );
    if (!created.UploadId) throw new EvidenceWriteError(`${this.location}: S3 returned no UploadId for ${key}`);
    return created.UploadId;
  }

  /** @internal */
  async uploadPart(part: { key: string; uploadId: string; PartNumber: number; body: Buffer; ChecksumSHA256: string }) {
    const { bucket, client } = this.options;
    const uploaded = await this.send(`upload part ${part.PartNumber} of ${part.key}`, (options) =>
      client.send(
        new UploadPartCommand({
          Bucket: bucket,
          Key: part.key,
          UploadId: part.uploadId,
          PartNumber: part.PartNumber,
          Body: part.body,
          ContentLength: part.body.length,
          ChecksumAlgorithm: 'SHA256',
          ChecksumSHA256: part.ChecksumSHA256,
          ...this.owner(),
        }),
        options,
      ),
    );
    if (!uploaded.ETag) throw new EvidenceWriteError(`${this.location}: S3 returned no ETag for ${part.key}`);
    return uploaded.ETag;
  }

  /** The manifest's writer: its close first makes every other file an object, then puts itself. */
  private committing(writer: S3FileWriter): EvidenceFileWriter {
    return {
      write: (data) => writer.write(data),
      close: async () => {
        this.commitStarted = true;
        const unclosed = this.writers.filter((other) => other !== writer && !other.closed).map((other) => other.path);
        if (unclosed.length > 0) {
          throw new EvidenceWriteError(
            `${this.location}: ${unclosed.join(', ')} still open when the manifest was written`,
          );
        }
        const file = await writer.close();
        const manifest = this.pending.pop();
        if (!manifest || manifest.key !== writer.key)
          throw new EvidenceWriteError(`${this.location}: manifest was not held`);
        const queue = [...this.pending];
        const worker = async () => {
          for (let item = queue.shift(); item; item = queue.shift()) await this.finish(item);
        };
        await Promise.all(Array.from({ length: COMMIT_CONCURRENCY }, worker));
        this.pending.length = 0;
        await this.finish(manifest);
        return file;
      },
    };
  }

  private async finish(item: Pending): Promise<void> {
    const { bucket, client } = this.options;
    if (item.kind === 'put') {
      await this.send(`put ${item.key}`, (options) =>
        client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: item.key,
            Body: item.body,
            ContentLength: item.body.length,
            ChecksumAlgorithm: 'SHA256',
            ChecksumSHA256: item.checksum,
            // Never replace evidence: S3 answers 412 when the key exists.
            IfNoneMatch: '*',
            ...this.objectSettings(item.key),
          }),
          options,
        ),
      );
    } else {
      await this.send(`complete the upload of ${item.key}`, (options) =>
        client.send(
          new CompleteMultipartUploadCommand({
            Bucket: bucket,
            Key: item.key,
            UploadId: item.uploadId,
            MultipartUpload: { Parts: item.parts },
            IfNoneMatch: '*',
            ...this.owner(),
          }),
          options,
        ),
      );
    }
    this.completed.push(item.key);
  }

  private owner(): { ExpectedBucketOwner?: string } {
    return this.options.expectedBucketOwner ? { ExpectedBucketOwner: this.options.expectedBucketOwner } : {};
  }

  /** Encryption, retention and content type, the same for PutObject and CreateMultipartUpload. */
  private objectSettings(key: string) {
    const { kmsKeyId, retention } = this.options;
    return {
      ContentType: contentType(key),
      ...(kmsKeyId ? { ServerSideEncryption: 'aws:kms' as const, SSEKMSKeyId: kmsKeyId, BucketKeyEnabled: true } : {}),
      ...(retention ? { ObjectLockMode: retention.mode, ObjectLockRetainUntilDate: retention.retainUntil } : {}),
      ...this.owner(),
    };
  }

  /** Runs one S3 call under the run's signal; every failure becomes an EvidenceWriteError naming the call. */
  private async send<T>(what: string, call: (options: { abortSignal?: AbortSignal }) => Promise<T>): Promise<T> {
    const { signal } = this.options;
    if (signal?.aborted) throw new EvidenceWriteError(`${this.location}: stopped before it could ${what}`);
    try {
      return await call(signal ? { abortSignal: signal } : {});
    } catch (error) {
      throw new EvidenceWriteError(`${this.location}: could not ${what}: ${describeError(error)}`, { cause: error });
    }
  }
}

const CONTENT_TYPES: Record<string, string> = {
  json: 'application/json',
  jsonl: 'application/x-ndjson',
  ndjson: 'application/x-ndjson',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
  gz: 'application/gzip',
};

function contentType(key: string): string {
  return CONTENT_TYPES[key.slice(key.lastIndexOf('.') + 1)] ?? 'application/octet-stream';
}

/**
 * A store per run under the standard layout, in one bucket: what the Lambdas use.
 *
 * @example
 * const openStore = bundleStores({ client: new S3Client({}), bucket: 'evidence', kmsKeyId });
 * const store = openStore({ accountId, region, date: new Date(), runId }, signal);
 */
export function bundleStores(options: Omit<S3StoreOptions, 'prefix' | 'signal'>) {
  return (location: BundleLocation, signal?: AbortSignal): S3EvidenceStore =>
    new S3EvidenceStore({ ...options, prefix: evidencePrefix(location), signal });
}
