import control from '../../controls/s3-bucket-public-write-prohibited.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const noAccountBlock = [
  loadItem('account/s3-facts', (raw) => {
    raw.s3.accountPublicAccessBlock = null;
  }),
];

/** public-site (snapshot form) with this ACL grant in place of AllUsers READ, and this policy statement. */
const site = (grant: Record<string, unknown> | null, statement: Record<string, unknown> | null) =>
  loadItem('s3-bucket/public-site', (raw) => {
    editJson(raw.supplementaryConfiguration, 'AccessControlList', (acl) => {
      acl.grantList = [acl.grantList[0], ...(grant ? [grant] : [])];
    });
    raw.supplementaryConfiguration.BucketPolicy = {
      policyText: statement && JSON.stringify({ Version: '2012-10-17', Statement: [statement] }),
    };
  });
const allow = (action: unknown) => ({
  Sid: 'PublicUpload',
  Effect: 'Allow',
  Principal: { AWS: '*' },
  Action: action,
  Resource: 'arn:aws:s3:::acme-marketing-site/*',
});

testControl(control, [
  { name: 'private bucket with every block on (API form)', resource: loadItem('s3-bucket/baseline'), expected: 'PASS' },
  {
    name: 'public read only (policy GetObject, ACL READ)',
    resource: loadItem('s3-bucket/public-site'),
    context: noAccountBlock,
    expected: 'PASS',
    reason: 'not publicly writable',
  },
  ...['s3:PutObject', 's3:Put*', 's3:PutObject*', 's3:*', '*', 's3:PutObjectAcl', ['s3:DeleteObject']].map(
    (action) => ({
      name: `public policy with ${JSON.stringify(action)}`,
      resource: site(null, allow(action)),
      context: noAccountBlock,
      expected: 'FAIL' as const,
      reason: 'publicly writable through bucket policy statement "PublicUpload"',
    }),
  ),
  ...[
    ['AllUsers', 'Write'],
    ['AllUsers', 'FullControl'],
    ['AuthenticatedUsers', 'WriteAcp'],
  ].map(([grantee, permission]) => ({
    name: `ACL ${permission} to ${grantee}`,
    resource: site({ grantee, permission }, null),
    context: noAccountBlock,
    expected: 'FAIL' as const,
    reason: `ACL grant ${permission} to ${grantee}`,
  })),
  {
    name: 'ACL ReadAcp to AllUsers is not write access',
    resource: site({ grantee: 'AllUsers', permission: 'ReadAcp' }, null),
    context: noAccountBlock,
    expected: 'PASS',
  },
  {
    name: 'public upload policy with RestrictPublicBuckets at bucket level',
    resource: loadItem('s3-bucket/records-archive', (raw) => {
      raw.supplementaryConfiguration.BucketPolicy = JSON.stringify({
        policyText: JSON.stringify({ Version: '2012-10-17', Statement: [allow('s3:PutObject')] }),
      });
    }),
    context: noAccountBlock,
    expected: 'PASS',
    reason: 'neutralised by RestrictPublicBuckets (bucket level)',
  },
  {
    name: 'public upload policy, account block not collected',
    resource: site(null, allow('s3:PutObject')),
    expected: 'INSUFFICIENT_DATA',
    reason: 'account-level public access block was not collected',
  },
]);
