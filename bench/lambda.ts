/**
 * The Lambda functions as deployed: packages them (`serverless package`,
 * offline), then reports each function's zip size and its module-load time,
 * the cold-start proxy: importing the bundled handler in a fresh Node
 * process, the median of several runs. Budget for configRule, the function
 * Config invokes for every change: a zip under 1 MB, loading in under 300 ms.
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const FUNCTIONS = ['configRule', 'realtime', 'nightlyAudit'] as const;
const BUDGET = { configRule: { zipBytes: 1_000_000, loadMs: 300 } } as const;
const LOAD_RUNS = 7;
const run = promisify(execFile);

/** The files of a zip, from its central directory (serverless-esbuild writes sizes there, not in local headers). */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressed = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + compressed);
    files.set(name, method === 0 ? data : inflateRawSync(data));
    at += 46 + skip;
  }
  return files;
}

/** Milliseconds to import the handler module in a new process: the module-scope work of a cold start. */
async function loadTime(file: string): Promise<number> {
  const script = `const t = performance.now(); await import(${JSON.stringify(file)}); console.log(performance.now() - t);`;
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], {
    // What Lambda sets, and what each function's settings require; no AWS call happens at import.
    env: { PATH: process.env.PATH, AWS_REGION: 'eu-west-1', EVIDENCE_BUCKET: 'bench-evidence', NODE_NO_WARNINGS: '1' },
  });
  return Number(stdout.trim());
}

export interface LambdaBenchRow {
  name: string;
  zipBytes: number;
  /** The handler's bundle, loaded at a cold start (chunks loaded later are not counted). */
  bundleBytes: number;
  loadMs: number;
}

/**
 * @example
 * const rows = await runLambdaBench(); // also prints a table
 */
export async function runLambdaBench(): Promise<LambdaBenchRow[]> {
  const out = join(ROOT, 'bench', 'out', 'lambda');
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  await run(
    process.execPath,
    [join(ROOT, 'node_modules', 'osls', 'bin', 'serverless.js'), 'package', '--package', join(out, 'package')],
    {
      cwd: ROOT,
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1' },
      maxBuffer: 1 << 24,
    },
  );
  const rows: LambdaBenchRow[] = [];
  for (const name of FUNCTIONS) {
    const zip = await readFile(join(out, 'package', `${name}.zip`));
    const files = unzip(zip);
    // The handler's own bundle; chunks (code loaded on first use, such as the collector) sit in functions/chunks/.
    const [entry, bundle] = [...files].find(([path]) => /^functions\/[^/]+\.mjs$/.test(path)) ?? [];
    if (!entry || !bundle) throw new Error(`${name}.zip holds no handler bundle`);
    for (const [path, content] of files) {
      await mkdir(dirname(join(out, name, path)), { recursive: true });
      await writeFile(join(out, name, path), content);
    }
    const file = join(out, name, entry);
    const times: number[] = [];
    for (let i = 0; i < LOAD_RUNS; i++) times.push(await loadTime(file));
    times.sort((a, b) => a - b);
    rows.push({
      name,
      zipBytes: zip.length,
      bundleBytes: bundle.length,
      loadMs: times[Math.floor(times.length / 2)] ?? Number.NaN,
    });
  }

  const lines = rows.map((row) => {
    const budget = BUDGET[row.name as keyof typeof BUDGET];
    const verdict = budget
      ? row.zipBytes < budget.zipBytes && row.loadMs < budget.loadMs
        ? '  within budget (< 1 MB, < 300 ms)'
        : '  OVER BUDGET (< 1 MB, < 300 ms)'
      : '';
    return `${row.name.padEnd(13)} zip ${(row.zipBytes / 1024).toFixed(0).padStart(5)} KiB  bundle ${(row.bundleBytes / 1024).toFixed(0).padStart(5)} KiB  module load ${row.loadMs.toFixed(0).padStart(4)} ms (median of ${LOAD_RUNS})${verdict}`;
  });
  console.log(
    ['', 'Lambda functions (serverless package; load = import in a fresh Node process):', ...lines].join('\n'),
  );
  return rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await runLambdaBench();
