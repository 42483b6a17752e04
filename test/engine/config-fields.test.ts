import { describe, expect, it } from 'vitest';
import {
  decodeErrorFor,
  readBoolean,
  readField,
  readInteger,
  readNumber,
  readPath,
  readText,
} from '../../engine/evaluate/config-fields.js';
import { loadItem, normaliseRaw } from '../helpers/fixtures.js';

describe('Method: readField', () => {
  it('prefers the exact key, then ignores case', () => {
    // Prepare
    const holder = { dbclusterIdentifier: 'ledger', DBClusterIdentifier: 'exact' };
    // Act / Assess
    expect(readField(holder, 'DBClusterIdentifier')).toBe('exact');
    expect(readField(holder, 'dBClusterIdentifier')).toBe('ledger');
    expect(readField({ ssedescription: { status: 'ENABLED' } }, 'sSEDescription')).toEqual({ status: 'ENABLED' });
    expect(readField({ SslPolicy: 'pascal', sslpolicy: 'lower' }, 'SslPolicy')).toBe('pascal');
    expect(readField({ SslPolicy: 'pascal' }, 'sslPolicy')).toBe('pascal');
    expect(readField({ vpcoptions: 1 }, 'VPCOptions')).toBe(1);
    expect(readField({ A: 2 }, 'A')).toBe(2);
  });

  it('is undefined for a missing key or a holder that is not an object, and ignores the prototype', () => {
    expect(readField({ a: 1 }, 'b')).toBeUndefined();
    expect(readField(null, 'a')).toBeUndefined();
    expect(readField(null, 'A')).toBeUndefined();
    expect(readField(['a'], '0')).toBeUndefined();
    expect(readField('text', 'length')).toBeUndefined();
    expect(readField({}, 'toString')).toBeUndefined();
  });

  it('keeps an explicit null (AWS reported none)', () => {
    expect(readField({ kmsKeyId: null }, 'kmsKeyId')).toBeNull();
  });

  it('falls back to another casing when the exact key holds undefined', () => {
    expect(readField({ kmsKeyId: undefined, KmsKeyId: 'k' }, 'kmsKeyId')).toBe('k');
  });
});

describe('Method: readPath', () => {
  it('follows nested keys whatever their case', () => {
    // Prepare
    const supplementary = {
      ContinuousBackupsDescription: { pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'ENABLED' } },
    };
    // Act
    const status = readPath(
      supplementary,
      'continuousBackupsDescription',
      'PointInTimeRecoveryDescription',
      'PointInTimeRecoveryStatus',
    );
    // Assess
    expect(status).toBe('ENABLED');
    expect(readPath(supplementary, 'ContinuousBackupsDescription', 'missing', 'x')).toBeUndefined();
  });
});

describe('Method: readBoolean', () => {
  it.each([
    [true, true],
    ['FALSE', false],
    [' true ', true],
    ['yes', null],
    [1, null],
  ])('readBoolean(%j) is %j', (value, expected) => {
    expect(readBoolean(value)).toBe(expected);
  });

  it('reads booleans and their string forms in any case, and nothing else', () => {
    // Assess
    expect([true, false, 'true', 'FALSE', ' True '].map(readBoolean)).toEqual([true, false, true, false, true]);
    expect([null, undefined, 1, 'yes', ''].map(readBoolean)).toEqual([null, null, null, null, null]);
    expect([true, 'TRUE', ' false ', false, 'yes', 1, null].map(readBoolean)).toEqual([
      true,
      true,
      false,
      false,
      null,
      null,
      null,
    ]);
  });
});

describe('Method: readNumber and readInteger', () => {
  it('reads numbers and numeric strings, and nothing else', () => {
    expect([readNumber('365'), readNumber(7), readNumber('7 days'), readNumber(Number.NaN)]).toEqual([
      365,
      7,
      null,
      null,
    ]);
    expect([readNumber(' 14.5 '), readNumber('-3'), readNumber('1e3'), readNumber(Number.POSITIVE_INFINITY)]).toEqual([
      14.5,
      -3,
      null,
      null,
    ]);
    expect([readNumber(true), readNumber(''), readNumber(null)]).toEqual([null, null, null]);
  });

  it('reads whole numbers only as integers', () => {
    expect([readInteger('22'), readInteger(' 14.0 '), readInteger(-1), readInteger(1.5), readInteger('x')]).toEqual([
      22,
      14,
      -1,
      null,
      null,
    ]);
  });
});

describe('Method: readText', () => {
  it('trims strings and turns blank or non-string values into null', () => {
    expect([' a ', '', '  ', 3].map(readText)).toEqual(['a', null, null, null]);
    expect([readText('  '), readText('k'), readText(3)]).toEqual([null, 'k', null]);
    expect(readText(readField({ engine: ' aurora-mysql ' }, 'engine'))).toBe('aurora-mysql');
    expect(readText(readField({ engine: '   ' }, 'engine'))).toBeNull();
    expect(readText(readField({ engine: 5 }, 'engine'))).toBeNull();
    expect(readText(readField({}, 'engine'))).toBeNull();
  });
});

describe('Method: decodeErrorFor', () => {
  it('finds the decode error recorded for one supplementary key', () => {
    // Prepare
    const resource = normaliseRaw({
      resourceType: 'AWS::Redshift::Cluster',
      resourceId: 'analytics',
      accountId: '111122223333',
      configuration: '{}',
      supplementaryConfiguration: { LoggingStatus: '{"loggingEnabled":', Tags: '[]' },
    });
    // Act / Assess
    expect(decodeErrorFor(resource, 'LoggingStatus')).toMatch(/^supplementaryConfiguration\.LoggingStatus: /);
    expect(decodeErrorFor(resource, 'loggingstatus')).toMatch(/^supplementaryConfiguration\.LoggingStatus: /);
    expect(decodeErrorFor(resource, 'Tags')).toBeNull();
  });

  it('finds the decode error of a supplementary field', () => {
    // Prepare
    const key = loadItem('kms-key/baseline', (raw) => {
      raw.supplementaryConfiguration.Policy = '{"Version":';
    });
    // Assess
    expect(decodeErrorFor(key, 'Policy')).toMatch(/^supplementaryConfiguration\.Policy: /);
    expect(decodeErrorFor(key, 'KeyRotationStatus')).toBeNull();
  });

  it('finds the error of a nested value by its label, and needs the key to end there', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration.BucketPolicy = { policyText: '{"Statement": [' };
    });
    const resource = { ...bucket, decodeErrors: ['supplementaryConfiguration.PolicyStatus: not valid JSON (x)'] };
    // Assess
    expect(decodeErrorFor(bucket, 'BucketPolicy')).toMatch(/^BucketPolicy\.policyText: /);
    expect(decodeErrorFor(resource, 'Policy')).toBeNull();
  });
});
