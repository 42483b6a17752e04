import { describe, expect, it } from 'vitest';
import {
  judgeBackupRetention,
  judgeFlag,
  rdsClusterOf,
  rdsInstanceNotJudged,
  rdsReplicaSourceOf,
  readCount,
  readFlag,
  readRestoreSharing,
  requireSetting,
} from '../../engine/evaluate/datastore-settings.js';

describe('readFlag', () => {
  it.each([
    [true, true],
    [false, false],
    ['true', true],
    ['FALSE', false],
    [' True ', true],
  ])('reads %j as %s', (raw, value) => {
    expect(readFlag({ multiAZ: raw }, 'multiAZ')).toEqual({ state: 'present', value });
  });

  it('reports absent for a missing key or null', () => {
    expect(readFlag({}, 'multiAZ')).toEqual({ state: 'absent' });
    expect(readFlag({ multiAZ: null }, 'multiAZ')).toEqual({ state: 'absent' });
  });

  it.each([['yes'], [1], [{}], ['']])('reports %j as invalid', (raw) => {
    expect(readFlag({ multiAZ: raw }, 'multiAZ')).toEqual({ state: 'invalid', raw });
  });
});

describe('readCount', () => {
  it.each([
    [7, 7],
    [0, 0],
    [35.0, 35],
    ['7', 7],
    [' 14.0 ', 14],
  ])('reads %j as %d', (raw, value) => {
    expect(readCount({ backupRetentionPeriod: raw }, 'backupRetentionPeriod')).toEqual({ state: 'present', value });
  });

  it('reports absent and invalid values', () => {
    expect(readCount({}, 'n')).toEqual({ state: 'absent' });
    expect(readCount({ n: null }, 'n')).toEqual({ state: 'absent' });
    expect(readCount({ n: -1 }, 'n')).toEqual({ state: 'invalid', raw: -1 });
    expect(readCount({ n: 1.5 }, 'n')).toEqual({ state: 'invalid', raw: 1.5 });
    expect(readCount({ n: 'seven' }, 'n')).toEqual({ state: 'invalid', raw: 'seven' });
    expect(readCount({ n: true }, 'n')).toEqual({ state: 'invalid', raw: true });
  });
});

describe('requireSetting', () => {
  it('passes a present value through', () => {
    expect(requireSetting({ state: 'present', value: false }, 'RDS instance a', 'multiAZ')).toEqual({
      ok: true,
      value: false,
    });
  });

  it('turns an absent value into INSUFFICIENT_DATA naming the field', () => {
    // Act
    const reading = requireSetting({ state: 'absent' }, 'RDS instance orders-db', 'storageEncrypted');
    // Assess
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.verdict.status).toBe('INSUFFICIENT_DATA');
    expect(reading.verdict.reason).toBe('RDS instance orders-db has no recorded storageEncrypted value.');
  });

  it('turns an unreadable value into ERROR, shortening long values', () => {
    // Act
    const reading = requireSetting({ state: 'invalid', raw: 'x'.repeat(100) }, 'RDS instance a', 'multiAZ');
    // Assess
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.verdict.status).toBe('ERROR');
    expect(reading.verdict.reason).toMatch(/unreadable multiAZ value "x+\.\.\.\.$/);
    expect(reading.verdict.observed).toEqual({ multiAZ: 'x'.repeat(100) });
  });

  it('describes an undefined raw value without throwing', () => {
    const reading = requireSetting({ state: 'invalid', raw: undefined }, 'X a', 'f');
    expect(reading.ok ? '' : reading.verdict.reason).toBe('X a has an unreadable f value undefined.');
  });
});

