/**
 * Where the context of a very large inventory overflows: lines of context
 * resources, appended to a scratch file and read back one at a time when a
 * control asks for them. The evaluation context then holds, for each spilled
 * resource, its keys and where its line is, not the resource itself, so
 * memory stays flat however many policies, buckets or flow logs the
 * inventory has. The file is the audit's own and is removed at the end.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Resource } from '../types.js';
import { recordsOfLine } from './read-inventory.js';

export interface SpilledLine {
  offset: number;
  length: number;
  /** The inventory's path and line number, for messages. */
  path: string;
  lineNumber: number;
}

export class ContextSpill {
  private readonly dir = mkdtempSync(join(tmpdir(), 'compliance-auditor-context-'));
  private readonly fd = openSync(join(this.dir, 'context.ndjson'), 'w+');
  private size = 0;

  /**
   * Appends a line; returns where it is.
   *
   * @example
   * const at = spill.put(line, 'inventory.ndjson', 42); spill.read(at, 0); // the line's first resource
   */
  put(line: string, path: string, lineNumber: number): SpilledLine {
    const bytes = Buffer.from(line, 'utf8');
    let written = 0;
    while (written < bytes.length)
      written += writeSync(this.fd, bytes, written, bytes.length - written, this.size + written);
    const at = { offset: this.size, length: bytes.length, path, lineNumber };
    this.size += bytes.length;
    return at;
  }

  /** The `index`th resource of a spilled line, normalised again exactly as it was the first time. */
  read(at: SpilledLine, index: number): Resource {
    const bytes = Buffer.allocUnsafe(at.length);
    let read = 0;
    while (read < at.length) read += readSync(this.fd, bytes, read, at.length - read, at.offset + read);
    let position = 0;
    for (const record of recordsOfLine(bytes.toString('utf8'), at.path, at.lineNumber)) {
      if (record.kind === 'resource' && position++ === index) return record.resource;
    }
    throw new Error(`${at.path}:${at.lineNumber}: spilled context line has no resource ${index}`);
  }

  private closed = false;

  /** Closes and removes the scratch file; again, does nothing. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
