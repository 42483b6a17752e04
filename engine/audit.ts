/**
 * The audit, end to end: read inventory → normalise → evaluate → map →
 * write evidence. Shared by the CLI and the Lambdas; knows nothing of either.
 *
 * Two passes over an NDJSON inventory keep memory flat however large it is:
 * the first parses only the lines that hold what controls consult (account
 * facts, policies, trails, ...), the second streams every resource through
 * the controls and straight into the bundle.
 */
import { randomUUID } from 'node:crypto';
import { stopIfAsked } from './errors.js';
import { AuditBatcher, addToContext, indexContext } from './audit-batch.js';
import { ContextIndex } from './evaluate/context.js';
import type { BundleSummary, CatalogSnapshot, Manifest, RunInfo } from './evidence/bundle-types.js';
import { EvidenceBundleWriter } from './evidence/bundle-writer.js';
import { catalogIdentity } from './evidence/run-record.js';
import type { EvidenceFile, EvidenceStore } from './evidence/store.js';
import { type InventorySource, openInventory, readInventory } from './inventory/read-inventory.js';
import type { MappingIndex } from './map/mappings.js';
import type { FrameworkSummary } from './map/requirement-status.js';
import type { InventoryRecord } from './normalize/records.js';
import type { Registry } from './registry.js';
import type { Severity } from './types.js';

export interface AuditProgress {
  phase: 'context' | 'evaluate' | 'report';
  bytesRead: number;
  totalBytes: number;
  resources: number;
}

export interface AuditOptions {
  /** Path of the inventory file. */
  input: string;
  /** Shown in the report instead of the path (e.g. "bundled demo account"). */
  inputDescription?: string;
  store: EvidenceStore;
  registry: Registry;
  mappings: MappingIndex;
  catalogVersion: string;
  tool: { name: string; version: string };
  failOn?: Severity | null;
  runId?: string;
  onProgress?: (progress: AuditProgress) => void;
  /** Injected clock, for tests. */
  now?: () => Date;
  /**
   * NDJSON: bytes of context lines kept in memory before the rest goes to a
   * scratch file (default CONTEXT_RESIDENT_BYTES, 16 MiB).
   */
  contextResidentBytes?: number;
  /**
   * Stops the audit (the CLI's Ctrl-C): it rejects with an AuditStoppedError
   * after removing the unfinished bundle and its scratch files.
   */
  signal?: AbortSignal;
}

export interface AuditResult {
  runId: string;
  location: string;
  summary: BundleSummary;
  manifest: Manifest;
  manifestFile: EvidenceFile;
}

/** A run id that sorts by time and is unique: `20261126T163210Z-1a2b3c4d`. */
export function newRunId(now: Date): string {
  return `${now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${randomUUID().slice(0, 8)}`;
}

/**
 * Runs an audit and writes its evidence bundle.
 *
 * @example
 * const result = await runAudit({ input: 'snapshot.json.gz', store: new LocalDirectoryStore('out'),
 *   registry, mappings: createMappingIndex(registry), catalogVersion, tool });
 * result.summary.frameworks[0].totals.byStatus.FAIL;
 */
export async function runAudit(options: AuditOptions): Promise<AuditResult> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const runId = options.runId ?? newRunId(started);
  const { registry } = options;

  // Anything wrong with the input itself is found before a byte is written.
  const source = await openInventory(options.input);
  const progress = (phase: AuditProgress['phase'], bytesRead: number, resources: number) =>
    options.onProgress?.({ phase, bytesRead, totalBytes: source.sizeBytes, resources });

  // A JSON document is in memory anyway: it is read once and walked twice.
  // NDJSON is streamed twice: a first pass for the context, then the judging.
  let context: ContextIndex;
  let parsedLines: ReadonlyMap<number, readonly InventoryRecord[]> | undefined;
  let releaseSpill = () => {};
  let document: { records: InventoryRecord[]; bytes: Buffer[] } | null = null;
  if (source.format === 'json') {
    const read = { records: [] as InventoryRecord[], bytes: [] as Buffer[] };
    for await (const record of readInventory(source, {
      onChunk: (chunk) => read.bytes.push(chunk),
    })) {
      read.records.push(record);
    }
    context = new ContextIndex(registry.contextTypes);
    for (const record of read.records) addToContext(context, record);
    document = read;
  } else {
    ({
      context,
      parsedLines,
      release: releaseSpill,
    } = await indexContext(source, registry, {
      onProgress: (bytes, found) => progress('context', bytes, found),
      residentBytes: options.contextResidentBytes,
      signal: options.signal,
    }));
  }

  const releaseContext = () => {
    context.clear();
    releaseSpill();
  };

  try {
    return await judgeIntoBundle({
      ...options,
      runId,
      started,
      now,
      source,
      context,
      parsedLines,
      document,
      progress,
      releaseContext,
    });
  } finally {
    releaseContext();
  }
}

