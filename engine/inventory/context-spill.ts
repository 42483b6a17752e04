/**
 * Where the context of a very large inventory overflows: lines of context
 * resources, appended to a scratch file and read back one at a time when a
 * control asks for them. The evaluation context then holds, for each spilled
 * resource, its keys and where its line is, not the resource itself, so
 * memory stays flat however many policies, buckets or flow logs the
 * inventory has. The file is the audit's own and is removed at the end.
 */
import type { Reloadable } from '../evaluate/context.js';
import { ScratchFile, type ScratchSpan } from '../scratch-file.js';
import type { Resource } from '../types.js';
import { recordsOfLine } from './read-inventory.js';

/**
 * A spilled resource, as the evaluation context holds it: one small object
 * that reads the resource back when asked (a closure over the line's place
 * cost three objects and twice the memory, at some 80,000 per million items).
 */
export class SpilledResource implements Reloadable {
  constructor(
    private readonly spill: ContextSpill,
    private readonly offset: number,
    private readonly length: number,
    private readonly lineNumber: number,
    private readonly index: number,
  ) {}

  load(): Resource {
    return this.spill.read({ offset: this.offset, length: this.length }, this.lineNumber, this.index);
  }
}

export class ContextSpill {
  private readonly file = new ScratchFile('context');

  /** `path`: the inventory's, for messages. */
  constructor(private readonly path: string) {}

  /**
   * Appends a line; returns where it is.
   *
   * @example
   * const at = spill.put(line); spill.resource(at, 42, 0).load(); // line 42's first resource
   */
  put(line: string): ScratchSpan {
    return this.file.append(line);
  }

  /** The `index`th resource of the spilled line that is line `lineNumber` of the inventory. */
  resource(at: ScratchSpan, lineNumber: number, index: number): SpilledResource {
    return new SpilledResource(this, at.offset, at.length, lineNumber, index);
  }

  /** A resource of a spilled line, normalised again exactly as it was the first time. */
  read(at: ScratchSpan, lineNumber: number, index: number): Resource {
    let position = 0;
    for (const record of recordsOfLine(this.file.read(at).toString('utf8'), this.path, lineNumber)) {
      if (record.kind === 'resource' && position++ === index) return record.resource;
    }
    throw new Error(`${this.path}:${lineNumber}: spilled context line has no resource ${index}`);
  }

  /** Closes and removes the scratch file; again, does nothing. */
  close(): void {
    this.file.close();
  }
}
