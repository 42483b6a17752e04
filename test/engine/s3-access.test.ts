import { describe, expect, it } from 'vitest';
import { parsePolicy, type PolicyStatement } from '../../engine/evaluate/policy.js';
import {
  accountPublicAccessBlock,
  assessPublicExposure,
  bucketPublicAccessBlock,
  decodeErrorOf,
  exposureVerdict,
  findTag,
  publicPolicyGrants,
  readBoolean,
  readBucketAcl,
  readBucketPolicy,
  readDefaultEncryption,
  readPublicAccessBlock,
  statementCoversAllObjects,
} from '../../engine/evaluate/s3-access.js';
import type { Resource } from '../../engine/types.js';
import { contextOf } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const ALL_ON = { blockPublicAcls: true, ignorePublicAcls: true, blockPublicPolicy: true, restrictPublicBuckets: true };

const statements = (...list: Record<string, unknown>[]): PolicyStatement[] => {
  const parsed = parsePolicy({ Version: '2012-10-17', Statement: list });
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.statements;
};

const allow = (extra: Record<string, unknown>) => ({
  Effect: 'Allow',
  Principal: '*',
  Action: 's3:GetObject',
  Resource: 'arn:aws:s3:::acme-marketing-site/*',
  ...extra,
});

/** The public-site fixture (snapshot form) with its ACL grants and policy replaced. */
const site = (options: { grants?: unknown[]; policy?: Record<string, unknown>[] | null; pab?: unknown }): Resource =>
  loadItem('s3-bucket/public-site', (raw) => {
    const acl = JSON.parse(raw.supplementaryConfiguration.AccessControlList);
    acl.grantList = [acl.grantList[0], ...(options.grants ?? [])];
    raw.supplementaryConfiguration.AccessControlList = JSON.stringify(acl);
    if (options.policy !== undefined) {
      raw.supplementaryConfiguration.BucketPolicy = {
        policyText: options.policy && JSON.stringify({ Version: '2012-10-17', Statement: options.policy }),
      };
    }
    if (options.pab !== undefined) raw.supplementaryConfiguration.PublicAccessBlockConfiguration = options.pab;
  });

const accountFacts = (block: unknown) =>
  loadItem('account/s3-facts', (raw) => {
    raw.s3.accountPublicAccessBlock = block;
  });

