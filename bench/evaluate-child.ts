/**
 * The audit without its evidence I/O: the same runAudit, with a store that
 * encodes nothing and keeps nothing. The difference to the full run is the
 * cost of writing and hashing the bundle.
 */
import { runAudit } from '../engine/audit.js';
import { CATALOG_VERSION, catalogMappings, catalogRegistry, TOOL } from '../engine/catalog.js';
import type { EvidenceFileWriter, EvidenceStore } from '../engine/evidence/store.js';

class DiscardingStore implements EvidenceStore {
  readonly location = '(discarded)';
  async prepare(): Promise<void> {}
  open(path: string): EvidenceFileWriter {
    let bytes = 0;
    return {
      write: (data) => {
        bytes += data.length;
        return undefined;
      },
      close: async () => ({ path, sha256: '', bytes }),
    };
  }
  async abort(): Promise<void> {}
}

const [input = ''] = process.argv.slice(2);
const started = performance.now();
const registry = catalogRegistry();
await runAudit({
  input,
  store: new DiscardingStore(),
  registry,
  mappings: catalogMappings(),
  catalogVersion: CATALOG_VERSION,
  tool: TOOL,
});
process.stdout.write(`${JSON.stringify({ seconds: (performance.now() - started) / 1000 })}\n`);