interface JudgeState extends AuditOptions {
  runId: string;
  started: Date;
  now: () => Date;
  source: InventorySource;
  context: ContextIndex;
  parsedLines: ReadonlyMap<number, readonly InventoryRecord[]> | undefined;
  document: { records: InventoryRecord[]; bytes: Buffer[] } | null;
  progress: (phase: AuditProgress['phase'], bytesRead: number, resources: number) => void;
  /** Drops the context and its scratch file, once nothing is left to judge. */
  releaseContext: () => void;
}

/** The second step: every record judged, its findings written into a new bundle. */
async function judgeIntoBundle(state: JudgeState): Promise<AuditResult> {
  const { registry, mappings, source, context, parsedLines, document, runId, started, progress } = state;
  const populationName = `inventory.${source.format}${source.gzip ? '.gz' : ''}`;
  const bundle = await EvidenceBundleWriter.create(state.store, mappings.frameworks, populationName);
  try {
    const batcher = new AuditBatcher({ registry, mappings, context, runId, evaluatedAt: started.toISOString() });
    const writeIfFull = async () => {
      if (batcher.readyBytes > 0) await bundle.writeBatch(batcher.take());
    };
    if (document) {
      for (const chunk of document.bytes) await bundle.writePopulationBytes(chunk);
      for (const record of document.records) {
        stopIfAsked(state.signal);
        batcher.add(record);
        await writeIfFull();
      }
    } else {
      // The copy of the input follows the read; when its writer is behind,
      // the read waits, so the copy's buffers cannot pile up.
      let copyBehind: Promise<void> | undefined;
      for await (const record of readInventory(source, {
        onChunk: (chunk) => {
          copyBehind = bundle.writePopulationBytes(chunk) ?? copyBehind;
        },
        onProgress: (bytes) => progress('evaluate', bytes, batcher.resourcesRead),
        ...(parsedLines ? { parsedLines } : {}),
        signal: state.signal,
      })) {
        batcher.add(record);
        if (copyBehind) {
          await copyBehind;
          copyBehind = undefined;
        }
        await writeIfFull();
      }
      await copyBehind;
    }
    batcher.judgeAccountsWithoutFacts();
    await bundle.writeBatch(batcher.take(true));
    state.releaseContext();
    stopIfAsked(state.signal);
    return await finishBundle({ ...state, bundle, batcher });
  } catch (error) {
    // Bad input found mid-stream, a store that failed, a deadline: leave
    // nothing behind that could pass for evidence (locked S3 objects cannot be
    // deleted, so the S3 store completes nothing before the manifest).
    await bundle.abort().catch(() => undefined);
    throw error;
  }
}

interface FinishState extends JudgeState {
  bundle: EvidenceBundleWriter;
  batcher: AuditBatcher;
}

/** Summaries, catalog, report and manifest: the bundle's closing files. */
async function finishBundle(state: FinishState): Promise<AuditResult> {
  const { registry, mappings, bundle, source, runId } = state;
  const { overall, compliance, header } = state.batcher;
  const population = await bundle.closePopulation();
  state.progress('report', source.sizeBytes, state.batcher.resourcesRead);
  const frameworks: FrameworkSummary[] = compliance.summarise();
  const run: RunInfo = {
    runId,
    startedAt: state.started.toISOString(),
    finishedAt: state.now().toISOString(),
    tool: state.tool,
    input: {
      description: state.inputDescription ?? state.input,
      path: state.input,
      format: header ? `compliance-auditor inventory (${source.format})` : source.format,
      gzip: source.gzip,
      sizeBytes: source.sizeBytes,
      sha256: population.sha256,
    },
    ...catalogIdentity(registry, mappings, state.catalogVersion),
    failOn: state.failOn ?? null,
  };
  const summary: BundleSummary = {
    run,
    overall: overall.summarise((id) => compliance.controlCounts(id)),
    frameworks,
  };
  const catalog: CatalogSnapshot = {
    version: state.catalogVersion,
    hash: registry.catalogHash,
    controls: registry.controls.map(({ evaluate: _evaluate, ...metadata }) => metadata),
    frameworks: mappings.frameworks.map((mapping) => ({ ...mapping })),
  };
  const { manifest, manifestFile } = await bundle.finish(summary, catalog, state.batcher.reportTables());
  return { runId, location: state.store.location, summary, manifest, manifestFile };
}
