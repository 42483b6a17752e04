import control from '../../controls/s3-bucket-public-read-prohibited.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const OFF = { BlockPublicAcls: false, IgnorePublicAcls: false, BlockPublicPolicy: false, RestrictPublicBuckets: false };
const ALL_ON = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };

const account = (block: unknown) =>
  loadItem('account/s3-facts', (raw) => {
    raw.s3.accountPublicAccessBlock = block;
  });
const noAccountBlock = [account(null)];

/** public-site (snapshot form) with only the owner's ACL grant and this policy statement. */
const policyOnly = (statement: Record<string, unknown>) =>
  loadItem('s3-bucket/public-site', (raw) => {
    editJson(raw.supplementaryConfiguration, 'AccessControlList', (acl) => {
      acl.grantList = acl.grantList.slice(0, 1);
    });
    raw.supplementaryConfiguration.BucketPolicy.policyText = JSON.stringify({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: 'arn:aws:s3:::acme-marketing-site/*',
          ...statement,
        },
      ],
    });
  });

/** public-site with no policy and this ACL grant added to the owner's. */
const aclOnly = (grant: Record<string, unknown>) =>
  loadItem('s3-bucket/public-site', (raw) => {
    editJson(raw.supplementaryConfiguration, 'AccessControlList', (acl) => {
      acl.grantList = [acl.grantList[0], grant];
    });
    raw.supplementaryConfiguration.BucketPolicy = { policyText: null };
  });

