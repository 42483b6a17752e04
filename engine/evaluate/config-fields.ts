/**
 * Readers for the loosely typed values of Config items, shared by every
 * helper and control. Config spells one field several ways across types and
 * eras (`sseAlgorithm` and `SSEAlgorithm`, `VPCOptions` and `vpcoptions`),
 * and some wire shapes carry booleans and numbers as strings ("TRUE", "365").
 * Each reader returns null (or undefined, for a field) when the value is not
 * usable, so callers can tell "absent" from a value.
 */
import { isRecord } from '../normalize/decode.js';
import type { Resource } from '../types.js';

/**
 * The value under `key`, matching the key exactly first and then ignoring
 * case. Only own keys count (`toString` is not a field) and an undefined
 * value is skipped, so an exact key left undefined by a builder falls back
 * to another casing. Undefined when `holder` is not an object.
 *
 * @example
 * readField({ SSEAlgorithm: 'AES256' }, 'sseAlgorithm') // 'AES256'
 */
export function readField(holder: unknown, key: string): unknown {
  if (!isRecord(holder)) return undefined;
  if (Object.hasOwn(holder, key) && holder[key] !== undefined) return holder[key];
  // Most misses are fields that are simply absent: compare lengths before
  // lowercasing, and walk the keys without building an array of entries.
  const wanted = key.toLowerCase();
  for (const candidate in holder) {
    if (candidate.length !== wanted.length || !Object.hasOwn(holder, candidate)) continue;
    const value = holder[candidate];
    if (value !== undefined && candidate.toLowerCase() === wanted) return value;
  }
  return undefined;
}

/**
 * Follows `keys` through nested objects with `readField`.
 *
 * @example
 * readPath(supplementary, 'ContinuousBackupsDescription', 'pointInTimeRecoveryDescription', 'pointInTimeRecoveryStatus') // 'ENABLED'
 */
export function readPath(holder: unknown, ...keys: string[]): unknown {
  let current = holder;
  for (const key of keys) current = readField(current, key);
  return current;
}

/**
 * A boolean sent as `true`, or as the string "true"/"FALSE"/" True " (SQS
 * attributes, ELB attributes, re-serialised records); null for anything else.
 *
 * @example
 * readBoolean('FALSE') // false
 */
export function readBoolean(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return null;
}

/**
 * A finite number, or a decimal numeral sent as a string (SQS attributes,
 * Select rows); null for anything else, including `NaN`, "1e3" and "7 days".
 *
 * @example
 * readNumber(' 365 ') // 365
 */
export function readNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return null;
}

/**
 * A whole number as `readNumber` reads it (`7`, `7.0` or "7"), else null.
 *
 * @example
 * readInteger('22') // 22
 */
export function readInteger(value: unknown): number | null {
  const number = readNumber(value);
  return number !== null && Number.isInteger(number) ? number : null;
}

/**
 * A non-empty string, trimmed; null for blank strings and non-strings
 * (Config writes "" and null alike for an unset value).
 *
 * @example
 * readText('  alias/prod ') // 'alias/prod'
 */
export function readText(value: unknown): string | null {
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

/**
 * The normaliser's decode error for a supplementary or nested value, if any.
 * Such a value is left out of the resource and only named in `decodeErrors`
 * (`supplementaryConfiguration.Policy: ...`, `BucketPolicy.policyText: ...`),
 * so a control must report ERROR rather than mistake it for "not collected".
 * The key is compared ignoring case and must end at `:` or `.`, so `Policy`
 * does not match `PolicyStatus`.
 *
 * @example
 * decodeErrorFor(key, 'Policy') // 'supplementaryConfiguration.Policy: not valid JSON (...)'
 */
export function decodeErrorFor(resource: Resource, key: string): string | null {
  const wanted = key.toLowerCase();
  const prefixes = [`supplementaryconfiguration.${wanted}:`, `${wanted}:`, `${wanted}.`];
  return (
    resource.decodeErrors.find((message) => {
      const lower = message.toLowerCase();
      return prefixes.some((prefix) => lower.startsWith(prefix));
    }) ?? null
  );
}
