import control from '../../controls/dynamodb-table-kms-encrypted.js';
import { defineControl } from '../../engine/evaluate/define-control.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const table = (edit: Record<string, unknown>) =>
  loadItem('dynamodb-table/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) => Object.assign(configuration, edit));
  });
// DescribeTable (and so Config) has no SSE description for the AWS owned key.
const awsOwned = table({ ssedescription: undefined });
const KEY = 'arn:aws:kms:eu-west-1:111122223333:key/2b4d6f8a-1c3e-4a5b-9d7f-0e2a4c6b8d1f';

testControl(control, [
  {
    name: 'customer managed KMS key (Config casing ssedescription)',
    resource: loadItem('dynamodb-table/baseline'),
    expected: 'PASS',
    reason: `encrypted with KMS key ${KEY}`,
    observed: { sseType: 'KMS', sseStatus: 'ENABLED', kmsMasterKeyArn: KEY },
  },
  {
    name: 'AWS managed key, SDK casing sSEDescription',
    resource: table({
      ssedescription: undefined,
      sSEDescription: {
        status: 'ENABLED',
        sSEType: 'KMS',
        kMSMasterKeyArn: 'arn:aws:kms:eu-west-1:111122223333:key/aws-dynamodb-managed-key',
      },
    }),
    expected: 'PASS',
  },
  {
    name: 'KMS key recorded without an SSE type',
    resource: table({ ssedescription: { status: 'ENABLED', kmsmasterKeyArn: KEY } }),
    expected: 'PASS',
  },
  {
    name: 'AWS owned key',
    resource: awsOwned,
    expected: 'FAIL',
    reason: 'DynamoDB table customer-profiles is encrypted with the AWS owned key, not a KMS key.',
    observed: { requireKms: true },
  },
  {
    name: 'switching to KMS still in progress',
    resource: table({ ssedescription: { status: 'UPDATING', ssetype: 'KMS', kmsmasterKeyArn: KEY } }),
    expected: 'FAIL',
    reason: 'state UPDATING',
  },
  {
    name: 'SSE description says DISABLED',
    resource: table({ ssedescription: { status: 'DISABLED' } }),
    expected: 'FAIL',
  },
  {
    name: 'partial item without a table description',
    resource: table({ ssedescription: undefined, tableStatus: undefined }),
    expected: 'INSUFFICIENT_DATA',
  },
  { name: 'SSE description as a bare string', resource: table({ ssedescription: 'KMS' }), expected: 'ERROR' },
]);

testControl(defineControl({ ...control, parameters: { requireKms: false } }), [
  { name: 'AWS owned key accepted', resource: awsOwned, expected: 'PASS', reason: 'encrypted with the AWS owned key.' },
  {
    name: 'failed KMS state still fails',
    resource: table({ ssedescription: { status: 'DISABLING', ssetype: 'KMS' } }),
    expected: 'FAIL',
    reason: 'state DISABLING',
  },
]);