testControl(control, [
  { name: 'private bucket with every block on (API form)', resource: loadItem('s3-bucket/baseline'), expected: 'PASS' },
  {
    name: 'private bucket, account block not collected',
    resource: loadItem('s3-bucket/cloudtrail-logs'),
    expected: 'PASS',
    reason: 'no bucket policy statement or ACL grant',
  },
  {
    name: 'public policy and AllUsers READ, account has no block',
    resource: loadItem('s3-bucket/public-site'),
    context: noAccountBlock,
    expected: 'FAIL',
    reason: 'statement "PublicReadGetObject" and ACL grant Read to AllUsers',
    observed: { publicAclGrants: [{ grantee: 'AllUsers', permission: 'Read' }], restrictPublicBuckets: 'off' },
  },
  {
    name: 'public policy and ACL, account block not collected',
    resource: loadItem('s3-bucket/public-site'),
    expected: 'INSUFFICIENT_DATA',
    reason: 'may neutralise',
  },
  {
    name: 'public policy and ACL neutralised by the account block (account facts)',
    resource: loadItem('s3-bucket/public-site'),
    context: [account(ALL_ON)],
    expected: 'PASS',
    observed: { restrictPublicBuckets: 'account level', ignorePublicAcls: 'account level' },
  },
  {
    name: 'neutralised by the AWS::S3::AccountPublicAccessBlock Config item',
    resource: loadItem('s3-bucket/public-site'),
    context: [loadItem('s3-account-public-access-block/baseline')],
    expected: 'PASS',
    observed: { accountPublicAccessBlockSource: 'AWS::S3::AccountPublicAccessBlock item' },
  },
  {
    name: 'AllUsers READ with IgnorePublicAcls at account level',
    resource: aclOnly({ grantee: 'AllUsers', permission: 'Read' }),
    context: [account({ ...OFF, IgnorePublicAcls: true })],
    expected: 'PASS',
    reason: 'neutralised by IgnorePublicAcls (account level)',
  },
  {
    name: 'public policy with RestrictPublicBuckets at account level',
    resource: policyOnly({}),
    context: [account({ ...OFF, RestrictPublicBuckets: true })],
    expected: 'PASS',
    reason: 'neutralised by RestrictPublicBuckets (account level)',
  },
  {
    name: 'RestrictPublicBuckets at account level leaves the public ACL',
    resource: loadItem('s3-bucket/public-site'),
    context: [account({ ...OFF, RestrictPublicBuckets: true })],
    expected: 'FAIL',
    reason: 'through ACL grant Read to AllUsers',
  },
  {
    name: 'AllUsers READ in the double-encoded ACL of the API form',
    resource: loadItem('s3-bucket/baseline', (raw) => {
      const acl = JSON.parse(JSON.parse(raw.supplementaryConfiguration.AccessControlList));
      acl.grantList.push({ grantee: 'AllUsers', permission: 'Read' });
      raw.supplementaryConfiguration.AccessControlList = JSON.stringify(JSON.stringify(acl));
      delete raw.supplementaryConfiguration.PublicAccessBlockConfiguration;
    }),
    context: noAccountBlock,
    expected: 'FAIL',
    reason: 'ACL grant Read to AllUsers',
  },
  {
    name: 'AuthenticatedUsers READ by URI',
    resource: aclOnly({
      grantee: { uri: 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers' },
      permission: 'Read',
    }),
    context: noAccountBlock,
    expected: 'FAIL',
  },
  {
    name: 'Principal {"AWS":"*"}',
    resource: policyOnly({ Principal: { AWS: '*' } }),
    context: noAccountBlock,
    expected: 'FAIL',
  },
  {
    name: 'Principal {"AWS":[account root, "*"]}',
    resource: policyOnly({ Principal: { AWS: ['arn:aws:iam::111122223333:root', '*'] } }),
    context: noAccountBlock,
    expected: 'FAIL',
  },
  {
    name: 'Action array with s3:Get*',
    resource: policyOnly({ Action: ['s3:Get*'] }),
    context: noAccountBlock,
    expected: 'FAIL',
    observed: { publicPolicyStatements: [{ statement: '#0', actions: ['s3:GetObject', 's3:GetObjectVersion'] }] },
  },
  {
    name: 'Allow with NotPrincipal',
    resource: policyOnly({ Principal: undefined, NotPrincipal: { AWS: 'arn:aws:iam::111122223333:root' } }),
    context: noAccountBlock,
    expected: 'FAIL',
  },
  {
    name: 'pinned by aws:SourceVpce',
    resource: policyOnly({ Condition: { StringEquals: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60718' } } }),
    context: noAccountBlock,
    expected: 'PASS',
  },
  {
    name: 'pinned by a private aws:SourceIp',
    resource: policyOnly({ Condition: { IpAddress: { 'aws:SourceIp': '10.40.0.0/16' } } }),
    context: noAccountBlock,
    expected: 'PASS',
  },
  {
    name: 'aws:SourceIp with a public range',
    resource: policyOnly({ Condition: { IpAddress: { 'aws:SourceIp': ['10.40.0.0/16', '198.51.100.0/24'] } } }),
    context: noAccountBlock,
    expected: 'FAIL',
  },
  {
    name: 'StringLike "*" on aws:PrincipalOrgID does not pin',
    resource: policyOnly({ Condition: { StringLike: { 'aws:PrincipalOrgID': '*' } } }),
    context: noAccountBlock,
    expected: 'FAIL',
  },
  {
    name: 'StringEqualsIfExists does not pin',
    resource: policyOnly({ Condition: { StringEqualsIfExists: { 'aws:SourceVpce': 'vpce-0a1b2c3d4e5f60718' } } }),
    context: noAccountBlock,
    expected: 'FAIL',
  },
  {
    name: 'bucket policy and ACL not recorded',
    resource: loadItem('s3-bucket/public-site', (raw) => {
      raw.supplementaryConfiguration = { BucketVersioningConfiguration: { status: 'Off', isMfaDeleteEnabled: null } };
    }),
    context: noAccountBlock,
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded bucket policy or ACL',
  },
  {
    name: 'undecodable bucket policy',
    resource: loadItem('s3-bucket/baseline', (raw) => {
      raw.supplementaryConfiguration.BucketPolicy = '{"policyText":';
    }),
    expected: 'ERROR',
  },
]);
