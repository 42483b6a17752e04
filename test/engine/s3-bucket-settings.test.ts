import { describe, expect, it } from 'vitest';
import { decodeErrorFor } from '../../engine/evaluate/config-fields.js';
import {
  accountPublicAccessBlock,
  bucketPublicAccessBlock,
  findTag,
  matchTag,
  readBucketAcl,
  readBucketPolicy,
  readDefaultEncryption,
  readPublicAccessBlock,
  statementCoversAllObjects,
} from '../../engine/evaluate/s3-bucket-settings.js';
import { contextOf } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { ALL_ON, accountS3Facts, allowPublicRead, policyStatements, publicSite } from '../helpers/s3-fixtures.js';

describe('readPublicAccessBlock', () => {
  it('reads Config camelCase, S3 Control PascalCase and the wrapped API response', () => {
    // Act
    const camel = readPublicAccessBlock(ALL_ON, 'bucket');
    const pascal = readPublicAccessBlock({ BlockPublicAcls: 'true', IgnorePublicAcls: 'True' }, 'account facts');
    const wrapped = readPublicAccessBlock({ PublicAccessBlockConfiguration: { RestrictPublicBuckets: true } }, 'x');
    // Assess
    expect(camel).toEqual({ state: 'known', settings: ALL_ON, source: 'bucket' });
    expect(pascal).toMatchObject({
      state: 'known',
      settings: {
        blockPublicAcls: true,
        ignorePublicAcls: true,
        blockPublicPolicy: false,
        restrictPublicBuckets: false,
      },
    });
    expect(wrapped).toMatchObject({
      state: 'known',
      settings: { restrictPublicBuckets: true, blockPublicAcls: false },
    });
  });

  it('tells "none" (null) from "not collected" (absent or empty)', () => {
    // Assess
    expect(readPublicAccessBlock(null, 'a').state).toBe('none');
    expect(readPublicAccessBlock(undefined, 'a').state).toBe('unknown');
    expect(readPublicAccessBlock({}, 'a').state).toBe('unknown');
  });

  it('treats a missing bucket block as none only when the item is complete', () => {
    // Prepare
    const complete = loadItem('s3-bucket/public-site');
    const partial = loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration = {};
    });
    // Assess
    expect(bucketPublicAccessBlock(complete).state).toBe('none');
    expect(bucketPublicAccessBlock(partial).state).toBe('unknown');
  });
});

describe('accountPublicAccessBlock', () => {
  it('reads account facts, then the Config item, else reports it was not collected', () => {
    // Prepare
    const item = loadItem('s3-account-public-access-block/baseline');
    // Act
    const fromFacts = accountPublicAccessBlock(contextOf([accountS3Facts({ IgnorePublicAcls: true })]), '111122223333');
    const fromItem = accountPublicAccessBlock(contextOf([item]), '111122223333');
    const neither = accountPublicAccessBlock(contextOf([]), '111122223333');
    // Assess
    expect(fromFacts).toMatchObject({ state: 'known', source: 'account facts', settings: { ignorePublicAcls: true } });
    expect(fromItem).toMatchObject({
      state: 'known',
      source: 'AWS::S3::AccountPublicAccessBlock item',
      settings: ALL_ON,
    });
    expect(neither.state).toBe('unknown');
  });

  it('prefers the more recent observation when both answer', () => {
    // Prepare: facts captured 04:00, item 05:12 on the same day.
    const item = loadItem('s3-account-public-access-block/baseline');
    const older = accountS3Facts(null);
    // Act
    const block = accountPublicAccessBlock(contextOf([older, item]), '111122223333');
    // Assess
    expect(block.source).toBe('AWS::S3::AccountPublicAccessBlock item');
  });
});

describe('readBucketAcl', () => {
  it('decodes the double-encoded ACL of the API form', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/baseline', (raw) => {
      const acl = JSON.parse(JSON.parse(raw.supplementaryConfiguration.AccessControlList));
      acl.grantList.push({ grantee: 'AllUsers', permission: 'Read' });
      raw.supplementaryConfiguration.AccessControlList = JSON.stringify(JSON.stringify(acl));
    });
    // Act
    const acl = readBucketAcl(bucket);
    // Assess
    expect(acl).toEqual({ state: 'ok', grants: [{ grantee: 'AllUsers', permission: 'Read', access: ['read'] }] });
  });

  it('reads the single-encoded ACL of the snapshot form', () => {
    // Assess
    expect(readBucketAcl(loadItem('s3-bucket/public-site'))).toMatchObject({
      state: 'ok',
      grants: [{ grantee: 'AllUsers', permission: 'Read' }],
    });
  });

  it('recognises group grantees by enum name or URI and maps permissions to access', () => {
    // Prepare
    const bucket = publicSite({
      grants: [
        { grantee: { uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' }, permission: 'WRITE_ACP' },
        { grantee: 'AllUsers', permission: 'FullControl' },
        { grantee: 'AllUsers', permission: 'ReadAcp' },
        { grantee: 'LogDelivery', permission: 'Write' },
        { grantee: { id: '0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0' }, permission: 'Read' },
      ],
    });
    // Act
    const acl = readBucketAcl(bucket);
    // Assess
    expect(acl).toEqual({
      state: 'ok',
      grants: [
        { grantee: 'AuthenticatedUsers', permission: 'WRITE_ACP', access: ['write'] },
        { grantee: 'AllUsers', permission: 'FullControl', access: ['read', 'write'] },
        { grantee: 'AllUsers', permission: 'ReadAcp', access: [] },
      ],
    });
  });

  it('reads the S3 API shape (Grants, Grantee.URI, Permission)', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration.AccessControlList = {
        Grants: [
          { Grantee: { Type: 'Group', URI: 'http://acs.amazonaws.com/groups/global/AllUsers' }, Permission: 'READ' },
        ],
      };
    });
    // Assess
    expect(readBucketAcl(bucket)).toMatchObject({ state: 'ok', grants: [{ grantee: 'AllUsers', access: ['read'] }] });
  });

  it('reports an undecodable ACL as an error, not as absent', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration.AccessControlList = '{"grantList":[';
    });
    // Assess
    expect(readBucketAcl(bucket).state).toBe('error');
    expect(decodeErrorFor(bucket, 'AccessControlList')).toMatch(/AccessControlList/);
  });
});

