import { describe, expect, it } from 'vitest';
import { assessPublicExposure, exposureVerdict, publicPolicyGrants } from '../../engine/evaluate/s3-access.js';
import { contextOf } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { ALL_ON, accountS3Facts, allowPublicRead, policyStatements } from '../helpers/s3-fixtures.js';

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
    const grants = publicPolicyGrants(policyStatements(allowPublicRead(extra)), 'read');
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
    expect(publicPolicyGrants(policyStatements(allowPublicRead(extra)), 'read')).toEqual([]);
  });

  it('matches write actions through wildcards and names the statement', () => {
    // Prepare
    const list = policyStatements(
      allowPublicRead({ Sid: 'Uploads', Action: 's3:PutObject*' }),
      allowPublicRead({ Action: ['s3:Put*'] }),
      allowPublicRead({ Sid: 'Everything', Action: '*' }),
      allowPublicRead({ Sid: 'AclOnly', Action: 's3:PutObjectAcl' }),
      allowPublicRead({ Sid: 'ReadOnly', Action: 's3:Get*' }),
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
    const withPin = publicPolicyGrants(policyStatements(allowPublicRead({}), pinned), 'read');
    const withTlsDeny = publicPolicyGrants(policyStatements(allowPublicRead({}), tlsOnly), 'read');
    // Assess
    expect(withPin).toEqual([]);
    expect(withTlsDeny).toHaveLength(1);
  });
});

describe('assessPublicExposure', () => {
  it('is public through policy and ACL when no block applies', () => {
    // Act
    const exposure = assessPublicExposure(loadItem('s3-bucket/public-site'), contextOf([accountS3Facts(null)]), 'read');
    // Assess
    expect(exposure.status).toBe('public');
    expect(exposure.summary).toBe(
      'is publicly readable through bucket policy statement "PublicReadGetObject" and ACL grant Read to AllUsers',
    );
    expect(exposure.observed).toMatchObject({ restrictPublicBuckets: 'off', ignorePublicAcls: 'off' });
  });

  it('is not public when account-level settings neutralise every grant', () => {
    // Act
    const exposure = assessPublicExposure(
      loadItem('s3-bucket/public-site'),
      contextOf([accountS3Facts(ALL_ON)]),
      'read',
    );
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
    const missing = assessPublicExposure(partial, contextOf([accountS3Facts(null)]), 'read');
    const blocked = assessPublicExposure(partial, contextOf([accountS3Facts(ALL_ON)]), 'read');
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
    const exposure = assessPublicExposure(bucket, contextOf([accountS3Facts(ALL_ON)]), 'read');
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

describe('edge shapes', () => {
  it('does not let a Deny with NotResource, or one narrower than the Allow, take a grant back', () => {
    // Prepare
    const denyAll = { Effect: 'Deny', Principal: '*', Action: 's3:GetObject' };
    const list = policyStatements(
      allowPublicRead({}),
      { ...denyAll, NotResource: 'arn:aws:s3:::acme-marketing-site/private/*' },
      { ...denyAll, Resource: 'arn:aws:s3:::acme-marketing-site/private/*' },
    );
    // Act
    const grants = publicPolicyGrants(list, 'read');
    // Assess
    expect(grants).toHaveLength(1);
  });

  it('does not let a Deny that names the objects in another case take a grant back: ARNs match case-sensitively', () => {
    // Prepare
    const list = policyStatements(allowPublicRead({}), {
      Effect: 'Deny',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::ACME-MARKETING-SITE/*',
    });
    // Act
    const grants = publicPolicyGrants(list, 'read');
    // Assess
    expect(grants).toHaveLength(1);
  });

  it('lets an unconditional Deny without Resource take back every grant', () => {
    // Assess
    expect(
      publicPolicyGrants(
        policyStatements(allowPublicRead({}), { Effect: 'Deny', Principal: '*', Action: 's3:*' }),
        'read',
      ),
    ).toEqual([]);
  });

  it('treats an item that records its ACL as complete: no PublicAccessBlockConfiguration means no bucket block', () => {
    // Prepare
    const bucket = loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration = { AccessControlList: raw.supplementaryConfiguration.AccessControlList };
    });
    // Act
    const exposure = assessPublicExposure(bucket, contextOf([accountS3Facts(null)]), 'read');
    // Assess
    expect(exposure).toMatchObject({
      status: 'public',
      observed: { bucketPublicAccessBlock: 'none', bucketPolicy: 'not recorded' },
    });
  });
});
