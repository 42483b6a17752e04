/**
 * Writes report.html: one self-contained file an auditor can open from disk
 * with no network. The summary (provenance, population, counts, SVG charts,
 * requirement tables) is server-rendered and needs no JavaScript; only the
 * findings table is scripted, because 300,000 rows cannot be DOM nodes.
 *
 * Findings are encoded into rows of `<script type="application/json" id="findings-data">`
 * as they are judged (`ReportRowEncoder`), kept as text until the summary
 * that heads the report is known, and streamed in; memory grows with the
 * number of distinct controls, types, accounts and regions, never with the
 * number of findings:
 *
 *   { "v": 1, "requirementTitles": { "soc2:CC6.1": "…" },
 *     "columns": [...], "rows": [[control, status, resourceType, resourceId,
 *       resourceName, accountId, region, reason, requirementSet], ...],
 *     "strings": [...], "controls": [[id, title, severity, service, remediation], ...],
 *     "requirementSets": [[requirement, ...], ...] }
 *
 * Integers in a row index `controls`, `strings` (status, resourceType,
 * accountId, region) or `requirementSets`; resourceId, resourceName and reason
 * are inline strings because they are nearly unique. The tables come after the
 * rows because they are only complete once the stream ends.
 */
import { createHash } from 'node:crypto';
import type { FrameworkSummary, RequirementResult, RequirementStatus } from '../map/requirement-status.js';
import { SEVERITIES, type Status } from '../types.js';
import type { BundleSummary, OverallSummary, ReportFinding, RunInfo } from './bundle-types.js';
import { REPORT_CSS, REPORT_SCRIPT } from './html-report-client.js';

/** Problems first, in bars, tables and legends. */
const STATUS_ORDER: readonly Status[] = ['FAIL', 'ERROR', 'INSUFFICIENT_DATA', 'PASS', 'NOT_APPLICABLE'];
const REQUIREMENT_ORDER: readonly RequirementStatus[] = [
  'FAIL',
  'INSUFFICIENT_DATA',
  'PASS',
  'NOT_APPLICABLE',
  'MANUAL',
];

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for element content and double-quoted attributes (HTML and inline SVG). */
export const esc = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
const fmt = (n: number): string => n.toLocaleString('en-US');
const words = (status: string): string => status.replace(/_/g, ' ');
/** Cuts by code point so a surrogate pair is never split. */
const clip = (text: string, max: number): string => {
  const chars = Array.from(text);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
};
const statusBadge = (status: string): string =>
  `<span class="badge s-${esc(status)}" data-status="${esc(status)}">${esc(words(status))}</span>`;

/** Narrowest bar segment, in chart units (the chart is 1000 wide). */
const MIN_SEGMENT = 6;

interface ChartRow {
  label: string;
  detail?: string;
  badge?: string;
  segments: { status: string; value: number }[];
  note: string;
  /** Shown in an empty bar, so "nothing in scope" is written, not just blank. */
  empty?: string;
}

/**
 * A horizontal 100% stacked bar per row, as inline SVG (no script, prints as
 * is). Numbers sit inside segments wide enough to hold them and every segment
 * has a tooltip, so status is never told by colour alone.
 */
