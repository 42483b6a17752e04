/**
 * The evidence of one real-time evaluation: a small bundle in the same layout
 * and with the same manifest contract as the audit's, so `verify` checks it:
 *
 *   inventory.json   what was judged: the item, the related items and the
 *                    account facts, as a recorded inventory (`audit --input`
 *                    replays it)
 *   findings.jsonl   one finding a line, the audit's format
 *   manifest.json    every file's SHA-256 and size; written last
 */
import type { Manifest, RunInfo } from '../evidence/bundle-types.js';
import { FindingSerialiser } from '../evidence/finding-serialiser.js';
import { OverallTally } from '../evidence/overall-tally.js';
import { catalogIdentity, writeManifest } from '../evidence/run-record.js';
import { type EvidenceFile, type EvidenceStore, writeEvidenceFile } from '../evidence/store.js';
import type { MappingIndex } from '../map/mappings.js';
import { emptyCounts } from '../map/requirement-status.js';
import type { Registry } from '../registry.js';
import type { Finding, Resource } from '../types.js';

export interface ItemBundle {
  store: EvidenceStore;
  runId: string;
  startedAt: Date;
  finishedAt: Date;
  tool: { name: string; version: string };
  catalogVersion: string;
  registry: Registry;
  mappings: MappingIndex;
  /** The resource judged; the population of the run. */
  resource: Resource;
  findings: readonly Finding[];
  /** A recorded inventory document holding everything the controls saw. */
  inventory: Record<string, unknown>;
  inputDescription: string;
}

/**
 * @example
 * const { manifestFile } = await writeItemBundle({ store, runId, startedAt, finishedAt: new Date(), tool: TOOL,
 *   catalogVersion: CATALOG_VERSION, registry, mappings, resource, findings, inventory, inputDescription });
 */
export async function writeItemBundle(bundle: ItemBundle): Promise<{ manifest: Manifest; manifestFile: EvidenceFile }> {
  await bundle.store.prepare();
  const inventoryFile = await writeEvidenceFile(
    bundle.store,
    'inventory.json',
    `${JSON.stringify(bundle.inventory)}\n`,
  );
  const serialiser = new FindingSerialiser(new Map());
  const findingsFile = await writeEvidenceFile(
    bundle.store,
    'findings.jsonl',
    bundle.findings.map((f) => serialiser.jsonLine(f)).join(''),
  );

  const tally = new OverallTally(bundle.registry);
  tally.addResource(bundle.resource);
  for (const finding of bundle.findings) tally.addFinding(finding);
  // Per-control counts feed framework summaries, which a one-resource bundle does not carry.
  const overall = tally.summarise(() => emptyCounts());
  const run: RunInfo = {
    runId: bundle.runId,
    startedAt: bundle.startedAt.toISOString(),
    finishedAt: bundle.finishedAt.toISOString(),
    tool: bundle.tool,
    input: {
      description: bundle.inputDescription,
      path: null,
      format: 'compliance-auditor inventory (json)',
      gzip: false,
      sizeBytes: inventoryFile.bytes,
      sha256: inventoryFile.sha256,
    },
    ...catalogIdentity(bundle.registry, bundle.mappings, bundle.catalogVersion),
    failOn: null,
  };
  return writeManifest(bundle.store, run, overall, [findingsFile, inventoryFile]);
}
