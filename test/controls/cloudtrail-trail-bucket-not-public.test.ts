import control from '../../controls/cloudtrail-trail-bucket-not-public.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const trail = loadItem('cloudtrail-trail-for-s3/baseline');
/** The trail bucket (snapshot form) with an AllUsers READ grant added to its ACL. */
const publicBucket = loadItem('s3-bucket/cloudtrail-logs', (raw) => {
  editJson(raw.supplementaryConfiguration, 'AccessControlList', (acl) => {
    acl.grantList.push({ grantee: 'AllUsers', permission: 'Read' });
  });
});
const noAccountBlock = loadItem('account/s3-facts', (raw) => {
  raw.s3.accountPublicAccessBlock = null;
});

testControl(control, [
  {
    name: 'private trail bucket with a service-principal policy',
    resource: trail,
    context: [loadItem('s3-bucket/cloudtrail-logs')],
    expected: 'PASS',
    reason: 'delivers to S3 bucket acme-cloudtrail-logs, which is not publicly readable',
    observed: { s3BucketName: 'acme-cloudtrail-logs', publicPolicyStatements: [] },
  },
  {
    name: 'trail bucket readable by AllUsers, account has no block',
    resource: trail,
    context: [publicBucket, noAccountBlock],
    expected: 'FAIL',
    reason: 'is publicly readable through ACL grant Read to AllUsers',
  },
  {
    name: 'trail bucket readable by AllUsers, neutralised by the account block',
    resource: trail,
    context: [publicBucket, loadItem('s3-account-public-access-block/baseline')],
    expected: 'PASS',
  },
  {
    name: 'trail bucket readable by AllUsers, account block not collected',
    resource: trail,
    context: [publicBucket],
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'trail bucket not in the inventory',
    resource: trail,
    expected: 'INSUFFICIENT_DATA',
    reason: 'may belong to another account',
  },
  {
    name: 'trail without a recorded bucket name',
    resource: loadItem('cloudtrail-trail-for-s3/baseline', (raw) => {
      editJson(raw, 'configuration', (configuration) => {
        delete configuration.s3BucketName;
      });
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
