/**
 * What every bundle records about its run, built in one place for the full
 * audit and the one-resource bundles of the Lambdas: which catalog and
 * mappings judged, and the manifest, written last.
 */
import type { MappingIndex } from '../map/mappings.js';
import type { Registry } from '../registry.js';
import { type Manifest, MANIFEST_VERSION, type OverallSummary, type RunInfo } from './bundle-types.js';
import { type EvidenceFile, type EvidenceStore, writeEvidenceFile } from './store.js';

/**
 * The catalog's and the frameworks' versions and hashes, as a run records them.
 *
 * @example
 * const run: RunInfo = { runId, ..., ...catalogIdentity(registry, mappings, CATALOG_VERSION) };
 */
export function catalogIdentity(
  registry: Registry,
  mappings: MappingIndex,
  catalogVersion: string,
): Pick<RunInfo, 'catalog' | 'frameworks'> {
  return {
    catalog: { version: catalogVersion, hash: registry.catalogHash, controls: registry.controls.length },
    frameworks: mappings.frameworks.map((m) => ({
      framework: m.framework,
      name: m.name,
      version: m.version,
      hash: m.hash,
    })),
  };
}

/**
 * Writes manifest.json, listing `files` (every other file of the bundle).
 * Call it last: a bundle without a manifest is an unfinished one.
 *
 * @example
 * const { manifestFile } = await writeManifest(store, run, overall, [findingsFile, inventoryFile]);
 */
export async function writeManifest(
  store: EvidenceStore,
  run: RunInfo,
  overall: OverallSummary,
  files: readonly EvidenceFile[],
): Promise<{ manifest: Manifest; manifestFile: EvidenceFile }> {
  const manifest: Manifest = {
    manifestVersion: MANIFEST_VERSION,
    run,
    population: overall.population,
    findings: overall.findings,
    collectionErrors: overall.collectionErrors,
    files: [...files].sort((a, b) => a.path.localeCompare(b.path)),
  };
  const manifestFile = await writeEvidenceFile(store, 'manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, manifestFile };
}
