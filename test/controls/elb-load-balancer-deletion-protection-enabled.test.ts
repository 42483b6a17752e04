import control from '../../controls/elb-load-balancer-deletion-protection-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const withAttributes = (attributes: { key: string; value: string }[] | null) =>
  loadItem('elbv2-load-balancer/baseline', (raw) => {
    if (attributes === null) delete raw.supplementaryConfiguration.LoadBalancerAttributes;
    else raw.supplementaryConfiguration.LoadBalancerAttributes = JSON.stringify(attributes);
  });

testControl(control, [
  {
    name: 'deletion protection on',
    resource: loadItem('elbv2-load-balancer/baseline'),
    expected: 'PASS',
    observed: { type: 'application', deletionProtection: true },
  },
  {
    name: 'deletion protection off',
    resource: withAttributes([{ key: 'deletion_protection.enabled', value: 'false' }]),
    expected: 'FAIL',
    reason: 'deletion protection disabled',
  },
  {
    name: 'attributes in PascalCase keys (Key/Value)',
    resource: loadItem('elbv2-load-balancer/baseline', (raw) => {
      raw.supplementaryConfiguration.LoadBalancerAttributes = [{ Key: 'deletion_protection.enabled', Value: 'true' }];
    }),
    expected: 'PASS',
  },
  { name: 'attribute missing from the list', resource: withAttributes([]), expected: 'INSUFFICIENT_DATA' },
  { name: 'no attributes recorded', resource: withAttributes(null), expected: 'INSUFFICIENT_DATA' },
]);
