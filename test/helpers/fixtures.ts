/**
 * Fixture helpers: our own configuration items, written from AWS's documented
 * shapes, loaded and normalised exactly as the audit loads them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isAccountFactsRecord, normaliseAccountFacts } from '../../engine/normalize/account-facts.js';
import { normaliseConfigurationItem } from '../../engine/normalize/config-item.js';
import type { Resource } from '../../engine/types.js';

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** Reads `test/fixtures/<path>` as JSON; a fresh copy on every call. */
export function readFixture(path: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, path.endsWith('.json') ? path : `${path}.json`), 'utf8'));
}

/**
 * Loads `test/fixtures/config-items/<name>.json` (a configuration item in any
 * Config wire shape, or an accountFacts record) and normalises it.
 * `patch` edits the raw item first, for one-off variants.
 *
 * @example
 * const bucket = loadItem('s3-bucket/versioning-enabled');
 * const suspended = loadItem('s3-bucket/versioning-enabled', (raw) => {
 *   raw.supplementaryConfiguration.BucketVersioningConfiguration.status = 'Suspended';
 * });
 */
// biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
export function loadItem(name: string, patch?: (raw: any) => void): Resource {
  const raw = readFixture(join('config-items', name));
  patch?.(raw);
  return normaliseRaw(raw, name);
}

/** Normalises a raw item or accountFacts record built in a test. */
export function normaliseRaw(raw: unknown, where = 'test'): Resource {
  return isAccountFactsRecord(raw) ? normaliseAccountFacts(raw, where) : normaliseConfigurationItem(raw, { where });
}
