/**
 * Where an evidence bundle is written. One interface; the local directory is
 * the CLI's default (an S3 store implements the same contract). Every file is
 * hashed with SHA-256 as it is written, so the manifest never re-reads it.
 */
import { Worker } from 'node:worker_threads';
import { createHash } from 'node:crypto';
import { mkdir, readdir, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { EvidenceWriteError } from '../errors.js';
import { PendingChunks } from './hashed-chunks.js';
import { recycleSlab } from './utf8-sink.js';

export interface EvidenceFile {
  /** Path inside the bundle, with `/` separators. */
  path: string;
  sha256: string;
  bytes: number;
}

export interface EvidenceFileWriter {
  /**
   * Appends text or bytes. Bytes become the writer's: the caller must not
   * change or reuse them (a local store hands them to its writer thread
   * without a copy). Returns a promise only when the caller must wait (a
   * flush under backpressure): most calls just buffer, and awaiting a
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
 * Small writes are gathered into 1 MiB chunks (bytes of 64 KiB or more go
 * as they are); a file may have 4 MiB on its way to the writer thread
 * before `write` asks the caller to wait.
 */
const FLUSH_AT = 1 << 20;
const DIRECT_BYTES = 64 << 10;
const IN_FLIGHT_LIMIT = 4 << 20;

type FromWriterThread =
  | { type: 'written'; id: number; bytes: number; memory: ArrayBuffer }
  | { type: 'closed'; id: number; sha256: string; bytes: number }
  | { type: 'failed'; id: number; message: string }
  | { type: 'abandoned'; id: number };

/**
 * Bytes that can move to another thread: the same bytes when their memory is
 * their own, else a copy in memory of its own. A small Buffer may sit in
 * Node's shared pool, which must never leave this thread (Node 22 refuses to
 * transfer it; Node 20 copies it silently).
 *
 * @example
 * transferable(Buffer.from('small')).buffer.byteLength // 5: not the 8 KiB pool
 */
export function transferable(data: Uint8Array): Uint8Array {
  return data.buffer.byteLength > Buffer.poolSize ? data : new Uint8Array(data);
}

/**
 * The thread that hashes and writes a local bundle's large files: the main
 * thread only encodes text and hands the bytes over, without a copy. One per
 * store, started by the first file that outgrows a chunk; it keeps the
 * process alive only while a file is open on it.
 */
class WriterThread {
  private readonly worker = new Worker(new URL('./file-writer-thread.mjs', import.meta.url));
  private readonly listeners = new Map<number, (message: FromWriterThread) => void>();
  private nextId = 0;
  private exited = false;

  constructor() {
    this.worker.unref();
    this.worker.on('message', (message: FromWriterThread) => this.listeners.get(message.id)?.(message));
    const failAll = (message: string) => {
      for (const listener of this.listeners.values()) listener({ type: 'failed', id: -1, message });
    };
    this.worker.on('error', (error) => failAll(`evidence writer thread failed: ${error.message}`));
    // A thread that is gone answers nothing: every file still waiting on it fails rather than hangs.
    this.worker.on('exit', (code) => {
      this.exited = true;
      failAll(`evidence writer thread stopped (exit code ${code})`);
    });
  }

  /** Opens a file; `listener` hears every reply about it until `forget`. */
  open(path: string, listener: (message: FromWriterThread) => void): number {
    const id = this.nextId++;
    if (this.listeners.size === 0) this.worker.ref();
    this.listeners.set(id, listener);
    this.worker.postMessage({ type: 'open', id, path });
    return id;
  }

  write(id: number, data: Uint8Array): void {
    const owned = transferable(data);
    this.worker.postMessage({ type: 'write', id, data: owned }, [owned.buffer as ArrayBuffer]);
  }

  close(id: number): void {
    this.worker.postMessage({ type: 'close', id });
  }

  forget(id: number): void {
    this.listeners.delete(id);
    if (this.listeners.size === 0) this.worker.unref();
  }

  /** Closes every open file and stops the thread. */
  async stop(): Promise<void> {
    if (this.exited) return;
    const id = this.nextId++;
    const abandoned = new Promise<void>((resolve) => {
      this.worker.ref();
      this.listeners.set(id, () => resolve());
      this.worker.once('exit', () => resolve());
    });
    this.worker.postMessage({ type: 'abandon', id });
    await abandoned;
    await this.worker.terminate();
  }
}

class LocalFileWriter implements EvidenceFileWriter {
  private readonly chunks = new PendingChunks();
  /** The file's number on the writer thread, once it has outgrown one chunk. */
  private id: number | null = null;
  private inFlight = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private closed: EvidenceFile | null = null;

  constructor(
    private readonly thread: () => WriterThread,
    private readonly fullPath: string,
    private readonly path: string,
  ) {}

  write(data: string | Uint8Array): Promise<void> | undefined {
    if (this.failure) return Promise.reject(this.failure);
    if (typeof data !== 'string' && data.length >= DIRECT_BYTES) {
      this.flush();
      this.send(data);
    } else {
      this.chunks.push(data);
      if (this.chunks.pending < FLUSH_AT) return undefined;
      this.flush();
    }
    return this.inFlight > IN_FLIGHT_LIMIT ? this.until(() => this.inFlight <= IN_FLIGHT_LIMIT) : undefined;
  }

  private flush(): void {
    if (this.chunks.pending > 0) this.send(this.chunks.take());
  }

  private send(bytes: Uint8Array): void {
    if (this.id === null) {
      this.id = this.thread().open(this.fullPath, (message) => {
        if (message.type === 'written') {
          this.inFlight -= message.bytes;
          recycleSlab(message.memory);
        } else if (message.type === 'closed')
          this.closed = { path: this.path, sha256: message.sha256, bytes: message.bytes };
        else if (message.type === 'failed')
          this.failure ??= new EvidenceWriteError(`${this.fullPath}: ${message.message}`);
        const wake = this.wake;
        this.wake = null;
        wake?.();
      });
    }
    this.inFlight += bytes.length;
    this.thread().write(this.id, bytes);
  }

  /** Waits until `done()` holds, or throws the file's failure. */
  private async until(done: () => boolean): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (done()) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  async close(): Promise<EvidenceFile> {
    if (this.closed) return this.closed;
    if (this.id === null) {
      // A file that never outgrew one chunk is written here: a thread would cost more than the write.
      const bytes = this.chunks.take();
      try {
        // `wx`: never overwrite evidence that is already there.
        await writeFile(this.fullPath, bytes, { flag: 'wx' });
      } catch (error) {
        throw new EvidenceWriteError(`${this.fullPath}: ${(error as Error).message}`, { cause: error });
      }
      this.closed = { path: this.path, sha256: createHash('sha256').update(bytes).digest('hex'), bytes: bytes.length };
      return this.closed;
    }
    const id = this.id;
    this.flush();
    this.thread().close(id);
    try {
      await this.until(() => this.closed !== null);
    } finally {
      this.thread().forget(id);
    }
    const closed = this.closed;
    if (!closed) throw new EvidenceWriteError(`${this.fullPath}: was not closed`);
    return closed;
  }
}

/**
 * `mkdir -p`, a level at a time. Node's recursive mkdir never returns when a
 * parent cannot be made on a pseudo file system (`--out /proc/x/y` hung).
 */
async function makeDirectory(path: string): Promise<void> {
  try {
    await mkdir(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return;
    const parent = dirname(path);
    if (code !== 'ENOENT' || parent === path) throw error;
    await makeDirectory(parent);
    await mkdir(path);
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
  private thread: WriterThread | null = null;

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
        await makeDirectory(this.location);
        this.createdDirectory = true;
      } catch (mkdirError) {
        throw new EvidenceWriteError(`${this.location}: cannot create directory (${(mkdirError as Error).message})`);
      }
    }
  }

  open(path: string): EvidenceFileWriter {
    const fullPath = join(this.location, ...path.split('/'));
    this.written.push(fullPath);
    return new LocalFileWriter(
      () => {
        this.thread ??= new WriterThread();
        return this.thread;
      },
      fullPath,
      path,
    );
  }

  async abort(): Promise<void> {
    const thread = this.thread;
    this.thread = null;
    await thread?.stop();
    await Promise.all(this.written.map((file) => rm(file, { force: true })));
    if (this.createdDirectory) await rmdir(this.location).catch(() => undefined);
  }
}
