import control from '../../controls/elb-load-balancer-access-logs-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { editJson, loadItem } from '../helpers/fixtures.js';

// Both baselines are in the API form: configuration and supplementary values are JSON strings.
const editV2 = (edit: (configuration: Record<string, unknown>, attributes: { key: string; value: string }[]) => void) =>
  loadItem('elbv2-load-balancer/baseline', (raw) => {
    editJson(raw, 'configuration', (configuration) =>
      editJson(raw.supplementaryConfiguration, 'LoadBalancerAttributes', (attributes) =>
        edit(configuration, attributes),
      ),
    );
  });
const setAttribute = (attributes: { key: string; value: string }[], key: string, value: string) => {
  const entry = attributes.find((attribute) => attribute.key === key);
  if (entry) entry.value = value;
};
const editClassic = (edit: (attributes: { accessLog: Record<string, unknown> }) => void) =>
  loadItem('elb-classic/baseline', (raw) => {
    editJson(raw.supplementaryConfiguration, 'LoadBalancerAttributes', edit);
  });

testControl(control, [
  {
    name: 'ALB with access logs to S3',
    resource: loadItem('elbv2-load-balancer/baseline'),
    expected: 'PASS',
    reason: 'acme-elb-access-logs-eu-west-1',
    observed: { type: 'application', accessLogsEnabled: true, prefix: 'checkout-public' },
  },
  {
    name: 'ALB with access logs off',
    resource: editV2((_c, attributes) => setAttribute(attributes, 'access_logs.s3.enabled', 'false')),
    expected: 'FAIL',
    reason: 'checkout-public has access logging disabled',
  },
  {
    name: 'NLB with access logs on (string "True")',
    resource: editV2((c, attributes) => {
      c.type = 'network';
      setAttribute(attributes, 'access_logs.s3.enabled', 'True');
    }),
    expected: 'PASS',
  },
  {
    name: 'gateway load balancer',
    resource: editV2((c) => {
      c.type = 'gateway';
    }),
    expected: 'NOT_APPLICABLE',
  },
  {
    name: 'attribute list without the access-log key',
    resource: editV2((_c, attributes) => {
      attributes.splice(0, 1);
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'access_logs.s3.enabled',
  },
  {
    name: 'item without LoadBalancerAttributes',
    resource: loadItem('elbv2-load-balancer/baseline', (raw) => {
      delete raw.supplementaryConfiguration.LoadBalancerAttributes;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'classic load balancer with access logs',
    resource: loadItem('elb-classic/baseline'),
    expected: 'PASS',
    observed: { type: 'classic', accessLogsEnabled: true, bucket: 'acme-elb-access-logs-eu-west-1' },
  },
  {
    name: 'classic load balancer with access logs off',
    resource: editClassic((a) => {
      a.accessLog = { enabled: false, emitInterval: 60 };
    }),
    expected: 'FAIL',
    reason: 'classic load balancer legacy-billing',
  },
  {
    name: 'classic load balancer without recorded attributes',
    resource: loadItem('elb-classic/baseline', (raw) => {
      delete raw.supplementaryConfiguration.LoadBalancerAttributes;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
