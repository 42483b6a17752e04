import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../cli/main.js';
import { generateInventory } from '../../bench/generate-inventory.js';
import { DEMO_INVENTORY } from '../../engine/catalog.js';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'compliance-auditor');
let dir: string;
const run = async (...args: string[]) => {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
};
const write = async (name: string, content: string) => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ca-cli-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('CLI: usage', () => {
  it('prints help', async () => {
    const result = await run('--help');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Usage: compliance-auditor/);
  });
  it.each([
    [[], /error: no command given/],
    [['launch'], /error: unknown command "launch"/],
    [['audit'], /error: audit needs --input PATH \(or --demo\)/],
    [['audit', '--demo', '--input', 'x.json'], /either --input or --demo/],
    [['audit', '--demo', '--fail-on', 'severe'], /--fail-on must be one of low, medium, high, critical/],
    [['audit', '--demo', '--frameworks', 'pci'], /--frameworks: unknown framework pci; known: soc2, gdpr, hipaa/],
    [['audit', '--bogus'], /error: Unknown option '--bogus'/],
    [['controls'], /usage: controls list/],
    [['frameworks', 'coverage', '--framework', 'iso'], /unknown framework "iso"/],
  ])('%j exits 2 with one clear line', async (args, message) => {
    const result = await run(...args);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(message);
    expect(result.err).not.toMatch(/\n\s+at /);
  });
});

describe('CLI: bad input writes nothing', () => {
  it.each([
    ['a missing file', async () => join(dir, 'missing.json'), /missing\.json: no such file/],
    ['standard input', async () => '-', /^error: -: standard input cannot be audited .*save it to a file first$/],
    [
      'malformed JSON',
      async () => write('malformed.json', '{\n  "configurationItems": [ {"resourceType": \n'),
      /malformed\.json: not valid JSON/,
    ],
    [
      'an unrecognised shape',
      async () => write('shape.json', '{\n  "Items": []\n}'),
      /shape\.json: unrecognised inventory shape/,
    ],
    [
      'malformed NDJSON on the last line',
      async () =>
        write(
          'late.ndjson',
          `${JSON.stringify({ resourceType: 'AWS::EC2::Volume', resourceId: 'vol-1', awsAccountId: '111122223333', configuration: { encrypted: true } })}\n{"resourceType":\n`,
        ),
      /late\.ndjson:2: not valid JSON/,
    ],
    [
      'a select row without resourceType',
      async () =>
        write('select.json', JSON.stringify({ Results: [JSON.stringify({ resourceId: 'x', configuration: {} })] })),
      /select\.json(:1)? Results\[0\]: SelectResourceConfig result lacks resourceType; the query must select/,
    ],
  ])('%s: exit 2, the file named, no output directory', async (_name, make, message) => {
    const input = await make();
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const result = await run('audit', '--input', input, '--out', out, '--quiet');
    expect(result.code).toBe(2);
    expect(result.err.split('\n')[0]).toMatch(message);
    expect(existsSync(out)).toBe(false);
  });

  it('says in one line that the temporary directory cannot take its scratch files, and writes nothing', async () => {
    // Prepare
    const out = join(dir, 'out-no-tmp');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = join(dir, 'missing-tmp');
    // Act
    const result = await run('audit', '--demo', '--out', out, '--quiet').finally(() => {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    });
    // Assess
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^error: cannot create a scratch file in .*missing-tmp \(ENOENT[^\n]*\)$/);
    expect(existsSync(out)).toBe(false);
  });

  it('reads a UTF-8 file that starts with a byte order mark, and names a UTF-16 one', async () => {
    // Prepare: the demo account saved by an editor that writes a BOM, and as UTF-16 (PowerShell 5's Out-File).
    const demo = await readFile(DEMO_INVENTORY, 'utf8');
    const withBom = await write('bom.json', `\ufeff${demo}`);
    const firstLine = demo.split('\n')[0] ?? '';
    const ndjsonWithBom = await write(
      'bom.ndjson',
      `\ufeff${JSON.stringify(JSON.parse(demo).configurationItems[0])}\n`,
    );
    const utf16 = join(dir, 'utf16.json');
    await writeFile(utf16, Buffer.from(`\ufeff${firstLine}`, 'utf16le'));
    // Act
    const fromBom = await run('audit', '--input', withBom, '--out', join(dir, 'out-bom'), '--quiet');
    const fromNdjsonBom = await run('audit', '--input', ndjsonWithBom, '--out', join(dir, 'out-bom-nd'), '--quiet');
    const fromUtf16 = await run('audit', '--input', utf16, '--out', join(dir, 'out-utf16'), '--quiet');
    // Assess
    expect(fromBom.code).toBe(0);
    expect(fromNdjsonBom.code).toBe(0);
    expect(fromUtf16.code).toBe(2);
    expect(fromUtf16.err.split('\n')[0]).toMatch(
      /utf16\.json: not UTF-8 text \(UTF-16 or binary\); save the inventory as UTF-8/,
    );
    expect(existsSync(join(dir, 'out-utf16'))).toBe(false);
  });

  it('refuses a non-empty output directory', async () => {
    await write('busy-marker', '');
    const result = await run('audit', '--demo', '--out', dir, '--quiet');
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/directory is not empty/);
  });
});

