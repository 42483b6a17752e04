import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { newRunId, runAudit } from '../../engine/audit.js';
import { CATALOG_VERSION, catalogMappings, catalogRegistry, DEMO_INVENTORY, TOOL } from '../../engine/catalog.js';
import type { CollectionSummary } from '../../engine/collect/index.js';
import { UsageError } from '../../engine/errors.js';
import type { BundleSummary } from '../../engine/evidence/bundle-types.js';
import { checkEvidenceOut, openEvidenceStore } from '../../engine/evidence/open-store.js';
import { REQUIREMENT_STATUSES } from '../../engine/map/requirement-status.js';
import { scratchFailure } from '../../engine/scratch-file.js';
import { SEVERITIES, type Severity, STATUSES } from '../../engine/types.js';
import type { Output } from '../main.js';
import { untilStopped } from '../stop-signals.js';
import { createProgress, renderTable } from '../terminal.js';

interface AuditFlags {
  input?: string | undefined;
  demo?: boolean | undefined;
  out?: string | undefined;
  frameworks?: string | undefined;
  'fail-on'?: string | undefined;
  quiet?: boolean | undefined;
  live?: boolean | undefined;
  regions?: string | undefined;
  profile?: string | undefined;
  aggregator?: string | undefined;
}

const REGION_NAME = /^[a-z]{2}(-[a-z]+)+-\d+$/;

function parseRegions(value: string | undefined): readonly string[] | 'all' | undefined {
  if (value === undefined) return undefined;
  if (value.trim().toLowerCase() === 'all') return 'all';
  const regions = value
    .split(',')
    .map((region) => region.trim().toLowerCase())
    .filter(Boolean);
  const invalid = regions.filter((region) => !REGION_NAME.test(region));
  if (regions.length === 0 || invalid.length > 0) {
    throw new UsageError(
      `--regions: ${invalid.join(', ') || '(none given)'} is not a region name; give r1,r2 (e.g. us-east-1,eu-west-1) or all`,
    );
  }
  return regions;
}

/** Checks which inventory source the flags name; the live-only flags need --live. */
function checkSources(flags: AuditFlags): void {
  if (flags.live && (flags.input !== undefined || flags.demo))
    throw new UsageError('give --live alone, not with --input or --demo');
  if (flags.demo && flags.input) throw new UsageError('give either --input or --demo, not both');
  if (!flags.demo && !flags.input && !flags.live)
    throw new UsageError('audit needs --input PATH (or --demo), or --live');
  const liveOnly = (['regions', 'profile', 'aggregator'] as const).filter((flag) => flags[flag] !== undefined);
  if (!flags.live && liveOnly.length > 0) throw new UsageError(`--${liveOnly.join(', --')} only go with --live`);
}

const plural = (count: number, word: string) => `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;

/**
 * Collects the live account into a temporary inventory. Ctrl-C stops the
 * collection cleanly: what is unfinished becomes collection errors and the
 * audit still runs on what was read.
 */
async function collectLive(
  flags: AuditFlags,
  output: Output,
): Promise<{ path: string; dir: string; summary: CollectionSummary }> {
  const regions = parseRegions(flags.regions);
  const dir = await mkdtemp(join(tmpdir(), 'compliance-auditor-live-')).catch((error: unknown) => {
    throw scratchFailure(`cannot create a scratch directory in ${tmpdir()}`, error);
  });
  const path = join(dir, 'inventory.ndjson');
  try {
    // The AWS SDK clients take half a second to load: only --live pays for them.
    const { collectToFile } = await import('../../engine/collect/index.js');
    const summary = await untilStopped(
      ['SIGINT'],
      () => output.err('stopping the collection: the audit will cover what was read so far'),
      (signal) =>
        collectToFile(
          {
            ...(regions !== undefined ? { regions } : {}),
            ...(flags.profile !== undefined ? { profile: flags.profile } : {}),
            ...(flags.aggregator !== undefined ? { aggregator: flags.aggregator } : {}),
            signal,
            ...(flags.quiet ? {} : { onProgress: (message: string) => output.err(message) }),
          },
          path,
        ),
    );
    output.err(
      `collected ${plural(summary.resources, 'resource')} from account(s) ${summary.accounts.join(', ')} in ${plural(summary.regions.length, 'region')} ` +
        `with ${plural(summary.calls, 'AWS call')} (${summary.configCalls.toLocaleString('en-US')} to AWS Config); ${plural(summary.errors.length, 'collection error')}`,
    );
    return { path, dir, summary };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

function parseFrameworks(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const known = catalogMappings().frameworks.map((m) => m.framework);
  const chosen = value
    .split(',')
    .map((id) => id.trim().toLowerCase())
    .filter(Boolean);
  const unknown = chosen.filter((id) => !known.includes(id));
  if (chosen.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--frameworks: unknown framework ${unknown.join(', ') || '(none given)'}; known: ${known.join(', ')}`,
    );
  }
  return chosen;
}

function parseFailOn(value: string | undefined): Severity | null {
  if (value === undefined) return null;
  const severity = value.toLowerCase() as Severity;
  if (!SEVERITIES.includes(severity)) throw new UsageError(`--fail-on must be one of ${SEVERITIES.join(', ')}`);
  return severity;
}

/** FAIL findings at or above the threshold. */
export function failuresAtOrAbove(summary: BundleSummary, threshold: Severity): number {
  const from = SEVERITIES.indexOf(threshold);
  return SEVERITIES.slice(from).reduce((sum, severity) => sum + summary.overall.bySeverity[severity].FAIL, 0);
}

