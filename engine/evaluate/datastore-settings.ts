/**
 * Reading database and storage settings out of Config items (RDS, DynamoDB,
 * EFS, Redshift, ElastiCache) with config-fields.ts, telling a value that is
 * absent (INSUFFICIENT_DATA) from one that cannot be read (ERROR), and the
 * verdicts the data-store controls share: one boolean setting, a backup
 * retention period, an RDS instance governed by its cluster.
 */
import { isRecord } from '../normalize/decode.js';
import type { Verdict } from '../types.js';
import { readBoolean, readField, readInteger, readText } from './config-fields.js';
import { error, fail, insufficientData, notApplicable, pass } from './verdict.js';

/** A setting as recorded: absent (or null), unreadable, or a usable value. */
export type Setting<T> = { state: 'absent' } | { state: 'invalid'; raw: unknown } | { state: 'present'; value: T };

/** A usable value, or the verdict to return when there is none. */
export type Reading<T> = { ok: true; value: T } | { ok: false; verdict: Verdict };

/**
 * A setting read with `readBoolean`: absent when missing or null, invalid when not a boolean.
 *
 * @example
 * readFlag({ multiAZ: 'False' }, 'multiAZ') // { state: 'present', value: false }
 */
export function readFlag(holder: unknown, key: string): Setting<boolean> {
  const value = readField(holder, key);
  if (value === undefined || value === null) return { state: 'absent' };
  const flag = readBoolean(value);
  return flag === null ? { state: 'invalid', raw: value } : { state: 'present', value: flag };
}

/**
 * A setting read with `readInteger` that must be at least zero (`7`, `7.0` or "7").
 *
 * @example
 * readCount({ backupRetentionPeriod: '7' }, 'backupRetentionPeriod') // { state: 'present', value: 7 }
 */
export function readCount(holder: unknown, key: string): Setting<number> {
  const value = readField(holder, key);
  if (value === undefined || value === null) return { state: 'absent' };
  const count = readInteger(value);
  return count !== null && count >= 0 ? { state: 'present', value: count } : { state: 'invalid', raw: value };
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
 * The Aurora or Multi-AZ DB cluster an RDS instance belongs to, or null for
 * a standalone instance. Such a member's backups, deletion protection and
 * availability are the cluster's settings, not the instance's.
 *
 * @example
 * rdsClusterOf({ dBClusterIdentifier: 'ledger-aurora' }) // 'ledger-aurora'
 */
export function rdsClusterOf(configuration: unknown): string | null {
  return readText(readField(configuration, 'dBClusterIdentifier'));
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
    readText(readField(configuration, 'readReplicaSourceDBInstanceIdentifier')) ??
    readText(readField(configuration, 'readReplicaSourceDBClusterIdentifier'))
  );
}

/**
 * Why an RDS instance is not judged on its own, or null when it is: a member
 * of a DB cluster is governed by the cluster (`clusterGoverns` says how), and
 * with `skipReadReplicas` a read replica is left to its source.
 *
 * @example
 * rdsInstanceNotJudged(config, 'RDS instance orders-db', { clusterGoverns: 'whose deletion protection governs it' })
 * // NOT_APPLICABLE "RDS instance orders-db is a member of DB cluster ledger, whose deletion protection governs it."
 */
export function rdsInstanceNotJudged(
  configuration: unknown,
  subject: string,
  options: { clusterGoverns: string; skipReadReplicas?: boolean },
): Verdict | null {
  const cluster = rdsClusterOf(configuration);
  if (cluster) {
    return notApplicable(`${subject} is a member of DB cluster ${cluster}, ${options.clusterGoverns}.`, {
      dBClusterIdentifier: cluster,
    });
  }
  const source = rdsReplicaSourceOf(configuration);
  if (source && options.skipReadReplicas) {
    return notApplicable(`${subject} is a read replica of ${source}; replicas are not checked.`, {
      readReplicaSource: source,
    });
  }
  return null;
}

/** How a control on one boolean setting words its verdicts; each phrase follows `subject`. */
export interface FlagJudgement {
  /** "RDS cluster ledger": starts every reason. */
  subject: string;
  /** "has deletion protection enabled": the reason when the setting is true. */
  whenTrue: string;
  /** "has deletion protection disabled": the reason when it is false. */
  whenFalse: string;
  /** The compliant value: true unless the setting is a risk (publiclyAccessible). */
  compliant?: boolean;
  /** The evidence key for the setting; the field name by default. */
  observedAs?: string;
  /** More evidence, after the setting. */
  observed?: Record<string, unknown>;
}

/**
 * The verdict on one boolean setting: INSUFFICIENT_DATA when absent, ERROR
 * when unreadable, else PASS or FAIL by whether it has the compliant value.
 *
 * @example
 * judgeFlag(config, 'deletionProtection', { subject: 'RDS cluster ledger',
 *   whenTrue: 'has deletion protection enabled', whenFalse: 'has deletion protection disabled' })
 */
export function judgeFlag(holder: unknown, field: string, judgement: FlagJudgement): Verdict {
  const setting = requireSetting(readFlag(holder, field), judgement.subject, field);
  if (!setting.ok) return setting.verdict;
  const observed = { [judgement.observedAs ?? field]: setting.value, ...judgement.observed };
  const reason = `${judgement.subject} ${setting.value ? judgement.whenTrue : judgement.whenFalse}.`;
  return setting.value === (judgement.compliant ?? true) ? pass(reason, observed) : fail(reason, observed);
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
    if (readText(readField(attribute, 'attributeName'))?.toLowerCase() !== 'restore') continue;
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
