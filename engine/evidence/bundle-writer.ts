/**
 * Writes an evidence bundle as findings stream past, then the summaries, the
 * auditor CSVs, the HTML report and, last, the manifest. A run that dies
 * before the end leaves no manifest, so a partial bundle cannot pass for a
 * whole one.
 *
 * Layout:
 *   findings.jsonl            one finding a line
 *   inventory.<ext>           the input, byte for byte: the population evaluated
 *   catalog.json              the controls and mappings as they were: findings read against them
 *   summary.json              run, population, counts, every framework
 *   <fw>-summary.json         one framework's requirement verdicts
 *   <fw>-requirements.csv     a row per requirement: status, counts, manual evidence
 *   <fw>-auditor.csv          a row per requirement × control × resource
 *   report.html               self-contained report
 *   manifest.json             every file with SHA-256 and size (written last)
 */
import type { FrameworkMapping } from '../map/mappings.js';
import type { FrameworkSummary } from '../map/requirement-status.js';
import { ScratchFile } from '../scratch-file.js';
import type { BundleSummary, CatalogSnapshot, EncodedBatch, Manifest } from './bundle-types.js';
import { csvRow } from './csv.js';
import { AUDITOR_CSV_HEADER } from './finding-serialiser.js';
import { writeHtmlReport } from './html-report.js';
import { writeManifest } from './run-record.js';
import { type EvidenceFile, type EvidenceFileWriter, type EvidenceStore, writeEvidenceFile } from './store.js';
import { SLAB_BYTES, takeSlab } from './utf8-sink.js';

const REQUIREMENTS_CSV_HEADER = [
  'framework',
  'requirement_id',
  'title',
  'section',
  'implementation',
  'status',
  'automated',
  'controls',
  'pass',
  'fail',
  'insufficient_data',
  'error',
  'not_applicable',
  'manual_evidence_to_collect',
];

export class EvidenceBundleWriter {
  private readonly findings: EvidenceFileWriter;
  private readonly population: EvidenceFileWriter;
  private populationClosed = false;
  private readonly auditorCsv = new Map<string, EvidenceFileWriter>();
  private readonly closed: EvidenceFile[] = [];

  private constructor(
    private readonly store: EvidenceStore,
    frameworks: readonly FrameworkMapping[],
    populationName: string,
    /** The report's rows wait here until the summary that heads the report is known. */
    private readonly reportRows: ScratchFile,
  ) {
    this.findings = store.open('findings.jsonl');
    this.population = store.open(populationName);
    for (const mapping of frameworks) {
      this.auditorCsv.set(mapping.framework, store.open(`${mapping.framework}-auditor.csv`));
    }
  }

  /**
   * Prepares the store (a new, empty location) and opens the streamed files.
   *
   * `populationName` names the copy of the input: `inventory.ndjson`,
   * `inventory.json.gz`, ... after the input's own format.
   *
   * @example
   * const bundle = await EvidenceBundleWriter.create(store, index.frameworks, 'inventory.ndjson');
   */
  static async create(
    store: EvidenceStore,
    frameworks: readonly FrameworkMapping[],
    populationName: string,
  ): Promise<EvidenceBundleWriter> {
    // The scratch first: a temporary directory that cannot take it stops the run before the store is touched.
    const reportRows = new ScratchFile('report-rows');
    try {
      await store.prepare();
    } catch (error) {
      reportRows.close();
      throw error;
    }
    const writer = new EvidenceBundleWriter(store, frameworks, populationName, reportRows);
    for (const csv of writer.auditorCsv.values()) await csv.write(csvRow(AUDITOR_CSV_HEADER));
    return writer;
  }

  /**
   * The input's bytes as read: the population is exactly what was evaluated,
   * its hash is the input's, and it replays to the same findings.
   */
  writePopulationBytes(chunk: Buffer): Promise<void> | undefined {
    // A copy: the reader is still parsing these bytes, and a writer may keep
    // what it is given. The reader's chunks are mostly a slab's size: those
    // are copied into a reused slab.
    if (chunk.length < SLAB_BYTES / 2 || chunk.length > SLAB_BYTES) return this.population.write(Buffer.from(chunk));
    const copy = takeSlab().subarray(0, chunk.length);
    chunk.copy(copy);
    return this.population.write(copy);
  }

