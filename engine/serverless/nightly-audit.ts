/**
 * The scheduled audit: collect the account live into a file in the
 * function's scratch space, audit it exactly as the CLI audits a file, and
 * write the bundle to the evidence store.
 *
 * Two signals bound the run. `signal` (Middy's, fired `timeoutEarlyInMillis`
 * before the Lambda deadline) stops the collection: the collector records
 * what it did not reach, the audit reports it as INSUFFICIENT_DATA, and the
 * evidence of what was collected is still written. `deadline`, fired just
 * before the hard timeout, stops the writing: the store then aborts its
 * unfinished uploads, so a run cut short leaves nothing that could pass for
 * a bundle.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { newRunId, runAudit } from '../audit.js';
import type { Manifest } from '../evidence/bundle-types.js';
import type { BundleLocation } from '../evidence/s3-layout.js';
import type { EvidenceStore } from '../evidence/store.js';
import type { MappingIndex } from '../map/mappings.js';
import type { Registry } from '../registry.js';
import { type Counter, type Log, Metric } from './telemetry.js';

/** The collector's entry point (engine/collect `collectToFile`), as this module uses it. */
export type CollectToFile = (
  options: { regions?: string[]; concurrency?: number; callTimeoutMs?: number; signal?: AbortSignal },
  path: string,
) => Promise<unknown>;

export interface NightlyAuditDeps {
  collect: CollectToFile;
  collectOptions: { regions?: string[]; concurrency?: number; callTimeoutMs?: number };
  openStore(location: BundleLocation, signal?: AbortSignal): EvidenceStore;
  registry: Registry;
  mappings: MappingIndex;
  catalogVersion: string;
  tool: { name: string; version: string };
  /** Scratch space for the inventory (`/tmp` in Lambda); emptied after every run. */
  workDir: string;
  log: Log;
  counter: Counter;
  now?: () => Date;
}

export interface NightlyAuditResult {
  runId: string;
  location: string;
  manifestSha256: string;
  findings: Manifest['findings'];
  /** The collection was stopped by the signal; the bundle says what is missing. */
  stoppedEarly: boolean;
}

/**
 * @example
 * const result = await runNightlyAudit({ accountId: '111122223333', region: 'eu-west-1' }, deps, { signal, deadline });
 * result.location // 's3://evidence-bucket/evidence/111122223333/eu-west-1/2026/11/26/20261126T020000Z-1a2b3c4d/'
 */
export async function runNightlyAudit(
  target: { accountId: string; region: string },
  deps: NightlyAuditDeps,
  options: { signal?: AbortSignal | undefined; deadline?: AbortSignal | undefined } = {},
): Promise<NightlyAuditResult> {
  const { log, counter } = deps;
  const started = deps.now?.() ?? new Date();
  const runId = newRunId(started);
  const dir = await mkdtemp(join(deps.workDir, 'audit-'));
  try {
    const input = join(dir, 'inventory.ndjson');
    const regions = deps.collectOptions.regions ?? [target.region];
    log.info('Collecting', { runId, accountId: target.accountId, regions });
    await deps.collect(
      { ...deps.collectOptions, regions, ...(options.signal ? { signal: options.signal } : {}) },
      input,
    );
    const stoppedEarly = options.signal?.aborted === true;
    if (stoppedEarly) {
      counter.count(Metric.AuditStoppedEarly);
      log.warn('Collection stopped near the Lambda timeout; what it did not reach is reported as INSUFFICIENT_DATA', {
        runId,
      });
    }

    // runAudit aborts the unfinished bundle itself when anything fails (S3, the deadline).
    const result = await runAudit({
      input,
      inputDescription: `live collection of account ${target.accountId} (${regions.join(', ')})${stoppedEarly ? ', stopped early' : ''}`,
      store: deps.openStore({ ...target, date: started, runId }, options.deadline),
      registry: deps.registry,
      mappings: deps.mappings,
      catalogVersion: deps.catalogVersion,
      tool: deps.tool,
      runId,
      now: () => deps.now?.() ?? new Date(),
    });
    counter.count(Metric.AuditRuns);
    counter.count(Metric.FindingsWritten, result.manifest.findings.total);
    counter.count(Metric.FailingFindings, result.manifest.findings.FAIL);
    log.info('Audit written', {
      runId,
      location: result.location,
      manifestSha256: result.manifestFile.sha256,
      findings: result.manifest.findings,
    });
    return {
      runId,
      location: result.location,
      manifestSha256: result.manifestFile.sha256,
      findings: result.manifest.findings,
      stoppedEarly,
    };
  } finally {
    // Lambda's /tmp outlives the invocation: never leave an account's inventory behind.
    await rm(dir, { recursive: true, force: true });
  }
}
