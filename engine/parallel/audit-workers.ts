/**
 * Runs the evaluation of a large NDJSON inventory on worker threads. The
 * main thread reads the file once: it hashes and copies the raw bytes into
 * the bundle, cuts the text into chunks of whole lines and hands each to
 * the least busy worker. Workers return encoded batches; the main thread
 * writes them in input order, so the bundle is byte for byte the one the
 * in-process run writes.
 *
 * Each worker builds its own evaluation context (a first pass over the
 * file): objects cannot be shared between threads, and the pass runs on all
 * workers at once.
 */
import { Worker } from 'node:worker_threads';
import type { AuditTallies, EncodedBatch } from '../audit-batch.js';
import { accountsWithoutFacts } from '../audit-batch.js';
import { AuditorError, InputParseError } from '../errors.js';
import type { EvidenceBundleWriter } from '../evidence/bundle-writer.js';
import { inventoryBytes } from '../inventory/read-inventory.js';
import type { FromWorker, ToWorker, WorkerSetup } from './messages.js';

/** Chunks of about this many bytes of lines go to a worker at a time, unless told otherwise. */
const CHUNK_BYTES = 1 << 20;
/** Chunks a worker may hold at once: one it judges, one waiting, so it never idles. */
const CHUNKS_PER_WORKER = 2;

const NEWLINE = 0x0a;

/** A worker's error, rebuilt on the main thread as the class the CLI reports in one line. */
function rebuildError(name: string, message: string): Error {
  if (name === 'InputParseError') return new InputParseError(message);
  if (name === 'AuditorError' || name.endsWith('Error')) {
    const error = new AuditorError(message);
    error.name = name;
    return error;
  }
  return new Error(message);
}

interface WorkerSlot {
  worker: Worker;
  /** Chunks sent and not yet returned. */
  holding: number;
}

export interface WorkerRunHooks {
  /** Every raw byte of the input, as read. */
  onRawChunk: (chunk: Buffer) => void;
  onProgress: (bytesRead: number, resources: number) => void;
}

/**
 * @example
 * const workers = AuditWorkers.start(2, { source, runId, evaluatedAt, frameworks });
 * const tallies = await workers.run(bundle, catalogKey, hooks);
 */
export class AuditWorkers {
  private readonly slots: WorkerSlot[];
  private readonly listeners = new Set<(index: number, message: FromWorker) => void>();
  private readonly readyCatalogs = new Map<number, string>();
  private failure: Error | null = null;
  private wake: (() => void) | null = null;

  private constructor(
    count: number,
    private readonly setup: WorkerSetup,
    private readonly chunkBytes: number,
  ) {
    this.slots = Array.from({ length: count }, (_, index) => {
      const worker = new Worker(new URL('./audit-worker-entry.mjs', import.meta.url), { workerData: setup });
      worker.on('message', (message: FromWorker) => {
        if (message.type === 'error') this.fail(rebuildError(message.name, message.message));
        // A worker may be ready before `run` listens.
        else if (message.type === 'ready') this.readyCatalogs.set(index, message.catalog);
        for (const listener of this.listeners) listener(index, message);
        this.poke();
      });
      worker.on('error', (error) => this.fail(new AuditorError(`audit worker failed: ${error.message}`)));
      worker.on('exit', (code) => {
        if (code !== 0) this.fail(new AuditorError(`audit worker stopped with exit code ${code}`));
      });
      return { worker, holding: 0 };
    });
  }

  /**
   * Starts the workers at once, so that loading the engine and building the
   * context overlap with the main thread's own preparation.
   */
  static start(count: number, setup: WorkerSetup, chunkBytes = CHUNK_BYTES): AuditWorkers {
    return new AuditWorkers(count, setup, chunkBytes);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.poke();
  }

