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
import { createHash, type Hash } from 'node:crypto';
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
import type { EvidenceFile, EvidenceFileWriter, EvidenceStore } from './store.js';

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
const MIN_PART = 5 * MiB;
/** S3 allows 10,000 parts; at 8 MiB a file can reach 80 GB, far beyond any bundle. */
const MAX_PARTS = 10_000;
/** Completions at the commit run this many at a time. */
const COMMIT_CONCURRENCY = 4;

type Pending =
  | { kind: 'put'; key: string; body: Buffer; checksum: string }
  | {
      kind: 'multipart';
      key: string;
      uploadId: string;
      parts: { PartNumber: number; ETag: string; ChecksumSHA256: string }[];
    };

const sha256Base64 = (body: Buffer): string => createHash('sha256').update(body).digest('base64');

class S3FileWriter implements EvidenceFileWriter {
  private readonly hash: Hash = createHash('sha256');
  private buffer: (string | Buffer)[] = [];
  private buffered = 0;
  private bytes = 0;
  private uploadId: string | null = null;
  private readonly parts: { PartNumber: number; ETag: string; ChecksumSHA256: string }[] = [];
  /** Uploads run one at a time, in order; a failure is kept and reported at the next call. */
  private chain: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  closed = false;

  constructor(
    private readonly store: S3EvidenceStore,
    readonly path: string,
    readonly key: string,
  ) {}

  get uploadIdIfStarted(): string | null {
    return this.uploadId;
  }

  /** Waits for uploads in flight, never rejecting (abort uses it to clean up after them). */
  settled(): Promise<void> {
    return this.chain.catch(() => undefined);
  }

  write(data: string | Buffer): Promise<void> | undefined {
    // A synchronous throw: the bundle writer does not await every write, and a
    // rejected promise nobody awaits would crash the process.
    if (this.failure) throw this.failure;
    if (this.closed) throw new EvidenceWriteError(`${this.store.location}${this.path}: written after close`);
    this.buffer.push(data);
    this.buffered += typeof data === 'string' ? Buffer.byteLength(data) : data.length;
    if (this.buffered < this.store.partSize) return undefined;
    const part = this.take();
    this.enqueue(() => this.uploadPart(part));
    // Resolves (never rejects) once the part is uploaded: backpressure for those who await.
    return this.settled();
  }

  async close(): Promise<EvidenceFile> {
    if (this.closed) throw new EvidenceWriteError(`${this.store.location}${this.path}: closed twice`);
    this.closed = true;
    const rest = this.take();
    await this.settled();
    if (this.failure) throw this.failure;
    const file: EvidenceFile = { path: this.path, sha256: this.hash.digest('hex'), bytes: this.bytes };
    if (this.uploadId === null && rest.length <= this.store.putObjectMax) {
      this.store.hold({ kind: 'put', key: this.key, body: rest, checksum: sha256Base64(rest) });
      return file;
    }
    // Larger than a PutObject held in memory should be: upload it now as (the last) part.
    this.enqueue(() => this.uploadPart(rest));
    await this.settled();
    if (this.failure) throw this.failure;
    if (this.uploadId === null)
      throw new EvidenceWriteError(`${this.store.location}${this.path}: upload never started`);
    this.store.hold({ kind: 'multipart', key: this.key, uploadId: this.uploadId, parts: this.parts });
    return file;
  }

  private take(): Buffer {
    const chunk =
      this.buffer.length === 1 && typeof this.buffer[0] !== 'string'
        ? (this.buffer[0] as Buffer)
        : Buffer.concat(this.buffer.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : part)));
    this.buffer = [];
    this.buffered = 0;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    return chunk;
  }

  private enqueue(task: () => Promise<void>): void {
    this.chain = this.chain.then(async () => {
      if (this.failure) return;
      try {
        await task();
      } catch (error) {
        this.failure =
          error instanceof EvidenceWriteError
            ? error
            : new EvidenceWriteError(`${this.store.location}${this.path}: ${describeError(error)}`, { cause: error });
      }
    });
  }

  private async uploadPart(body: Buffer): Promise<void> {
    if (this.uploadId === null) this.uploadId = await this.store.createMultipartUpload(this.key);
    const PartNumber = this.parts.length + 1;
    if (PartNumber > MAX_PARTS)
      throw new EvidenceWriteError(`${this.store.location}${this.path}: more than ${MAX_PARTS} parts`);
    const ChecksumSHA256 = sha256Base64(body);
    const ETag = await this.store.uploadPart({
      key: this.key,
      uploadId: this.uploadId,
      PartNumber,
      body,
      ChecksumSHA256,
    });
    this.parts.push({ PartNumber, ETag, ChecksumSHA256 });
  }
}

/**
 * @example
 * const store = new S3EvidenceStore({ client: new S3Client({}), bucket: 'evidence-bucket',
 *   prefix: 'evidence/111122223333/us-east-1/2026/11/26/20261126T020000Z-1a2b3c4d/', kmsKeyId });
 * await runAudit({ input, store, registry, mappings, catalogVersion, tool });
 */
export class S3EvidenceStore implements EvidenceStore {
  readonly location: string;
  readonly partSize: number;
  readonly putObjectMax: number;
  private readonly prefix: string;
  private readonly writers: S3FileWriter[] = [];
  private readonly pending: Pending[] = [];
  private readonly completed: string[] = [];
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
    // Deliberately without the run's signal: cleaning up must still work after it fired.
    const results = await Promise.allSettled(
      [...uploads].map(([UploadId, Key]) =>
        this.options.client.send(
          new AbortMultipartUploadCommand({ Bucket: this.options.bucket, Key, UploadId, ...this.owner() }),
        ),
      ),
    );
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length > 0) {
      // A bucket lifecycle rule (AbortIncompleteMultipartUpload) removes what is left; say what it is.
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
