/**
 * Reading database and storage settings out of Config items (RDS, DynamoDB,
 * EFS, Redshift, ElastiCache). Config spells one field several ways across
 * types and eras (`dBClusterIdentifier` on an instance, `dbclusterIdentifier`
 * on a cluster, `ssedescription` or `sSEDescription` on a table), and some
 * shapes carry booleans and numbers as strings. Every read here matches keys
 * case-insensitively, accepts those encodings, and still tells a value that
 * is absent (INSUFFICIENT_DATA) from one that cannot be read (ERROR).
 */
import { isRecord } from '../normalize/decode.js';
import type { Resource, Verdict } from '../types.js';
import { error, fail, insufficientData, pass } from './verdict.js';

/** A setting as recorded: absent (or null), unreadable, or a usable value. */
export type Setting<T> = { state: 'absent' } | { state: 'invalid'; raw: unknown } | { state: 'present'; value: T };

/** A usable value, or the verdict to return when there is none. */
export type Reading<T> = { ok: true; value: T } | { ok: false; verdict: Verdict };

/**
 * The value under `key`, matching the key exactly first and then ignoring
 * case. Undefined when `holder` is not an object or has no such key.
 *
 * @example
 * readField({ dbclusterIdentifier: 'ledger' }, 'dBClusterIdentifier') // 'ledger'
 */