describe('CLI: the demo audit and its bundle', () => {
  let out: string;
  let first: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    out = join(dir, 'demo-bundle');
    first = await run('audit', '--demo', '--out', out, '--quiet');
  });

  it('completes with exit 0 and writes every file of the bundle, the manifest last', async () => {
    expect(first.code).toBe(0);
    const files = (await readdir(out)).sort();
    expect(files).toEqual(
      [
        'findings.jsonl',
        'inventory.json',
        'summary.json',
        'catalog.json',
        'report.html',
        'manifest.json',
        ...['soc2', 'gdpr', 'hipaa'].flatMap((f) => [`${f}-summary.json`, `${f}-requirements.csv`, `${f}-auditor.csv`]),
      ].sort(),
    );
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8'));
    expect(manifest.files.map((f: { path: string }) => f.path).sort()).toEqual(
      files.filter((f) => f !== 'manifest.json'),
    );
    expect(manifest.run).toMatchObject({
      tool: { name: 'compliance-auditor' },
      catalog: { hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
    });
    expect(manifest.run.input.sha256).toMatch(/^[0-9a-f]{64}$/);
    // The population is the input itself, and the catalog snapshot is the one the manifest names.
    const population = manifest.files.find((f: { path: string }) => f.path === 'inventory.json');
    expect(population.sha256).toBe(manifest.run.input.sha256);
    const catalog = JSON.parse(await readFile(join(out, 'catalog.json'), 'utf8'));
    expect(catalog.hash).toBe(manifest.run.catalog.hash);
    expect(catalog.controls).toHaveLength(manifest.run.catalog.controls);
    expect(catalog.frameworks.map((f: { hash: string }) => f.hash)).toEqual(
      manifest.run.frameworks.map((f: { hash: string }) => f.hash),
    );
  });

  it('writes findings.jsonl in the documented schema', async () => {
    const lines = (await readFile(join(out, 'findings.jsonl'), 'utf8')).trim().split('\n');
    expect(lines.length).toBeGreaterThan(100);
    const statuses = new Set<string>();
    for (const line of lines) {
      const finding = JSON.parse(line);
      expect(finding).toMatchObject({
        runId: expect.any(String),
        controlId: expect.stringMatching(/^[a-z0-9]+(-[a-z0-9]+)+$/),
        controlHash: expect.stringMatching(/^[0-9a-f]{64}$/),
        title: expect.any(String),
        severity: expect.stringMatching(/^(low|medium|high|critical)$/),
        status: expect.stringMatching(/^(PASS|FAIL|NOT_APPLICABLE|INSUFFICIENT_DATA|ERROR)$/),
        reason: expect.stringMatching(/\.$/),
        resourceType: expect.any(String),
        resourceId: expect.any(String),
        accountId: expect.stringMatching(/^\d{12}$/),
        region: expect.any(String),
        evaluatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        observed: expect.any(Object),
        requirements: expect.any(Array),
        remediation: expect.any(String),
      });
      expect('resourceArn' in finding && 'configurationCaptureTime' in finding && 'resourceName' in finding).toBe(true);
      for (const requirement of finding.requirements) expect(requirement).toMatch(/^(soc2|gdpr|hipaa):\S+$/);
      statuses.add(finding.status);
    }
    expect([...statuses]).toEqual(expect.arrayContaining(['PASS', 'FAIL', 'NOT_APPLICABLE', 'INSUFFICIENT_DATA']));
  });

  it('verifies, and catches tampering', async () => {
    expect((await run('verify', out)).code).toBe(0);
    const copy = join(dir, 'tampered');
    await rm(copy, { recursive: true, force: true });
    spawnSync('cp', ['-r', out, copy]);
    const findings = join(copy, 'findings.jsonl');
    await writeFile(findings, (await readFile(findings, 'utf8')).replace('"FAIL"', '"PASS"'));
    const result = await run('verify', copy);
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/findings\.jsonl: SHA-256 differs/);
  });

  it('replays its own population to the same findings', async () => {
    const replay = join(dir, 'replay');
    const result = await run('audit', '--input', join(out, 'inventory.json'), '--out', replay, '--quiet');
    expect(result.code).toBe(0);
    const strip = (text: string) =>
      text
        .trim()
        .split('\n')
        .map((line) => {
          const { runId: _r, evaluatedAt: _e, ...rest } = JSON.parse(line);
          return JSON.stringify(rest);
        })
        .sort();
    expect(strip(await readFile(join(replay, 'findings.jsonl'), 'utf8'))).toEqual(
      strip(await readFile(join(out, 'findings.jsonl'), 'utf8')),
    );
  });

  it('exits 1 when something fails at or above --fail-on, 0 below it', async () => {
    const summary = JSON.parse(await readFile(join(out, 'summary.json'), 'utf8'));
    expect(summary.overall.bySeverity.critical.FAIL).toBeGreaterThan(0);
    const gated = await run('audit', '--demo', '--out', join(dir, 'gated'), '--quiet', '--fail-on', 'critical');
    expect(gated.code).toBe(1);
    expect(gated.err).toMatch(/finding\(s\) failed at or above severity critical/);
  });

  it('maps to the chosen frameworks only', async () => {
    const only = join(dir, 'only-soc2');
    expect((await run('audit', '--demo', '--out', only, '--quiet', '--frameworks', 'soc2')).code).toBe(0);
    const files = await readdir(only);
    expect(files).toContain('soc2-auditor.csv');
    expect(files).not.toContain('hipaa-auditor.csv');
  });
});

