/**
 * The collection benchmark: a live collection of a mocked account of 20,000
 * resources in 4 regions, every call answering after 50 ms of simulated
 * latency. Reports AWS Config calls per resource (budget ≤ 0.05), total
 * calls and wall time. The mocked account is the collector tests' own
 * (test/collect), so the bench exercises the code paths the tests check.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectToFile } from '../engine/collect/index.js';
import { bucket, type Item, iamUser, kmsKey, type RegionSetup, wellRunAccount } from '../test/collect/scenario.js';

const REGIONS = ['us-east-1', 'eu-west-1', 'ap-southeast-2', 'us-west-2'];

export interface CollectionBenchmark {
  resources: number;
  calls: number;
  configCalls: number;
  configCallsPerResource: number;
  callsByService: Record<string, number>;
  wallSeconds: number;
}

/** Ordinary resources, with a few of every path the collector takes: global IAM items, keys without rotation, partial rows. */
function regionItems(region: string, count: number, global: boolean): Item[] {
  const items: Item[] = [];
  for (let index = 0; items.length < count; index++) {
    const id = `${region}-${index}`;
    if (global && index % 50 === 0) items.push(iamUser(`user-${index}`));
    else if (index % 100 === 1) items.push(kmsKey(`key-${id}`, region, index % 200 === 1 ? undefined : true));
    // One row in twenty lacks its supplementary configuration, so BatchGet has work.
    else if (index % 20 === 2) items.push(bucket(`bucket-${id}`, region, { partialRow: true }));
    else {
      items.push({
        resourceType: index % 2 === 0 ? 'AWS::EC2::Volume' : 'AWS::EC2::SecurityGroup',
        resourceId:
          index % 2 === 0
            ? `vol-${index.toString(16).padStart(17, '0')}`
            : `sg-${index.toString(16).padStart(17, '0')}`,
        awsRegion: region,
        configuration:
          index % 2 === 0
            ? { volumeId: `vol-${index}`, encrypted: index % 3 !== 0, size: 100, volumeType: 'gp3', state: 'in-use' }
            : { groupId: `sg-${index}`, groupName: `app-${index}`, ipPermissions: [], ipPermissionsEgress: [] },
        supplementaryConfiguration: {},
      });
    }
  }
  return items;
}

/**
 * Runs the collection and returns its measures.
 *
 * @example
 * const result = await runCollectionBenchmark({ resources: 20_000, latencyMs: 50 });
 */
export async function runCollectionBenchmark(
  options: { resources?: number; latencyMs?: number } = {},
): Promise<CollectionBenchmark> {
  const perRegion = Math.ceil((options.resources ?? 20_000) / REGIONS.length);
  const setup: Record<string, RegionSetup> = Object.fromEntries(
    REGIONS.map((region, index) => [
      region,
      { recorder: index === 0 ? 'global' : 'regional', items: regionItems(region, perRegion, index === 0) },
    ]),
  );
  const { account } = wellRunAccount(setup);
  account.latencyMs = options.latencyMs ?? 50;
  const dir = await mkdtemp(join(tmpdir(), 'ca-bench-collect-'));
  try {
    const started = performance.now();
    const summary = await collectToFile(
      { regions: REGIONS, clientFactory: account.factory },
      join(dir, 'inventory.ndjson'),
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const callsByService: Record<string, number> = {};
    for (const { service, stub } of account.stubs)
      callsByService[service] = (callsByService[service] ?? 0) + stub.calls().length;
    if (summary.errors.length > 0)
      throw new Error(`the benchmark collection recorded errors: ${JSON.stringify(summary.errors)}`);
    return {
      resources: summary.resources,
      calls: summary.calls,
      configCalls: summary.configCalls,
      configCallsPerResource: summary.configCalls / summary.resources,
      callsByService,
      wallSeconds,
    };
  } finally {
    account.restore();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The benchmark's report lines, as bench/run.ts prints them. */
export function formatCollectionBenchmark(result: CollectionBenchmark, latencyMs = 50): [string, string][] {
  const services = Object.entries(result.callsByService)
    .sort(([, a], [, b]) => b - a)
    .map(([service, calls]) => `${service} ${calls}`)
    .join(', ');
  return [
    ['collection: resources (4 regions, mocked)', result.resources.toLocaleString('en-US')],
    [`collection: simulated latency per call`, `${latencyMs} ms`],
    ['collection: AWS Config calls per resource (budget ≤ 0.05)', result.configCallsPerResource.toFixed(4)],
    ['collection: total calls', `${result.calls.toLocaleString('en-US')} (${services})`],
    ['collection: wall time', `${result.wallSeconds.toFixed(2)} s`],
  ];
}
