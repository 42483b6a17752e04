import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InputParseError } from '../../engine/errors.js';
import { normaliseAccountFacts, parseCredentialReportCsv } from '../../engine/normalize/account-facts.js';
import { normaliseConfigurationItem, normaliseSelectRow } from '../../engine/normalize/config-item.js';
import { decodeJsonValue, decodePolicyDocument, toIsoTime } from '../../engine/normalize/decode.js';
import { normaliseRecord } from '../../engine/normalize/records.js';
import { readFixture } from '../helpers/fixtures.js';

const POLICY = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] };

describe('Function: decodeJsonValue', () => {
  it('decodes a double-encoded value (the API form of the S3 ACL)', () => {
    // Prepare
    const doubled = JSON.stringify(JSON.stringify({ grantList: [] }));
    // Act
    const decoded = decodeJsonValue(doubled);
    // Assess
    expect(decoded).toEqual({ ok: true, value: { grantList: [] } });
  });
  it('keeps plain strings and objects as they are', () => {
    expect(decodeJsonValue('Enabled')).toEqual({ ok: true, value: 'Enabled' });
    expect(decodeJsonValue({ a: 1 })).toEqual({ ok: true, value: { a: 1 } });
    expect(decodeJsonValue('false')).toEqual({ ok: true, value: false });
  });
  it('reports broken JSON instead of throwing', () => {
    expect(decodeJsonValue('{"status":')).toMatchObject({ ok: false });
  });
});

