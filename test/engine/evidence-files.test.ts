import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '../../engine/evidence/csv.js';
import { AUDITOR_CSV_HEADER, FindingSerialiser } from '../../engine/evidence/finding-serialiser.js';
import { SLAB_BYTES, spareSlabCount, takeSlab, Utf8Sink } from '../../engine/evidence/utf8-sink.js';
import { HashedChunks } from '../../engine/evidence/hashed-chunks.js';
import { EvidenceWriteError } from '../../engine/errors.js';
import type { Finding } from '../../engine/types.js';
import { LocalDirectoryStore, transferable } from '../../engine/evidence/store.js';
import { verifyBundle } from '../../engine/evidence/verify.js';
import { encodeReportRows, type ReportRows } from '../../engine/evidence/html-report.js';

describe('Function: csvCell / csvRow', () => {
  it.each([
    ['plain', 'plain'],
    ['with,comma', '"with,comma"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['-1+1', "'-1+1"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
  it('writes empty cells for null and joins arrays', () => {
    expect(csvRow([null, undefined, ['a', 'b'], 3])).toBe(',,a b,3\r\n');
  });
});

describe('Store and verification', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ca-store-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('hashes what it writes, refuses a non-empty directory, and aborts cleanly', async () => {
    // Prepare
    const out = join(dir, 'bundle');
    const store = new LocalDirectoryStore(out);
    await store.prepare();
    // Act
    const writer = store.open('a.txt');
    for (let i = 0; i < 20_000; i++) await writer.write(`line ${i}\n`);
    const file = await writer.close();
    // Assess
    const content = await readFile(join(out, 'a.txt'));
    expect(file).toEqual({
      path: 'a.txt',
      sha256: createHash('sha256').update(content).digest('hex'),
      bytes: content.length,
    });
    await expect(new LocalDirectoryStore(out).prepare()).rejects.toThrow(/not empty/);
    await store.abort();
    await expect(readFile(join(out, 'a.txt'))).rejects.toThrow();
  });

  it('creates missing parent directories', async () => {
    // Act
    await new LocalDirectoryStore(join(dir, 'a', 'b', 'c')).prepare();
    // Assess
    expect(await readdir(join(dir, 'a', 'b', 'c'))).toEqual([]);
  });

  it.runIf(existsSync('/proc/self'))(
    'says it cannot create a directory on a pseudo file system, and returns',
    async () => {
      // Act: Node's own recursive mkdir never returns here.
      const refused = new LocalDirectoryStore('/proc/compliance-auditor-nope/bundle').prepare();
      // Assess
      await expect(refused).rejects.toThrow(
        /^\/proc\/compliance-auditor-nope\/bundle: cannot create directory \(ENOENT/,
      );
    },
  );

  it('writes text and large bytes in order through its writer thread, and hashes them', async () => {
    // Prepare: text below and above the batching size, bytes that go as they are.
    const store = new LocalDirectoryStore(join(dir, 'mixed'));
    await store.prepare();
    const big = Buffer.alloc(3 << 20, 0x61);
    const expected = Buffer.concat([
      Buffer.from('head é\n'),
      big,
      Buffer.from('x'.repeat(2 << 20)),
      Buffer.from('end'),
    ]);
    // Act
    const writer = store.open('mixed.bin');
    await writer.write('head é\n');
    await writer.write(Buffer.from(big));
    await writer.write('x'.repeat(2 << 20));
    await writer.write('end');
    const file = await writer.close();
    // Assess
    const content = await readFile(join(dir, 'mixed', 'mixed.bin'));
    expect(content.equals(expected)).toBe(true);
    expect(file.sha256).toBe(createHash('sha256').update(expected).digest('hex'));
    expect(file.bytes).toBe(expected.length);
  });

  it('gets each slab back from the writer thread once written, and reuses it without changing what was written', async () => {
    // Prepare: 24 slabs, each filled with its own byte, more than the 16 kept spare.
    const store = new LocalDirectoryStore(join(dir, 'slabs'));
    await store.prepare();
    const expected: Buffer[] = [];
    // Act
    const writer = store.open('slabs.bin');
    for (let n = 0; n < 24; n++) {
      const slab = takeSlab().fill(n);
      expected.push(Buffer.from(slab));
      await writer.write(slab);
    }
    const file = await writer.close();
    const spare = spareSlabCount();
    const reused = takeSlab();
    // Assess
    const content = await readFile(join(dir, 'slabs', 'slabs.bin'));
    expect(content.equals(Buffer.concat(expected))).toBe(true);
    expect(file.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    expect(spare).toBeGreaterThan(0);
    expect(spare).toBeLessThanOrEqual(16);
    expect(reused.length).toBe(SLAB_BYTES);
    expect(spareSlabCount()).toBe(spare - 1);
  });

  it('hands the writer thread only memory of its own, never the shared pool of small buffers', () => {
    // Prepare
    const pooled = Buffer.from('a small chunk');
    const own = Buffer.allocUnsafeSlow(64 << 10).fill(0x61);
    // Act
    const fromPool = transferable(pooled);
    const fromOwn = transferable(own);
    // Assess
    expect(pooled.buffer.byteLength).toBeGreaterThan(pooled.length);
    expect(fromPool.buffer).not.toBe(pooled.buffer);
    expect(fromPool.buffer.byteLength).toBe(pooled.length);
    expect(Buffer.from(fromPool).toString()).toBe('a small chunk');
    expect(fromOwn).toBe(own);
  });

  it('reports a file it cannot create as an evidence write error, and closes the rest on abort', async () => {
    // Prepare: the second file's name is taken (by another writer, between prepare and open).
    const out = join(dir, 'clash');
    const store = new LocalDirectoryStore(out);
    await store.prepare();
    const open = store.open('open.txt');
    await open.write('kept open');
    await writeFile(join(out, 'taken'), 'someone else');
    // Act
    const clash = store.open('taken');
    const closing = clash.close();
    // Assess
    await expect(closing).rejects.toThrow(EvidenceWriteError);
    await expect(closing).rejects.toThrow(/taken: EEXIST/);
    await store.abort();
    await expect(readdir(dir)).resolves.toEqual([]);
  });

  it('verifies a bundle and names each tampering', async () => {
    // Prepare
    const out = join(dir, 'bundle');
    const store = new LocalDirectoryStore(out);
    await store.prepare();
    const files = [];
    for (const name of ['findings.jsonl', 'summary.json']) {
      const writer = store.open(name);
      await writer.write(`{"name":"${name}"}\n`);
      files.push(await writer.close());
    }
    const manifest = store.open('manifest.json');
    await manifest.write(JSON.stringify({ manifestVersion: 1, run: { runId: 'r1' }, files }));
    await manifest.close();
    // Act + Assess
    expect(await verifyBundle(out)).toMatchObject({ ok: true, runId: 'r1', checked: 2, problems: [] });
    await writeFile(join(out, 'findings.jsonl'), '{"name":"tampered"}\n');
    await writeFile(join(out, 'extra.csv'), 'x');
    await rm(join(out, 'summary.json'));
    const result = await verifyBundle(out);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([
      'findings.jsonl: SHA-256 differs from the manifest (modified)',
      'summary.json: listed in the manifest but missing',
      'extra.csv: not listed in the manifest (added after the run)',
    ]);
  });

  it('says a bundle without a manifest is incomplete, and names a missing directory', async () => {
    await expect(verifyBundle(dir)).rejects.toThrow(/no manifest.json; the bundle is incomplete/);
    await expect(verifyBundle(join(dir, 'nope'))).rejects.toThrow(/nope: no such bundle directory$/);
  });
});

describe('Class: FindingSerialiser', () => {
  const finding = (overrides: Partial<Finding> = {}): Finding => ({
    runId: 'r1',
    controlId: 's3-bucket-versioning-enabled',
    controlHash: 'a'.repeat(64),
    title: 'S3 bucket has versioning enabled',
    severity: 'medium',
    service: 's3',
    status: 'FAIL',
    reason: 'S3 bucket "x, y" has versioning set to Off.',
    resourceType: 'AWS::S3::Bucket',
    resourceId: '=cmd|calc',
    resourceName: null,
    resourceArn: 'arn:aws:s3:::x',
    accountId: '111122223333',
    region: 'us-east-1',
    evaluatedAt: '2026-11-26T00:00:00.000Z',
    configurationCaptureTime: null,
    observed: { versioningStatus: 'Off', nested: { list: [1, 'two'] } },
    requirements: ['soc2:A1.2', 'hipaa:164.308(a)(7)(ii)(A)', 'gdpr:unknown'],
    remediation: 'Enable versioning, "now".',
    ...overrides,
  });
  const requirements = new Map([
    ['soc2:A1.2', { framework: 'soc2', id: 'A1.2', title: 'Recovery, backups' }],
    ['hipaa:164.308(a)(7)(ii)(A)', { framework: 'hipaa', id: '164.308(a)(7)(ii)(A)', title: 'Data backup plan' }],
  ]);

  it('writes exactly what JSON.stringify writes, across cached controls, as text and as bytes', () => {
    const serialiser = new FindingSerialiser(requirements);
    const sink = new Utf8Sink();
    const findings = [
      finding(),
      finding({ status: 'PASS', resourceName: 'n', reason: 'Bucket → “quoted” ünïcode' }),
      finding({ title: 'changed', requirements: [], remediation: 'Console → Settings' }),
    ];
    for (const f of findings) {
      expect(serialiser.jsonLine(f)).toBe(`${JSON.stringify(f)}\n`);
      serialiser.writeJsonLine(f, sink);
    }
    expect(Buffer.concat(sink.take(true)).toString('utf8')).toBe(
      findings.map((f) => `${JSON.stringify(f)}\n`).join(''),
    );
  });

  it('writes the report rows of failing, errored and unjudged findings only, as the report encodes them', async () => {
    // Prepare: findings of two controls, one passing, one with another requirement list.
    const serialiser = new FindingSerialiser(requirements);
    const sink = new Utf8Sink();
    const findings = [
      finding(),
      finding({ status: 'PASS', resourceId: 'passing' }),
      finding({ status: 'ERROR', resourceId: 'b2', reason: 'it broke </script>' }),
      finding({ controlId: 'other', title: 'Other', status: 'INSUFFICIENT_DATA', requirements: ['soc2:A1.2'] }),
      finding({ resourceId: 'b3' }),
    ];
    const listed = findings.filter((f) => f.status !== 'PASS');
    // The findings table's data as the report embeds it: the rows, then the tables they index.
    const dataOf = async (rows: ReportRows) => {
      let text = '';
      for await (const chunk of rows.chunks) text += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
      return `[${text}],${rows.tables()}`;
    };
    async function* chunksOf(bytes: Buffer) {
      yield bytes;
    }
    // Act
    for (const f of findings) serialiser.writeReportRow(f, sink);
    const fromSerialiser = {
      chunks: chunksOf(Buffer.concat(sink.take(true))),
      tables: () => serialiser.reportTables(),
    };
    async function* listedFindings() {
      yield* listed;
    }
    // Assess: the same report as rows encoded straight from the findings.
    const data = await dataOf(fromSerialiser);
    expect(data).toBe(await dataOf(encodeReportRows(listedFindings())));
    const parsed = JSON.parse(`{"rows":${data}}`) as { rows: unknown[][]; strings: string[] };
    expect(parsed.rows.map((row) => row[3])).toEqual(listed.map((f) => f.resourceId));
    expect(data).not.toContain('</script>');
  });

  it('writes one CSV row per known requirement, as csvRow would', () => {
    const serialiser = new FindingSerialiser(requirements);
    const f = finding();
    const sinks = new Map<string, Utf8Sink>();
    serialiser.writeCsvRows(f, (framework) => {
      const sink = sinks.get(framework) ?? new Utf8Sink();
      sinks.set(framework, sink);
      return sink;
    });
    const rows = [...sinks].map(([framework, sink]) => [framework, Buffer.concat(sink.take(true)).toString('utf8')]);
    const cells = (id: string, title: string) => [
      id,
      title,
      f.controlId,
      f.title,
      f.severity,
      f.status,
      f.resourceType,
      f.resourceId,
      f.resourceName,
      f.resourceArn,
      f.accountId,
      f.region,
      f.reason,
      f.configurationCaptureTime,
      f.evaluatedAt,
      f.remediation,
    ];
    expect(rows).toEqual([
      ['soc2', csvRow(['soc2', ...cells('A1.2', 'Recovery, backups')])],
      ['hipaa', csvRow(['hipaa', ...cells('164.308(a)(7)(ii)(A)', 'Data backup plan')])],
    ]);
    expect(AUDITOR_CSV_HEADER).toHaveLength(cells('', '').length + 1);
  });

  it('leaves remediation empty on rows with nothing to fix', () => {
    const serialiser = new FindingSerialiser(requirements);
    const sink = new Utf8Sink();
    serialiser.writeCsvRows(finding({ status: 'PASS' }), (framework) => (framework === 'soc2' ? sink : undefined));
    expect(Buffer.concat(sink.take(true)).toString('utf8')).toMatch(/,2026-11-26T00:00:00\.000Z,\r\n$/);
  });
});

describe('Class: HashedChunks', () => {
  it('hands text and bytes on as one buffer and hashes exactly what it handed on', () => {
    const chunks = new HashedChunks();
    chunks.push('é\n');
    chunks.push(Buffer.from([0x1f, 0x8b]));
    const first = chunks.take();
    chunks.push('tail');
    const second = chunks.take();
    expect(Buffer.concat([first, second])).toEqual(
      Buffer.concat([Buffer.from('é\n'), Buffer.from([0x1f, 0x8b]), Buffer.from('tail')]),
    );
    expect(chunks.bytes).toBe(first.length + second.length);
    expect(chunks.digest()).toBe(createHash('sha256').update(first).update(second).digest('hex'));
  });
});

describe('Class: Utf8Sink', () => {
  it('encodes text and copies bytes in order across slabs, however large a piece', () => {
    // Prepare: pieces that fill slabs exactly, overflow them, and exceed one.
    const sink = new Utf8Sink();
    const pieces: (string | Buffer)[] = [
      'a'.repeat(300_000),
      'é→'.repeat(200_000),
      Buffer.alloc(700_000, 0x62),
      'z'.repeat(2_000_000),
      Buffer.alloc(1_500_000, 0x63),
      'end\n',
    ];
    // Act
    for (const piece of pieces) typeof piece === 'string' ? sink.text(piece) : sink.bytes(piece);
    const ready = sink.ready;
    const full = sink.take();
    const rest = sink.take(true);
    // Assess
    const expected = Buffer.concat(pieces.map((piece) => (typeof piece === 'string' ? Buffer.from(piece) : piece)));
    expect(Buffer.concat([...full, ...rest]).equals(expected)).toBe(true);
    expect(Buffer.concat(full).length).toBe(ready);
    // The last piece is still in a part-filled slab: only `all` hands it on.
    expect(rest.map((chunk) => chunk.toString())).toEqual(['end\n']);
    expect(sink.ready).toBe(0);
    expect(sink.take(true)).toEqual([]);
  });
});
