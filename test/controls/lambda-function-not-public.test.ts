import control from '../../controls/lambda-function-not-public.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const FN = 'arn:aws:lambda:eu-west-1:111122223333:function:orders-api';
// The baseline is in the API shape: the Policy supplementary value is a JSON-encoded policy string.
const withStatements = (...statements: Record<string, unknown>[]) =>
  loadItem('lambda-function/baseline', (raw) => {
    raw.supplementaryConfiguration.Policy = JSON.stringify(
      JSON.stringify({ Version: '2012-10-17', Id: 'default', Statement: statements }),
    );
  });
const invoke = { Effect: 'Allow', Action: 'lambda:InvokeFunction', Resource: FN };

testControl(control, [
  {
    name: 'API Gateway service principal pinned by AWS:SourceArn',
    resource: loadItem('lambda-function/baseline'),
    expected: 'PASS',
    observed: { publicStatements: [], serviceStatementsWithoutSourceCondition: [] },
  },
  {
    name: 'no resource policy',
    resource: loadItem('lambda-function/baseline', (raw) => delete raw.supplementaryConfiguration.Policy),
    expected: 'PASS',
    observed: { policy: null },
  },
  {
    name: 'anyone may invoke',
    resource: withStatements({ ...invoke, Sid: 'public-invoke', Principal: '*' }),
    expected: 'FAIL',
    reason: 'public-invoke',
  },
  {
    name: 'function URL with auth type NONE',
    resource: withStatements({
      Sid: 'FunctionURLAllowPublicAccess',
      Effect: 'Allow',
      Principal: '*',
      Action: 'lambda:InvokeFunctionUrl',
      Resource: FN,
      Condition: { StringEquals: { 'lambda:FunctionUrlAuthType': 'NONE' } },
    }),
    expected: 'FAIL',
    reason: 'function URL with auth type NONE',
    observed: { publicFunctionUrl: true },
  },
  {
    name: 'S3 trigger pinned by bucket ARN only (bucket ARNs name no account)',
    resource: withStatements({
      ...invoke,
      Sid: 's3-trigger',
      Principal: { Service: 's3.amazonaws.com' },
      Condition: { ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::acme-uploads' } },
    }),
    expected: 'FAIL',
    reason: 's3-trigger',
  },
  {
    name: 'S3 trigger pinned by bucket ARN and aws:SourceAccount',
    resource: withStatements({
      ...invoke,
      Principal: { Service: 's3.amazonaws.com' },
      Condition: {
        ArnLike: { 'AWS:SourceArn': 'arn:aws:s3:::acme-uploads' },
        StringEquals: { 'AWS:SourceAccount': '111122223333' },
      },
    }),
    expected: 'PASS',
  },
  {
    name: 'S3 service principal with no source condition at all',
    resource: withStatements({ ...invoke, Sid: 's3-any', Principal: { Service: 's3.amazonaws.com' } }),
    expected: 'FAIL',
    reason: 's3-any: s3.amazonaws.com',
  },
  {
    name: 'public principal pinned to the account by aws:SourceAccount',
    resource: withStatements({
      ...invoke,
      Principal: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': '111122223333' } },
    }),
    expected: 'PASS',
  },
  {
    name: 'invoke granted to another account',
    resource: withStatements({ ...invoke, Principal: { AWS: 'arn:aws:iam::444455556666:root' } }),
    expected: 'PASS',
    observed: { crossAccountStatements: [{ accounts: ['444455556666'] }] },
  },
  {
    name: 'policy that is not valid JSON',
    resource: loadItem('lambda-function/baseline', (raw) => (raw.supplementaryConfiguration.Policy = '{"Version":')),
    expected: 'ERROR',
  },
]);

testControl({ ...control, parameters: { flagUnpinnedServicePrincipals: false } }, [
  {
    name: 'unpinned service principal tolerated by parameter',
    resource: withStatements({ ...invoke, Principal: { Service: 'events.amazonaws.com' } }),
    expected: 'PASS',
  },
  {
    name: 'public invoke still fails',
    resource: withStatements({ ...invoke, Principal: { AWS: '*' } }),
    expected: 'FAIL',
  },
]);