describe('Function: decodePolicyDocument', () => {
  it('decodes URL-encoded JSON as IAM and Config deliver it', () => {
    expect(decodePolicyDocument(encodeURIComponent(JSON.stringify(POLICY)))).toEqual({ ok: true, value: POLICY });
  });
  it('keeps a literal + (decodeURIComponent, not form decoding)', () => {
    const doc = { Statement: [{ Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::a+b' }] };
    const decoded = decodePolicyDocument(encodeURIComponent(JSON.stringify(doc)).replace('%2B', '+'));
    expect(decoded).toEqual({ ok: true, value: doc });
  });
  it('accepts a JSON string or an object', () => {
    expect(decodePolicyDocument(JSON.stringify(POLICY))).toEqual({ ok: true, value: POLICY });
    expect(decodePolicyDocument(POLICY)).toEqual({ ok: true, value: POLICY });
  });
  it('rejects what is not a policy', () => {
    expect(decodePolicyDocument('%E0%A4%A')).toMatchObject({ ok: false });
    expect(decodePolicyDocument(42)).toMatchObject({ ok: false });
    expect(decodePolicyDocument('[1,2]')).toMatchObject({ ok: false });
  });
});

describe('Function: toIsoTime', () => {
  it('reads ISO strings and epoch seconds or milliseconds', () => {
    expect(toIsoTime('2026-10-02T09:14:27.512Z')).toBe('2026-10-02T09:14:27.512Z');
    expect(toIsoTime(new Date('2026-10-02T09:14:27.512Z'))).toBe('2026-10-02T09:14:27.512Z');
    expect(toIsoTime(new Date('not a date'))).toBeNull();
    expect(toIsoTime(1759396467)).toBe('2025-10-02T09:14:27.000Z');
    expect(toIsoTime(1759396467512)).toBe('2025-10-02T09:14:27.512Z');
    expect(toIsoTime('not a date')).toBeNull();
    expect(toIsoTime(undefined)).toBeNull();
  });
});

describe('Function: normaliseConfigurationItem', () => {
  it('normalises the API form: JSON-string configuration and supplementary values', () => {
    // Act
    const bucket = normaliseConfigurationItem(readFixture('config-items/s3-bucket/baseline'), { where: 'fixture' });
    // Assess
    expect(bucket).toMatchObject({
      resourceType: 'AWS::S3::Bucket',
      resourceId: 'acme-payroll-exports',
      accountId: '111122223333',
      arn: 'arn:aws:s3:::acme-payroll-exports',
      region: 'us-east-1',
      source: 'api',
      captureTime: '2026-10-02T09:14:27.512Z',
      tags: { 'data-classification': 'confidential' },
    });
    expect(bucket.configuration).toMatchObject({ name: 'acme-payroll-exports' });
    expect(bucket.supplementary.BucketVersioningConfiguration).toEqual({ status: 'Enabled', isMfaDeleteEnabled: null });
    expect(bucket.supplementary.AccessControlList).toMatchObject({ grantList: [{ permission: 'FullControl' }] });
    expect(bucket.supplementary.BucketPolicy).toMatchObject({
      policyText: { Statement: [{ Sid: 'DenyInsecureTransport' }] },
    });
    expect(bucket.decodeErrors).toEqual([]);
  });

  it('normalises the snapshot form with ARN, awsAccountId and relationship `name`', () => {
    const role = normaliseConfigurationItem(
      {
        configurationItemVersion: '1.3',
        awsAccountId: '111122223333',
        ARN: 'arn:aws:iam::111122223333:role/deploy',
        resourceType: 'AWS::IAM::Role',
        resourceId: 'AROAEXAMPLEID',
        resourceName: 'deploy',
        awsRegion: 'global',
        configurationItemCaptureTime: '2026-10-02T09:14:27.512Z',
        configurationItemStatus: 'OK',
        relationships: [
          { resourceType: 'AWS::IAM::Policy', resourceId: 'ANPA1', name: 'Is attached to CustomerManagedPolicy' },
        ],
        configuration: {
          roleName: 'deploy',
          assumeRolePolicyDocument: encodeURIComponent(JSON.stringify(POLICY)),
          rolePolicyList: [{ policyName: 'inline', policyDocument: encodeURIComponent(JSON.stringify(POLICY)) }],
        },
        supplementaryConfiguration: {},
      },
      { where: 'test' },
    );
    expect(role.source).toBe('snapshot');
    expect(role.arn).toBe('arn:aws:iam::111122223333:role/deploy');
    expect(role.relationships[0]?.relationshipName).toBe('Is attached to CustomerManagedPolicy');
    expect(role.configuration?.assumeRolePolicyDocument).toEqual(POLICY);
    const inline = role.configuration?.rolePolicyList as { policyDocument: unknown }[] | undefined;
    expect(inline?.[0]?.policyDocument).toEqual(POLICY);
  });

  it('keeps an undecodable policy as a decode error, not a crash', () => {
    const key = normaliseConfigurationItem(
      {
        accountId: '111122223333',
        resourceType: 'AWS::KMS::Key',
        resourceId: 'k1',
        configuration: '{"keyId":"k1"}',
        supplementaryConfiguration: { Policy: '{"Statement": [' },
      },
      { where: 'test' },
    );
    expect(key.decodeErrors.join()).toMatch(/Policy/);
  });

  it('decodes an EFS file system policy given as an object or as its JSON string, whatever its key casing', () => {
    // Prepare
    const fileSystem = (configuration: Record<string, unknown>) =>
      normaliseConfigurationItem(
        { accountId: '111122223333', resourceType: 'AWS::EFS::FileSystem', resourceId: 'fs-1', configuration },
        { where: 'test' },
      );
    // Act
    const asString = fileSystem({ FileSystemId: 'fs-1', FileSystemPolicy: JSON.stringify(POLICY) });
    const camelCase = fileSystem({ fileSystemId: 'fs-1', fileSystemPolicy: POLICY });
    const broken = fileSystem({ FileSystemId: 'fs-1', FileSystemPolicy: '{"Statement": [' });
    // Assess
    expect(asString.configuration?.FileSystemPolicy).toEqual(POLICY);
    expect(camelCase.configuration?.fileSystemPolicy).toEqual(POLICY);
    expect(broken.decodeErrors).toEqual([
      expect.stringMatching(/^FileSystemPolicy: policy document is not valid JSON/),
    ]);
  });

  it('names the item when identity is missing', () => {
    expect(() => normaliseConfigurationItem({ resourceId: 'x' }, { where: 'inv.ndjson:7' })).toThrow(
      /inv\.ndjson:7: configuration item has no resourceType/,
    );
    expect(() => normaliseConfigurationItem({ resourceType: 'AWS::S3::Bucket' }, { where: 'w' })).toThrow(
      /no resourceId/,
    );
    expect(() => normaliseConfigurationItem([1], { where: 'w' })).toThrow(InputParseError);
  });

  it('never throws anything but InputParseError, whatever the input (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        try {
          normaliseConfigurationItem(value, { where: 'fuzz' });
        } catch (error) {
          if (!(error instanceof InputParseError)) throw error;
        }
      }),
    );
    fc.assert(
      fc.property(
        fc.record({
          resourceType: fc.constantFrom('AWS::S3::Bucket', 'AWS::IAM::Role', 'AWS::KMS::Key', 'AWS::IAM::Policy'),
          resourceId: fc.string({ minLength: 1 }),
          configuration: fc.oneof(fc.string(), fc.object(), fc.constant(null)),
          supplementaryConfiguration: fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.object())),
        }),
        (value) => {
          normaliseConfigurationItem(value, { where: 'fuzz' });
        },
      ),
    );
  });
});

