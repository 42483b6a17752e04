import control from '../../controls/sns-topic-not-public.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const TOPIC = 'arn:aws:sns:eu-west-1:111122223333:orders-events';
const withStatements = (...statements: Record<string, unknown>[]) =>
  loadItem('sns-topic/baseline', (raw) => {
    raw.configuration.Policy = JSON.stringify({ Version: '2012-10-17', Statement: statements });
  });

testControl(control, [
  {
    name: 'default policy pinned by AWS:SourceOwner',
    resource: loadItem('sns-topic/baseline'),
    expected: 'PASS',
    observed: { publicStatements: [], statementCount: 1 },
  },
  {
    name: 'console "everybody can publish" statement',
    resource: withStatements({
      Sid: '__console_pub_0',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'SNS:Publish',
      Resource: TOPIC,
    }),
    expected: 'FAIL',
    reason: '__console_pub_0: SNS:Publish',
  },
  {
    name: 'EventBridge service principal without source condition',
    resource: withStatements({
      Sid: 'Events',
      Effect: 'Allow',
      Principal: { Service: 'events.amazonaws.com' },
      Action: 'sns:Publish',
      Resource: TOPIC,
    }),
    expected: 'PASS',
    observed: { serviceStatementsWithoutSourceCondition: [{ statement: 'Events' }] },
  },
  {
    name: 'publish from an organization',
    resource: withStatements({
      Effect: 'Allow',
      Principal: '*',
      Action: 'sns:Publish',
      Resource: TOPIC,
      Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-a1b2c3d4e5' } },
    }),
    expected: 'PASS',
  },
  {
    name: 'no policy recorded',
    resource: loadItem('sns-topic/baseline', (raw) => delete raw.configuration.Policy),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'policy that is not JSON',
    resource: loadItem('sns-topic/baseline', (raw) => (raw.configuration.Policy = '{"Statement":')),
    expected: 'ERROR',
  },
]);
