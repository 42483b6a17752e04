import { describe, expect, it } from 'vitest';
import { runAudit } from '../../engine/audit.js';
import { CATALOG_VERSION, catalogMappings, catalogRegistry, DEMO_INVENTORY, TOOL } from '../../engine/catalog.js';
import { EvidenceWriteError } from '../../engine/errors.js';
import type { EvidenceFileWriter, EvidenceStore } from '../../engine/evidence/store.js';

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