describe('CLI: catalog commands', () => {
  it('lists controls and frameworks, and shows coverage', async () => {
    const controls = await run('controls', 'list');
    expect(controls.code).toBe(0);
    expect(controls.out).toMatch(/s3-bucket-versioning-enabled/);
    const json = JSON.parse((await run('controls', 'list', '--json')).out);
    expect(json[0]).toMatchObject({ id: expect.any(String), requirements: expect.any(Array) });
    expect((await run('frameworks', 'list')).out).toMatch(/soc2/);
    const coverage = await run('frameworks', 'coverage');
    expect(coverage.code).toBe(0);
    expect(coverage.out).toMatch(/AUTOMATED/);
    const parsed = JSON.parse((await run('frameworks', 'coverage', '--framework', 'hipaa', '--json')).out);
    expect(parsed[0].requirements).toBe(parsed[0].automated + parsed[0].manual);
  });
});

describe('CLI: the executable', () => {
  it('runs after npm ci with exit codes and no stack trace', () => {
    const ok = spawnSync(BIN, ['--version'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const bad = spawnSync(BIN, ['audit', '--input', join(dir, 'nope.json')], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim()).toBe(`error: ${join(dir, 'nope.json')}: no such file`);
    expect(existsSync(DEMO_INVENTORY)).toBe(true);
  });

  it.runIf(process.platform !== 'win32')(
    'stops in one line, and leaves no bundle, when the disk refuses the evidence mid-run',
    async () => {
      // Prepare: 3,000 items (about 5 MB), and a shell whose files may not pass 1.5 MiB (ulimit -f), so the
      // bundle's large files fail on the writer thread the way a full disk would make them fail.
      const input = join(dir, 'disk-full.ndjson');
      await generateInventory(input, 3_000);
      const out = join(dir, 'out-disk-full');
      // Act
      const result = spawnSync(
        'bash',
        ['-c', 'ulimit -f 1536 && exec "$0" audit --input "$1" --out "$2" --quiet', BIN, input, out],
        { encoding: 'utf8' },
      );
      // Assess
      expect(result.status).toBe(2);
      expect(result.stderr.trim()).toMatch(/^error: \S+\/out-disk-full\/[\w.-]+: EFBIG: file too large, write$/);
      expect(existsSync(out)).toBe(false);
    },
  );

  it.runIf(process.platform !== 'win32').each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('stops on %s with exit %i, leaving no bundle behind', async (signal, exitCode) => {
    // Prepare: 20,000 items (about 34 MB), enough for progress lines and a run that is still going.
    const input = join(dir, 'interrupted.ndjson');
    if (!existsSync(input)) await generateInventory(input, 20_000);
    const out = join(dir, `out-${signal}`);
    // Act: the signal as soon as the first progress line shows the audit has started.
    const child = spawn(BIN, ['audit', '--input', input, '--out', out], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      if (stderr === '') child.kill(signal);
      stderr += text;
    });
    const [code] = (await once(child, 'exit')) as [number | null];
    // Assess
    expect(code).toBe(exitCode);
    expect(stderr).toMatch(/stopping: removing the unfinished bundle/);
    expect(stderr.trim().split('\n').pop()).toBe(
      'error: the audit was stopped; its unfinished bundle and scratch files were removed',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('never lets the audited file drive the terminal: control characters in a message are escaped', async () => {
    // Prepare: "JSON" whose parse error quotes an escape sequence that would clear the screen.
    const input = await write('escape.json', '{"a": \u001b[2J\u0007}');
    // Act
    const result = spawnSync(BIN, ['audit', '--input', input, '--out', join(dir, 'out-escape')], { encoding: 'utf8' });
    // Assess
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error: .*escape\.json: not valid JSON/);
    expect(result.stderr).toContain('\\u001b[2J');
    const controls = [...result.stderr].filter((c) => c.charCodeAt(0) < 0x20 && c !== '\n');
    expect(controls).toEqual([]);
  });
});
