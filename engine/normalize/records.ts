/**
 * Recognises every inventory record shape and turns it into resources:
 * - a Config snapshot file `{fileVersion, configSnapshotId, configurationItems}`;
 * - API responses: GetResourceConfigHistory `{configurationItems}`,
 *   BatchGetResourceConfig `{baseConfigurationItems}`, SelectResourceConfig `{Results}`;
 * - the project's recorded inventory (JSON form, or NDJSON header and accountFacts lines);
 * - a bare configuration item in any wire shape, or a SelectResourceConfig row string.
 */
import { InputParseError } from '../errors.js';
import type { Resource, SourceShape } from '../types.js';
import { isAccountFactsRecord, normaliseAccountFacts } from './account-facts.js';
import { normaliseConfigurationItem, normaliseSelectRow } from './config-item.js';
import { describeType, isRecord } from './decode.js';

export const INVENTORY_FORMAT = 'compliance-auditor/inventory';
export const INVENTORY_FORMAT_VERSION = 1;

/** First line of an NDJSON recorded inventory, and the head of its JSON form. */
export interface InventoryHeader {
  inventoryRecord: 'header';
  format: typeof INVENTORY_FORMAT;
  formatVersion: number;
  collectedAt?: string;
  collector?: Record<string, unknown>;
  description?: string;
}

export type InventoryRecord = { kind: 'resource'; resource: Resource } | { kind: 'header'; header: InventoryHeader };

const SHAPE_HINT =
  'expected a Config snapshot ({fileVersion, configSnapshotId, configurationItems}), an API response ' +
  '(configurationItems, baseConfigurationItems or Results), a compliance-auditor inventory, or configuration items';

function* normaliseList(list: unknown, where: string, field: string, shape: SourceShape): Generator<InventoryRecord> {
  if (!Array.isArray(list)) throw new InputParseError(`${where}: ${field} is ${describeType(list)}, expected an array`);
  for (const [index, item] of list.entries()) {
    const at = `${where} ${field}[${index}]`;
    yield {
      kind: 'resource',
      resource:
        shape === 'select'
          ? normaliseSelectRow(item, at)
          : isAccountFactsRecord(item)
            ? normaliseAccountFacts(item, at)
            : normaliseConfigurationItem(item, { where: at, shape }),
    };
  }
}

function checkHeader(record: Record<string, unknown>, where: string): InventoryHeader {
  if (record.format !== INVENTORY_FORMAT) {
    throw new InputParseError(`${where}: inventory format ${String(record.format)} is not ${INVENTORY_FORMAT}`);
  }
  if (record.formatVersion !== INVENTORY_FORMAT_VERSION) {
    throw new InputParseError(
      `${where}: inventory formatVersion ${String(record.formatVersion)} is not supported (this tool reads ${INVENTORY_FORMAT_VERSION})`,
    );
  }
  return { ...record, inventoryRecord: 'header' } as InventoryHeader;
}

/**
 * Normalises one parsed record (a whole JSON document, or one NDJSON line).
 * Throws InputParseError naming `where` when the shape is not recognised.
 *
 * @example
 * for (const record of normaliseRecord(JSON.parse(text), 'snapshot.json')) { ... }
 */
export function* normaliseRecord(value: unknown, where: string): Generator<InventoryRecord> {
  if (typeof value === 'string') {
    // An NDJSON line may hold a SelectResourceConfig row exactly as the API returns it: a JSON string.
    yield { kind: 'resource', resource: normaliseSelectRow(value, where) };
    return;
  }
  if (Array.isArray(value)) {
    yield* normaliseList(value, where, 'items', 'snapshot');
    return;
  }
  if (!isRecord(value))
    throw new InputParseError(`${where}: ${describeType(value)} is not an inventory record; ${SHAPE_HINT}`);
  if (value.inventoryRecord === 'header') {
    yield { kind: 'header', header: checkHeader(value, where) };
    return;
  }
  if (isAccountFactsRecord(value)) {
    yield { kind: 'resource', resource: normaliseAccountFacts(value, where) };
    return;
  }
  if (value.format === INVENTORY_FORMAT) {
    yield { kind: 'header', header: checkHeader(value, where) };
    if (value.accountFacts !== undefined)
      yield* normaliseList(value.accountFacts, where, 'accountFacts', 'account-facts');
    yield* normaliseList(value.configurationItems ?? [], where, 'configurationItems', 'snapshot');
    return;
  }
  if ('configurationItems' in value) {
    // Snapshot files carry fileVersion; GetResourceConfigHistory pages do not.
    yield* normaliseList(
      value.configurationItems,
      where,
      'configurationItems',
      'fileVersion' in value ? 'snapshot' : 'api',
    );
    return;
  }
  if ('baseConfigurationItems' in value) {
    yield* normaliseList(value.baseConfigurationItems, where, 'baseConfigurationItems', 'api');
    return;
  }
  if ('Results' in value) {
    yield* normaliseList(value.Results, where, 'Results', 'select');
    return;
  }
  if ('resourceType' in value) {
    yield { kind: 'resource', resource: normaliseConfigurationItem(value, { where }) };
    return;
  }
  throw new InputParseError(`${where}: unrecognised inventory shape; ${SHAPE_HINT}`);
}
