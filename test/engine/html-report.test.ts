import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { BundleSummary, ReportFinding } from '../../engine/evidence/bundle-types.js';
import { encodeReportRows, jsonForScript, writeHtmlReport } from '../../engine/evidence/html-report.js';
import { REPORT_CSS, REPORT_SCRIPT } from '../../engine/evidence/html-report-client.js';
import type { RequirementResult, RequirementStatus, StatusCounts } from '../../engine/map/requirement-status.js';
import type { Severity } from '../../engine/types.js';

const HOSTILE_IMG = '<img src=x onerror=alert(1)>';
const HOSTILE_SCRIPT = '</script><script>alert(1)</script>';

const counts = (partial: Partial<StatusCounts> = {}): StatusCounts => ({
  PASS: 0,
  FAIL: 0,
  NOT_APPLICABLE: 0,
  INSUFFICIENT_DATA: 0,
  ERROR: 0,
  ...partial,
});

function requirement(
  framework: string,
  id: string,
  status: RequirementStatus,
  c: StatusCounts,
  extra: Partial<RequirementResult> = {},
): RequirementResult {
  const automated = status !== 'MANUAL';
  return {
    id,
    qualifiedId: `${framework}:${id}`,
    title: `Title of ${id}`,
    section: id.startsWith('CC6') ? 'CC6 Logical and physical access' : 'Other',
    status,
    automated,
    counts: c,
    resourcesEvaluated: Object.values(c).reduce((a, b) => a + b, 0),
    controls: automated
      ? [{ id: 's3-bucket-versioning-enabled', rationale: 'Versioning keeps prior states.', counts: c }]
      : [],
    manualEvidence: automated ? [] : [`Board minutes for ${id}`],
    ...extra,
  };
}

function buildSummary(): BundleSummary {
  const soc2 = [
    requirement('soc2', 'CC6.1', 'FAIL', counts({ FAIL: 2, PASS: 5 })),
    requirement('soc2', 'CC6.6', 'PASS', counts({ PASS: 3 })),
    requirement('soc2', 'CC7.2', 'INSUFFICIENT_DATA', counts({ INSUFFICIENT_DATA: 1 })),
    requirement('soc2', 'CC8.1', 'NOT_APPLICABLE', counts()),
    requirement('soc2', 'CC1.1', 'MANUAL', counts()),
  ];
  const hipaa = [
    requirement('hipaa', '164.312(a)(1)', 'FAIL', counts({ FAIL: 1 }), { implementation: 'required' }),
    requirement('hipaa', '164.308(a)(1)(ii)(A)', 'MANUAL', counts(), { implementation: 'addressable' }),
  ];
  const byStatus = (reqs: RequirementResult[]) =>
    Object.fromEntries(
      (['PASS', 'FAIL', 'NOT_APPLICABLE', 'INSUFFICIENT_DATA', 'MANUAL'] as const).map((s) => [
        s,
        reqs.filter((r) => r.status === s).length,
      ]),
    ) as Record<RequirementStatus, number>;
  const framework = (framework: string, name: string, requirements: RequirementResult[]) => ({
    framework,
    name,
    version: '2017',
    hash: `sha256-${framework}`,
    requirements,
    totals: {
      requirements: requirements.length,
      automated: requirements.filter((r) => r.automated).length,
      manual: requirements.filter((r) => !r.automated).length,
      byStatus: byStatus(requirements),
    },
  });
  const severities: Record<Severity, StatusCounts> = {
    low: counts(),
    medium: counts({ FAIL: 2, PASS: 5 }),
    high: counts({ FAIL: 1, INSUFFICIENT_DATA: 1 }),
    critical: counts({ ERROR: 1 }),
  };
  return {
    run: {
      runId: 'run-2024-05-01T00-00-00Z-abc123',
      startedAt: '2024-05-01T00:00:00.000Z',
      finishedAt: '2024-05-01T00:00:42.000Z',
      tool: { name: 'compliance-auditor', version: '0.1.0' },
      input: {
        description: 'Config snapshot',
        path: 'in/snapshot.json.gz',
        format: 'json',
        gzip: true,
        sizeBytes: 1234,
        sha256: 'f'.repeat(64),
      },
      catalog: { version: '1', hash: 'c'.repeat(64), controls: 12 },
      frameworks: [
        { framework: 'soc2', name: 'SOC 2', version: '2017', hash: 'sha256-soc2' },
        { framework: 'hipaa', name: 'HIPAA Security Rule', version: '2013', hash: 'sha256-hipaa' },
      ],
      failOn: 'high',
    },
    overall: {
      population: {
        recordsRead: 20,
        evaluated: 15,
        outOfScope: { ResourceDeleted: 2 },
        unknownTypes: { 'AWS::Foo::Bar': 1 },
        byResourceType: { 'AWS::S3::Bucket': 15 },
        accounts: ['111111111111', '222222222222'],
        regions: ['us-east-1'],
        accountsWithoutFacts: ['222222222222'],
      },
      findings: { ...counts({ FAIL: 3, PASS: 5, INSUFFICIENT_DATA: 1, ERROR: 1 }), total: 10 },
      bySeverity: severities,
      byService: { s3: counts({ FAIL: 3, PASS: 5 }), iam: counts({ INSUFFICIENT_DATA: 1, ERROR: 1 }) },
      byControl: {
        's3-bucket-versioning-enabled': {
          ...counts({ FAIL: 3, PASS: 5 }),
          title: 'S3 bucket has versioning enabled',
          severity: 'medium',
          service: 's3',
        },
      },
      collectionErrors: [
        { service: 'iam', operation: 'GetAccountSummary', code: 'AccessDenied', message: HOSTILE_IMG },
      ],
    },
    frameworks: [framework('soc2', 'SOC 2', soc2), framework('hipaa', 'HIPAA Security Rule', hipaa)],
  };
}