export function readField(holder: unknown, key: string): unknown {
  if (!isRecord(holder)) return undefined;
  if (holder[key] !== undefined) return holder[key];
  const wanted = key.toLowerCase();
  for (const [candidate, value] of Object.entries(holder)) {
    if (candidate.toLowerCase() === wanted && value !== undefined) return value;
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
 * A non-empty, trimmed string, or null.
 *
 * @example
 * readText({ engine: ' aurora-mysql ' }, 'engine') // 'aurora-mysql'
 */
export function readText(holder: unknown, key: string): string | null {
  const value = readField(holder, key);
  return typeof value === 'string' && value.trim().length > 0 ? value.trim() : null;
}

/**
 * A boolean that may arrive as `true`, or as the string "true"/"TRUE".
 *
 * @example
 * readFlag({ multiAZ: 'False' }, 'multiAZ') // { state: 'present', value: false }
 */
export function readFlag(holder: unknown, key: string): Setting<boolean> {
  const value = readField(holder, key);
  if (value === undefined || value === null) return { state: 'absent' };
  if (typeof value === 'boolean') return { state: 'present', value };
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true' || text === 'false') return { state: 'present', value: text === 'true' };
  }
  return { state: 'invalid', raw: value };
}

/**
 * A whole number of at least zero, which may arrive as `7`, `7.0` or "7".
 *
 * @example
 * readCount({ backupRetentionPeriod: '7' }, 'backupRetentionPeriod') // { state: 'present', value: 7 }
 */
export function readCount(holder: unknown, key: string): Setting<number> {
  const value = readField(holder, key);
  if (value === undefined || value === null) return { state: 'absent' };
  const number = typeof value === 'string' && /^\s*\d+(\.0+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof number === 'number' && Number.isInteger(number) && number >= 0) return { state: 'present', value: number };
  return { state: 'invalid', raw: value };
}

const shown = (raw: unknown): string => {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
};

/**
 * Turns a setting into its value, or into the verdict for an absent
 * (INSUFFICIENT_DATA) or unreadable (ERROR) one. `subject` names the
 * resource: "RDS instance orders-db".
 *
 * @example
 * const encrypted = requireSetting(readFlag(config, 'storageEncrypted'), 'RDS instance orders-db', 'storageEncrypted');
 * if (!encrypted.ok) return encrypted.verdict;
 */
export function requireSetting<T>(setting: Setting<T>, subject: string, field: string): Reading<T> {
  if (setting.state === 'present') return { ok: true, value: setting.value };
  if (setting.state === 'absent') {
    return { ok: false, verdict: insufficientData(`${subject} has no recorded ${field} value.`, { [field]: null }) };
  }
  return {
    ok: false,
    verdict: error(`${subject} has an unreadable ${field} value ${shown(setting.raw)}.`, { [field]: setting.raw }),
  };
}

/**
 * The decode error the normaliser recorded for a supplementary value, if
 * any. Such a value is missing from `supplementary`, so a control must report
 * ERROR rather than mistake it for "not collected".
 *
 * @example
 * supplementaryDecodeError(snapshot, 'DBSnapshotAttributes') // 'supplementaryConfiguration.DBSnapshotAttributes: not valid JSON (...)'
 */
export function supplementaryDecodeError(resource: Resource, key: string): string | undefined {
  const prefix = `supplementaryConfiguration.${key}`.toLowerCase();
  return resource.decodeErrors.find((message) => message.toLowerCase().startsWith(prefix));
}

/**
 * The Aurora or Multi-AZ DB cluster an RDS instance belongs to, or null for
 * a standalone instance. Such a member's backups, deletion protection and
 * availability are the cluster's settings, not the instance's.
 *
 * @example
 * rdsClusterOf({ dBClusterIdentifier: 'ledger-aurora' }) // 'ledger-aurora'
 */
export function rdsClusterOf(configuration: unknown): string | null {
  return readText(configuration, 'dBClusterIdentifier');
}

/**
 * The source of an RDS read replica (an instance, or for a cross-cluster
 * replica a cluster), or null when the instance is not a replica.
 *
 * @example
 * rdsReplicaSourceOf({ readReplicaSourceDBInstanceIdentifier: 'orders-db' }) // 'orders-db'
 */
export function rdsReplicaSourceOf(configuration: unknown): string | null {
  return (
    readText(configuration, 'readReplicaSourceDBInstanceIdentifier') ??
    readText(configuration, 'readReplicaSourceDBClusterIdentifier')
  );
}

/** Who may restore an RDS snapshot: everyone, and/or the listed accounts. */
export interface RestoreSharing {
  public: boolean;
  accounts: string[];
}

const attributeValues = (value: unknown): string[] | null => {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (text.startsWith('[')) {
    try {
      return attributeValues(JSON.parse(text));
    } catch {
      return null;
    }
  }
  return text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
};

/**
 * Reads RDS snapshot attributes (`DBSnapshotAttributes` or
 * `DBClusterSnapshotAttributes`): a list of `{attributeName, attributeValues}`,
 * or the `DescribeDB(Cluster)SnapshotAttributes` result that wraps it. The
 * `restore` attribute lists the accounts that may copy or restore the
 * snapshot; the value "all" makes it public.
 *
 * @example
 * readRestoreSharing([{ attributeName: 'restore', attributeValues: ['all'] }])
 * // { state: 'present', value: { public: true, accounts: [] } }
 */
export function readRestoreSharing(value: unknown): Setting<RestoreSharing> {
  if (value === undefined || value === null) return { state: 'absent' };
  if (isRecord(value)) {
    const wrapped = Object.entries(value).find(([key, inner]) => /attributes$/i.test(key) && Array.isArray(inner));
    return wrapped ? readRestoreSharing(wrapped[1]) : { state: 'invalid', raw: value };
  }
  if (!Array.isArray(value)) return { state: 'invalid', raw: value };
  const sharing: RestoreSharing = { public: false, accounts: [] };
  for (const attribute of value) {
    if (!isRecord(attribute)) return { state: 'invalid', raw: value };
    if (readText(attribute, 'attributeName')?.toLowerCase() !== 'restore') continue;
    const values = attributeValues(readField(attribute, 'attributeValues'));
    if (values === null) return { state: 'invalid', raw: value };
    for (const entry of values) {
      if (entry.toLowerCase() === 'all') sharing.public = true;
      else if (!sharing.accounts.includes(entry)) sharing.accounts.push(entry);
    }
  }
  return { state: 'present', value: sharing };
}

const days = (count: number): string => `${count} day${count === 1 ? '' : 's'}`;

/**
 * Judges an automated-backup retention period in days against a minimum:
 * 0 means backups are off (RDS instances, Multi-AZ DB clusters), fewer than
 * `minDays` is too short, anything else passes.
 *
 * @example
 * judgeBackupRetention('RDS cluster ledger', 1, 7, {}) // FAIL "RDS cluster ledger keeps automated backups for 1 day, fewer than 7."
 */
export function judgeBackupRetention(
  subject: string,
  retentionDays: number,
  minDays: number,
  observed: Record<string, unknown>,
): Verdict {
  if (retentionDays === 0) return fail(`${subject} has automated backups disabled.`, observed);
  return retentionDays < minDays
    ? fail(`${subject} keeps automated backups for ${days(retentionDays)}, fewer than ${minDays}.`, observed)
    : pass(`${subject} keeps automated backups for ${days(retentionDays)}.`, observed);
}
