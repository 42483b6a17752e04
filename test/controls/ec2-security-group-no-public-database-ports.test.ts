import control from '../../controls/ec2-security-group-no-public-database-ports.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';
import { securityGroupWithIngress } from '../helpers/network-fixtures.js';

testControl(control, [
  { name: 'web tier exposes only HTTPS', resource: loadItem('ec2-security-group/baseline'), expected: 'PASS' },
  {
    name: 'PostgreSQL from 0.0.0.0/0',
    resource: securityGroupWithIngress({
      ipProtocol: 'tcp',
      fromPort: 5432,
      toPort: 5432,
      ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }],
    }),
    expected: 'FAIL',
    reason: 'admits 0.0.0.0/0 to database port 5432',
  },
  {
    name: 'MongoDB range 27017-27019 from ::/0',
    resource: securityGroupWithIngress({
      ipProtocol: 'tcp',
      fromPort: 27017,
      toPort: 27019,
      ipv6Ranges: [{ cidrIpv6: '::/0' }],
    }),
    expected: 'FAIL',
    observed: { offendingRules: [{ cidr: '::/0', openPorts: [27017, 27018, 27019] }] },
  },
  {
    name: 'Memcached over UDP (amplification vector)',
    resource: securityGroupWithIngress({ ipProtocol: 'udp', fromPort: 11211, toPort: 11211, ipRanges: ['0.0.0.0/0'] }),
    expected: 'FAIL',
    reason: '11211',
  },
  {
    name: 'all traffic from the internet lists the first ports and a count',
    resource: securityGroupWithIngress({ ipProtocol: '-1', ipv4Ranges: [{ cidrIp: '0.0.0.0/0' }] }),
    expected: 'FAIL',
    reason: 'and 16 more',
  },
  {
    name: 'MySQL from the VPC range only',
    resource: securityGroupWithIngress({
      ipProtocol: 'tcp',
      fromPort: 3306,
      toPort: 3306,
      ipv4Ranges: [{ cidrIp: '10.20.0.0/16' }],
    }),
    expected: 'PASS',
  },
  {
    name: 'item without ipPermissions',
    resource: loadItem('ec2-security-group/baseline', (raw) => {
      delete raw.configuration.ipPermissions;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
