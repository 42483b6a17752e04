/**
 * Runs the real audit on a collected inventory, in a temporary directory,
 * and reads back what the tests assert: findings, the inventory's lines.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runAudit } from '../../engine/audit.js';
import { CATALOG_VERSION, catalogMappings, catalogRegistry, TOOL } from '../../engine/catalog.js';
import { type CollectOptions, type CollectionSummary, collectToFile } from '../../engine/collect/index.js';
import { LocalDirectoryStore } from '../../engine/evidence/store.js';
import type { AccountFactsRecord } from '../../engine/normalize/account-facts.js';
import type { Finding } from '../../engine/types.js';
import type { MockAccount } from './mock-account.js';

const dirs: string[] = [];

export async function tempDir(prefix = 'ca-collect-'): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

export interface AuditOutcome {
  bundle: string;
  findings: Finding[];
  /** The findings of one control, by resource id. */
  byControl(controlId: string): Finding[];
}

/** The audit the CLI runs, on `input`, with a fixed clock so two runs compare. */
export async function auditInventory(input: string): Promise<AuditOutcome> {
  const bundle = join(await tempDir('ca-bundle-'), 'bundle');
  await runAudit({
    input,
    store: new LocalDirectoryStore(bundle),
    registry: catalogRegistry(),
    mappings: catalogMappings(),
    catalogVersion: CATALOG_VERSION,
    tool: TOOL,
    now: () => new Date('2026-11-20T06:00:00.000Z'),
  });
  const findings = (await readFile(join(bundle, 'findings.jsonl'), 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Finding);
  return { bundle, findings, byControl: (id) => findings.filter((finding) => finding.controlId === id) };
}

export interface InventoryLines {
  header: Record<string, unknown> & { collector: Record<string, unknown> };
  facts: AccountFactsRecord;
  items: Record<string, unknown>[];
}

/** The collected NDJSON, line by line. */
export async function readInventoryLines(path: string): Promise<InventoryLines> {
  const lines = (await readFile(path, 'utf8'))
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  const [header, facts, ...items] = lines;
  if (header?.inventoryRecord !== 'header' || facts?.inventoryRecord !== 'accountFacts')
    throw new Error('unexpected inventory layout');
  return { header: header as InventoryLines['header'], facts: facts as unknown as AccountFactsRecord, items };
}

const accounts: MockAccount[] = [];

/** Restores every account `collectFrom` used: call it in `afterEach`. */
export function restoreAccounts(): void {
  for (const account of accounts.splice(0)) account.restore();
}

/** Collects a mocked account (us-east-1 and eu-west-1 unless `options` says) into a temporary inventory. */
export async function collectFrom(
  account: MockAccount,
  options: CollectOptions = {},
): Promise<{ path: string; summary: CollectionSummary; lines: InventoryLines }> {
  accounts.push(account);
  const path = join(await tempDir(), 'inventory.ndjson');
  const summary = await collectToFile(
    { regions: ['us-east-1', 'eu-west-1'], clientFactory: account.factory, ...options },
    path,
  );
  return { path, summary, lines: await readInventoryLines(path) };
}
