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
import { createHash } from 'node:crypto';
import type { Manifest, RunInfo } from '../evidence/bundle-types.js';
import { MANIFEST_VERSION } from '../evidence/bundle-types.js';
import { FindingSerialiser } from '../evidence/finding-serialiser.js';
import { OverallTally } from '../evidence/overall-tally.js';
import type { EvidenceFile, EvidenceStore } from '../evidence/store.js';
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

async function writeFile(store: EvidenceStore, path: string, content: string): Promise<EvidenceFile> {
  const file = store.open(path);
  await file.write(content);
  return file.close();
}

/**
 * @example
 * const { manifestFile } = await writeItemBundle({ store, runId, startedAt, finishedAt: new Date(), tool: TOOL,
 *   catalogVersion: CATALOG_VERSION, registry, mappings, resource, findings, inventory, inputDescription });
 */
export async function writeItemBundle(bundle: ItemBundle): Promise<{ manifest: Manifest; manifestFile: EvidenceFile }> {
  await bundle.store.prepare();
  const inventoryText = `${JSON.stringify(bundle.inventory)}\n`;
  const inventoryFile = await writeFile(bundle.store, 'inventory.json', inventoryText);
  const serialiser = new FindingSerialiser(new Map());
  const findingsFile = await writeFile(
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
      sha256: createHash('sha256').update(inventoryText).digest('hex'),
    },
    catalog: {
      version: bundle.catalogVersion,
      hash: bundle.registry.catalogHash,
      controls: bundle.registry.controls.length,
    },
    frameworks: bundle.mappings.frameworks.map((m) => ({
      framework: m.framework,
      name: m.name,
      version: m.version,
      hash: m.hash,
    })),
    failOn: null,
  };
  const manifest: Manifest = {
    manifestVersion: MANIFEST_VERSION,
    run,
    population: overall.population,
    findings: overall.findings,
    collectionErrors: overall.collectionErrors,
    files: [findingsFile, inventoryFile].sort((a, b) => a.path.localeCompare(b.path)),
  };
  const manifestFile = await writeFile(bundle.store, 'manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, manifestFile };
}
