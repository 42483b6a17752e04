import { join, relative } from 'node:path';
import { newRunId, runAudit } from '../../engine/audit.js';
import { CATALOG_VERSION, catalogMappings, catalogRegistry, DEMO_INVENTORY, TOOL } from '../../engine/catalog.js';
import { UsageError } from '../../engine/errors.js';
import type { BundleSummary } from '../../engine/evidence/bundle-types.js';
import { LocalDirectoryStore } from '../../engine/evidence/store.js';
import { REQUIREMENT_STATUSES } from '../../engine/map/requirement-status.js';
import { SEVERITIES, type Severity, STATUSES } from '../../engine/types.js';
import type { Output } from '../main.js';
import { createProgress, renderTable } from '../terminal.js';

interface AuditFlags {
  input?: string | undefined;
  demo?: boolean | undefined;
  out?: string | undefined;
  frameworks?: string | undefined;
  'fail-on'?: string | undefined;
  quiet?: boolean | undefined;
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
  const shown = relative(process.cwd(), location) || '.';
  output.out(`\nEvidence bundle: ${shown}/`);
  output.out(`Report:          ${join(shown, 'report.html')}`);
  output.out(`Manifest SHA-256: ${manifestSha256}`);
  output.out(`Verify it any time with: compliance-auditor verify ${shown}`);
}

/** `audit --input PATH | --demo [--out DIR] [--frameworks ...] [--fail-on SEVERITY]`. */
export async function runAuditCommand(flags: AuditFlags, output: Output): Promise<number> {
  if (flags.demo && flags.input) throw new UsageError('give either --input or --demo, not both');
  if (!flags.demo && !flags.input) throw new UsageError('audit needs --input PATH (or --demo)');
  const frameworks = parseFrameworks(flags.frameworks);
  const failOn = parseFailOn(flags['fail-on']);
  const registry = catalogRegistry();
  const mappings = catalogMappings(frameworks);
  const started = new Date();
  const runId = newRunId(started);
  const out = flags.out ?? join('evidence', runId);
  const progress = flags.quiet ? null : createProgress();

  const result = await runAudit({
    input: flags.demo ? DEMO_INVENTORY : (flags.input as string),
    inputDescription: flags.demo ? 'the bundled demo account (demo/demo-account.json)' : (flags.input as string),
    store: new LocalDirectoryStore(out),
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
  });
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
