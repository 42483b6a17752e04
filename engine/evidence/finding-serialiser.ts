/**
 * Serialises findings for findings.jsonl and the auditor CSVs. A finding's
 * control-level fields (title, severity, hash, requirements, remediation) are
 * the same for every resource the control judges, so their text is built
 * once per control and reused: at 100,000 resources the bundle holds
 * millions of lines, and re-encoding the same strings dominated the run.
 * The output is byte-for-byte what JSON.stringify and csvRow produce, except
 * that CSV rows of PASS and NOT_APPLICABLE findings leave remediation empty.
 */
import type { Finding } from '../types.js';
import { csvCell } from './csv.js';
import { ReportRowEncoder } from './html-report.js';
import type { Utf8Sink } from './utf8-sink.js';

export const AUDITOR_CSV_HEADER = [
  'framework',
  'requirement_id',
  'requirement_title',
  'control_id',
  'control_title',
  'severity',
  'status',
  'resource_type',
  'resource_id',
  'resource_name',
  'resource_arn',
  'account_id',
  'region',
  'reason',
  'configuration_capture_time',
  'evaluated_at',
  'remediation',
] as const;

export interface RequirementRef {
  framework: string;
  id: string;
  title: string;
}

interface ControlText {
  /** The finding it was built from: reused only while these fields match. */
  key: Pick<
    Finding,
    'runId' | 'controlId' | 'controlHash' | 'title' | 'severity' | 'service' | 'evaluatedAt' | 'remediation'
  >;
  requirements: readonly string[];
  /** `{"runId":…,…,"service":…,` */
  jsonHead: string;
  jsonHeadBytes: Buffer;
  /** `,"requirements":[…],"remediation":…}\n` */
  jsonTail: string;
  jsonTailBytes: Buffer;
  /** Per requirement: its framework and the row's first six cells, comma-terminated, encoded. */
  csvHeads: { framework: string; head: Buffer }[];
  /** `,<evaluated_at>,<remediation>\r\n`, for rows that call for action. */
  csvTail: Buffer;
  /** `,<evaluated_at>,\r\n`: a passing or not-applicable row needs no remediation. */
  csvTailNoAction: Buffer;
}

const json = JSON.stringify;
const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

/** Findings with these statuses are listed resource by resource in the HTML report. */
const REPORTED_STATUSES: ReadonlySet<string> = new Set(['FAIL', 'ERROR', 'INSUFFICIENT_DATA']);

/** Rows with these statuses leave the remediation cell empty: there is nothing to fix. */
const NO_ACTION: ReadonlySet<string> = new Set(['PASS', 'NOT_APPLICABLE']);

export class FindingSerialiser {
  private readonly byControl = new Map<string, ControlText>();
  private readonly reportRows = new ReportRowEncoder();

  constructor(private readonly requirements: ReadonlyMap<string, RequirementRef>) {}

  private textFor(finding: Finding): ControlText {
    const cached = this.byControl.get(finding.controlId);
    if (
      cached &&
      cached.requirements === finding.requirements &&
      cached.key.controlHash === finding.controlHash &&
      cached.key.title === finding.title &&
      cached.key.severity === finding.severity &&
      cached.key.service === finding.service &&
      cached.key.runId === finding.runId &&
      cached.key.evaluatedAt === finding.evaluatedAt &&
      cached.key.remediation === finding.remediation
    ) {
      return cached;
    }
    const jsonHead =
      `{"runId":${json(finding.runId)},"controlId":${json(finding.controlId)},"controlHash":${json(finding.controlHash)},` +
      `"title":${json(finding.title)},"severity":${json(finding.severity)},"service":${json(finding.service)},`;
    const jsonTail = `,"requirements":${json(finding.requirements)},"remediation":${json(finding.remediation)}}\n`;
    const text: ControlText = {
      key: finding,
      requirements: finding.requirements,
      jsonHead,
      jsonHeadBytes: utf8(jsonHead),
      jsonTail,
      jsonTailBytes: utf8(jsonTail),
      csvHeads: finding.requirements.flatMap((qualified) => {
        const requirement = this.requirements.get(qualified);
        if (!requirement) return [];
        const cells = [
          requirement.framework,
          requirement.id,
          requirement.title,
          finding.controlId,
          finding.title,
          finding.severity,
        ];
        return [{ framework: requirement.framework, head: utf8(`${cells.map(csvCell).join(',')},`) }];
      }),
      csvTail: utf8(`,${csvCell(finding.evaluatedAt)},${csvCell(finding.remediation)}\r\n`),
      csvTailNoAction: utf8(`,${csvCell(finding.evaluatedAt)},\r\n`),
    };
    this.byControl.set(finding.controlId, text);
    return text;
  }

  /**
   * The resource-level members of a findings.jsonl line, from `"status"` to
   * `"observed"`, without braces: one JSON.stringify call rather than one per field.
   */
  private jsonBody(finding: Finding): string {
    const body = json({
      status: finding.status,
      reason: finding.reason,
      resourceType: finding.resourceType,
      resourceId: finding.resourceId,
      resourceName: finding.resourceName,
      resourceArn: finding.resourceArn,
      accountId: finding.accountId,
      region: finding.region,
      evaluatedAt: finding.evaluatedAt,
      configurationCaptureTime: finding.configurationCaptureTime,
      observed: finding.observed,
    });
    return body.slice(1, -1);
  }

  /** One line of findings.jsonl, newline included. */
  jsonLine(finding: Finding): string {
    const text = this.textFor(finding);
    return `${text.jsonHead}${this.jsonBody(finding)}${text.jsonTail}`;
  }

  /** Writes `jsonLine(finding)` to the sink, its control's parts already encoded. */
  writeJsonLine(finding: Finding, sink: Utf8Sink): void {
    const text = this.textFor(finding);
    sink.bytes(text.jsonHeadBytes);
    sink.text(this.jsonBody(finding));
    sink.bytes(text.jsonTailBytes);
  }

  /**
   * Writes the auditor CSV rows of a finding, one per mapped requirement, to
   * its framework's sink; the resource's cells are encoded once for all of them.
   */
  writeCsvRows(finding: Finding, sinkFor: (framework: string) => Utf8Sink | undefined): void {
    const text = this.textFor(finding);
    if (text.csvHeads.length === 0) return;
    const middle = utf8(
      [
        finding.status,
        finding.resourceType,
        finding.resourceId,
        finding.resourceName,
        finding.resourceArn,
        finding.accountId,
        finding.region,
        finding.reason,
        finding.configurationCaptureTime,
      ]
        .map(csvCell)
        .join(','),
    );
    const tail = NO_ACTION.has(finding.status) ? text.csvTailNoAction : text.csvTail;
    for (const { framework, head } of text.csvHeads) {
      const sink = sinkFor(framework);
      if (!sink) continue;
      sink.bytes(head);
      sink.bytes(middle);
      sink.bytes(tail);
    }
  }

  /**
   * Writes the finding's row of the HTML report's findings table when the
   * report lists it (it failed, errored or lacked data), in its final form.
   */
  writeReportRow(finding: Finding, sink: Utf8Sink): void {
    if (REPORTED_STATUSES.has(finding.status)) sink.text(this.reportRows.row(finding));
  }

  /** The lookup tables the report rows written so far index, for the end of the report. */
  reportTables(): string {
    return this.reportRows.tables();
  }
}
