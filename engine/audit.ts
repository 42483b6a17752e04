/**
 * The audit, end to end: read inventory → normalise → evaluate → map →
 * write evidence. Shared by the CLI and the Lambdas; knows nothing of either.
 *
 * Two passes over an NDJSON inventory keep memory flat however large it is:
 * the first parses only the lines that hold what controls consult (account
 * facts, policies, trails, ...), the second streams every resource through
 * the controls and straight into the bundle.
 */
import { createHash, randomUUID } from 'node:crypto';
import { ContextIndex } from './evaluate/context.js';
import { evaluateResource } from './evaluate/evaluate-resource.js';
import type { BundleSummary, CatalogSnapshot, Manifest, RunInfo } from './evidence/bundle-types.js';
import { EvidenceBundleWriter } from './evidence/bundle-writer.js';
import { OverallTally } from './evidence/overall-tally.js';
import { catalogIdentity } from './evidence/run-record.js';
import type { EvidenceFile, EvidenceStore } from './evidence/store.js';
import { type InventorySource, openInventory, readInventory } from './inventory/read-inventory.js';
import type { MappingIndex } from './map/mappings.js';
import { ComplianceTally, type FrameworkSummary } from './map/requirement-status.js';
import { ACCOUNT_RESOURCE_TYPE, emptyAccountResource } from './normalize/account-facts.js';
import type { InventoryRecord } from './normalize/records.js';
import type { Registry } from './registry.js';
import { OUT_OF_SCOPE_STATUSES, type Resource, type Severity } from './types.js';

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
 * Cheap pre-filter for the first pass: only lines that may hold a context
 * record are parsed. One alternation regex scans a line once, where a loop
 * of `includes` scanned it once per needle.
 */
function contextLineFilter(contextTypes: ReadonlySet<string>): (line: string) => boolean {
  const needles = [...contextTypes, 'accountFacts', 'configurationItems', 'Results'];
  const pattern = new RegExp(needles.map((needle) => needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
  return (line) => pattern.test(line);
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
  const { registry, mappings } = options;

  // Anything wrong with the input itself is found before a byte is written.
  const source = await openInventory(options.input);
  const progress = (phase: AuditProgress['phase'], bytesRead: number, resources: number) =>
    options.onProgress?.({ phase, bytesRead, totalBytes: source.sizeBytes, resources });

  const context = new ContextIndex(registry.contextTypes);
  const inputHash = createHash('sha256');
  let buffered: { records: InventoryRecord[]; bytes: Buffer[] } | null = null;
  if (source.format === 'json') {
    // One document is in memory anyway: read it once, walk it twice.
    const document = { records: [] as InventoryRecord[], bytes: [] as Buffer[] };
    for await (const record of readInventory(source, {
      onChunk: (chunk) => {
        inputHash.update(chunk);
        document.bytes.push(chunk);
      },
    })) {
      document.records.push(record);
    }
    buffered = document;
  }
  const addToContext = (record: InventoryRecord) => {
    if (record.kind === 'resource' && !OUT_OF_SCOPE_STATUSES.has(record.resource.status)) context.add(record.resource);
  };
  if (buffered) buffered.records.forEach(addToContext);
  else {
    let resources = 0;
    for await (const record of readInventory(source, {
      lineFilter: contextLineFilter(registry.contextTypes),
      onProgress: (bytes) => progress('context', bytes, resources),
    })) {
      if (record.kind === 'resource') resources++;
      addToContext(record);
    }
  }

  const populationName = `inventory.${source.format}${source.gzip ? '.gz' : ''}`;
  const bundle = await EvidenceBundleWriter.create(options.store, mappings.frameworks, populationName);
  try {
    return await evaluateAndWrite({
      ...options,
      runId,
      started,
      now,
      source,
      context,
      buffered,
      bundle,
      progress,
      inputHash,
    });
  } catch (error) {
    // Bad input found mid-stream, a store that failed, a deadline: leave
    // nothing behind that could pass for evidence (locked S3 objects cannot be
    // deleted, so the S3 store completes nothing before the manifest).
    await bundle.abort().catch(() => undefined);
    throw error;
  }
}

interface EvaluateState extends AuditOptions {
  runId: string;
  started: Date;
  now: () => Date;
  source: InventorySource;
  context: ContextIndex;
  buffered: { records: InventoryRecord[]; bytes: Buffer[] } | null;
  bundle: EvidenceBundleWriter;
  /** SHA-256 of the input file; the JSON path fed it while reading. */
  inputHash: ReturnType<typeof createHash>;
  progress: (phase: AuditProgress['phase'], bytesRead: number, resources: number) => void;
}

async function evaluateAndWrite(state: EvaluateState): Promise<AuditResult> {
  const { registry, mappings, bundle, context, source, runId } = state;
  const overall = new OverallTally(registry);
  const compliance = new ComplianceTally(mappings.frameworks);
  const evaluatedAt = state.started.toISOString();
  const evaluateOptions = {
    runId,
    evaluatedAt,
    runStart: state.started,
    requirementsFor: (id: string) => mappings.requirementsFor(id),
  };
  const accountsWithFacts = new Set<string>();
  const { inputHash } = state;
  let header: Record<string, unknown> | null = null;
  let resources = 0;

  const judge = async (resource: Resource) => {
    for (const finding of evaluateResource(
      resource,
      registry.forResourceType(resource.resourceType),
      context,
      evaluateOptions,
    )) {
      overall.addFinding(finding);
      compliance.add(finding);
      await bundle.writeFinding(finding);
    }
  };

  const handle = async (record: InventoryRecord) => {
    if (record.kind === 'header') {
      header = { ...record.header };
      return;
    }
    const resource = record.resource;
    resources++;
    if (resource.resourceType === ACCOUNT_RESOURCE_TYPE) accountsWithFacts.add(resource.accountId);
    if (overall.addResource(resource)) await judge(resource);
  };

  if (state.buffered) {
    for (const chunk of state.buffered.bytes) await bundle.writePopulationBytes(chunk);
    for (const record of state.buffered.records) await handle(record);
  } else {
    for await (const record of readInventory(source, {
      onChunk: (chunk) => {
        inputHash.update(chunk);
        // The copy follows the read; its pace is the audit's, so it cannot run away.
        void bundle.writePopulationBytes(chunk);
      },
      onProgress: (bytes) => state.progress('evaluate', bytes, resources),
    })) {
      await handle(record);
    }
  }

  // Accounts seen only through their resources: account-level controls still
  // run, and say what was not collected, rather than vanish from the report.
  for (const accountId of overall.knownAccounts) {
    if (accountsWithFacts.has(accountId)) continue;
    overall.addSyntheticAccount(accountId);
    await judge(emptyAccountResource(accountId));
  }

  state.progress('report', source.sizeBytes, resources);
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
      sha256: inputHash.digest('hex'),
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
  const { manifest, manifestFile } = await bundle.finish(summary, catalog);
  return { runId, location: state.store.location, summary, manifest, manifestFile };
}
