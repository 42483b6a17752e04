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

/**
 * Edits `holder[key]` of a raw item in place, whichever form it has: the API
 * form carries `configuration` (and some supplementary values) as a JSON
 * string, the snapshot form as an object. `edit` mutates the decoded value
 * (its return value is ignored, so `(c) => delete c.KmsKeyId` works) and the
 * value keeps its form.
 *
 * @example
 * loadItem('ec2-volume/baseline', (raw) => editJson(raw, 'configuration', (configuration) => {
 *   configuration.encrypted = false;
 * }));
 */
export function editJson(
  // biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
  holder: any,
  key: string,
  // biome-ignore lint/suspicious/noExplicitAny: fixtures are free-form JSON edited in tests
  edit: (value: any) => unknown,
): void {
  const encoded = typeof holder[key] === 'string';
  const value = encoded ? JSON.parse(holder[key]) : holder[key];
  edit(value);
  holder[key] = encoded ? JSON.stringify(value) : value;
}
