import control from '../../controls/ec2-security-group-no-public-admin-ports.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { securityGroupWithIngress } from '../helpers/network-fixtures.js';

testControl(control, [
  {
    name: 'HTTPS public, SSH from 10.0.0.0/8, RDP from a /32, ICMP public',
    resource: loadItem('ec2-security-group/baseline'),
    expected: 'PASS',
    reason: 'checkout-web admits no internet traffic',
    observed: { offendingRules: [] },
  },
  {
    name: 'SSH from 0.0.0.0/0 (ipv4Ranges and ipRanges both list it)',
    resource: securityGroupWithIngress({
      ipProtocol: 'tcp',
      fromPort: 22,
      toPort: 22,
      ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
      ipRanges: ['0.0.0.0/0'],
    }),
    expected: 'FAIL',
    reason: 'admits 0.0.0.0/0 to port 22',
    observed: {
      offendingRules: [{ protocol: 'tcp', ports: '22', cidr: '0.0.0.0/0', source: 'ipv4Ranges', openPorts: [22] }],
    },
  },
  {
    name: 'RDP from ::/0 only',
    resource: securityGroupWithIngress({
      ipProtocol: 'tcp',
      fromPort: 3389,
      toPort: 3389,
      ipv6Ranges: [{ cidrIpv6: '::/0' }],
    }),
    expected: 'FAIL',
    reason: 'admits ::/0 to port 3389',
  },
  {
    name: 'IPv6 internet written as 0::/0',
    resource: securityGroupWithIngress({
      ipProtocol: 'tcp',
      fromPort: 22,
      toPort: 22,
      ipv6Ranges: [{ cidrIpv6: '0::/0' }],
    }),
    expected: 'FAIL',
    reason: 'port 22',
  },
  {
    name: '0.0.0.0/0 only in the legacy flat ipRanges list (RDK example shape)',
    resource: securityGroupWithIngress({ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: ['0.0.0.0/0'] }),
    expected: 'FAIL',
    observed: { offendingRules: [{ source: 'ipRanges', cidr: '0.0.0.0/0' }] },
  },
  {
    name: 'protocol -1 without ports',
    resource: securityGroupWithIngress({ ipProtocol: '-1', ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] }),
    expected: 'FAIL',
    reason: 'port 22, 3389',
    observed: { offendingRules: [{ protocol: 'all', ports: 'all', openPorts: [22, 3389] }] },
  },
  {
    name: 'TCP 0-65535 from the internet',
    resource: securityGroupWithIngress({
      ipProtocol: 'tcp',
      fromPort: 0,
      toPort: 65535,
      ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
    }),
    expected: 'FAIL',
    reason: 'port 22, 3389',
  },
  {
    name: 'a range 20-3389 contains both admin ports',
    resource: securityGroupWithIngress({
      ipProtocol: 'tcp',
      fromPort: 20,
      toPort: 3389,
      ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
    }),
    expected: 'FAIL',
    observed: { offendingRules: [{ ports: '20-3389', openPorts: [22, 3389] }] },
  },
  {
    name: 'RDP over UDP from the internet',
    resource: securityGroupWithIngress({
      ipProtocol: 'udp',
      fromPort: 3389,
      toPort: 3389,
      ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
    }),
    expected: 'FAIL',
    reason: 'port 3389',
  },
  {
    name: 'protocol given as its number (6)',
    resource: securityGroupWithIngress({
      ipProtocol: '6',
      fromPort: '22',
      toPort: '22',
      ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
    }),
    expected: 'FAIL',
  },
  {
    name: 'SSH from a single /32',
    resource: securityGroupWithIngress({
      ipProtocol: 'tcp',
      fromPort: 22,
      toPort: 22,
      ipv4Ranges: [{ cidrIp: '198.51.100.7/32' }],
    }),
    expected: 'PASS',
  },
  {
    name: 'ICMP (all types) from the internet opens no port',
    resource: securityGroupWithIngress({
      ipProtocol: 'icmpv6',
      fromPort: -1,
      toPort: -1,
      ipv6Ranges: [{ cidrIpv6: '::/0' }],
    }),
    expected: 'PASS',
  },
  {
    name: 'an unreadable CIDR and nothing else exposed',
    resource: securityGroupWithIngress({ ipProtocol: 'tcp', fromPort: 22, toPort: 22, ipRanges: ['0.0.0.0/33'] }),
    expected: 'ERROR',
    reason: 'could not be read',
  },
  {
    name: 'item without ipPermissions',
    resource: loadItem('ec2-security-group/baseline', (raw) => {
      delete raw.configuration.ipPermissions;
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded inbound rules',
  },
]);