function barChart(title: string, rows: readonly ChartRow[], withBadge: boolean): string {
  if (rows.length === 0) return '<p class="muted">Nothing to chart.</p>';
  const width = 1000;
  const rowH = 24;
  const step = rowH + 6;
  const labelW = withBadge ? 340 : 250;
  const barX = labelW + (withBadge ? 146 : 0);
  const noteW = 250;
  const barW = width - barX - noteW - 10;
  const mid = (y: number) => y + rowH / 2 + 4;
  const described: string[] = [];
  const body = rows.map((row, i) => {
    const y = i * step;
    const total = row.segments.reduce((n, s) => n + s.value, 0);
    described.push(`${row.label}${row.badge ? ` ${words(row.badge)}` : ''}: ${row.note}`);
    // A non-zero count never vanishes: 12 failures among 1,800 passes still show.
    const visible = row.segments.filter((seg) => seg.value > 0);
    const raw = visible.map((seg) => (seg.value / total) * barW);
    const tiny = raw.filter((w) => w < MIN_SEGMENT).length;
    const rest = raw.reduce((n, w) => (w < MIN_SEGMENT ? n : n + w), 0);
    const scale = rest > 0 ? (barW - tiny * MIN_SEGMENT) / rest : 1;
    let x = barX;
    const bar =
      total === 0
        ? `<rect x="${barX}" y="${y}" width="${barW}" height="${rowH}" fill="#fff" stroke="#8c959f" stroke-dasharray="4 3"/><text class="tm" x="${barX + 8}" y="${mid(y)}">${esc(row.empty ?? 'none')}</text>`
        : visible
            .map((s, j) => {
              const w = (raw[j] ?? 0) < MIN_SEGMENT ? MIN_SEGMENT : (raw[j] ?? 0) * scale;
              const text = fmt(s.value);
              const label =
                w >= text.length * 7.5 + 6
                  ? `<text class="t-${esc(s.status)}" x="${(x + w / 2).toFixed(1)}" y="${mid(y)}" text-anchor="middle">${text}</text>`
                  : '';
              const rect = `<rect class="f-${esc(s.status)}" x="${x.toFixed(1)}" y="${y}" width="${w.toFixed(1)}" height="${rowH}"><title>${esc(words(s.status))}: ${text}</title></rect>${label}`;
              x += w;
              return rect;
            })
            .join('');
    const labels = withBadge
      ? `<text class="lbl" x="0" y="${mid(y)}">${esc(clip(row.label, 18))}<title>${esc(row.label)}</title></text><text x="128" y="${mid(y)}">${esc(clip(row.detail ?? '', 32))}<title>${esc(row.detail ?? '')}</title></text>`
      : `<text class="lbl" x="0" y="${mid(y)}">${esc(clip(row.label, 36))}<title>${esc(row.label)}</title></text>`;
    const badge =
      withBadge && row.badge
        ? `<rect class="b-${esc(row.badge)}" x="${labelW}" y="${y + 2}" width="136" height="${rowH - 4}" rx="10"/><text class="t-${esc(row.badge)} bt" x="${labelW + 68}" y="${mid(y)}" text-anchor="middle">${esc(words(row.badge))}</text>`
        : '';
    return `<g>${labels}${badge}${bar}<text class="tm" x="${barX + barW + 10}" y="${mid(y)}">${esc(clip(row.note, 44))}<title>${esc(row.note)}</title></text></g>`;
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${rows.length * step}" role="img" aria-label="${esc(`${title}. ${described.join('; ')}`)}">${body.join('')}</svg>`;
}

/** Hand chunks of about this size to `write`: one call per row would cost 300,000 awaits. */
const CHUNK_CHARS = 64 * 1024;

/** Serialises for a `<script>` data block: `<` never appears raw, so no `</script` or `<!--`. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('base64');
/**
 * Only our own script and style may run, by hash: even if a string escaped the
 * escaping, an injected `<script>` or external load would be blocked.
 */
const CSP = `default-src 'none'; script-src 'sha256-${sha256(REPORT_SCRIPT)}'; style-src 'sha256-${sha256(REPORT_CSS)}'`;

/**
 * Turns findings into rows of the report's findings table, in the data
 * block's compact form, and keeps the lookup tables the rows index. Rows are
 * encoded as findings are judged and kept as text until the report is
 * written: they are never parsed again.
 *
 * @example
 * const encoder = new ReportRowEncoder();
 * const text = encoder.row(finding) + encoder.row(other); // `[…],[…]`: the array's body
 * encoder.tables(); // `"strings":[…],"controls":[…],"requirementSets":[…]`
 */
export class ReportRowEncoder {
  private readonly strings = new Map<string, number>();
  private readonly controls = new Map<string, number>();
  private readonly requirementSets = new Map<string, number>();
  /**
   * Each control's row in `controls`, with the finding it was built from: a
   * resource's findings come control after control, so a cache of the last
   * one would miss nearly every time.
   */
  private readonly byControl = new Map<string, { finding: ReportFinding; index: number }>();
  /** Each requirement list's row in `requirementSets`, by identity (a control's list is one array for the run). */
  private readonly byRequirementList = new WeakMap<readonly string[], number>();
  count = 0;

  private str(value: string): number {
    let index = this.strings.get(value);
    if (index === undefined) {
      index = this.strings.size;
      this.strings.set(value, index);
    }
    return index;
  }

  private intern(table: Map<string, number>, parts: number[]): number {
    const key = parts.join(',');
    let index = table.get(key);
    if (index === undefined) {
      index = table.size;
      table.set(key, index);
    }
    return index;
  }

  private controlOf(f: ReportFinding): number {
    const cached = this.byControl.get(f.controlId);
    const seen = cached?.finding;
    if (
      cached &&
      seen &&
      seen.title === f.title &&
      seen.severity === f.severity &&
      seen.service === f.service &&
      seen.remediation === f.remediation
    ) {
      return cached.index;
    }
    const index = this.intern(this.controls, [
      this.str(f.controlId),
      this.str(f.title),
      this.str(f.severity),
      this.str(f.service),
      this.str(f.remediation),
    ]);
    this.byControl.set(f.controlId, { finding: f, index });
    return index;
  }

  private requirementsOf(list: readonly string[]): number {
    let index = this.byRequirementList.get(list);
    if (index === undefined) {
      index = this.intern(
        this.requirementSets,
        list.map((r) => this.str(r)),
      );
      this.byRequirementList.set(list, index);
    }
    return index;
  }

  /** The finding's row, preceded by a comma unless it is the first. */
  row(f: ReportFinding): string {
    const text = jsonForScript([
      this.controlOf(f),
      this.str(f.status),
      this.str(f.resourceType),
      f.resourceId,
      f.resourceName,
      this.str(f.accountId),
      this.str(f.region),
      f.reason,
      this.requirementsOf(f.requirements),
    ]);
    return this.count++ > 0 ? `,${text}` : text;
  }

  /** The lookup tables, as the tail of the JSON object the rows began. */
  tables(): string {
    const decode = (table: Map<string, number>) =>
      [...table.keys()].map((k) => (k === '' ? [] : k.split(',').map(Number)));
    return `"strings":${jsonForScript([...this.strings.keys()])},"controls":${jsonForScript(decode(this.controls))},"requirementSets":${jsonForScript(decode(this.requirementSets))}`;
  }
}

/** The findings table's content: its rows' text, in order, then the tables they index. */
export interface ReportRows {
  chunks: AsyncIterable<string | Uint8Array>;
  tables: () => string;
}

/**
 * Encodes findings as they arrive into report rows, in chunks of about 64 KiB.
 *
 * @example
 * await writeHtmlReport(summary, encodeReportRows(findings), (chunk) => file.write(chunk));
 */
export function encodeReportRows(findings: AsyncIterable<ReportFinding>): ReportRows {
  const encoder = new ReportRowEncoder();
  async function* chunks(): AsyncGenerator<string> {
    let buffer = '';
    for await (const finding of findings) {
      buffer += encoder.row(finding);
      if (buffer.length >= CHUNK_CHARS) {
        yield buffer;
        buffer = '';
      }
    }
    if (buffer) yield buffer;
  }
  return { chunks: chunks(), tables: () => encoder.tables() };
}

function renderHeader(run: RunInfo): string {
  const started = Date.parse(run.startedAt);
  const seconds = (Date.parse(run.finishedAt) - started) / 1000;
  const duration = Number.isFinite(seconds)
    ? ` (${seconds < 120 ? `${seconds.toFixed(1)} s` : `${(seconds / 60).toFixed(1)} min`})`
    : '';
  const item = (term: string, value: string) => `<div><dt>${esc(term)}</dt><dd>${value}</dd></div>`;
  const input = run.input;
  const frameworks = run.frameworks
    .map(
      (f) =>
        `<tr><td>${esc(f.name)}</td><td><code>${esc(f.framework)}</code></td><td>${esc(f.version)}</td><td><code>${esc(f.hash)}</code></td></tr>`,
    )
    .join('');
  return `<header class="report-header"><h1>Compliance audit report</h1>
<p class="sub">Run <code>${esc(run.runId)}</code> · ${esc(run.tool.name)} ${esc(run.tool.version)}</p>
<dl class="meta">${[
    item('Run id', `<code>${esc(run.runId)}</code>`),
    item('Started (UTC)', esc(run.startedAt)),
    item('Finished (UTC)', `${esc(run.finishedAt)}${esc(duration)}`),
    item('Tool', `${esc(run.tool.name)} ${esc(run.tool.version)}`),
    item('Input', `${esc(input.description)}<br><code>${esc(input.path ?? '(no file path)')}</code>`),
    item('Input format', `${esc(input.format)}${input.gzip ? ', gzip' : ''} · ${fmt(input.sizeBytes)} bytes`),
    item('Input SHA-256', `<code>${esc(input.sha256)}</code>`),
    item('Control catalog', `version ${esc(run.catalog.version)} · ${fmt(run.catalog.controls)} controls`),
    item('Catalog hash', `<code>${esc(run.catalog.hash)}</code>`),
    item('Fail-on threshold', run.failOn ? esc(run.failOn) : 'not set'),
  ].join('')}</dl>
<table><thead><tr><th>Framework</th><th>Id</th><th>Version</th><th>Mapping hash</th></tr></thead><tbody>${frameworks}</tbody></table>
</header>`;
}

const countTable = (caption: string, counts: Record<string, number>, key: string): string => {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (entries.length === 0) return `<p class="muted">${esc(caption)}: none.</p>`;
  const body = entries
    .map(([k, n]) => `<tr><td><code>${esc(k)}</code></td><td class="num">${fmt(n)}</td></tr>`)
    .join('');
  return `<table class="compact"><caption class="muted">${esc(caption)}</caption><thead><tr><th>${esc(key)}</th><th class="num">Records</th></tr></thead><tbody>${body}</tbody></table>`;
};

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);
const card = (n: number, label: string, cls = ''): string =>
  `<div class="card ${cls}"><div class="n">${fmt(n)}</div><div class="l">${esc(label)}</div></div>`;
const chips = (values: readonly string[]): string =>
  values.length
    ? `<ul class="chips">${values.map((v) => `<li>${esc(v)}</li>`).join('')}</ul>`
    : '<span class="muted">none</span>';

function renderPopulation(overall: OverallSummary): string {
  const p = overall.population;
  const outOfScope = sum(p.outOfScope);
  const unknown = sum(p.unknownTypes);
  const other = p.recordsRead - p.evaluated - outOfScope - unknown;
  const missing = p.accountsWithoutFacts.length
    ? `<div class="callout"><strong>${fmt(p.accountsWithoutFacts.length)} account(s) have no account-level facts in the input:</strong> ${chips(p.accountsWithoutFacts)}
<p>Account-level controls (for example IAM password policy, root MFA, account-wide S3 public access block) are <strong>INSUFFICIENT_DATA</strong> for these accounts, not PASS. Collect the account facts and re-run to judge them.</p></div>`
    : '<div class="callout ok">Every account in the input has account-level facts.</div>';
  const errors = overall.collectionErrors.length
    ? `<div class="callout bad">The collector could not read everything: <a href="#collection-errors">${fmt(overall.collectionErrors.length)} collection error(s)</a>. Controls that needed that data report INSUFFICIENT_DATA.</div>`
    : '';
  return `<section id="population"><h2>Population</h2>
<p class="note">Counts to reconcile the population against the source (completeness of information produced by the entity).</p>
<div class="cards">${card(p.recordsRead, 'Records read')}${card(p.evaluated, 'Resources evaluated')}${card(outOfScope, 'Out of scope (deleted / not recorded)')}${card(unknown, 'In scope, type not judged by any control')}${card(p.accounts.length, 'Accounts')}${card(p.regions.length, 'Regions')}</div>
<p>Reconciliation: ${fmt(p.recordsRead)} records read = ${fmt(p.evaluated)} evaluated + ${fmt(outOfScope)} out of scope + ${fmt(unknown)} of unjudged types ${other >= 0 ? `+ ${fmt(other)} other records (account facts and items that were not resources)` : ` (these categories overlap by ${fmt(-other)} records)`}.</p>
${missing}${errors}
<div class="cards">${countTable('Out of scope, by configurationItemStatus', p.outOfScope, 'Status')}${countTable('Types no control judges', p.unknownTypes, 'Resource type')}</div>
<details class="section"><summary>Records by resource type (${fmt(Object.keys(p.byResourceType).length)} types)</summary>${countTable('Records by resource type', p.byResourceType, 'Resource type')}</details>
<h3>Accounts</h3>${chips(p.accounts)}<h3>Regions</h3>${chips(p.regions)}</section>`;
}

function renderFindingCounts(overall: OverallSummary): string {
  const f = overall.findings;
  const head = STATUS_ORDER.map((s) => `<th class="num">${statusBadge(s)}</th>`).join('');
  const rows = [...SEVERITIES]
    .reverse()
    .map((sev) => {
      const counts = overall.bySeverity[sev];
      const total = STATUS_ORDER.reduce((n, s) => n + counts[s], 0);
      return `<tr><td><span class="sev sev-${sev}">${sev}</span></td>${STATUS_ORDER.map((s) => `<td class="num">${fmt(counts[s])}</td>`).join('')}<td class="num">${fmt(total)}</td></tr>`;
    })
    .join('');
  const controls = Object.entries(overall.byControl).sort(
    (a, b) => b[1].FAIL - a[1].FAIL || b[1].ERROR - a[1].ERROR || a[0].localeCompare(b[0]),
  );
  const controlRows = controls
    .map(
      ([id, c]) =>
        `<tr><td><code>${esc(id)}</code><div>${esc(c.title)}</div></td><td><span class="sev sev-${esc(c.severity)}">${esc(c.severity)}</span></td><td>${esc(c.service)}</td>${STATUS_ORDER.map((s) => `<td class="num">${fmt(c[s])}</td>`).join('')}</tr>`,
    )
    .join('');
  return `<section id="findings-summary"><h2>Findings</h2>
<div class="cards">${STATUS_ORDER.map((s) => card(f[s], `${s.replace(/_/g, ' ')} findings`, `c-${s}`)).join('')}${card(f.total, 'Findings in total')}</div>
<table><caption class="muted">Findings by severity and status (one finding = one control on one resource)</caption><thead><tr><th>Severity</th>${head}<th class="num">Total</th></tr></thead><tbody>${rows}</tbody></table>
<details class="section"><summary>Findings by control (${fmt(controls.length)} controls)</summary><table><thead><tr><th>Control</th><th>Severity</th><th>Service</th>${head}</tr></thead><tbody>${controlRows}</tbody></table></details>
</section>`;
}

/** "12 fail · 1,821 pass"; `short` keeps chart notes within their column. */
const countsText = (counts: Record<string, number>, order: readonly string[], short = false): string =>
  order
    .filter((s) => (counts[s] ?? 0) > 0)
    .map((s) => `${fmt(counts[s] ?? 0)} ${short ? (SHORT[s] ?? words(s).toLowerCase()) : words(s).toLowerCase()}`)
    .join(' · ');
const SHORT: Record<string, string> = { INSUFFICIENT_DATA: 'insufficient', NOT_APPLICABLE: 'n/a' };

function renderCharts(summary: BundleSummary): string {
  const frameworkRows: ChartRow[] = summary.frameworks.map((fw) => ({
    label: `${fw.name} ${fw.version}`,
    segments: REQUIREMENT_ORDER.map((s) => ({ status: s, value: fw.totals.byStatus[s] })),
    note: `${fmt(fw.totals.requirements)} requirements`,
  }));
  const services = Object.entries(summary.overall.byService).sort(
    (a, b) => b[1].FAIL - a[1].FAIL || a[0].localeCompare(b[0]),
  );
  const serviceRows: ChartRow[] = services.map(([service, counts]) => ({
    label: service,
    segments: STATUS_ORDER.map((s) => ({ status: s, value: counts[s] })),
    note: countsText(counts, ['FAIL', 'ERROR', 'INSUFFICIENT_DATA', 'PASS'], true) || 'no findings',
  }));
  const perRequirement = summary.frameworks.map((fw) => {
    const sections = new Map<string, RequirementResult[]>();
    for (const r of fw.requirements) sections.set(r.section, [...(sections.get(r.section) ?? []), r]);
    const blocks = [...sections].map(([section, reqs]) => {
      const rows: ChartRow[] = reqs.map((r) => ({
        label: r.id,
        detail: r.title,
        badge: r.status,
        segments: STATUS_ORDER.map((s) => ({ status: s, value: r.counts[s] })),
        note: r.automated ? countsText(r.counts, STATUS_ORDER, true) || '0 findings' : 'manual evidence',
        empty: r.automated ? 'no resource in scope' : 'not automated',
      }));
      const failing = reqs.some((r) => r.status === 'FAIL' || r.status === 'INSUFFICIENT_DATA');
      const tally = countsText(
        Object.fromEntries(REQUIREMENT_ORDER.map((s) => [s, reqs.filter((r) => r.status === s).length])),
        REQUIREMENT_ORDER,
      );
      return `<details class="section"${failing ? ' open' : ''}><summary>${esc(section)} <span class="muted">— ${esc(tally)}</span></summary>${barChart(`${fw.name}, ${section}: findings per requirement`, rows, true)}</details>`;
    });
    return `<h3>${esc(fw.name)} — per requirement</h3><p class="note">Each bar splits the findings of the requirement's mapped controls by status; sections with failing or unjudged requirements start open.</p>${blocks.join('')}`;
  });
  const legend = (order: readonly string[]) =>
    `<ul class="legend">${order.map((s) => `<li><svg class="sw" viewBox="0 0 12 12" aria-hidden="true"><rect class="f-${s}" width="12" height="12"/></svg>${esc(s.replace(/_/g, ' '))}</li>`).join('')}</ul>`;
  return `<section id="charts"><h2>Charts</h2>
<figure><figcaption>Requirement verdicts per framework</figcaption>${legend(REQUIREMENT_ORDER)}${barChart('Requirement verdicts per framework', frameworkRows, false)}</figure>
${legend(STATUS_ORDER)}${perRequirement.join('')}
<figure><figcaption>Findings per service (share of each service's findings; counts on the right)</figcaption>${barChart('Findings per service', serviceRows, false)}</figure>
</section>`;
}

function renderFramework(fw: FrameworkSummary, overall: OverallSummary): string {
  const hipaa = fw.requirements.some((r) => r.implementation !== undefined);
  const rows = fw.requirements.map((r) => {
    const controls = r.controls.length
      ? r.controls
          .map((c) => {
            const title = overall.byControl[c.id]?.title;
            return `<div class="ctl"><code>${esc(c.id)}</code>${title ? ` ${esc(title)}` : ''} <span class="muted">(${esc(countsText(c.counts, STATUS_ORDER) || '0 findings')})</span><span class="why">${esc(c.rationale)}</span></div>`;
          })
          .join('')
      : '<span class="muted">none (manual)</span>';
    const manual = r.manualEvidence.length
      ? `<ul class="plain">${r.manualEvidence.map((m) => `<li>${esc(m)}</li>`).join('')}</ul>`
      : '<span class="muted">—</span>';
    const open = r.counts.FAIL + r.counts.ERROR + r.counts.INSUFFICIENT_DATA;
    const link = open
      ? `<br><a href="#findings" data-req="${esc(r.qualifiedId)}">View ${fmt(open)} finding(s)</a>`
      : '';
    const findings = `${fmt(r.resourcesEvaluated)} finding(s)`;
    return `<tr data-requirement="${esc(r.qualifiedId)}"><td class="id"><code>${esc(r.id)}</code></td><td>${esc(r.title)}</td><td>${esc(r.section)}</td>${hipaa ? `<td>${esc(r.implementation ?? '—')}</td>` : ''}<td>${statusBadge(r.status)}<div class="muted">${findings}</div>${link}</td><td>${r.automated ? 'yes' : 'no'}</td><td>${controls}</td><td>${manual}</td></tr>`;
  });
  const manualCount = fw.requirements.reduce((n, r) => n + r.manualEvidence.length, 0);
  const totals = countsText(fw.totals.byStatus, REQUIREMENT_ORDER);
  return `<section class="framework" id="fw-${esc(fw.framework)}"><h2>${esc(fw.name)} <span class="muted">${esc(fw.version)}</span></h2>
<p>Mapping <code>${esc(fw.framework)}</code>, hash <code>${esc(fw.hash)}</code>. ${fmt(fw.totals.requirements)} requirements: ${fmt(fw.totals.automated)} automated, ${fmt(fw.totals.manual)} manual. Verdicts: ${esc(totals)}. ${fmt(manualCount)} manual evidence item(s) still to collect.</p>
<p class="note">PASS needs at least one passing resource and no failure; NOT APPLICABLE means no resource was in scope (0 findings) and is not a pass; MANUAL requirements need the evidence listed.</p>
<table><thead><tr><th>Id</th><th>Title</th><th>Section</th>${hipaa ? '<th>Required / addressable</th>' : ''}<th>Status</th><th>Automated</th><th>Mapped controls (findings)</th><th>Manual evidence to collect</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function renderCollectionErrors(errors: readonly Record<string, unknown>[]): string {
  if (errors.length === 0)
    return '<section id="collection-errors"><h2>Collection errors</h2><p>None: the collector read everything it asked for.</p></section>';
  const preferred = ['accountId', 'service', 'operation', 'region', 'code', 'message', 'permission'];
  const keys = [
    ...new Set([...preferred.filter((k) => errors.some((e) => k in e)), ...errors.flatMap((e) => Object.keys(e))]),
  ];
  const cell = (v: unknown) => (v === undefined ? '' : esc(typeof v === 'string' ? v : JSON.stringify(v)));
  const rows = errors.map((e) => `<tr>${keys.map((k) => `<td>${cell(e[k])}</td>`).join('')}</tr>`).join('');
  return `<section id="collection-errors"><h2>Collection errors</h2><p>${fmt(errors.length)} call(s) failed; the data they would have returned is missing from this run.</p>
<table><thead><tr>${keys.map((k) => `<th>${esc(k)}</th>`).join('')}</tr></thead><tbody>${rows}</tbody></table></section>`;
}

function renderFindingsApp(): string {
  const select = (id: string, label: string, all: string, extra = '') =>
    `<label${extra}>${label}<select id="${id}"><option value="">${all}</option></select></label>`;
  return `<section id="findings"><h2>Findings by resource</h2>
<p class="note">Every finding, passing or not, is also in <code>findings.jsonl</code> and the <code>*-auditor.csv</code> files of this bundle.</p>
<p class="note print-only">A printed copy holds the current page of this table only.</p>
<noscript><p class="callout">The interactive findings table needs JavaScript. Everything above this section is complete without it.</p></noscript>
<div id="findings-app" hidden><div class="filters" role="search">
${select('f-req', 'Requirement', 'All requirements', ' class="wide"')}${select('f-sev', 'Severity', 'All severities')}${select('f-status', 'Status', 'All statuses')}${select('f-service', 'Service', 'All services')}${select('f-account', 'Account', 'All accounts')}${select('f-region', 'Region', 'All regions')}
<label class="wide">Search resource id, name or reason<input id="f-q" type="search" autocomplete="off"></label>
<label>Sort<select id="f-sort"><option value="severity-desc">Severity, critical first</option><option value="severity-asc">Severity, low first</option><option value="control">Control id</option><option value="resource">Resource id</option><option value="account">Account</option></select></label>
<label>Rows per page<select id="f-size"><option>50</option><option selected>100</option><option>250</option><option>500</option></select></label>
<label>&nbsp;<button type="button" id="f-reset">Clear filters</button></label></div>
<div class="pager"><span id="findings-status" class="count" role="status" aria-live="polite">Loading findings…</span><span id="findings-page" class="muted"></span>
<button type="button" id="p-first">« First</button><button type="button" id="p-prev">‹ Previous</button><button type="button" id="p-next">Next ›</button><button type="button" id="p-last">Last »</button></div>
<table id="findings-table"><thead><tr><th>Severity</th><th>Status</th><th>Control</th><th>Resource</th><th>Reason</th><th>Requirements</th><th>Remediation</th></tr></thead><tbody id="findings-body"></tbody></table></div>`;
}

/**
 * Streams the HTML report: summary sections first, then the findings
 * table's rows as they come, then the lookup tables and script.
 *
 * @example
 * const file = store.open('report.html');
 * await writeHtmlReport(summary, encodeReportRows(findings), (chunk) => file.write(chunk));
 */
export async function writeHtmlReport(
  summary: BundleSummary,
  rows: ReportRows,
  write: (chunk: string | Uint8Array) => Promise<void>,
): Promise<void> {
  const run = summary.run;
  const titles = Object.fromEntries(
    summary.frameworks.flatMap((fw) => fw.requirements.map((r) => [r.qualifiedId, r.title])),
  );
  const nav = [
    ['population', 'Population'],
    ['findings-summary', 'Findings'],
    ['charts', 'Charts'],
    ...summary.frameworks.map((fw) => [`fw-${fw.framework}`, fw.name]),
    ['collection-errors', 'Collection errors'],
    ['findings', 'Findings by resource'],
  ] as const;
  await write(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Compliance audit report — ${esc(run.runId)}</title>
<style>${REPORT_CSS}</style></head><body>
<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false"><defs><pattern id="hatch-fail" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="6" fill="#c62828"/><rect width="2" height="6" fill="#e57373"/></pattern></defs></svg>
${renderHeader(run)}
<nav class="toc" aria-label="Sections">${nav.map(([id, label]) => `<a href="#${esc(id)}">${esc(label)}</a>`).join('')}</nav>
<main>${renderPopulation(summary.overall)}${renderFindingCounts(summary.overall)}${renderCharts(summary)}
${summary.frameworks.map((fw) => renderFramework(fw, summary.overall)).join('\n')}
${renderCollectionErrors(summary.overall.collectionErrors)}
${renderFindingsApp()}
<script type="application/json" id="findings-data">{"v":1,"requirementTitles":${jsonForScript(titles)},"columns":["control","status","resourceType","resourceId","resourceName","accountId","region","reason","requirementSet"],"controlColumns":["controlId","title","severity","service","remediation"],"rows":[`);
  for await (const chunk of rows.chunks) await write(chunk);
  await write(`],${rows.tables()}}</script>
</section></main>
<footer class="note"><p>Generated by ${esc(run.tool.name)} ${esc(run.tool.version)} for run <code>${esc(run.runId)}</code>. This file loads nothing from the network; its integrity is recorded in the bundle's manifest.json.</p></footer>
<script>${REPORT_SCRIPT}</script>
</body></html>
`);
}
