/**
 * The audit's inner loop, shared by the in-process run and its workers:
 * records in, encoded evidence out. Each resource is judged by its controls,
 * its findings are counted and serialised (findings.jsonl lines, auditor CSV
 * rows, the report's failing rows), and `take()` hands the text on as bytes,
 * a batch at a time. The bundle writer only hashes and stores those bytes, so
 * the encoding can happen on a worker thread and the bytes move without a copy.
 */
import { ContextIndex } from './evaluate/context.js';
import { evaluateResource, type EvaluateOptions } from './evaluate/evaluate-resource.js';
import type { ReportFinding } from './evidence/bundle-types.js';
import { FindingSerialiser, type RequirementRef } from './evidence/finding-serialiser.js';
import { OverallTally, type OverallTallyState } from './evidence/overall-tally.js';
import { type InventorySource, readInventory } from './inventory/read-inventory.js';
import type { MappingIndex } from './map/mappings.js';
import { ComplianceTally, type StatusCounts } from './map/requirement-status.js';
import { ACCOUNT_RESOURCE_TYPE, emptyAccountResource } from './normalize/account-facts.js';
import type { InventoryHeader, InventoryRecord } from './normalize/records.js';
import type { Registry } from './registry.js';
import { type Finding, OUT_OF_SCOPE_STATUSES, type Resource } from './types.js';

/** One batch of a bundle's streamed files, encoded as UTF-8. */
export interface EncodedBatch {
  /** Lines of findings.jsonl. */
  findings: Uint8Array;
  /** Rows of `<framework>-auditor.csv`, by framework id. */
  auditorCsv: Record<string, Uint8Array>;
  /** The report's failing findings, one JSON object a line. */
  reportRows: Uint8Array;
}

/** What a batcher counted: merged across workers into the run's summary. */
export interface AuditTallies {
  overall: OverallTallyState;
  byControl: Record<string, StatusCounts>;
  /** Accounts that had an `AWS::::Account` record (account-level facts). */
  accountsWithFacts: string[];
  header: InventoryHeader | null;
  resources: number;
}

/** Findings with these statuses are listed resource by resource in the HTML report. */
const REPORTED_STATUSES: ReadonlySet<string> = new Set(['FAIL', 'ERROR', 'INSUFFICIENT_DATA']);

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

/** Adds a record to the context when it is a resource in scope. */
export function addToContext(context: ContextIndex, record: InventoryRecord): void {
  if (record.kind === 'resource' && !OUT_OF_SCOPE_STATUSES.has(record.resource.status)) context.add(record.resource);
}

/**
 * The first pass over an NDJSON inventory: the resources controls consult
 * besides the one they judge (account facts, policies, trails, ...). Only
 * lines that may hold one are parsed.
 *
 * @example
 * const context = await indexContext(source, registry, (bytes, records) => progress(bytes, records));
 */
export async function indexContext(
  source: InventorySource,
  registry: Registry,
  onProgress?: (bytesRead: number, records: number) => void,
): Promise<ContextIndex> {
  const context = new ContextIndex(registry.contextTypes);
  let records = 0;
  for await (const record of readInventory(source, {
    lineFilter: contextLineFilter(registry.contextTypes),
    ...(onProgress ? { onProgress: (bytes: number) => onProgress(bytes, records) } : {}),
  })) {
    if (record.kind === 'resource') records++;
    addToContext(context, record);
  }
  return context;
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
 * await bundle.writeBatch(batcher.take());
 */
export class AuditBatcher {
  private readonly overall: OverallTally;
  private readonly compliance: ComplianceTally;
  private readonly serialiser: FindingSerialiser;
  private readonly evaluateOptions: EvaluateOptions;
  private readonly accountsWithFacts = new Set<string>();
  private header: InventoryHeader | null = null;
  private resources = 0;
  private findingLines: string[] = [];
  private csvRows = new Map<string, string[]>();
  private reportRows: string[] = [];
  /** Characters waiting to be taken: the caller takes a batch when enough have gathered. */
  pendingCharacters = 0;

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
    this.resetText();
  }

  private resetText(): void {
    this.findingLines = [];
    this.csvRows = new Map(this.options.mappings.frameworks.map((mapping) => [mapping.framework, []]));
    this.reportRows = [];
    this.pendingCharacters = 0;
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
   * Accounts seen only through their resources: account-level controls still
   * run on an empty account, and say what was not collected, rather than
   * vanish from the report.
   */
  judgeAccountsWithoutFacts(accountIds: readonly string[]): void {
    for (const accountId of accountIds) {
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
    const line = this.serialiser.jsonLine(finding);
    this.findingLines.push(line);
    this.pendingCharacters += line.length;
    this.serialiser.csvRows(finding, (framework, row) => {
      this.csvRows.get(framework)?.push(row);
      this.pendingCharacters += row.length;
    });
    if (REPORTED_STATUSES.has(finding.status)) {
      const row: ReportFinding = {
        controlId: finding.controlId,
        title: finding.title,
        severity: finding.severity,
        status: finding.status,
        service: finding.service,
        resourceType: finding.resourceType,
        resourceId: finding.resourceId,
        resourceName: finding.resourceName,
        accountId: finding.accountId,
        region: finding.region,
        reason: finding.reason,
        requirements: finding.requirements,
        remediation: finding.remediation,
      };
      this.reportRows.push(`${JSON.stringify(row)}\n`);
    }
  }

  /** Everything serialised since the last take, as UTF-8 bytes. */
  take(): EncodedBatch {
    const auditorCsv: Record<string, Uint8Array> = {};
    for (const [framework, rows] of this.csvRows) auditorCsv[framework] = Buffer.from(rows.join(''), 'utf8');
    const batch: EncodedBatch = {
      findings: Buffer.from(this.findingLines.join(''), 'utf8'),
      auditorCsv,
      reportRows: Buffer.from(this.reportRows.join(''), 'utf8'),
    };
    this.resetText();
    return batch;
  }

  /** Resources read so far (every record but the header). */
  get resourcesRead(): number {
    return this.resources;
  }

  tallies(): AuditTallies {
    return {
      overall: this.overall.state(),
      byControl: this.compliance.state(),
      accountsWithFacts: [...this.accountsWithFacts],
      header: this.header,
      resources: this.resources,
    };
  }
}

/** Accounts seen through resources (`overall.accounts`) that had no account facts. */
export function accountsWithoutFacts(tallies: readonly AuditTallies[]): string[] {
  const withFacts = new Set(tallies.flatMap((tally) => tally.accountsWithFacts));
  const seen = new Set(tallies.flatMap((tally) => tally.overall.accounts));
  return [...seen].filter((accountId) => !withFacts.has(accountId)).sort();
}

/**
 * Every count of the run: the shares of all batchers added together.
 *
 * @example
 * const { overall, compliance } = mergeTallies(registry, mappings, [batcher.tallies()]);
 */
export function mergeTallies(
  registry: Registry,
  mappings: MappingIndex,
  tallies: readonly AuditTallies[],
): { overall: OverallTally; compliance: ComplianceTally; header: InventoryHeader | null; resources: number } {
  const overall = new OverallTally(registry);
  const compliance = new ComplianceTally(mappings.frameworks);
  let header: InventoryHeader | null = null;
  let resources = 0;
  for (const tally of tallies) {
    overall.absorb(tally.overall);
    compliance.absorb(tally.byControl);
    header = header ?? tally.header;
    resources += tally.resources;
  }
  return { overall, compliance, header, resources };
}