  private poke(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Waits until `ready()` holds, or throws the first failure. */
  private async until(ready: () => boolean): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure;
      if (ready()) return;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  private send(index: number, message: ToWorker, transfer: ArrayBuffer[] = []): void {
    this.slots[index]?.worker.postMessage(message, transfer);
  }

  /**
   * Judges the whole inventory and writes its batches to the bundle in order.
   * Returns every worker's tallies.
   */
  async run(bundle: EvidenceBundleWriter, expectedCatalog: string, hooks: WorkerRunHooks): Promise<AuditTallies[]> {
    const waiting = new Map<number, EncodedBatch>();
    const tallies = new Map<number, AuditTallies>();
    let nextToWrite = 0;
    let written = 0;
    let resources = 0;
    let bytesRead = 0;
    let writing: Promise<void> = Promise.resolve();

    const writeInOrder = () => {
      for (let batch = waiting.get(nextToWrite); batch !== undefined; batch = waiting.get(nextToWrite)) {
        waiting.delete(nextToWrite);
        nextToWrite++;
        const next = batch;
        writing = writing
          .then(() => bundle.writeBatch(next))
          .then(() => {
            written++;
            this.poke();
          })
          .catch((error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))));
      }
    };
    this.listeners.add((index, message) => {
      if (message.type === 'batch') {
        const slot = this.slots[index];
        if (slot) slot.holding--;
        resources += message.resources;
        waiting.set(message.seq, message.batch);
        writeInOrder();
      } else if (message.type === 'tallies') {
        tallies.set(index, message.tallies);
      }
    });

    await this.until(() => this.readyCatalogs.size === this.slots.length);
    if ([...this.readyCatalogs.values()].some((catalog) => catalog !== expectedCatalog)) {
      throw new AuditorError('an audit worker loaded a different control catalog than the run records');
    }

    let seq = 0;
    let lineNumber = 1;
    const dispatch = async (piece: Buffer) => {
      // Memory stays bounded: at most two chunks per worker are out, and the
      // writer is never more than that behind.
      let slot: WorkerSlot | undefined;
      await this.until(() => {
        slot = this.slots.reduce((least, candidate) => (candidate.holding < least.holding ? candidate : least));
        return slot.holding < CHUNKS_PER_WORKER && seq - written < this.slots.length * CHUNKS_PER_WORKER;
      });
      if (!slot) return;
      // A copy the worker owns outright, so it moves without another copy.
      const bytes = new Uint8Array(piece);
      const lines = countNewlines(piece);
      slot.holding++;
      this.send(this.slots.indexOf(slot), { type: 'chunk', seq, firstLine: lineNumber, bytes }, [bytes.buffer]);
      seq++;
      lineNumber += lines;
      hooks.onProgress(bytesRead, resources);
    };

    let carry: Buffer | null = null;
    for await (const chunk of inventoryBytes(this.setup.source, (raw) => {
      bytesRead += raw.length;
      hooks.onRawChunk(raw);
    })) {
      const buffer: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
      carry = null;
      let start = 0;
      while (buffer.length - start >= this.chunkBytes) {
        const cut = buffer.indexOf(NEWLINE, start + this.chunkBytes - 1);
        if (cut === -1) break;
        await dispatch(buffer.subarray(start, cut + 1));
        start = cut + 1;
      }
      if (start < buffer.length) carry = buffer.subarray(start);
    }
    if (carry) {
      // What is left: whole lines, and the last one may lack its newline.
      await dispatch(carry);
    }
    await this.until(() => written === seq);

    // Accounts seen only through resources, on any worker, are judged once, by the first.
    for (const [index] of this.slots.entries()) this.send(index, { type: 'tallies' });
    await this.until(() => tallies.size === this.slots.length);
    const missing = accountsWithoutFacts([...tallies.values()]);
    if (missing.length > 0) {
      tallies.delete(0);
      this.send(0, { type: 'accounts', seq, accountIds: missing });
      seq++;
      await this.until(() => written === seq);
      this.send(0, { type: 'tallies' });
      await this.until(() => tallies.size === this.slots.length);
    }
    await writing;
    return [...tallies.values()];
  }

  /** Stops every worker. */
  async close(): Promise<void> {
    this.listeners.clear();
    await Promise.all(this.slots.map(({ worker }) => worker.terminate()));
  }
}

function countNewlines(buffer: Buffer): number {
  let count = 0;
  for (let at = buffer.indexOf(NEWLINE); at !== -1; at = buffer.indexOf(NEWLINE, at + 1)) count++;
  return count;
}
