import control from '../../controls/dynamodb-table-not-public.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const TABLE = 'arn:aws:dynamodb:eu-west-1:111122223333:table/customer-profiles';
const policyOf = (...statements: Record<string, unknown>[]) =>
  JSON.stringify({ Version: '2012-10-17', Statement: statements });

// The baseline is in the API form: each supplementary value is a JSON string; the live collector adds ResourcePolicy.
const withPolicy = (policy: string | null) =>
  loadItem('dynamodb-table/baseline', (raw) => {
    raw.supplementaryConfiguration.ResourcePolicy = policy;
  });

/** The snapshot form: configuration and supplementary values as objects, awsAccountId instead of accountId. */
const snapshotWithPolicy = (policy: Record<string, unknown>) =>
  loadItem('dynamodb-table/baseline', (raw) => {
    raw.configuration = JSON.parse(raw.configuration);
    raw.supplementaryConfiguration = { ResourcePolicy: policy };
    raw.awsAccountId = raw.accountId;
    delete raw.accountId;
    delete raw.arn;
  });

const OPEN_READ = {
  Sid: 'OpenRead',
  Effect: 'Allow',
  Principal: '*',
  Action: ['dynamodb:GetItem', 'dynamodb:Query'],
  Resource: TABLE,
};

testControl(control, [
  {
    name: 'no resource policy (DynamoDB answered PolicyNotFoundException)',
    resource: withPolicy(null),
    expected: 'PASS',
    reason: 'has no resource policy',
    observed: { resourcePolicy: null },
  },
  {
    name: 'anyone may read items (API form)',
    resource: withPolicy(policyOf(OPEN_READ)),
    expected: 'FAIL',
    reason: 'OpenRead: dynamodb:GetItem, dynamodb:Query',
  },
  {
    name: 'dynamodb:* to AWS:* (snapshot form, policy as an object)',
    resource: snapshotWithPolicy(
      JSON.parse(
        policyOf({ Sid: 'All', Effect: 'Allow', Principal: { AWS: '*' }, Action: 'dynamodb:*', Resource: TABLE }),
      ),
    ),
    expected: 'FAIL',
    reason: 'All: dynamodb:*',
  },
  {
    name: 'public principal pinned by aws:PrincipalOrgID',
    resource: withPolicy(
      policyOf({ ...OPEN_READ, Sid: 'Org', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } } }),
    ),
    expected: 'PASS',
    observed: { publicStatements: [] },
  },
  {
    name: 'a named role of the account (snapshot form)',
    resource: snapshotWithPolicy(
      JSON.parse(
        policyOf({
          Effect: 'Allow',
          Principal: { AWS: 'arn:aws:iam::111122223333:role/crm-api' },
          Action: 'dynamodb:PutItem',
          Resource: TABLE,
        }),
      ),
    ),
    expected: 'PASS',
  },
  {
    name: 'an account of a partner is listed, not failed',
    resource: withPolicy(
      policyOf({
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:root' },
        Action: 'dynamodb:Scan',
        Resource: TABLE,
      }),
    ),
    expected: 'PASS',
    observed: { crossAccountStatements: [{ accounts: ['444455556666'] }] },
  },
  {
    name: 'public statement granting no DynamoDB action',
    resource: withPolicy(policyOf({ Effect: 'Allow', Principal: '*', Action: 'kms:Decrypt', Resource: TABLE })),
    expected: 'PASS',
  },
  {
    name: 'resource policy not collected (AWS Config item as recorded)',
    resource: loadItem('dynamodb-table/baseline'),
    expected: 'INSUFFICIENT_DATA',
    reason: 'AWS Config does not record it',
  },
  {
    name: 'undecodable resource policy',
    resource: withPolicy('{"Version":"2012-10-17","Statement":'),
    expected: 'ERROR',
  },
]);
