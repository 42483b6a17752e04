/**
 * One file of an S3 evidence bundle, hashed with SHA-256 as it is written.
 * Bytes are buffered up to a part; each full part is uploaded (with its own
 * SHA-256) while the next fills, one upload in flight per file, so memory
 * stays bounded. Closing never makes an object: it hands the store what the
 * commit will complete (the multipart upload) or put (a small file's bytes).
 */
import { createHash } from 'node:crypto';
import { describeError, EvidenceWriteError } from '../errors.js';
import { HashedChunks } from './hashed-chunks.js';
import type { EvidenceFile, EvidenceFileWriter } from './store.js';

/** What a file writer needs from its store. */
export interface UploadTarget {
  readonly location: string;
  readonly partSize: number;
  readonly putObjectMax: number;
  createMultipartUpload(key: string): Promise<string>;
  uploadPart(part: {
    key: string;
    uploadId: string;
    PartNumber: number;
    body: Buffer;
    ChecksumSHA256: string;
  }): Promise<string>;
  /** Keeps a closed file for the commit. */
  hold(item: Pending): void;
}

/** S3 allows 10,000 parts; at 8 MiB a file can reach 80 GB, far beyond any bundle. */
const MAX_PARTS = 10_000;
export type Pending =
  | { kind: 'put'; key: string; body: Buffer; checksum: string }
  | {
      kind: 'multipart';
      key: string;
      uploadId: string;
      parts: { PartNumber: number; ETag: string; ChecksumSHA256: string }[];
    };

const sha256Base64 = (body: Buffer): string => createHash('sha256').update(body).digest('base64');

export class S3FileWriter implements EvidenceFileWriter {
  private readonly chunks = new HashedChunks();
  private uploadId: string | null = null;
  private readonly parts: { PartNumber: number; ETag: string; ChecksumSHA256: string }[] = [];
  /** Uploads run one at a time, in order; a failure is kept and reported at the next call. */
  private chain: Promise<void> = Promise.resolve();
  private failure: Error | null = null;
  closed = false;

  constructor(
    private readonly store: UploadTarget,
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

  write(data: string | Uint8Array): Promise<void> | undefined {
    // A synchronous throw: the bundle writer does not await every write, and a
    // rejected promise nobody awaits would crash the process.
    if (this.failure) throw this.failure;
    if (this.closed) throw new EvidenceWriteError(`${this.store.location}${this.path}: written after close`);
    this.chunks.push(data);
    // Characters undercount UTF-8 bytes, so a part is never smaller than partSize.
    if (this.chunks.pending < this.store.partSize) return undefined;
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
    const file: EvidenceFile = { path: this.path, sha256: this.chunks.digest(), bytes: this.chunks.bytes };
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
    return this.chunks.take();
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
