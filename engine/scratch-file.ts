/**
 * A file of the audit's own in the system's temporary directory (TMPDIR):
 * appended to while resources are judged, read back, removed at the end.
 * The context spill and the report's rows use it.
 *
 * Writes and reads are synchronous and fail with a `ScratchFileError` that
 * names the file and the system's reason. A full temporary directory is
 * then reported as such, in one line, and the audit stops cleanly. It is
 * not mistaken for an unreadable input, and no stream error goes unheard.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeError, ScratchFileError } from './errors.js';

/** Where appended bytes are in the file. */
export interface ScratchSpan {
  offset: number;
  length: number;
}

const READ_CHUNK = 1 << 20;

export class ScratchFile {
  /** The file's path, for messages. */
  readonly path: string;
  private readonly dir: string;
  private readonly fd: number;
  private size = 0;
  private closed = false;

  /**
   * Creates the file in a new directory of its own under TMPDIR.
   *
   * @example
   * const scratch = new ScratchFile('report-rows');
   * const at = scratch.append('[1,2]'); scratch.read(at).toString(); // '[1,2]'
   * scratch.close();
   */
  constructor(name: string) {
    let dir = '';
    try {
      dir = mkdtempSync(join(tmpdir(), `compliance-auditor-${name}-`));
      this.path = join(dir, `${name}.scratch`);
      this.fd = openSync(this.path, 'w+');
    } catch (error) {
      if (dir) rmSync(dir, { recursive: true, force: true });
      throw scratchFailure(`cannot create a scratch file in ${tmpdir()}`, error);
    }
    this.dir = dir;
  }

  /** Appends text (as UTF-8) or bytes; returns where they are. */
  append(data: string | Uint8Array): ScratchSpan {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let written = 0;
    try {
      while (written < bytes.length)
        written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
    } catch (error) {
      throw scratchFailure(`cannot write ${this.path}`, error);
    }
    const span = { offset: this.size, length: bytes.length };
    this.size += bytes.length;
    return span;
  }

  /** The bytes of one span. */
  read(span: ScratchSpan): Buffer {
    return this.readAt(span.offset, span.length);
  }

  /**
   * Everything appended so far, a mebibyte at a time.
   *
   * @example
   * for await (const chunk of scratch.chunks()) await file.write(chunk);
   */
  async *chunks(): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < this.size; offset += READ_CHUNK) {
      yield this.readAt(offset, Math.min(READ_CHUNK, this.size - offset));
    }
  }

  private readAt(offset: number, length: number): Buffer {
    const bytes = Buffer.allocUnsafe(length);
    let read = 0;
    try {
      while (read < length) {
        const got = readSync(this.fd, bytes, read, length - read, offset + read);
        if (got === 0) throw new Error(`ended ${length - read} bytes early`);
        read += got;
      }
    } catch (error) {
      throw scratchFailure(`cannot read ${this.path}`, error);
    }
    return bytes;
  }

  /** Closes and removes the file; again, does nothing. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      closeSync(this.fd);
    } finally {
      rmSync(this.dir, { recursive: true, force: true });
    }
  }
}

/**
 * The error for scratch space that refused: what failed, the system's reason,
 * and what to do when the disk is full.
 *
 * @example
 * throw scratchFailure(`cannot create a directory in ${tmpdir()}`, error);
 */
export function scratchFailure(what: string, error: unknown): ScratchFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const advice = code === 'ENOSPC' || code === 'EDQUOT' ? '; set TMPDIR to a directory with more room' : '';
  return new ScratchFileError(`${what} (${describeError(error)})${advice}`, { cause: error });
}
