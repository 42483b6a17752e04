/**
 * The real-time function's work for one changed resource, measured warm:
 * validate the EventBridge event, normalise the item, run every control of
 * its type, write its evidence bundle (to a local directory here, S3 in
 * Lambda) and hand failures to remediation. The budget is "within a
 * second of compute"; this reports the median and the worst of many runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { CATALOG_VERSION, catalogMappings, catalogRegistry, TOOL } from '../engine/catalog.js';
import { LocalDirectoryStore } from '../engine/evidence/store.js';
import { AccountFactsCache } from '../engine/serverless/account-facts-cache.js';
import { runRealtime } from '../engine/serverless/realtime.js';
import { ConfigItemChangeEventSchema } from '../engine/serverless/schemas/eventbridge.js';
import { noCounter, silentLog } from '../engine/serverless/telemetry.js';
import { readFixture } from '../test/helpers/fixtures.js';

const EVENTS = ['eventbridge/config-item-change-security-group.json'];

export async function benchRealtime(runs = 50): Promise<[string, string][]> {
  const root = await mkdtemp(join(tmpdir(), 'ca-bench-realtime-'));
  const deps = {
    registry: catalogRegistry(),
    mappings: catalogMappings(),
    // Not called: the event carries the whole item.
    config: new ConfigServiceClient({ region: 'eu-west-1' }),
    remediator: { name: 'none', remediate: async () => {} },
    accountFacts: new AccountFactsCache({ loader: null, ttlMs: 1 }),
    catalogVersion: CATALOG_VERSION,
    tool: TOOL,
    log: silentLog,
    counter: noCounter,
  };
  const rows: [string, string][] = [];
  for (const name of EVENTS) {
    const timings: number[] = [];
    for (let i = 0; i < runs; i++) {
      const event = ConfigItemChangeEventSchema.parse(readFixture(join('events', name)));
      const dir = join(root, `run-${i}`);
      const started = performance.now();
      await runRealtime(event, { ...deps, openStore: () => new LocalDirectoryStore(dir) });
      timings.push(performance.now() - started);
    }
    timings.sort((a, b) => a - b);
    const median = timings[Math.floor(timings.length / 2)] ?? 0;
    const worst = timings[timings.length - 1] ?? 0;
    rows.push([
      `realtime: ${name.split('/').pop()}`,
      `median ${median.toFixed(1)} ms, worst ${worst.toFixed(1)} ms over ${runs} runs (budget: 1 s)`,
    ]);
  }
  await rm(root, { recursive: true, force: true });
  return rows;
}
