import control from '../../controls/redshift-cluster-not-public.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const cluster = (edit: Record<string, unknown>) =>
  loadItem('redshift-cluster/baseline', (raw) => {
    Object.assign(raw.configuration, edit);
  });

testControl(control, [
  {
    name: 'private cluster',
    resource: loadItem('redshift-cluster/baseline'),
    expected: 'PASS',
    observed: {
      publiclyAccessible: false,
      endpointAddress: 'analytics-warehouse.c8wqz1x2y3v4.eu-west-1.redshift.amazonaws.com',
    },
  },
  {
    name: 'publicly accessible with an Elastic IP',
    resource: cluster({ publiclyAccessible: true, elasticIpStatus: { elasticIp: '203.0.113.24', status: 'active' } }),
    expected: 'FAIL',
    reason: 'Redshift cluster analytics-warehouse is publicly accessible.',
    observed: { elasticIp: '203.0.113.24' },
  },
  { name: 'boolean as the string "true"', resource: cluster({ publiclyAccessible: 'true' }), expected: 'FAIL' },
  {
    name: 'API form',
    resource: loadItem('redshift-cluster/baseline', (raw) => {
      raw.configuration = JSON.stringify(raw.configuration);
      raw.supplementaryConfiguration = { LoggingStatus: JSON.stringify(raw.supplementaryConfiguration.LoggingStatus) };
    }),
    expected: 'PASS',
  },
  { name: 'not recorded', resource: cluster({ publiclyAccessible: undefined }), expected: 'INSUFFICIENT_DATA' },
]);
