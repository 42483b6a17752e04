import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AuditOptions, type AuditProgress, runAudit } from '../../engine/audit.js';
import { CATALOG_VERSION, catalogMappings, catalogRegistry, DEMO_INVENTORY, TOOL } from '../../engine/catalog.js';
import { InputParseError } from '../../engine/errors.js';
import { LocalDirectoryStore } from '../../engine/evidence/store.js';

const work = join(tmpdir(), `audit-workers-${process.pid}`);
const ndjson = join(work, 'inventory.ndjson');
let lineCount = 0;

/** The demo account as NDJSON: its header, its account facts and every item, a line each, twice over. */
beforeAll(async () => {
  const demo = JSON.parse(await readFile(DEMO_INVENTORY, 'utf8')) as {
    format: string;
    formatVersion: number;
    accountFacts: unknown[];
    configurationItems: Record<string, unknown>[];
  };
  const lines = [
    JSON.stringify({ inventoryRecord: 'header', format: demo.format, formatVersion: demo.formatVersion }),
    ...demo.accountFacts.map((facts) => JSON.stringify(facts)),
    ...[0, 1].flatMap((copy) =>
      demo.configurationItems.map((item) =>
        JSON.stringify(copy === 0 ? item : { ...item, resourceId: `${String(item.resourceId)}-copy` }),
      ),
    ),
  ];
  lineCount = lines.length;
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await writeFile(ndjson, `${lines.join('\n')}\n`);
});
afterAll(() => rm(work, { recursive: true, force: true }));

const fixedClock = new Date('2026-11-26T12:00:00Z');

function audit(input: string, out: string, workers: number, extra: Partial<AuditOptions> = {}) {
  return runAudit({
    input,
    store: new LocalDirectoryStore(out),
    registry: catalogRegistry(),
    mappings: catalogMappings(),
    catalogVersion: CATALOG_VERSION,
    tool: TOOL,
    runId: 'run-fixed',
    now: () => fixedClock,
    // The demo is far below the size at which the CLI starts workers, and
    // small chunks spread it over both, out of order.
    workers: { count: workers, minBytes: 0, chunkBytes: 8 << 10 },
    ...extra,
  });
}

describe('Function: runAudit on worker threads', () => {
  it('writes byte for byte the bundle the in-process run writes', async () => {
    // Act
    const inProcess = await audit(ndjson, join(work, 'one'), 1);
    const onWorkers = await audit(ndjson, join(work, 'two'), 2);
    // Assess
    const files = (await readdir(join(work, 'one'))).sort();
    expect((await readdir(join(work, 'two'))).sort()).toEqual(files);
    for (const file of files) {
      const [a, b] = await Promise.all([readFile(join(work, 'one', file)), readFile(join(work, 'two', file))]);
      expect(b.equals(a), file).toBe(true);
    }
    expect(onWorkers.manifestFile.sha256).toBe(inProcess.manifestFile.sha256);
    // The demo's second account has no facts: its account-level findings are there once.
    expect(onWorkers.summary.overall.population.accountsWithoutFacts).toHaveLength(1);
    expect(onWorkers.summary.overall.population.recordsRead).toBe(lineCount - 1);
  });

  it('reads a gzipped NDJSON inventory and copies it as it came', async () => {
    // Prepare
    const gz = join(work, 'inventory.ndjson.gz');
    const bytes = gzipSync(await readFile(ndjson));
    await writeFile(gz, bytes);
    // Act
    const result = await audit(gz, join(work, 'gz'), 2);
    // Assess
    expect((await readFile(join(work, 'gz', 'inventory.ndjson.gz'))).equals(bytes)).toBe(true);
    expect(result.summary.overall.population.recordsRead).toBe(lineCount - 1);
  });

  it('names the file and line of a malformed line found by a worker, and leaves nothing behind', async () => {
    // Prepare: a bad line in the middle, where only the evaluating pass parses it.
    const text = await readFile(ndjson, 'utf8');
    const lines = text.split('\n');
    const badLine = 200;
    lines[badLine - 1] = '{"resourceType": "AWS::EC2::Volume", ';
    const broken = join(work, 'broken.ndjson');
    await writeFile(broken, lines.join('\n'));
    const out = join(work, 'broken-out');
    // Act
    const run = audit(broken, out, 2);
    // Assess
    await expect(run).rejects.toThrow(InputParseError);
    await expect(run).rejects.toThrow(new RegExp(`broken\\.ndjson:${badLine}: not valid JSON`));
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });

  it('reports progress through the evaluation', async () => {
    // Prepare
    const phases: AuditProgress['phase'][] = [];
    // Act
    await audit(ndjson, join(work, 'progress'), 2, { onProgress: (progress) => phases.push(progress.phase) });
    // Assess
    expect(phases[0]).toBe('context');
    expect(phases).toContain('evaluate');
    expect(phases.at(-1)).toBe('report');
  });
});
