import control from '../../controls/rds-instance-not-public.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

const instance = (edit: Record<string, unknown>) =>
  loadItem('rds-instance/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) => Object.assign(configuration, edit));
  });

testControl(control, [
  {
    name: 'private instance',
    resource: loadItem('rds-instance/baseline'),
    expected: 'PASS',
    observed: { publiclyAccessible: false, endpointAddress: 'orders-db.c4xq2vbe8k1m.us-east-1.rds.amazonaws.com' },
  },
  { name: 'private Aurora member (snapshot form)', resource: loadItem('rds-instance/aurora-member'), expected: 'PASS' },
  {
    name: 'publicly accessible',
    resource: instance({ publiclyAccessible: true }),
    expected: 'FAIL',
    reason: 'RDS instance orders-db is publicly accessible.',
  },
  {
    name: 'publicly accessible Aurora member: exposure is per instance',
    resource: loadItem('rds-instance/aurora-member', (raw) => {
      raw.configuration.publiclyAccessible = true;
    }),
    expected: 'FAIL',
  },
  { name: 'boolean as the string "True"', resource: instance({ publiclyAccessible: 'True' }), expected: 'FAIL' },
  { name: 'boolean as the string "false"', resource: instance({ publiclyAccessible: 'false' }), expected: 'PASS' },
  {
    name: 'publiclyAccessible not recorded',
    resource: instance({ publiclyAccessible: undefined }),
    expected: 'INSUFFICIENT_DATA',
  },
  { name: 'publiclyAccessible null', resource: instance({ publiclyAccessible: null }), expected: 'INSUFFICIENT_DATA' },
]);
