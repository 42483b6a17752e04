/**
 * Reads an inventory file: a JSON document (plain or gzipped) or NDJSON
 * (plain or gzipped), streamed line by line so memory does not grow with the
 * file. Errors name the file (and line) and say what is wrong, in one line.
 */
import { createReadStream } from 'node:fs';
import { open, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { gunzipSync, createGunzip } from 'node:zlib';
import { AuditorError, InputParseError, stopIfAsked } from '../errors.js';
import { type InventoryRecord, normaliseRecord } from '../normalize/records.js';
import { readLineBatches } from './lines.js';

export interface InventorySource {
  path: string;
  /** `json`: one document; `ndjson`: one record a line. */
  format: 'json' | 'ndjson';
  gzip: boolean;
  sizeBytes: number;
}

const GZIP_MAGIC = [0x1f, 0x8b];
/** A UTF-8 byte order mark, as text: editors on Windows put one in front of JSON; JSON.parse refuses it. */
const BOM = '\ufeff';
const withoutBom = (text: string): string => (text.startsWith(BOM) ? text.slice(1) : text);

function systemMessage(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory, not a file';
  return (error as Error).message;
}

async function firstLine(path: string, gzip: boolean): Promise<string> {
  const input = createReadStream(path, { end: gzip ? undefined : 1 << 20 });
  const lines = createInterface({
    input: gzip ? input.pipe(createGunzip()) : input,
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  try {
    for await (const line of lines) {
      if (line.trim().length > 0) return withoutBom(line);
    }
    return '';
  } finally {
    lines.close();
    input.destroy();
  }
}

/**
 * Checks that the file exists and detects its format: gzip by its magic
 * bytes, NDJSON when the first non-empty line is a JSON value by itself.
 *
 * @example
 * const source = await openInventory('snapshot.json.gz'); // { format: 'json', gzip: true, ... }
 */
export async function openInventory(path: string): Promise<InventorySource> {
  if (path === '-') {
    throw new InputParseError(
      '-: standard input cannot be audited (an inventory is read twice); save it to a file first',
    );
  }
  let size: number;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    size = info.size;
    const handle = await open(path, 'r');
    const magic = Buffer.alloc(2);
    await handle.read(magic, 0, 2, 0);
    await handle.close();
    if (size === 0) throw new InputParseError(`${path}: file is empty`);
    const gzip = magic[0] === GZIP_MAGIC[0] && magic[1] === GZIP_MAGIC[1];
    // UTF-16 (PowerShell 5's Out-File writes it) has a zero in its first two bytes, or a BOM of FF FE / FE FF.
    if (
      !gzip &&
      (magic.includes(0) || (magic[0] === 0xff && magic[1] === 0xfe) || (magic[0] === 0xfe && magic[1] === 0xff))
    ) {
      throw new InputParseError(
        `${path}: not UTF-8 text (UTF-16 or binary); save the inventory as UTF-8 JSON or NDJSON`,
      );
    }
    let line: string;
    try {
      line = await firstLine(path, gzip);
    } catch (error) {
      throw new InputParseError(`${path}: cannot be decompressed (${(error as Error).message})`);
    }
    if (line.length === 0) throw new InputParseError(`${path}: file has no content`);
    // A line that is a JSON value by itself means NDJSON (a one-line JSON
    // document reads the same way); otherwise the file is one document.
    let format: 'json' | 'ndjson';
    try {
      JSON.parse(line);
      format = 'ndjson';
    } catch {
      format = 'json';
    }
    return { path, format, gzip, sizeBytes: size };
  } catch (error) {
    if (error instanceof InputParseError) throw error;
    throw new InputParseError(`${path}: ${systemMessage(error)}`);
  }
}

/**
 * The bytes of an NDJSON inventory, decompressed when gzipped. `observe`
 * sees the raw bytes as read (before decompression): what the input hash
 * and the population copy need.
 */
async function* inventoryBytes(source: InventorySource, observe: (chunk: Buffer) => void): AsyncGenerator<Buffer> {
  const file = createReadStream(source.path, { highWaterMark: 1 << 20 });
  try {
    if (source.gzip) {
      file.on('data', (chunk) => observe(chunk as Buffer));
      yield* file.pipe(createGunzip());
    } else {
      for await (const chunk of file as AsyncIterable<Buffer>) {
        observe(chunk);
        yield chunk;
      }
    }
  } finally {
    file.destroy();
  }
}

/**
 * The records of one NDJSON line (numbered from 1 for messages); nothing for
 * a blank line.
 *
 * @example
 * for (const record of recordsOfLine(line, 'inventory.ndjson', 12)) batcher.add(record);
 */
export function* recordsOfLine(line: string, path: string, lineNumber: number): Generator<InventoryRecord> {
  if (line.trim().length === 0) return;
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    throw new InputParseError(`${path}:${lineNumber}: not valid JSON (${(error as Error).message})`);
  }
  yield* normaliseRecord(value, `${path}:${lineNumber}`);
}

export interface ReadOptions {
  /** Called with bytes read so far (of the file on disk). */
  onProgress?: (bytesRead: number) => void;
  /**
   * NDJSON only: lines for which this returns false are skipped unparsed.
   * Lets a first pass pick out the few records controls consult (account
   * facts, policies) at the cost of a substring test per line.
   */
  lineFilter?: (line: string) => boolean;
  /** Sees every raw byte of the file as read (to hash the input as evidence). */
  onChunk?: (chunk: Buffer) => void;
  /** NDJSON only: hears each parsed line's records, by line number (from 1), with the line. */
  onParsedLine?: (lineNumber: number, records: InventoryRecord[], line: string) => void;
  /**
   * NDJSON only: lines parsed before (by a first pass), by line number:
   * their records are yielded again rather than parsed again.
   */
  parsedLines?: ReadonlyMap<number, readonly InventoryRecord[]>;
  /** Stops the read with an AuditStoppedError, checked a chunk (about 1 MiB) at a time. */
  signal?: AbortSignal | undefined;
}

/**
 * Streams the normalised records of an inventory.
 *
 * @example
 * for await (const record of readInventory(await openInventory(path))) {
 *   if (record.kind === 'resource') evaluate(record.resource);
 * }
 */
export async function* readInventory(
  source: InventorySource,
  options: ReadOptions = {},
): AsyncGenerator<InventoryRecord> {
  if (source.format === 'json') {
    let text: string;
    try {
      const bytes = await readFile(source.path);
      options.onChunk?.(bytes);
      text = withoutBom((source.gzip ? gunzipSync(bytes) : bytes).toString('utf8'));
    } catch (error) {
      throw new InputParseError(`${source.path}: cannot be read (${systemMessage(error)})`);
    }
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch (error) {
      throw new InputParseError(`${source.path}: not valid JSON (${(error as Error).message})`);
    }
    options.onProgress?.(source.sizeBytes);
    yield* normaliseRecord(document, source.path);
    return;
  }

  let bytesRead = 0;
  let lineNumber = 0;
  let reported = 0;
  try {
    for await (const batch of readLineBatches(
      inventoryBytes(source, (chunk) => {
        bytesRead += chunk.length;
        options.onChunk?.(chunk);
      }),
    )) {
      stopIfAsked(options.signal);
      if (options.onProgress && bytesRead - reported > 1 << 20) {
        reported = bytesRead;
        options.onProgress(bytesRead);
      }
      for (let line of batch) {
        lineNumber++;
        if (lineNumber === 1) line = withoutBom(line);
        const known = options.parsedLines?.get(lineNumber);
        if (known) {
          yield* known;
          continue;
        }
        if (line.length === 0 || (options.lineFilter && !options.lineFilter(line))) continue;
        if (options.onParsedLine) {
          const records = [...recordsOfLine(line, source.path, lineNumber)];
          options.onParsedLine(lineNumber, records, line);
          yield* records;
        } else yield* recordsOfLine(line, source.path, lineNumber);
      }
    }
  } catch (error) {
    // Our own errors say what failed (a full scratch directory is not a broken input).
    if (error instanceof AuditorError) throw error;
    throw new InputParseError(`${source.path}: cannot be read (${systemMessage(error)})`);
  }
  options.onProgress?.(source.sizeBytes);
}