describe('readBoolean and readPublicAccessBlock', () => {
  it('reads booleans sent as strings in any case', () => {
    // Assess
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
    const fromFacts = accountPublicAccessBlock(contextOf([accountFacts({ IgnorePublicAcls: true })]), '111122223333');
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
    const older = accountFacts(null);
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
    const bucket = site({
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
    expect(decodeErrorOf(bucket, 'AccessControlList')).toMatch(/AccessControlList/);
  });
});

describe('publicPolicyGrants', () => {
  it.each([
    ['Principal "*"', { Principal: '*' }],
    ['Principal {"AWS":"*"}', { Principal: { AWS: '*' } }],
    ['"*" among named accounts', { Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } }],
    ['Action array with s3:Get*', { Action: ['s3:ListBucket', 's3:Get*'] }],
    ['NotPrincipal with Allow', { Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }],
    ['public aws:SourceIp', { Condition: { IpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] } } }],
    ['StringLike "*" on aws:SourceVpce', { Condition: { StringLike: { 'aws:SourceVpce': '*' } } }],
    [
      '...IfExists on aws:PrincipalOrgID',
      { Condition: { StringEqualsIfExists: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } },
    ],
  ])('counts %s as public read', (_name, extra) => {
    // Act
    const grants = publicPolicyGrants(statements(allow(extra)), 'read');
    // Assess
    expect(grants).toHaveLength(1);
  });

  it.each([
    ['aws:SourceVpce', { Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60718' } } }],
    ['private aws:SourceIp', { Condition: { IpAddress: { 'aws:SourceIp': ['10.20.0.0/16', 'fd00::/8'] } } }],
    ['a service principal', { Principal: { Service: 'cloudtrail.amazonaws.com' } }],
    ['a named account', { Principal: { AWS: 'arn:aws:iam::444455556666:root' } }],
    ['a Deny', { Effect: 'Deny' }],
  ])('does not count a statement pinned by %s', (_name, extra) => {
    // Assess
    expect(publicPolicyGrants(statements(allow(extra)), 'read')).toEqual([]);
  });

  it('matches write actions through wildcards and names the statement', () => {
    // Prepare
    const list = statements(
      allow({ Sid: 'Uploads', Action: 's3:PutObject*' }),
      allow({ Action: ['s3:Put*'] }),
      allow({ Sid: 'Everything', Action: '*' }),
      allow({ Sid: 'AclOnly', Action: 's3:PutObjectAcl' }),
      allow({ Sid: 'ReadOnly', Action: 's3:Get*' }),
    );
    // Act
    const grants = publicPolicyGrants(list, 'write');
    // Assess
    expect(grants.map((grant) => grant.statement)).toEqual(['Uploads', '#1', 'Everything', 'AclOnly']);
    expect(grants[0]?.actions).toEqual(['s3:PutObject', 's3:PutObjectAcl', 's3:PutObjectVersionAcl']);
  });

  it('lets a Deny for everyone outside a VPC endpoint take the grant back', () => {
    // Prepare
    const pinned = {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:*',
      Resource: 'arn:aws:s3:::acme-marketing-site/*',
      Condition: { StringNotEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60718' } },
    };
    const tlsOnly = { ...pinned, Condition: { Bool: { 'aws:SecureTransport': 'false' } } };
    // Act
    const withPin = publicPolicyGrants(statements(allow({}), pinned), 'read');
    const withTlsDeny = publicPolicyGrants(statements(allow({}), tlsOnly), 'read');
    // Assess
    expect(withPin).toEqual([]);
    expect(withTlsDeny).toHaveLength(1);
  });
});

describe('statementCoversAllObjects', () => {
  it('accepts patterns that end in * and reach every key', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/public-site');
    const covers = (resource: unknown) =>
      statementCoversAllObjects(statements(allow({ Resource: resource }))[0]!, bucket);
    // Assess
    expect(covers('arn:aws:s3:::acme-marketing-site/*')).toBe(true);
    expect(covers(['arn:aws:s3:::acme-marketing-site', 'arn:aws:s3:::acme-marketing-site*'])).toBe(true);
    expect(covers('*')).toBe(true);
    expect(covers('arn:aws:s3:::acme-marketing-site/assets/*')).toBe(false);
    expect(covers('arn:aws:s3:::acme-marketing-site')).toBe(false);
  });
});

describe('assessPublicExposure', () => {
  it('is public through policy and ACL when no block applies', () => {
    // Act
    const exposure = assessPublicExposure(loadItem('s3-bucket/public-site'), contextOf([accountFacts(null)]), 'read');
    // Assess
    expect(exposure.status).toBe('public');
    expect(exposure.summary).toBe(
      'is publicly readable through bucket policy statement "PublicReadGetObject" and ACL grant Read to AllUsers',
    );
    expect(exposure.observed).toMatchObject({ restrictPublicBuckets: 'off', ignorePublicAcls: 'off' });
  });

  it('is not public when account-level settings neutralise every grant', () => {
    // Act
    const exposure = assessPublicExposure(loadItem('s3-bucket/public-site'), contextOf([accountFacts(ALL_ON)]), 'read');
    // Assess
    expect(exposure.status).toBe('notPublic');
    expect(exposure.summary).toMatch(/RestrictPublicBuckets \(account level\).*IgnorePublicAcls \(account level\)/);
  });

  it('cannot decide when the account-level block was not collected', () => {
    // Act
    const exposure = assessPublicExposure(loadItem('s3-bucket/public-site'), contextOf([]), 'read');
    // Assess
    expect(exposure.status).toBe('blockUnknown');
    expect(exposure.summary).toMatch(/account-level public access block was not collected/);
  });

  it('needs the policy and ACL unless a block makes them irrelevant', () => {
    // Prepare
    const partial = loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration = { BucketVersioningConfiguration: { status: 'Off' } };
    });
    // Act
    const missing = assessPublicExposure(partial, contextOf([accountFacts(null)]), 'read');
    const blocked = assessPublicExposure(partial, contextOf([accountFacts(ALL_ON)]), 'read');
    // Assess
    expect(missing).toMatchObject({ status: 'dataMissing', summary: expect.stringMatching(/bucket policy or ACL/) });
    expect(blocked.status).toBe('notPublic');
  });

  it('reports an undecodable bucket policy as an error', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration.BucketPolicy.policyText = '{"Statement": [';
    });
    // Act
    const exposure = assessPublicExposure(bucket, contextOf([accountFacts(ALL_ON)]), 'read');
    // Assess
    expect(exposure.status).toBe('error');
    expect(exposureVerdict(exposure, 'S3 bucket acme-marketing-site').status).toBe('ERROR');
  });

  it('maps exposures to verdicts', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/public-site');
    // Act
    const verdict = exposureVerdict(
      assessPublicExposure(bucket, contextOf([]), 'write'),
      'S3 bucket acme-marketing-site',
    );
    // Assess
    expect(verdict.status).toBe('PASS');
    expect(verdict.reason).toBe(
      'S3 bucket acme-marketing-site is not publicly writable: no bucket policy statement or ACL grant gives write access to anyone.',
    );
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
    const none = site({ policy: null });
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

  it('does not let a Deny with NotResource, or one narrower than the Allow, take a grant back', () => {
    // Prepare
    const denyAll = { Effect: 'Deny', Principal: '*', Action: 's3:GetObject' };
    const list = statements(
      allow({}),
      { ...denyAll, NotResource: 'arn:aws:s3:::acme-marketing-site/private/*' },
      { ...denyAll, Resource: 'arn:aws:s3:::acme-marketing-site/private/*' },
    );
    // Act
    const grants = publicPolicyGrants(list, 'read');
    // Assess
    expect(grants).toHaveLength(1);
  });

  it('lets an unconditional Deny without Resource take back every grant', () => {
    // Assess
    expect(
      publicPolicyGrants(statements(allow({}), { Effect: 'Deny', Principal: '*', Action: 's3:*' }), 'read'),
    ).toEqual([]);
  });

  it('treats an item that records its ACL as complete: no PublicAccessBlockConfiguration means no bucket block', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration = { AccessControlList: raw.supplementaryConfiguration.AccessControlList };
    });
    // Act
    const exposure = assessPublicExposure(bucket, contextOf([accountFacts(null)]), 'read');
    // Assess
    expect(exposure).toMatchObject({
      status: 'public',
      observed: { bucketPublicAccessBlock: 'none', bucketPolicy: 'not recorded' },
    });
  });

  it('treats a Deny with NotResource as not covering every object', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/public-site');
    const [statement] = statements({ Effect: 'Deny', Principal: '*', Action: 's3:*', NotResource: 'arn:aws:s3:::x' });
    const [noResource] = statements({ Effect: 'Deny', Principal: '*', Action: 's3:*' });
    // Assess
    expect(statementCoversAllObjects(statement!, bucket)).toBe(false);
    expect(statementCoversAllObjects(noResource!, bucket)).toBe(true);
  });
});
