/**
 * Where an evidence bundle is written. One interface; the local directory is
 * the CLI's default (an S3 store implements the same contract). Every file is
 * hashed with SHA-256 as it is written, so the manifest never re-reads it.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import { join } from 'node:path';
import { EvidenceWriteError } from '../errors.js';
import { HashedChunks } from './hashed-chunks.js';

export interface EvidenceFile {
  /** Path inside the bundle, with `/` separators. */
  path: string;
  sha256: string;
  bytes: number;
}

export interface EvidenceFileWriter {
  /**
   * Appends text or bytes. Returns a promise only when the caller must wait
   * (a flush under backpressure): most calls just buffer, and awaiting a
   * promise per line costs more than the line.
   */
  write(data: string | Uint8Array): Promise<void> | undefined;
  /** Flushes and closes; returns the file's hash and size. */
  close(): Promise<EvidenceFile>;
}

export interface EvidenceStore {
  /** Where the bundle is, for people: a directory or an `s3://` URL. */
  readonly location: string;
  /** Makes sure the bundle location can take a new bundle. */
  prepare(): Promise<void>;
  open(path: string): EvidenceFileWriter;
  /** Removes everything this run wrote (used when the input turns out to be bad). */
  abort(): Promise<void>;
}

/**
 * Writes one whole file of a bundle and returns its hash and size.
 *
 * @example
 * const file = await writeEvidenceFile(store, 'summary.json', JSON.stringify(summary));
 */
export async function writeEvidenceFile(store: EvidenceStore, path: string, content: string): Promise<EvidenceFile> {
  const file = store.open(path);
  await file.write(content);
  return file.close();
}

/**
 * Batches small writes into 1 MiB chunks, below a stream buffer of 2 MiB:
 * with Node's 16 KiB default every chunk would wait for a 'drain'.
 */
const FLUSH_AT = 1 << 20;
const STREAM_BUFFER = 2 << 20;

class LocalFileWriter implements EvidenceFileWriter {
  private readonly chunks = new HashedChunks();
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(
    private readonly fullPath: string,
    private readonly path: string,
  ) {
    // `wx`: never overwrite evidence that is already there.
    this.stream = createWriteStream(fullPath, { flags: 'wx', highWaterMark: STREAM_BUFFER });
    this.stream.on('error', (error) => {
      this.failure = error;
    });
  }

  write(data: string | Uint8Array): Promise<void> | undefined {
    this.chunks.push(data);
    return this.chunks.pending >= FLUSH_AT ? this.flush() : undefined;
  }

  private async flush(): Promise<void> {
    if (this.failure)
      throw new EvidenceWriteError(`${this.fullPath}: ${this.failure.message}`, { cause: this.failure });
    if (this.chunks.pending === 0) return;
    const chunk = this.chunks.take();
    if (!this.stream.write(chunk)) {
      await new Promise<void>((resolve, reject) => {
        const onError = (error: Error) =>
          reject(new EvidenceWriteError(`${this.fullPath}: ${error.message}`, { cause: error }));
        this.stream.once('drain', () => {
          this.stream.off('error', onError);
          resolve();
        });
        this.stream.once('error', onError);
      });
    }
  }

  async close(): Promise<EvidenceFile> {
    await this.flush();
    await new Promise<void>((resolve, reject) => {
      this.stream.end((error?: Error | null) =>
        error ? reject(new EvidenceWriteError(`${this.fullPath}: ${error.message}`, { cause: error })) : resolve(),
      );
    });
    if (this.failure)
      throw new EvidenceWriteError(`${this.fullPath}: ${this.failure.message}`, { cause: this.failure });
    return { path: this.path, sha256: this.chunks.digest(), bytes: this.chunks.bytes };
  }
}

/**
 * A bundle in a local directory. The directory must be new or empty, so a
 * bundle never mixes two runs.
 *
 * @example
 * const store = new LocalDirectoryStore('evidence/run-1');
 * await store.prepare();
 * const file = store.open('findings.jsonl');
 */
export class LocalDirectoryStore implements EvidenceStore {
  private createdDirectory = false;
  private readonly written: string[] = [];

  constructor(readonly location: string) {}

  async prepare(): Promise<void> {
    try {
      const entries = await readdir(this.location);
      if (entries.length > 0) {
        throw new EvidenceWriteError(`${this.location}: directory is not empty; choose a new --out directory`);
      }
    } catch (error) {
      if (error instanceof EvidenceWriteError) throw error;
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        throw new EvidenceWriteError(`${this.location}: ${(error as Error).message}`, { cause: error });
      }
      try {
        await mkdir(this.location, { recursive: true });
        this.createdDirectory = true;
      } catch (mkdirError) {
        throw new EvidenceWriteError(`${this.location}: cannot create directory (${(mkdirError as Error).message})`);
      }
    }
  }

  open(path: string): EvidenceFileWriter {
    const fullPath = join(this.location, ...path.split('/'));
    this.written.push(fullPath);
    return new LocalFileWriter(fullPath, path);
  }

  async abort(): Promise<void> {
    await Promise.all(this.written.map((file) => rm(file, { force: true })));
    if (this.createdDirectory) await rmdir(this.location).catch(() => undefined);
  }
}
