/**
 * The evidence bundle's summary and manifest shapes: the contract that later
 * runs, the HTML report and auditors rely on.
 */
import type { FrameworkSummary, StatusCounts } from '../map/requirement-status.js';
import type { Severity, Status } from '../types.js';
import type { EvidenceFile } from './store.js';

export const MANIFEST_VERSION = 1;

export interface RunInfo {
  runId: string;
  startedAt: string;
  finishedAt: string;
  tool: { name: string; version: string };
  input: { description: string; path: string | null; format: string; gzip: boolean; sizeBytes: number; sha256: string };
  catalog: { version: string; hash: string; controls: number };
  frameworks: { framework: string; name: string; version: string; hash: string }[];
  /** `--fail-on` threshold, when set. */
  failOn: Severity | null;
}

/** Counts that let an auditor reconcile the population (IPE completeness). */
export interface PopulationCounts {
  /** Every record read, of every status and type. */
  recordsRead: number;
  /** Resources evaluated by at least one control. */
  evaluated: number;
  /** Deleted or not recorded: out of scope, by configurationItemStatus. */
  outOfScope: Record<string, number>;
  /** Recorded, in scope, but no control judges the type. */
  unknownTypes: Record<string, number>;
  byResourceType: Record<string, number>;
  accounts: string[];
  regions: string[];
  /** Accounts whose account-level facts were missing from the input. */
  accountsWithoutFacts: string[];
}

export interface OverallSummary {
  population: PopulationCounts;
  findings: StatusCounts & { total: number };
  bySeverity: Record<Severity, StatusCounts>;
  byService: Record<string, StatusCounts>;
  byControl: Record<string, StatusCounts & { title: string; severity: Severity; service: string }>;
  /** What the collector could not read (from the account facts). */
  collectionErrors: Record<string, unknown>[];
}

export interface BundleSummary {
  run: RunInfo;
  overall: OverallSummary;
  frameworks: FrameworkSummary[];
}

/** One non-passing finding, as the HTML report lists it. */
export interface ReportFinding {
  controlId: string;
  title: string;
  severity: Severity;
  status: Status;
  service: string;
  resourceType: string;
  resourceId: string;
  resourceName: string | null;
  accountId: string;
  region: string;
  reason: string;
  requirements: string[];
  remediation: string;
}

/**
 * The control definitions and framework mappings the run used, copied into
 * the bundle: a finding from last March is read against last March's
 * catalog, not today's. Hashes match the manifest's.
 */
export interface CatalogSnapshot {
  version: string;
  hash: string;
  controls: Record<string, unknown>[];
  frameworks: Record<string, unknown>[];
}

export interface Manifest {
  manifestVersion: typeof MANIFEST_VERSION;
  run: RunInfo;
  population: PopulationCounts;
  findings: StatusCounts & { total: number };
  collectionErrors: Record<string, unknown>[];
  /** Every file of the bundle but the manifest itself, with SHA-256 and size. */
  files: EvidenceFile[];
}

/** One batch of a bundle's streamed files, encoded as UTF-8 chunks its holder owns. */
export interface EncodedBatch {
  /** Lines of findings.jsonl. */
  findings: Uint8Array[];
  /** Rows of `<framework>-auditor.csv`, by framework id. */
  auditorCsv: Record<string, Uint8Array[]>;
  /** The report's failing findings, as rows of its findings table (`ReportRowEncoder.row` text). */
  reportRows: Uint8Array[];
}
