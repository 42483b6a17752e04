/**
 * A synthetic inventory for benchmarks: NDJSON of configuration items cloned
 * from the demo account's realistic items (same shapes, new ids), plus its
 * account facts. Deterministic.
 *
 * The mix follows the shape of a large real account rather than the demo's
 * showcase: volumes, instances, security groups, roles, log groups and
 * functions dominate, a fifth of the items are types no control judges
 * (route tables, gateways, ...), and account-level singletons such as trails
 * are not multiplied.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { DEMO_INVENTORY } from '../engine/catalog.js';

interface DemoInventory {
  accountFacts: Record<string, unknown>[];
  configurationItems: Record<string, unknown>[];
}

/** Share of the inventory per resource type; types not listed get a small share. */
export const RESOURCE_MIX: Record<string, number> = {
  'AWS::EC2::RouteTable': 12,
  'AWS::EC2::InternetGateway': 10,
  'AWS::EC2::Volume': 12,
  'AWS::EC2::Instance': 8,
  'AWS::EC2::SecurityGroup': 8,
  'AWS::EC2::Subnet': 4,
  'AWS::EC2::NetworkAcl': 1.5,
  'AWS::EC2::VPC': 1,
  'AWS::EC2::FlowLog': 1,
  'AWS::IAM::Role': 7,
  'AWS::IAM::Policy': 3,
  'AWS::IAM::User': 2,
  'AWS::Logs::LogGroup': 7,
  'AWS::Lambda::Function': 5,
  'AWS::S3::Bucket': 3,
  'AWS::RDS::DBSnapshot': 2,
  'AWS::DynamoDB::Table': 2,
  'AWS::KMS::Key': 1.5,
  'AWS::SQS::Queue': 1.5,
  'AWS::ElasticLoadBalancingV2::Listener': 1.5,
};
const DEFAULT_SHARE = 0.5;
/** Account-level singletons: copied once, never multiplied. */
const SINGLETONS = new Set(['AWS::CloudTrail::Trail', 'AWS::S3::AccountPublicAccessBlock']);

/** Replaces the template's id everywhere in its text, so ARNs and names follow. */
function cloneItem(template: Record<string, unknown>, serial: number): string {
  const id = String(template.resourceId);
  const text = JSON.stringify(template);
  return text.split(id).join(`${id}-b${serial.toString(36)}`);
}

/**
 * Writes `count` configuration items (and the demo's account facts) to `path`.
 *
 * @example
 * await generateInventory('bench/out/inventory-100000.ndjson', 100_000);
 */
export async function generateInventory(path: string, count: number): Promise<{ bytes: number; lines: number }> {
  const demo = JSON.parse(await readFile(DEMO_INVENTORY, 'utf8')) as DemoInventory;
  const live = demo.configurationItems.filter((item) => item.configurationItemStatus !== 'ResourceDeleted');
  const byType = new Map<string, Record<string, unknown>[]>();
  for (const item of live) {
    const type = String(item.resourceType);
    byType.set(type, [...(byType.get(type) ?? []), item]);
  }
  const singletons = live.filter((item) => SINGLETONS.has(String(item.resourceType)));
  const weighted = [...byType.keys()]
    .filter((type) => !SINGLETONS.has(type))
    .map((type) => ({ type, weight: RESOURCE_MIX[type] ?? DEFAULT_SHARE, credit: 0, used: 0 }));
  const totalWeight = weighted.reduce((sum, entry) => sum + entry.weight, 0);

  const out = createWriteStream(path);
  let bytes = 0;
  let lines = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line) + 1;
    lines++;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await write(
    JSON.stringify({
      inventoryRecord: 'header',
      format: 'compliance-auditor/inventory',
      formatVersion: 1,
      description: 'synthetic benchmark inventory',
    }),
  );
  for (const facts of demo.accountFacts) await write(JSON.stringify(facts));
  for (const item of singletons) await write(JSON.stringify(item));
  // Smooth weighted round-robin: deterministic, and every type keeps its share at any count.
  for (let i = 0; i < count - singletons.length; i++) {
    let pick = weighted[0];
    for (const entry of weighted) {
      entry.credit += entry.weight;
      if (!pick || entry.credit > pick.credit) pick = entry;
    }
    if (!pick) break;
    pick.credit -= totalWeight;
    const templates = byType.get(pick.type) ?? [];
    const template = templates[pick.used++ % templates.length];
    if (template) await write(cloneItem(template, i));
  }
  out.end();
  await once(out, 'finish');
  return { bytes, lines };
}