  /**
   * Closes the copy of the input once it has been read whole. Its SHA-256
   * is the input's: the store hashes it anyway, so the audit need not.
   */
  async closePopulation(): Promise<EvidenceFile> {
    const file = await this.population.close();
    this.closed.push(file);
    this.populationClosed = true;
    return file;
  }

  /**
   * Appends a batch of encoded findings, in order, to findings.jsonl, the
   * auditor CSVs and the report's scratch list.
   */
  async writeBatch(batch: EncodedBatch): Promise<void> {
    // The scratch first: it throws at once when TMPDIR is full, before any flush is left pending.
    for (const chunk of batch.reportRows) this.reportRows.append(chunk);
    const flushes: Promise<void>[] = [];
    const queue = (flush: Promise<void> | undefined) => {
      if (flush) flushes.push(flush);
    };
    for (const chunk of batch.findings) queue(this.findings.write(chunk));
    for (const [framework, chunks] of Object.entries(batch.auditorCsv)) {
      const csv = this.auditorCsv.get(framework);
      for (const chunk of chunks) queue(csv?.write(chunk));
    }
    if (flushes.length > 0) await Promise.all(flushes);
  }

  private async writeWhole(path: string, content: string): Promise<void> {
    this.closed.push(await writeEvidenceFile(this.store, path, content));
  }

  private async finishFramework(summary: FrameworkSummary): Promise<void> {
    await this.writeWhole(`${summary.framework}-summary.json`, `${JSON.stringify(summary, null, 2)}\n`);
    const rows = [csvRow(REQUIREMENTS_CSV_HEADER)];
    const auditor = this.auditorCsv.get(summary.framework);
    for (const requirement of summary.requirements) {
      rows.push(
        csvRow([
          summary.framework,
          requirement.id,
          requirement.title,
          requirement.section,
          requirement.implementation ?? '',
          requirement.status,
          requirement.automated ? 'yes' : 'no',
          requirement.controls.map((c) => c.id),
          requirement.counts.PASS,
          requirement.counts.FAIL,
          requirement.counts.INSUFFICIENT_DATA,
          requirement.counts.ERROR,
          requirement.counts.NOT_APPLICABLE,
          requirement.manualEvidence.join(' | '),
        ]),
      );
      // Requirements without findings still get a row, so the auditor's
      // sheet lists the whole framework, not only what was automated.
      if (auditor && requirement.resourcesEvaluated === 0) {
        const reason = requirement.automated
          ? `No resource in scope for ${requirement.controls.map((c) => c.id).join(', ')}.`
          : `Manual evidence to collect: ${requirement.manualEvidence.join('; ')}.`;
        await auditor.write(
          csvRow([
            summary.framework,
            requirement.id,
            requirement.title,
            '',
            '',
            '',
            requirement.status,
            '',
            '',
            '',
            '',
            '',
            '',
            reason,
          ]),
        );
      }
    }
    await this.writeWhole(`${summary.framework}-requirements.csv`, rows.join(''));
    if (auditor) this.closed.push(await auditor.close());
  }

  /**
   * Closes the streamed files, writes summaries, CSVs and the report, then
   * the manifest. Returns the manifest and its own SHA-256.
   */
  async finish(
    summary: BundleSummary,
    catalog: CatalogSnapshot,
    reportTables: string,
  ): Promise<{ manifest: Manifest; manifestFile: EvidenceFile }> {
    this.closed.push(await this.findings.close());
    if (!this.populationClosed) await this.closePopulation();
    await this.writeWhole('catalog.json', `${JSON.stringify(catalog, null, 2)}\n`);
    for (const framework of summary.frameworks) await this.finishFramework(framework);
    await this.writeWhole('summary.json', `${JSON.stringify(summary, null, 2)}\n`);
    const report = this.store.open('report.html');
    // The rows are stored in their final form: they are copied, not parsed again.
    await writeHtmlReport(summary, { chunks: this.reportRows.chunks(), tables: () => reportTables }, async (chunk) => {
      await report.write(chunk);
    });
    this.closed.push(await report.close());
    this.reportRows.close();

    return writeManifest(this.store, summary.run, summary.overall, this.closed);
  }

  /** Removes what was written, for runs that stop on bad input. */
  async abort(): Promise<void> {
    this.reportRows.close();
    // Close open writers so their file handles are released before removal.
    await Promise.allSettled([
      this.findings.close(),
      this.population.close(),
      ...[...this.auditorCsv.values()].map((c) => c.close()),
    ]);
    await this.store.abort();
  }
}