describe('rdsClusterOf and rdsReplicaSourceOf', () => {
  it('names the cluster of an Aurora member, and null for a standalone instance', () => {
    expect(rdsClusterOf({ dBClusterIdentifier: 'ledger-aurora' })).toBe('ledger-aurora');
    expect(rdsClusterOf({ dbClusterIdentifier: 'ledger-aurora' })).toBe('ledger-aurora');
    expect(rdsClusterOf({ dBClusterIdentifier: null })).toBeNull();
    expect(rdsClusterOf(null)).toBeNull();
  });

  it('names the source of a read replica, instance or cluster', () => {
    expect(rdsReplicaSourceOf({ readReplicaSourceDBInstanceIdentifier: 'orders-db' })).toBe('orders-db');
    expect(
      rdsReplicaSourceOf({
        readReplicaSourceDBInstanceIdentifier: null,
        readReplicaSourceDBClusterIdentifier: 'arn:aws:rds:us-east-1:111122223333:cluster:ledger',
      }),
    ).toBe('arn:aws:rds:us-east-1:111122223333:cluster:ledger');
    expect(rdsReplicaSourceOf({ readReplicaSourceDBInstanceIdentifier: null })).toBeNull();
  });
});

describe('readRestoreSharing', () => {
  it('reads "all" as public, whatever its case', () => {
    expect(readRestoreSharing([{ attributeName: 'restore', attributeValues: ['All', '444455556666'] }])).toEqual({
      state: 'present',
      value: { public: true, accounts: ['444455556666'] },
    });
  });

  it('lists each sharing account once', () => {
    // Prepare: Config repeats account ids (seen in recorded items).
    const attributes = [
      { attributeName: 'restore', attributeValues: ['444455556666', '444455556666', '777788889999'] },
    ];
    // Act / Assess
    expect(readRestoreSharing(attributes)).toEqual({
      state: 'present',
      value: { public: false, accounts: ['444455556666', '777788889999'] },
    });
  });

  it('treats no restore attribute, null or empty values as private', () => {
    const privateSharing = { state: 'present', value: { public: false, accounts: [] } };
    expect(readRestoreSharing([])).toEqual(privateSharing);
    expect(readRestoreSharing([{ attributeName: 'restore', attributeValues: [] }])).toEqual(privateSharing);
    expect(readRestoreSharing([{ attributeName: 'restore', attributeValues: null }])).toEqual(privateSharing);
    expect(readRestoreSharing([{ attributeName: 'other', attributeValues: ['all'] }])).toEqual(privateSharing);
  });

  it('accepts values given as a string: JSON array, comma list or a single value', () => {
    expect(readRestoreSharing([{ AttributeName: 'restore', AttributeValues: '["all"]' }])).toMatchObject({
      value: { public: true },
    });
    expect(readRestoreSharing([{ attributeName: 'restore', attributeValues: '444455556666, 777788889999' }])).toEqual({
      state: 'present',
      value: { public: false, accounts: ['444455556666', '777788889999'] },
    });
    expect(readRestoreSharing([{ attributeName: 'restore', attributeValues: 'all' }])).toMatchObject({
      value: { public: true },
    });
  });

  it('unwraps the DescribeDBSnapshotAttributes result shape', () => {
    // Prepare
    const wrapped = {
      dBSnapshotIdentifier: 'orders-db-final',
      dBSnapshotAttributes: [{ attributeName: 'restore', attributeValues: ['all'] }],
    };
    // Act / Assess
    expect(readRestoreSharing(wrapped)).toMatchObject({ state: 'present', value: { public: true } });
  });

  it('reports absent and unrecognised shapes', () => {
    expect(readRestoreSharing(undefined)).toEqual({ state: 'absent' });
    expect(readRestoreSharing(null)).toEqual({ state: 'absent' });
    expect(readRestoreSharing('all')).toMatchObject({ state: 'invalid' });
    expect(readRestoreSharing({ restore: ['all'] })).toMatchObject({ state: 'invalid' });
    expect(readRestoreSharing(['restore'])).toMatchObject({ state: 'invalid' });
    expect(readRestoreSharing([{ attributeName: 'restore', attributeValues: [123] }])).toMatchObject({
      state: 'invalid',
    });
    expect(readRestoreSharing([{ attributeName: 'restore', attributeValues: '[not json' }])).toMatchObject({
      state: 'invalid',
    });
    expect(readRestoreSharing([{ attributeName: 'restore', attributeValues: 7 }])).toMatchObject({
      state: 'invalid',
    });
  });
});

