/**
 * The two passes' building blocks, shared by the CLI and the Lambdas:
 * `indexContext` builds what cross-resource controls consult (first pass),
 * and `AuditBatcher` is the inner loop of the second: records in, encoded
 * evidence out. Each resource is judged by its controls, its findings are
 * counted and serialised (findings.jsonl lines, auditor CSV rows, the
 * report's failing rows) straight into UTF-8 slabs, and `take()` hands full
 * slabs on; the bundle writer only hashes and stores them (a local store on
 * its writer thread, without a copy).
 */
import { ContextIndex } from './evaluate/context.js';
import { evaluateResource, type EvaluateOptions } from './evaluate/evaluate-resource.js';
import type { EncodedBatch } from './evidence/bundle-types.js';
import { FindingSerialiser, type RequirementRef } from './evidence/finding-serialiser.js';
import { Utf8Sink } from './evidence/utf8-sink.js';
import { OverallTally } from './evidence/overall-tally.js';
import { ContextSpill } from './inventory/context-spill.js';
import { type InventorySource, readInventory } from './inventory/read-inventory.js';
import type { MappingIndex } from './map/mappings.js';
import { ComplianceTally } from './map/requirement-status.js';
import { ACCOUNT_RESOURCE_TYPE, emptyAccountResource } from './normalize/account-facts.js';
import type { InventoryHeader, InventoryRecord } from './normalize/records.js';
import type { Registry } from './registry.js';
import { type Finding, OUT_OF_SCOPE_STATUSES, type Resource } from './types.js';

/**
 * Cheap pre-filter for the context pass: only lines that may hold a context
 * record are parsed. One alternation regex scans a line once, where a loop
 * of `includes` scanned it once per needle.
 */