describe('statementCoversAllObjects', () => {
  it('accepts patterns that end in * and reach every key', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/public-site');
    const covers = (resource: unknown) =>
      statementCoversAllObjects(policyStatements(allowPublicRead({ Resource: resource }))[0]!, bucket);
    // Assess
    expect(covers('arn:aws:s3:::acme-marketing-site/*')).toBe(true);
    expect(covers(['arn:aws:s3:::acme-marketing-site', 'arn:aws:s3:::acme-marketing-site*'])).toBe(true);
    expect(covers('*')).toBe(true);
    expect(covers('arn:aws:s3:::acme-marketing-site/assets/*')).toBe(false);
    expect(covers('arn:aws:s3:::acme-marketing-site')).toBe(false);
  });
});

describe('bucket readers', () => {
  it('reads the default encryption rule and tells absent from unknown', () => {
    // Prepare
    const noKey = loadItem('s3-bucket/public-site', (raw) => {
      delete raw.supplementaryConfiguration.ServerSideEncryptionConfiguration;
    });
    const partial = loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration = {};
    });
    // Assess
    expect(readDefaultEncryption(loadItem('s3-bucket/baseline'))).toMatchObject({
      state: 'configured',
      algorithm: 'aws:kms',
      bucketKeyEnabled: true,
    });
    expect(readDefaultEncryption(noKey)).toEqual({ state: 'none', why: 'absent' });
    expect(readDefaultEncryption(partial)).toEqual({ state: 'unknown' });
  });

  it('finds tags case-insensitively, also in BucketTaggingConfiguration', () => {
    // Prepare
    const tagged = loadItem('s3-bucket/public-site', (raw) => {
      raw.tags = {};
      raw.supplementaryConfiguration.BucketTaggingConfiguration = { tagSets: [{ tags: { Retention: 'records' } }] };
    });
    // Assess
    expect(findTag(loadItem('s3-bucket/baseline'), 'Data-Classification')).toEqual({
      key: 'data-classification',
      value: 'confidential',
    });
    expect(findTag(tagged, 'retention')).toEqual({ key: 'Retention', value: 'records' });
    expect(findTag(tagged, 'owner')).toBeNull();
  });

  it('reads the bucket policy states', () => {
    // Prepare
    const none = publicSite({ policy: null });
    // Assess
    expect(readBucketPolicy(none).state).toBe('none');
    expect(readBucketPolicy(loadItem('s3-bucket/baseline')).state).toBe('ok');
  });
});

describe('edge shapes', () => {
  it('reads odd BucketPolicy and ACL holders', () => {
    // Prepare
    const nullPolicy = loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration.BucketPolicy = null;
      raw.supplementaryConfiguration.AccessControlList = null;
    });
    const emptyHolder = loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration.BucketPolicy = {};
      raw.supplementaryConfiguration.AccessControlList = 42;
    });
    // Assess
    expect(readBucketPolicy(nullPolicy).state).toBe('none');
    expect(readBucketAcl(nullPolicy)).toEqual({ state: 'ok', grants: [] });
    expect(readBucketPolicy(emptyHolder).state).toBe('unknown');
    expect(readBucketAcl(emptyHolder).state).toBe('error');
  });

  it('reports an encryption value that is not an object as an error', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration.ServerSideEncryptionConfiguration = 'AES256';
    });
    // Assess
    expect(readDefaultEncryption(bucket).state).toBe('error');
  });

  it('keeps account facts when they are newer than the Config item', () => {
    // Prepare
    const item = loadItem('s3-account-public-access-block/baseline');
    const newer = loadItem('account/s3-facts', (raw) => {
      raw.capturedAt = '2026-10-03T00:00:00Z';
      raw.s3.accountPublicAccessBlock = null;
    });
    // Act
    const block = accountPublicAccessBlock(contextOf([item, newer]), '111122223333');
    // Assess
    expect(block).toEqual({ state: 'none', source: 'account facts' });
  });

  it('treats a Deny with NotResource as not covering every object', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/public-site');
    const [statement] = policyStatements({
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      NotResource: 'arn:aws:s3:::x',
    });
    const [noResource] = policyStatements({ Effect: 'Deny', Principal: '*', Action: 's3:*' });
    // Assess
    expect(statementCoversAllObjects(statement!, bucket)).toBe(false);
    expect(statementCoversAllObjects(noResource!, bucket)).toBe(true);
  });
});

describe('matchTag', () => {
  it('matches a tag value among the wanted ones, trimmed and ignoring case', () => {
    // Prepare
    const tagged = loadItem('s3-bucket/baseline', (raw) => {
      raw.tags = { Retention: ' Records ' };
    });
    // Act & Assess
    expect(matchTag(tagged, 'retention', ['records', 'archive'])).toEqual({
      tag: { key: 'Retention', value: ' Records ' },
      matches: true,
    });
    expect(matchTag(tagged, 'retention', ['archive']).matches).toBe(false);
    expect(matchTag(tagged, 'owner', ['records'])).toEqual({ tag: null, matches: false });
  });
});
