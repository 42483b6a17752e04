/**
 * `npm run bench`: the audit's speed and memory on a synthetic inventory.
 *
 * Reports CIs per second, peak RSS, and the ratio of the whole audit's wall
 * time (CLI start to manifest) to a bare JSON.parse of every line of the same
 * file, read the same streaming way. Targets: ratio ≤ 5, peak RSS < 512 MB.
 * Options: --resources N (default 100000).
 *
 * Then the live collector's benchmark (bench/collect.ts): AWS Config calls per
 * resource, total calls and wall time for a mocked 20,000-resource account.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readLineBatches } from '../engine/inventory/lines.js';
import { formatCollectionBenchmark, runCollectionBenchmark } from './collect.js';
import { generateInventory } from './generate-inventory.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { resources: { type: 'string', default: '100000' } } });
const count = Number(values.resources);
const outDir = join(root, 'bench', 'out');
await mkdir(outDir, { recursive: true });

const inventory = join(outDir, `inventory-${count}.ndjson`);
if (!existsSync(inventory)) {
  const started = performance.now();
  const { bytes } = await generateInventory(inventory, count);
  console.log(
    `generated ${count} CIs (${(bytes / 1e6).toFixed(1)} MB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
}

/** The floor: read the file and JSON.parse every line, split the same way the audit splits them. */
async function bareParse(path: string): Promise<{ seconds: number; lines: number }> {
  const started = performance.now();
  let lines = 0;
  for await (const batch of readLineBatches(createReadStream(path, { highWaterMark: 1 << 20 }))) {
    for (const line of batch) {
      if (line) {
        JSON.parse(line);
        lines++;
      }
    }
  }
  return { seconds: (performance.now() - started) / 1000, lines };
}

// Warm the page cache and tsx's compile cache so both sides read the same way.
await bareParse(inventory);
const parse = await bareParse(inventory);

const bundle = join(outDir, `bundle-${count}`);
await rm(bundle, { recursive: true, force: true });
const started = performance.now();
const child = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'bench', 'audit-child.ts'), 'audit', '--input', inventory, '--out', bundle, '--quiet'],
  { encoding: 'utf8', maxBuffer: 1 << 26 },
);
const wall = (performance.now() - started) / 1000;
const last = child.stdout.trim().split('\n').pop() ?? '{}';
const { code, maxRssBytes, cpuSeconds } = JSON.parse(last) as { code: number; maxRssBytes: number; cpuSeconds: number };
if (code !== 0) {
  console.error(child.stderr);
  throw new Error(`audit exited with ${code}`);
}

const evaluateOnly = spawnSync(
  process.execPath,
  ['--import', 'tsx', join(root, 'bench', 'evaluate-child.ts'), inventory],
  {
    encoding: 'utf8',
  },
);
const { seconds: evaluateSeconds } = JSON.parse(evaluateOnly.stdout.trim().split('\n').pop() ?? '{}') as {
  seconds: number;
};

const rows: [string, string][] = [
  ['configuration items', String(count)],
  ['bare JSON.parse of every line', `${parse.seconds.toFixed(2)} s`],
  ['audit wall time (CLI start to manifest)', `${wall.toFixed(2)} s`],
  ['ratio audit / parse (target ≤ 5)', (wall / parse.seconds).toFixed(2)],
  ['CIs per second', Math.round(count / wall).toLocaleString('en-US')],
  ['CPU time, all threads (compare this)', `${cpuSeconds.toFixed(2)} s`],
  [
    'same audit, evidence discarded (no I/O)',
    `${evaluateSeconds.toFixed(2)} s (ratio ${(evaluateSeconds / parse.seconds).toFixed(2)})`,
  ],
  ['peak RSS (target < 512 MB)', `${(maxRssBytes / 1e6).toFixed(0)} MB`],
];
const width = Math.max(...rows.map(([label]) => label.length));
console.log(rows.map(([label, value]) => `${label.padEnd(width)}  ${value}`).join('\n'));

// The live collector against a mocked account: 20,000 resources, 4 regions, 50 ms per call.
const collection = formatCollectionBenchmark(await runCollectionBenchmark({ resources: 20_000, latencyMs: 50 }), 50);
const collectionWidth = Math.max(...collection.map(([label]) => label.length));
console.log(collection.map(([label, value]) => `${label.padEnd(collectionWidth)}  ${value}`).join('\n'));

// The Lambda functions as packaged: zip sizes and module-load (cold-start) times.
await (await import('./lambda.js')).runLambdaBench();

// The real-time function's compute for one changed resource, warm.
const realtime = await (await import('./realtime.js')).benchRealtime();
console.log(realtime.map(([label, value]) => `${label}  ${value}`).join('\n'));