describe('judgeBackupRetention', () => {
  it('fails when backups are off or too short, and passes from the minimum up', () => {
    // Act
    const off = judgeBackupRetention('RDS instance a', 0, 7, { x: 1 });
    const oneDay = judgeBackupRetention('RDS cluster b', 1, 7, {});
    const exact = judgeBackupRetention('RDS cluster b', 7, 7, {});
    // Assess
    expect(off).toEqual({
      status: 'FAIL',
      reason: 'RDS instance a has automated backups disabled.',
      observed: { x: 1 },
    });
    expect(oneDay.reason).toBe('RDS cluster b keeps automated backups for 1 day, fewer than 7.');
    expect(exact).toMatchObject({ status: 'PASS', reason: 'RDS cluster b keeps automated backups for 7 days.' });
  });
});

describe('judgeFlag', () => {
  const words = { subject: 'RDS cluster ledger', whenTrue: 'has it on', whenFalse: 'has it off' };

  it('passes the compliant value and fails the other, with the setting first in the evidence', () => {
    // Act
    const on = judgeFlag({ deletionProtection: 'TRUE' }, 'deletionProtection', { ...words, observed: { engine: 'x' } });
    const off = judgeFlag({ deletionProtection: false }, 'deletionProtection', words);
    // Assess
    expect(on).toEqual({
      status: 'PASS',
      reason: 'RDS cluster ledger has it on.',
      observed: { deletionProtection: true, engine: 'x' },
    });
    expect(off).toMatchObject({ status: 'FAIL', reason: 'RDS cluster ledger has it off.' });
  });

  it('fails a true risk flag, and names the evidence key as asked', () => {
    // Act
    const exposed = judgeFlag({ PubliclyAccessible: true }, 'publiclyAccessible', { ...words, compliant: false });
    const renamed = judgeFlag({ Encrypted: true }, 'Encrypted', { ...words, observedAs: 'encrypted' });
    // Assess
    expect(exposed).toMatchObject({ status: 'FAIL', reason: 'RDS cluster ledger has it on.' });
    expect(renamed.observed).toEqual({ encrypted: true });
  });

  it('reports an absent or unreadable setting', () => {
    expect(judgeFlag({}, 'multiAZ', words).status).toBe('INSUFFICIENT_DATA');
    expect(judgeFlag({ multiAZ: 'yes' }, 'multiAZ', words).status).toBe('ERROR');
  });
});

describe('rdsInstanceNotJudged', () => {
  it('leaves cluster members to their cluster and, when asked, replicas to their source', () => {
    // Act
    const member = rdsInstanceNotJudged({ dBClusterIdentifier: 'ledger' }, 'RDS instance a', {
      clusterGoverns: 'whose setting governs it',
    });
    const replica = { readReplicaSourceDBInstanceIdentifier: 'orders-db' };
    // Assess
    expect(member).toEqual({
      status: 'NOT_APPLICABLE',
      reason: 'RDS instance a is a member of DB cluster ledger, whose setting governs it.',
      observed: { dBClusterIdentifier: 'ledger' },
    });
    expect(rdsInstanceNotJudged(replica, 'RDS instance b', { clusterGoverns: '', skipReadReplicas: true })).toEqual({
      status: 'NOT_APPLICABLE',
      reason: 'RDS instance b is a read replica of orders-db; replicas are not checked.',
      observed: { readReplicaSource: 'orders-db' },
    });
    expect(rdsInstanceNotJudged(replica, 'RDS instance b', { clusterGoverns: '' })).toBeNull();
    expect(rdsInstanceNotJudged({}, 'RDS instance c', { clusterGoverns: '' })).toBeNull();
  });
});
