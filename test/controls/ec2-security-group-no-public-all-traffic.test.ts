import control from '../../controls/ec2-security-group-no-public-all-traffic.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { securityGroupWithIngress } from '../helpers/network-fixtures.js';

testControl(control, [
  {
    name: 'self-referencing all-traffic rule is not internet exposure',
    resource: loadItem('ec2-security-group/baseline'),
    expected: 'PASS',
  },
  {
    name: 'protocol -1 from 0.0.0.0/0',
    resource: securityGroupWithIngress({
      ipProtocol: '-1',
      ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
      ipRanges: ['0.0.0.0/0'],
    }),
    expected: 'FAIL',
    reason: 'admits all traffic from 0.0.0.0/0',
    observed: { offendingRules: [{ protocol: 'all', ports: 'all', cidr: '0.0.0.0/0', source: 'ipv4Ranges' }] },
  },
  {
    name: 'protocol -1 from ::/0 only',
    resource: securityGroupWithIngress({ ipProtocol: '-1', ipv6Ranges: [{ cidrIpv6: '::/0' }] }),
    expected: 'FAIL',
    reason: '::/0',
  },
  {
    name: 'TCP 0-65535 from the internet',
    resource: securityGroupWithIngress({ ipProtocol: 'tcp', fromPort: 0, toPort: 65535, ipRanges: ['0.0.0.0/0'] }),
    expected: 'FAIL',
    reason: 'all tcp ports from 0.0.0.0/0',
  },
  {
    name: 'TCP 1-65535 is not every port',
    resource: securityGroupWithIngress({ ipProtocol: 'tcp', fromPort: 1, toPort: 65535, ipRanges: ['0.0.0.0/0'] }),
    expected: 'PASS',
  },
  {
    name: 'ICMP from the internet',
    resource: securityGroupWithIngress({ ipProtocol: 'icmp', fromPort: -1, toPort: -1, ipRanges: ['0.0.0.0/0'] }),
    expected: 'PASS',
  },
  {
    name: 'permission without a protocol',
    resource: securityGroupWithIngress({ fromPort: 80, toPort: 80, ipRanges: ['0.0.0.0/0'] }),
    expected: 'ERROR',
    reason: 'no ipProtocol',
  },
  {
    name: 'item without ipPermissions',
    resource: loadItem('ec2-security-group/baseline', (raw) => {
      delete raw.configuration.ipPermissions;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
