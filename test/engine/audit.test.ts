import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateInventory } from '../../bench/generate-inventory.js';
import { runAudit } from '../../engine/audit.js';
import { CATALOG_VERSION, catalogMappings, catalogRegistry, DEMO_INVENTORY, TOOL } from '../../engine/catalog.js';
import { AuditStoppedError, EvidenceWriteError, ScratchFileError } from '../../engine/errors.js';
import { type EvidenceFileWriter, type EvidenceStore, LocalDirectoryStore } from '../../engine/evidence/store.js';

/** A store whose disk fills up after a few writes. */
class FailingStore implements EvidenceStore {
  readonly location = 'failing';
  aborted = 0;
  writes = 0;
  async prepare(): Promise<void> {}
  open(path: string): EvidenceFileWriter {
    return {
      write: () => {
        if (++this.writes > 50) return Promise.reject(new EvidenceWriteError(`${path}: no space left on device`));
        return undefined;
      },
      close: async () => ({ path, sha256: '', bytes: 0 }),
    };
  }
  async abort(): Promise<void> {
    this.aborted++;
  }
}

describe('Function: runAudit', () => {
  it('aborts the unfinished bundle when the store fails, not only on bad input', async () => {
    // Prepare
    const store = new FailingStore();
    // Act
    const run = runAudit({
      input: DEMO_INVENTORY,
      store,
      registry: catalogRegistry(),
      mappings: catalogMappings(),
      catalogVersion: CATALOG_VERSION,
      tool: TOOL,
    });
    // Assess
    await expect(run).rejects.toThrow(/no space left on device/);
    expect(store.aborted).toBe(1);
  });
});

describe('Function: runAudit on an NDJSON inventory whose context outgrows memory', () => {
  const work = join(tmpdir(), `audit-spill-${process.pid}`);
  afterAll(() => rm(work, { recursive: true, force: true }));

  /** The demo account as NDJSON: its header, its account facts and every item, a line each. */
  async function demoAsNdjson(): Promise<string> {
    const demo = JSON.parse(await readFile(DEMO_INVENTORY, 'utf8')) as {
      format: string;
      formatVersion: number;
      accountFacts: unknown[];
      configurationItems: unknown[];
    };
    const lines = [
      { inventoryRecord: 'header', format: demo.format, formatVersion: demo.formatVersion },
      ...demo.accountFacts,
      ...demo.configurationItems,
    ].map((record) => JSON.stringify(record));
    await mkdir(work, { recursive: true });
    const path = join(work, 'demo.ndjson');
    await writeFile(path, `${lines.join('\n')}\n`);
    return path;
  }

  const audit = (input: string, out: string, contextResidentBytes?: number) =>
    runAudit({
      input,
      store: new LocalDirectoryStore(out),
      registry: catalogRegistry(),
      mappings: catalogMappings(),
      catalogVersion: CATALOG_VERSION,
      tool: TOOL,
      runId: 'run-fixed',
      now: () => new Date('2026-11-26T12:00:00Z'),
      ...(contextResidentBytes === undefined ? {} : { contextResidentBytes }),
    });

  it('writes byte for byte the same bundle when every context resource is read back from the scratch file', async () => {
    // Prepare
    const input = await demoAsNdjson();
    const scratchBefore = (await readdir(tmpdir())).filter((name) => name.startsWith('compliance-auditor-context-'));
    // Act
    await audit(input, join(work, 'kept'));
    await audit(input, join(work, 'spilled'), 0);
    // Assess
    const files = (await readdir(join(work, 'kept'))).sort();
    expect((await readdir(join(work, 'spilled'))).sort()).toEqual(files);
    for (const file of files) {
      const [kept, spilled] = await Promise.all([
        readFile(join(work, 'kept', file)),
        readFile(join(work, 'spilled', file)),
      ]);
      expect(spilled.equals(kept), file).toBe(true);
    }
    // The scratch file is gone with the run.
    const scratchAfter = (await readdir(tmpdir())).filter((name) => name.startsWith('compliance-auditor-context-'));
    expect(scratchAfter).toEqual(scratchBefore);
  });

  it('stops when asked mid-run, removing the unfinished bundle and every scratch file', async () => {
    // Prepare: 3,000 items (about 5 MB, read a mebibyte at a time); stop once judging has begun.
    const input = join(work, 'stop.ndjson');
    await generateInventory(input, 3_000);
    const out = join(work, 'stopped');
    const scratch = async () =>
      (await readdir(tmpdir())).filter((name) => name.startsWith('compliance-auditor-')).sort();
    const scratchBefore = await scratch();
    const controller = new AbortController();
    let judged = 0;
    // Act
    const run = runAudit({
      input,
      store: new LocalDirectoryStore(out),
      registry: catalogRegistry(),
      mappings: catalogMappings(),
      catalogVersion: CATALOG_VERSION,
      tool: TOOL,
      contextResidentBytes: 0,
      signal: controller.signal,
      onProgress: (progress) => {
        if (progress.phase !== 'evaluate') return;
        judged = progress.resources;
        controller.abort();
      },
    });
    // Assess
    await expect(run).rejects.toBeInstanceOf(AuditStoppedError);
    expect(judged).toBeGreaterThan(0);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
    expect(await scratch()).toEqual(scratchBefore);
  });

  it('stops on a temporary directory it cannot use, says so (not that the input is unreadable), and writes nothing', async () => {
    // Prepare: TMPDIR names a directory that does not exist; the context must spill at once.
    const input = await demoAsNdjson();
    const out = join(work, 'no-scratch');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = join(work, 'missing-tmp');
    // Act
    let refused: unknown;
    try {
      await audit(input, out, 0);
    } catch (error) {
      refused = error;
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    // Assess
    expect(refused).toBeInstanceOf(ScratchFileError);
    expect((refused as Error).message).toMatch(/^cannot create a scratch file in .*missing-tmp \(ENOENT/);
    await expect(readdir(out)).rejects.toThrow(/ENOENT/);
  });
});
