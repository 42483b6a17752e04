/**
 * A synthetic inventory for benchmarks: NDJSON of configuration items cloned
 * from the demo account's realistic items (same shapes, same mix of types,
 * new ids), plus one account-facts record per account. Deterministic.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { once } from 'node:events';
import { DEMO_INVENTORY } from '../engine/catalog.js';

interface DemoInventory {
  accountFacts: Record<string, unknown>[];
  configurationItems: Record<string, unknown>[];
}

/** Replaces the template's id everywhere in its text, so ARNs and names follow. */
function cloneItem(template: Record<string, unknown>, serial: number): string {
  const id = String(template.resourceId);
  const text = JSON.stringify(template);
  const suffix = `-b${serial.toString(36)}`;
  return text.split(id).join(`${id}${suffix}`);
}

/**
 * Writes `count` configuration items (and the demo's account facts) to `path`.
 *
 * @example
 * await generateInventory('bench/out/inventory-100000.ndjson', 100_000);
 */
export async function generateInventory(path: string, count: number): Promise<{ bytes: number; lines: number }> {
  const demo = JSON.parse(await readFile(DEMO_INVENTORY, 'utf8')) as DemoInventory;
  const templates = demo.configurationItems.filter((item) => item.configurationItemStatus !== 'ResourceDeleted');
  const out = createWriteStream(path);
  let bytes = 0;
  let lines = 0;
  const write = async (line: string) => {
    bytes += Buffer.byteLength(line) + 1;
    lines++;
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  };
  await write(JSON.stringify({ inventoryRecord: 'header', format: 'compliance-auditor/inventory', formatVersion: 1, description: 'synthetic benchmark inventory' }));
  for (const facts of demo.accountFacts) await write(JSON.stringify(facts));
  for (let i = 0; i < count; i++) {
    const template = templates[i % templates.length];
    if (template) await write(cloneItem(template, i));
  }
  out.end();
  await once(out, 'finish');
  return { bytes, lines };
}
