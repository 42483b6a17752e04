import control from '../../controls/sqs-queue-not-public.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const QUEUE = 'arn:aws:sqs:eu-west-1:111122223333:orders-fulfilment';
const withStatements = (...statements: Record<string, unknown>[]) =>
  loadItem('sqs-queue/baseline', (raw) => {
    raw.configuration.Policy = JSON.stringify({ Version: '2012-10-17', Statement: statements });
  });

testControl(control, [
  {
    name: 'AWS:* pinned to one SNS topic by aws:SourceArn',
    resource: loadItem('sqs-queue/baseline'),
    expected: 'PASS',
    observed: { publicStatements: [], crossAccountStatements: [] },
  },
  {
    name: 'anyone may receive and delete',
    resource: withStatements({
      Sid: 'Open',
      Effect: 'Allow',
      Principal: '*',
      Action: ['sqs:ReceiveMessage', 'sqs:DeleteMessage'],
      Resource: QUEUE,
    }),
    expected: 'FAIL',
    reason: 'Open: sqs:ReceiveMessage, sqs:DeleteMessage',
  },
  {
    name: 'aws:SourceArn with a wildcard account is no pin',
    resource: withStatements({
      Sid: 'AnyTopic',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'sqs:SendMessage',
      Resource: QUEUE,
      Condition: { ArnLike: { 'aws:SourceArn': 'arn:aws:sns:*:*:orders-*' } },
    }),
    expected: 'FAIL',
  },
  {
    name: 'topic of another account',
    resource: withStatements({
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'sqs:SendMessage',
      Resource: QUEUE,
      Condition: { ArnEquals: { 'aws:SourceArn': 'arn:aws:sns:eu-west-1:444455556666:partner-feed' } },
    }),
    expected: 'PASS',
    observed: { crossAccountStatements: [{ accounts: ['444455556666'] }] },
  },
  {
    name: 'queue without a policy',
    resource: loadItem('sqs-queue/baseline', (raw) => delete raw.configuration.Policy),
    expected: 'PASS',
    observed: { policy: null },
  },
  {
    name: 'attributes missing',
    resource: loadItem('sqs-queue/baseline', (raw) => (raw.configuration = { VisibilityTimeout: '60' })),
    expected: 'INSUFFICIENT_DATA',
  },
]);
