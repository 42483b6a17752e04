import control from '../../controls/ec2-network-acl-no-public-admin-ports.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

const withEntries = (...entries: Record<string, unknown>[]) =>
  loadItem('ec2-network-acl/baseline', (raw) => {
    raw.configuration.entries.push(...entries);
  });
const inbound = (
  ruleNumber: number,
  ruleAction: string,
  protocol: string,
  cidr: string,
  from?: number,
  to?: number,
) => ({
  ruleNumber,
  ruleAction,
  protocol,
  egress: false,
  ...(cidr.includes(':') ? { ipv6CidrBlock: cidr } : { cidrBlock: cidr }),
  ...(from === undefined ? {} : { portRange: { from, to: to ?? from } }),
});

testControl(control, [
  {
    name: 'HTTPS and ephemeral ports from the internet, SSH from 10.0.0.0/8',
    resource: loadItem('ec2-network-acl/baseline'),
    expected: 'PASS',
    observed: { admitted: [], associatedSubnets: 1 },
  },
  {
    name: 'allow TCP 22 from 0.0.0.0/0',
    resource: withEntries(inbound(140, 'allow', '6', '0.0.0.0/0', 22)),
    expected: 'FAIL',
    reason: '0.0.0.0/0 to tcp/22 (rule 140)',
  },
  {
    name: 'deny 22 at rule 50 shadows allow 22 at rule 100',
    resource: loadItem('ec2-network-acl/baseline', (raw) => {
      raw.configuration.entries = raw.configuration.entries.filter((e: { ruleNumber: number }) => e.ruleNumber !== 100);
      raw.configuration.entries.push(
        inbound(50, 'deny', '6', '0.0.0.0/0', 22),
        inbound(100, 'allow', '6', '0.0.0.0/0', 22),
      );
    }),
    expected: 'PASS',
    observed: { shadowedAllows: [{ ruleNumber: 100, cidr: '0.0.0.0/0', protocol: 'tcp', portRange: '22' }] },
  },
  {
    name: 'deny TCP 22 at 50 does not stop an allow-all at 90 reaching RDP',
    resource: withEntries(inbound(50, 'deny', '6', '0.0.0.0/0', 22), inbound(90, 'allow', '-1', '0.0.0.0/0')),
    expected: 'FAIL',
    reason: 'tcp/3389 (rule 90)',
  },
  {
    name: 'allow RDP from ::/0 through ipv6CidrBlock',
    resource: withEntries(inbound(105, 'allow', '6', '::/0', 3389)),
    expected: 'FAIL',
    reason: '::/0 to tcp/3389',
  },
  {
    name: 'an ephemeral range 1024-65535 from the internet contains RDP',
    resource: withEntries(inbound(115, 'allow', '6', '0.0.0.0/0', 1024, 65535)),
    expected: 'FAIL',
    reason: 'tcp/3389 (rule 115)',
  },
  {
    name: 'a /32 deny does not protect the rest of the internet',
    resource: withEntries(inbound(10, 'deny', '6', '198.51.100.7/32', 22), inbound(140, 'allow', '6', '0.0.0.0/0', 22)),
    expected: 'FAIL',
    reason: 'rule 140',
  },
  {
    name: 'egress allow-all is not ingress',
    resource: withEntries({ ...inbound(90, 'allow', '-1', '0.0.0.0/0'), egress: true }),
    expected: 'PASS',
  },
  {
    name: 'direction recorded as a string',
    resource: withEntries({ ...inbound(90, 'allow', '-1', '0.0.0.0/0'), egress: 'False' }),
    expected: 'FAIL',
  },
  {
    name: 'an entry without a rule action',
    resource: withEntries({ ruleNumber: 140, protocol: '6', egress: false, cidrBlock: '0.0.0.0/0' }),
    expected: 'ERROR',
  },
  {
    name: 'item without entries',
    resource: loadItem('ec2-network-acl/baseline', (raw) => {
      delete raw.configuration.entries;
    }),
    expected: 'INSUFFICIENT_DATA',
  },
]);
