/**
 * Writes the recorded inventory as NDJSON: the header line, the accountFacts
 * lines, then one configuration item a line. Items stream to a side file as
 * they arrive (memory stays flat however large the account), and the header
 * and facts, known only at the end, are written in front when the file is
 * assembled.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { AccountFactsRecord } from '../normalize/account-facts.js';
import type { InventoryHeader } from '../normalize/records.js';

export class InventoryWriter {
  /** Configuration items written. */
  items = 0;
  private readonly body: WriteStream;
  private failure: Error | null = null;

  private constructor(
    private readonly path: string,
    private readonly bodyPath: string,
  ) {
    this.body = createWriteStream(bodyPath, { encoding: 'utf8' });
    this.body.on('error', (error) => {
      this.failure = error;
    });
  }

  /**
   * @example
   * const writer = await InventoryWriter.open('/tmp/inventory.ndjson');
   */
  static async open(path: string): Promise<InventoryWriter> {
    const writer = new InventoryWriter(path, `${path}.items.partial`);
    await once(writer.body, 'open');
    return writer;
  }

  /**
   * One configuration item: an object, or a SelectResourceConfig row kept as
   * the exact JSON text AWS returned (re-serialised only if it spans lines).
   */
  async writeItem(item: Record<string, unknown> | string): Promise<void> {
    if (this.failure) throw this.failure;
    const line =
      typeof item === 'string' ? (/[\r\n]/.test(item) ? JSON.stringify(JSON.parse(item)) : item) : JSON.stringify(item);
    this.items++;
    if (!this.body.write(`${line}\n`)) await once(this.body, 'drain');
  }

  /** Writes the header and account facts in front of the items and removes the side file. */
  async finish(header: InventoryHeader, facts: readonly AccountFactsRecord[]): Promise<void> {
    this.body.end();
    await once(this.body, 'finish');
    if (this.failure) throw this.failure;
    const out = createWriteStream(this.path, { encoding: 'utf8' });
    out.write(`${JSON.stringify(header)}\n`);
    for (const record of facts) out.write(`${JSON.stringify(record)}\n`);
    await pipeline(createReadStream(this.bodyPath), out);
    await rm(this.bodyPath, { force: true });
  }

  /** Leaves nothing behind that could pass for an inventory. */
  async abort(): Promise<void> {
    this.body.destroy();
    await rm(this.bodyPath, { force: true });
    await rm(this.path, { force: true });
  }
}