function printSummary(summary: BundleSummary, location: string, manifestSha256: string, output: Output): void {
  const { population, findings, bySeverity, byControl } = summary.overall;
  const outOfScope = Object.values(population.outOfScope).reduce((a, b) => a + b, 0);
  const unknown = Object.values(population.unknownTypes).reduce((a, b) => a + b, 0);
  output.out(`\nAudit ${summary.run.runId} of ${summary.run.input.description}`);
  output.out(
    `Population: ${population.recordsRead} records read, ${population.evaluated} evaluated, ${outOfScope} deleted or not recorded, ` +
      `${unknown} of types no control judges; accounts ${population.accounts.join(', ') || '-'}; regions ${population.regions.join(', ') || '-'}`,
  );
  if (population.accountsWithoutFacts.length > 0) {
    output.out(
      `Account-level facts missing for ${population.accountsWithoutFacts.join(', ')}: account controls report INSUFFICIENT_DATA.`,
    );
  }
  output.out('');
  output.out(
    renderTable(
      ['SEVERITY', ...STATUSES],
      [
        ...[...SEVERITIES].reverse().map((severity) => [severity, ...STATUSES.map((s) => bySeverity[severity][s])]),
        ['total', ...STATUSES.map((s) => findings[s])],
      ],
    ),
  );
  output.out('');
  output.out(
    renderTable(
      ['FRAMEWORK', 'REQUIREMENTS', ...REQUIREMENT_STATUSES],
      summary.frameworks.map((f) => [
        f.framework,
        f.totals.requirements,
        ...REQUIREMENT_STATUSES.map((s) => f.totals.byStatus[s]),
      ]),
    ),
  );
  const worst = Object.entries(byControl)
    .filter(([, counts]) => counts.FAIL > 0)
    .sort(([, a], [, b]) => SEVERITIES.indexOf(b.severity) - SEVERITIES.indexOf(a.severity) || b.FAIL - a.FAIL)
    .slice(0, 10);
  if (worst.length > 0) {
    output.out('\nMost severe failing controls:');
    output.out(
      renderTable(
        ['CONTROL', 'SEVERITY', 'FAILING'],
        worst.map(([id, c]) => [id, c.severity, c.FAIL]),
      ),
    );
  }
  // An S3 bundle is shown as its URL; verifying it means downloading it first.
  const inS3 = location.startsWith('s3://');
  const shown = inS3 ? location.replace(/\/$/, '') : relative(process.cwd(), location) || '.';
  output.out(`\nEvidence bundle: ${shown}/`);
  output.out(`Report:          ${inS3 ? `${shown}/report.html` : join(shown, 'report.html')}`);
  output.out(`Manifest SHA-256: ${manifestSha256}`);
  output.out(
    inS3
      ? `Verify it any time with: aws s3 cp --recursive ${shown}/ DIR && compliance-auditor verify DIR`
      : `Verify it any time with: compliance-auditor verify ${shown}`,
  );
}

/** `audit --input PATH | --demo | --live [...] [--out DIR] [--frameworks ...] [--fail-on SEVERITY]`. */
export async function runAuditCommand(flags: AuditFlags, output: Output): Promise<number> {
  checkSources(flags);
  const frameworks = parseFrameworks(flags.frameworks);
  const failOn = parseFailOn(flags['fail-on']);
  parseRegions(flags.regions);
  checkEvidenceOut(flags.out);
  if (!flags.live) return await auditFile(flags, frameworks, failOn, output);
  const live = await collectLive(flags, output);
  try {
    const { accounts, regions } = live.summary;
    const description = `live collection of account(s) ${accounts.join(', ')} in ${regions.join(', ')} region${regions.length === 1 ? '' : 's'}`;
    return await auditFile({ ...flags, input: live.path }, frameworks, failOn, output, description);
  } finally {
    await rm(live.dir, { recursive: true, force: true });
  }
}

async function auditFile(
  flags: AuditFlags,
  frameworks: string[] | undefined,
  failOn: Severity | null,
  output: Output,
  liveDescription?: string,
): Promise<number> {
  const registry = catalogRegistry();
  const mappings = catalogMappings(frameworks);
  const started = new Date();
  const runId = newRunId(started);
  const out = flags.out ?? join('evidence', runId);
  const progress = flags.quiet ? null : createProgress();
  // Ctrl-C (or a SIGTERM, as CI sends when it cancels a job) stops the
  // audit cleanly: the unfinished bundle and the scratch files are removed.
  const stopping = () => {
    progress?.finish();
    output.err('stopping: removing the unfinished bundle and scratch files (Ctrl-C again to quit at once)');
  };
  const store = await openEvidenceStore(out);
  const result = await untilStopped(['SIGINT', 'SIGTERM'], stopping, (signal) =>
    runAudit({
      input: flags.demo ? DEMO_INVENTORY : (flags.input as string),
      inputDescription: flags.demo
        ? 'the bundled demo account (demo/demo-account.json)'
        : (liveDescription ?? (flags.input as string)),
      store,
      registry,
      mappings,
      catalogVersion: CATALOG_VERSION,
      tool: TOOL,
      failOn,
      runId,
      onProgress: (p) =>
        progress?.update(
          p.phase === 'context' ? 'indexing' : p.phase === 'evaluate' ? 'auditing' : 'reporting',
          p.bytesRead,
          p.totalBytes,
          `${p.resources} resources`,
        ),
      signal,
    }),
  );
  progress?.finish();

  if (!flags.quiet) printSummary(result.summary, result.location, result.manifestFile.sha256, output);
  if (failOn) {
    const failing = failuresAtOrAbove(result.summary, failOn);
    if (failing > 0) {
      output.err(`${failing} finding(s) failed at or above severity ${failOn}.`);
      return 1;
    }
  }
  return 0;
}