describe('Function: normaliseSelectRow', () => {
  it('reads a SelectResourceConfig row string', () => {
    const row = JSON.stringify({
      resourceType: 'AWS::EC2::Volume',
      resourceId: 'vol-1',
      accountId: '111122223333',
      configuration: { encrypted: true },
    });
    expect(normaliseSelectRow(row, 'q').configuration).toEqual({ encrypted: true });
  });
  it('says what the query must select', () => {
    const row = JSON.stringify({ resourceType: 'AWS::EC2::Volume', resourceId: 'vol-1' });
    expect(() => normaliseSelectRow(row, 'select.json Results[0]')).toThrow(
      /lacks configuration; the query must select/,
    );
  });
});

describe('Function: normaliseRecord', () => {
  const ci = { resourceType: 'AWS::EC2::Volume', resourceId: 'vol-1', awsAccountId: '111122223333', configuration: {} };
  const resources = (value: unknown) =>
    [...normaliseRecord(value, 'x')].flatMap((r) => (r.kind === 'resource' ? [r.resource.resourceId] : []));

  it('recognises every container shape', () => {
    expect(resources({ fileVersion: '1.0', configSnapshotId: 's', configurationItems: [ci] })).toEqual(['vol-1']);
    expect(resources({ configurationItems: [{ ...ci, configuration: '{}' }], nextToken: 't' })).toEqual(['vol-1']);
    expect(resources({ baseConfigurationItems: [ci], unprocessedResourceKeys: [] })).toEqual(['vol-1']);
    expect(resources({ Results: [JSON.stringify(ci)], QueryInfo: {} })).toEqual(['vol-1']);
    expect(resources([ci, ci])).toEqual(['vol-1', 'vol-1']);
    expect(resources(ci)).toEqual(['vol-1']);
    expect(resources(JSON.stringify(ci))).toEqual(['vol-1']);
    expect(
      resources({
        format: 'compliance-auditor/inventory',
        formatVersion: 1,
        accountFacts: [
          { inventoryRecord: 'accountFacts', accountId: '111122223333', capturedAt: '2026-01-01T00:00:00Z' },
        ],
        configurationItems: [ci],
      }),
    ).toEqual(['111122223333', 'vol-1']);
  });
  it('rejects unknown shapes and versions with the hint', () => {
    expect(() => resources({ items: [] })).toThrow(/unrecognised inventory shape; expected a Config snapshot/);
    expect(() => resources({ format: 'compliance-auditor/inventory', formatVersion: 9 })).toThrow(
      /formatVersion 9 is not supported/,
    );
    expect(() => resources({ configurationItems: {} })).toThrow(/configurationItems is an object, expected an array/);
  });
});

describe('Account facts', () => {
  it('parses the credential report CSV, quoted or not', () => {
    const rows = parseCredentialReportCsv(
      'user,arn,mfa_active\n<root_account>,arn:aws:iam::111122223333:root,true\n"a,b",x,false\n',
    );
    expect(rows).toEqual([
      { user: '<root_account>', arn: 'arn:aws:iam::111122223333:root', mfa_active: 'true' },
      { user: 'a,b', arn: 'x', mfa_active: 'false' },
    ]);
  });
  it('normalises a record into the AWS::::Account resource', () => {
    const record = {
      inventoryRecord: 'accountFacts',
      accountId: '111122223333',
      capturedAt: '2026-11-20T06:00:00Z',
      iam: {
        passwordPolicy: null,
        credentialReport: { generatedTime: '2026-11-20T05:59:00Z', csv: 'user,mfa_active\nalice,false\n' },
      },
    };
    const account = normaliseAccountFacts(record, 'x');
    expect(account).toMatchObject({
      resourceType: 'AWS::::Account',
      resourceId: '111122223333',
      arn: 'arn:aws:iam::111122223333:root',
    });
    expect(account.configuration?.iam).toEqual({
      passwordPolicy: null,
      credentialReport: { generatedTime: '2026-11-20T05:59:00Z', rows: [{ user: 'alice', mfa_active: 'false' }] },
    });
  });
  it('rejects a record without a 12-digit account', () => {
    expect(() => normaliseAccountFacts({ inventoryRecord: 'accountFacts', accountId: 'abc' }, 'f:1')).toThrow(
      /f:1: .*12-digit/,
    );
  });
});
