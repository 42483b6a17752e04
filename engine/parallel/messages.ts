/**
 * What the main thread and the audit workers say to each other.
 */
import type { AuditTallies, EncodedBatch } from '../audit-batch.js';
import type { InventorySource } from '../inventory/read-inventory.js';
import type { MappingIndex } from '../map/mappings.js';
import type { Registry } from '../registry.js';

/** Given to each worker when it starts (its `workerData`). */
export interface WorkerSetup {
  source: InventorySource;
  runId: string;
  evaluatedAt: string;
  /** The frameworks to map to; all when absent. */
  frameworks?: readonly string[] | undefined;
}

export type ToWorker =
  /** Whole lines of the inventory; `firstLine` numbers the first of them (from 1) for messages. */
  | { type: 'chunk'; seq: number; firstLine: number; bytes: Uint8Array }
  /** Judge these accounts, which had no account facts, as empty accounts. */
  | { type: 'accounts'; seq: number; accountIds: string[] }
  | { type: 'tallies' };

export type FromWorker =
  /** The context is built; `catalog` identifies the controls and mappings the worker judges with. */
  | { type: 'ready'; catalog: string }
  | { type: 'batch'; seq: number; batch: EncodedBatch; resources: number }
  | { type: 'tallies'; tallies: AuditTallies }
  | { type: 'error'; name: string; message: string };

/**
 * The controls' and frameworks' hashes in one string: a worker must judge
 * with exactly the catalog the run records.
 */
export const catalogIdentityKey = (registry: Registry, mappings: MappingIndex): string =>
  [registry.catalogHash, ...mappings.frameworks.map((mapping) => `${mapping.framework}:${mapping.hash}`)].join(' ');