const finding = (overrides: Partial<ReportFinding> = {}): ReportFinding => ({
  controlId: 's3-bucket-versioning-enabled',
  title: 'S3 bucket has versioning enabled',
  severity: 'medium',
  status: 'FAIL',
  service: 's3',
  resourceType: 'AWS::S3::Bucket',
  resourceId: 'logs-prod',
  resourceName: 'logs-prod',
  accountId: '111111111111',
  region: 'us-east-1',
  reason: 'S3 bucket logs-prod has versioning set to Suspended.',
  requirements: ['soc2:CC6.1', 'hipaa:164.312(a)(1)'],
  remediation: 'Enable versioning & MFA delete: "aws s3api put-bucket-versioning".',
  ...overrides,
});

const FINDINGS: ReportFinding[] = [
  finding(),
  finding({
    resourceId: HOSTILE_SCRIPT,
    resourceName: HOSTILE_IMG,
    reason: 'x <!-- <script> </SCRIPT > \u2028 é 🎉 \ud800',
  }),
  finding({
    controlId: 'iam-root-mfa',
    title: 'Root has MFA',
    severity: 'critical',
    status: 'ERROR',
    service: 'iam',
    resourceType: 'AWS::::Account',
    resourceName: null,
    requirements: [],
  }),
  finding({ status: 'INSUFFICIENT_DATA', accountId: '222222222222', requirements: ['soc2:CC7.2'] }),
];

async function* stream<T>(items: Iterable<T>): AsyncGenerator<T> {
  for (const item of items) yield item;
}

async function render(findings: AsyncIterable<ReportFinding>, summary = buildSummary()) {
  const chunks: string[] = [];
  await writeHtmlReport(summary, encodeReportRows(findings), async (chunk) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
  });
  return { html: chunks.join(''), chunks };
}

interface FindingsData {
  rows: [number, number, number, string, string | null, number, number, string, number][];
  strings: string[];
  controls: [number, number, number, number, number][];
  requirementSets: number[][];
}

