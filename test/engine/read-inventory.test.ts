import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLineBatches } from '../../engine/inventory/lines.js';
import { openInventory, readInventory } from '../../engine/inventory/read-inventory.js';

const ci = (id: string, type = 'AWS::EC2::Volume') => ({
  configurationItemVersion: '1.3',
  awsAccountId: '111122223333',
  resourceType: type,
  resourceId: id,
  awsRegion: 'eu-west-1',
  configurationItemStatus: 'OK',
  configuration: { volumeId: id, encrypted: true },
  supplementaryConfiguration: {},
});

let dir: string;
const file = async (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};
const ids = async (path: string, lineFilter?: (line: string) => boolean) => {
  const out: string[] = [];
  for await (const record of readInventory(await openInventory(path), lineFilter ? { lineFilter } : {})) {
    if (record.kind === 'resource') out.push(record.resource.resourceId);
  }
  return out;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ca-read-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('Function: openInventory / readInventory', () => {
  it('reads a pretty-printed snapshot document, plain and gzipped', async () => {
    const snapshot = JSON.stringify(
      { fileVersion: '1.0', configSnapshotId: 'a', configurationItems: [ci('vol-1'), ci('vol-2')] },
      null,
      2,
    );
    const plain = await file('snap.json', snapshot);
    const gz = await file('snap.json.gz', gzipSync(snapshot));
    expect(await openInventory(plain)).toMatchObject({ format: 'json', gzip: false });
    expect(await openInventory(gz)).toMatchObject({ format: 'json', gzip: true });
    expect(await ids(plain)).toEqual(['vol-1', 'vol-2']);
    expect(await ids(gz)).toEqual(['vol-1', 'vol-2']);
  });

  it('streams NDJSON of mixed shapes, plain and gzipped, skipping blank lines', async () => {
    const lines = [
      JSON.stringify(ci('vol-1')),
      '',
      JSON.stringify(JSON.stringify({ ...ci('vol-2'), configurationItemStatus: undefined })),
      JSON.stringify({
        inventoryRecord: 'accountFacts',
        accountId: '111122223333',
        capturedAt: '2026-01-01T00:00:00Z',
      }),
      JSON.stringify({ configurationItems: [{ ...ci('vol-3'), configuration: JSON.stringify({ encrypted: false }) }] }),
    ].join('\n');
    const plain = await file('inv.ndjson', `${lines}\n`);
    const gz = await file('inv.ndjson.gz', gzipSync(lines));
    expect(await openInventory(plain)).toMatchObject({ format: 'ndjson' });
    expect(await ids(plain)).toEqual(['vol-1', 'vol-2', '111122223333', 'vol-3']);
    expect(await ids(gz)).toEqual(['vol-1', 'vol-2', '111122223333', 'vol-3']);
    expect(await ids(plain, (line) => line.includes('accountFacts'))).toEqual(['111122223333']);
  });

  it.each([
    ['a missing file', async () => join(dir, 'nope.json'), /nope\.json: no such file$/],
    ['a directory', async () => dir, /is a directory, not a file/],
    ['an empty file', async () => file('empty.json', ''), /empty\.json: file is empty/],
    ['whitespace only', async () => file('blank.json', '\n\n  \n'), /blank\.json: file has no content/],
    [
      'broken gzip',
      async () => file('bad.json.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3])),
      /bad\.json\.gz: cannot be decompressed/,
    ],
  ])('rejects %s with one line naming the file', async (_name, make, message) => {
    const path = await make();
    await expect(openInventory(path)).rejects.toThrow(message);
  });

  it('names the line of malformed NDJSON', async () => {
    const path = await file('broken.ndjson', `${JSON.stringify(ci('vol-1'))}\n{"resourceType": "AWS::EC2::Volume",\n`);
    await expect(ids(path)).rejects.toThrow(/broken\.ndjson:2: not valid JSON/);
  });

  it('names a malformed document', async () => {
    const path = await file('broken.json', '{\n  "configurationItems": [\n');
    await expect(ids(path)).rejects.toThrow(/broken\.json: not valid JSON/);
  });

  it('names an unrecognised shape', async () => {
    const path = await file('other.json', '{\n "hello": "world"\n}');
    await expect(ids(path)).rejects.toThrow(/other\.json: unrecognised inventory shape/);
  });
});

describe('Function: readLineBatches', () => {
  async function* chunks(...parts: (string | Buffer)[]) {
    for (const part of parts) yield Buffer.isBuffer(part) ? part : Buffer.from(part, 'utf8');
  }
  const all = async (source: AsyncIterable<Buffer>) => {
    const lines: string[] = [];
    for await (const batch of readLineBatches(source)) lines.push(...batch);
    return lines;
  };

  it('splits LF and CRLF lines across chunk boundaries, with or without a final newline', async () => {
    expect(await all(chunks('a\r\nbb', 'b\n\nc', 'cc'))).toEqual(['a', 'bbb', '', 'ccc']);
    expect(await all(chunks('x\n'))).toEqual(['x']);
    expect(await all(chunks('y\r'))).toEqual(['y']);
  });

  it('keeps a multi-byte character split between chunks intact', async () => {
    const bytes = Buffer.from('é→ü\n', 'utf8');
    expect(await all(chunks(bytes.subarray(0, 1), bytes.subarray(1, 4), bytes.subarray(4)))).toEqual(['é→ü']);
  });
});