function contextLineFilter(contextTypes: ReadonlySet<string>): (line: string) => boolean {
  const needles = [...contextTypes, 'accountFacts', 'configurationItems', 'Results'];
  const pattern = new RegExp(needles.map((needle) => needle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
  return (line) => pattern.test(line);
}

/** Whether the context keeps this record: a resource in scope, of a type some control consults. */
const isContextRecord = (
  context: ContextIndex,
  record: InventoryRecord,
): record is Extract<InventoryRecord, { kind: 'resource' }> =>
  record.kind === 'resource' &&
  !OUT_OF_SCOPE_STATUSES.has(record.resource.status) &&
  context.keeps(record.resource.resourceType);

/** Adds a record to the context when the context keeps it. */
export function addToContext(context: ContextIndex, record: InventoryRecord): void {
  if (isContextRecord(context, record)) context.add(record.resource);
}

/**
 * Bytes of context lines kept in memory as resources; beyond them, context
 * lines go to a scratch file and are read back when asked for. The context
 * of some 75,000 configuration items of a usual mix. Every megabyte kept
 * raises the heap V8 lets grow by two or more: at 64 MB, 1,000,000 items
 * peaked near 550 MB; at 16 MB, near 370 MB and no slower.
 */
export const CONTEXT_RESIDENT_BYTES = 16 << 20;

export interface IndexedContext {
  context: ContextIndex;
  /** Records of lines kept whole in memory, by line number, for the second pass to reuse. */
  parsedLines: Map<number, InventoryRecord[]>;
  /** Removes the scratch file, if the context needed one. */
  release(): void;
}

export interface IndexContextOptions {
  onProgress?: (bytesRead: number, records: number) => void;
  /** Bytes of context lines kept in memory (default CONTEXT_RESIDENT_BYTES). */
  residentBytes?: number | undefined;
  /** Stops the pass with an AuditStoppedError. */
  signal?: AbortSignal | undefined;
}

/**
 * The first pass over an NDJSON inventory: the resources controls consult
 * besides the one they judge (account facts, policies, trails, ...). Only
 * lines that may hold one are parsed. Past `residentBytes`, context lines
 * are spilled to a scratch file (see ContextSpill): memory then grows only
 * by each spilled resource's keys and place (some 260 bytes), not by the resource.
 *
 * @example
 * const { context, parsedLines, release } = await indexContext(source, registry);
 * try { for await (const record of readInventory(source, { parsedLines })) batcher.add(record); } finally { release(); }
 */
export async function indexContext(
  source: InventorySource,
  registry: Registry,
  { onProgress, residentBytes = CONTEXT_RESIDENT_BYTES, signal }: IndexContextOptions = {},
): Promise<IndexedContext> {
  const context = new ContextIndex(registry.contextTypes);
  const parsedLines = new Map<number, InventoryRecord[]>();
  let spill: ContextSpill | null = null;
  let resident = 0;
  let records = 0;
  const release = () => spill?.close();
  try {
    for await (const record of readInventory(source, {
      lineFilter: contextLineFilter(registry.contextTypes),
      onParsedLine: (lineNumber, lineRecords, line) => {
        if (!lineRecords.some((one) => isContextRecord(context, one))) return;
        if (resident + line.length <= residentBytes) {
          resident += line.length;
          for (const one of lineRecords) addToContext(context, one);
          // The context holds these resources anyway: keeping their line costs an entry, not a copy.
          if (lineRecords.every((one) => isContextRecord(context, one))) parsedLines.set(lineNumber, lineRecords);
          return;
        }
        spill ??= new ContextSpill(source.path);
        const at = spill.put(line);
        let index = 0;
        for (const one of lineRecords) {
          if (one.kind !== 'resource') continue;
          const position = index++;
          if (isContextRecord(context, one)) context.add(one.resource, spill.resource(at, lineNumber, position));
        }
      },
      ...(onProgress ? { onProgress: (bytes: number) => onProgress(bytes, records) } : {}),
      signal,
    })) {
      if (record.kind === 'resource') records++;
    }
  } catch (error) {
    release();
    throw error;
  }
  return { context, parsedLines, release };
}

/** The requirement ids, framework and title the auditor CSVs name. */
function requirementRefs(mappings: MappingIndex): Map<string, RequirementRef> {
  const refs = new Map<string, RequirementRef>();
  for (const mapping of mappings.frameworks) {
    for (const requirement of mapping.requirements) {
      refs.set(`${mapping.framework}:${requirement.id}`, {
        framework: mapping.framework,
        id: requirement.id,
        title: requirement.title,
      });
    }
  }
  return refs;
}

export interface AuditBatcherOptions {
  registry: Registry;
  mappings: MappingIndex;
  context: ContextIndex;
  runId: string;
  /** ISO time stamped on every finding. */
  evaluatedAt: string;
}

/**
 * @example
 * const batcher = new AuditBatcher({ registry, mappings, context, runId, evaluatedAt });
 * for (const record of records) batcher.add(record);
 * await bundle.writeBatch(batcher.take(true));
 */
export class AuditBatcher {
  /** Counts for the run as a whole: population, findings by status, severity and service. */
  readonly overall: OverallTally;
  /** Findings per control, rolled up to the frameworks' requirements. */
  readonly compliance: ComplianceTally;
  private readonly serialiser: FindingSerialiser;
  private readonly evaluateOptions: EvaluateOptions;
  private readonly accountsWithFacts = new Set<string>();
  /** The recorded inventory's header, when the input had one. */
  header: InventoryHeader | null = null;
  private resources = 0;
  private readonly findingLines = new Utf8Sink();
  private readonly csvRows: Map<string, Utf8Sink>;
  private readonly reportRows = new Utf8Sink();

  constructor(private readonly options: AuditBatcherOptions) {
    this.overall = new OverallTally(options.registry);
    this.compliance = new ComplianceTally(options.mappings.frameworks);
    this.serialiser = new FindingSerialiser(requirementRefs(options.mappings));
    this.evaluateOptions = {
      runId: options.runId,
      evaluatedAt: options.evaluatedAt,
      runStart: new Date(options.evaluatedAt),
      requirementsFor: (id: string) => options.mappings.requirementsFor(id),
    };
    this.csvRows = new Map(options.mappings.frameworks.map((mapping) => [mapping.framework, new Utf8Sink()]));
  }

  /** Bytes in full slabs, ready to be taken: the caller takes a batch when there are some. */
  get readyBytes(): number {
    let bytes = this.findingLines.ready + this.reportRows.ready;
    for (const sink of this.csvRows.values()) bytes += sink.ready;
    return bytes;
  }

  /** Counts a record; judges it when it is a resource some control applies to. */
  add(record: InventoryRecord): void {
    if (record.kind === 'header') {
      this.header = { ...record.header };
      return;
    }
    const resource = record.resource;
    this.resources++;
    if (resource.resourceType === ACCOUNT_RESOURCE_TYPE) this.accountsWithFacts.add(resource.accountId);
    if (this.overall.addResource(resource)) this.judge(resource);
  }

  /**
   * Accounts seen only through their resources, without account facts:
   * account-level controls still run on an empty account, and say what was
   * not collected, rather than vanish from the report. Call once, at the end.
   */
  judgeAccountsWithoutFacts(): void {
    const missing = [...this.overall.knownAccounts].filter((accountId) => !this.accountsWithFacts.has(accountId));
    for (const accountId of missing) {
      this.overall.addSyntheticAccount(accountId);
      this.judge(emptyAccountResource(accountId));
    }
  }

  private judge(resource: Resource): void {
    const { registry, context } = this.options;
    for (const finding of evaluateResource(
      resource,
      registry.forResourceType(resource.resourceType),
      context,
      this.evaluateOptions,
    )) {
      this.overall.addFinding(finding);
      this.compliance.add(finding);
      this.serialise(finding);
    }
  }

  private serialise(finding: Finding): void {
    this.serialiser.writeJsonLine(finding, this.findingLines);
    this.serialiser.writeCsvRows(finding, (framework) => this.csvRows.get(framework));
    this.serialiser.writeReportRow(finding, this.reportRows);
  }

  /**
   * What has been serialised since the last take, in full slabs; with
   * `all`, everything (at the end of the run).
   */
  take(all = false): EncodedBatch {
    const auditorCsv: Record<string, Uint8Array[]> = {};
    for (const [framework, sink] of this.csvRows) auditorCsv[framework] = sink.take(all);
    return { findings: this.findingLines.take(all), auditorCsv, reportRows: this.reportRows.take(all) };
  }

  /** The lookup tables of the report rows taken so far: call after the last take. */
  reportTables(): string {
    return this.serialiser.reportTables();
  }

  /** Resources read so far (every record but the header). */
  get resourcesRead(): number {
    return this.resources;
  }
}