/** Reads the embedded findings back the way the browser does, independently of the writer. */
function decodeFindings(html: string): ReportFinding[] {
  const open = '<script type="application/json" id="findings-data">';
  const start = html.indexOf(open) + open.length;
  const raw = html.slice(start, html.indexOf('</script>', start));
  expect(raw).not.toMatch(/<\/script|<!--|</i);
  const data = JSON.parse(raw) as FindingsData;
  const s = (i: number) => data.strings[i] as string;
  return data.rows.map(([c, status, type, resourceId, resourceName, account, region, reason, set]) => {
    const [id, title, severity, service, remediation] = (data.controls[c] ?? []).map(s);
    return {
      controlId: id as string,
      title: title as string,
      severity: severity as Severity,
      status: s(status) as ReportFinding['status'],
      service: service as string,
      resourceType: s(type),
      resourceId,
      resourceName,
      accountId: s(account),
      region: s(region),
      reason,
      requirements: (data.requirementSets[set] ?? []).map(s),
      remediation: remediation as string,
    };
  });
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('base64');

describe('writeHtmlReport', () => {
  it('writes a self-contained document that loads nothing from the network', async () => {
    // Act
    const { html } = await render(stream(FINDINGS));

    // Assess
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).toContain("default-src 'none'");
    expect(html).not.toMatch(/\b(?:src|href|action|srcset|poster|xlink:href)\s*=\s*["']?\s*(?:https?:|\/\/)/i);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|@import|url\((?!#)/i);
    // Only the data block and our own script: no injected script element.
    expect(html.match(/<script\b/gi)).toHaveLength(2);
  });

  it('allows its own script and style by hash in the CSP', async () => {
    // Act
    const { html } = await render(stream([]));

    // Assess
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
    expect(script).toBe(REPORT_SCRIPT);
    expect(style).toBe(REPORT_CSS);
    expect(html).toContain(`script-src 'sha256-${sha256(REPORT_SCRIPT)}'`);
    expect(html).toContain(`style-src 'sha256-${sha256(REPORT_CSS)}'`);
    expect(REPORT_SCRIPT).not.toMatch(/<\/script|<!--/i);
    expect(REPORT_CSS).not.toMatch(/<\/style/i);
    // The browser script at least parses.
    expect(() => new Function(REPORT_SCRIPT)).not.toThrow();
    expect(decodeFindings(html)).toEqual([]);
  });

  it('shows provenance, population and every requirement with its status', async () => {
    // Act
    const { html } = await render(stream(FINDINGS));

    // Assess
    expect(html).toContain('run-2024-05-01T00-00-00Z-abc123');
    expect(html).toContain('f'.repeat(64));
    expect(html).toContain('c'.repeat(64));
    expect(html).toContain('sha256-hipaa');
    expect(html).toMatch(/222222222222.*INSUFFICIENT_DATA/s);
    const rows = new Map(
      [...html.matchAll(/<tr data-requirement="([^"]+)">(.*?)<\/tr>/g)].map((m) => [
        m[1],
        { status: /data-status="([A-Z_]+)"/.exec(m[2] ?? '')?.[1], body: m[2] ?? '' },
      ]),
    );
    expect(Object.fromEntries([...rows].map(([id, row]) => [id, row.status]))).toEqual({
      'soc2:CC6.1': 'FAIL',
      'soc2:CC6.6': 'PASS',
      'soc2:CC7.2': 'INSUFFICIENT_DATA',
      'soc2:CC8.1': 'NOT_APPLICABLE',
      'soc2:CC1.1': 'MANUAL',
      'hipaa:164.312(a)(1)': 'FAIL',
      'hipaa:164.308(a)(1)(ii)(A)': 'MANUAL',
    });
    expect(rows.get('soc2:CC8.1')?.body).toContain('0 finding(s)');
    expect(rows.get('soc2:CC1.1')?.body).toContain('Board minutes for CC1.1');
    expect(rows.get('hipaa:164.308(a)(1)(ii)(A)')?.body).toContain('addressable');
    expect(html).toContain('<th>Required / addressable</th>');
    expect(html).toContain('GetAccountSummary');
    expect(html.match(/<svg class="chart"/g)?.length).toBeGreaterThanOrEqual(4);
  });

  it('never lets a hostile string through raw', async () => {
    // Act
    const { html } = await render(stream(FINDINGS));

    // Assess
    expect(html).not.toContain(HOSTILE_IMG);
    expect(html).not.toContain(HOSTILE_SCRIPT);
    expect(html).not.toContain('</script><script>');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
  });

  it('embeds findings that parse back to the same rows', async () => {
    // Act
    const { html } = await render(stream(FINDINGS));

    // Assess
    expect(decodeFindings(html)).toEqual(FINDINGS);
  });

  it('escapes script terminators in JSON data', () => {
    // Act
    const json = jsonForScript({ a: '</script><!-- <SCRIPT> & \u2028' });

    // Assess
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual({ a: '</script><!-- <SCRIPT> & \u2028' });
  });

  it('streams 200,000 findings in chunks as they arrive', async () => {
    // Prepare
    const total = 200_000;
    let writesBeforeLast = 0;
    const chunks: string[] = [];
    async function* many(): AsyncGenerator<ReportFinding> {
      for (let i = 0; i < total; i++) {
        if (i === total - 1) writesBeforeLast = chunks.length;
        yield finding({ resourceId: `bucket-${i}`, resourceName: `bucket-${i}`, accountId: `1000000000${i % 10}` });
      }
    }

    // Act
    await writeHtmlReport(buildSummary(), encodeReportRows(many()), async (chunk) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    });

    // Assess
    expect(writesBeforeLast).toBeGreaterThan(100);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThan(256 * 1024);
    const decoded = decodeFindings(chunks.join(''));
    expect(decoded).toHaveLength(total);
    expect(decoded[total - 1]?.resourceId).toBe(`bucket-${total - 1}`);
  });
});
