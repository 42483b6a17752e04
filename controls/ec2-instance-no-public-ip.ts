import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';
import { readField, readText } from '../engine/evaluate/config-fields.js';

/** Public IPv4 addresses of every interface and secondary private address. */
function interfacePublicIps(interfaces: unknown[]): string[] {
  const found: string[] = [];
  for (const eni of interfaces) {
    const ip = readText(readField(readField(eni, 'association'), 'publicIp'));
    if (ip) found.push(ip);
    const secondary = readField(eni, 'privateIpAddresses');
    for (const address of Array.isArray(secondary) ? secondary : []) {
      const secondaryIp = readText(readField(readField(address, 'association'), 'publicIp'));
      if (secondaryIp) found.push(secondaryIp);
    }
  }
  return [...new Set(found)];
}

export default defineControl({
  id: 'ec2-instance-no-public-ip',
  title: 'EC2 instance has no public IPv4 address',
  service: 'ec2',
  severity: 'high',
  resourceTypes: ['AWS::EC2::Instance'],
  description:
    'The instance has no publicIpAddress and none of its network interfaces (or their secondary private addresses) has a public IP association, auto-assigned or Elastic IP. Stopped instances are judged on the recorded value; terminated instances are not applicable.',
  rationale:
    'An instance with a public address is reachable from the internet whenever a security group or NACL rule slips, and bypasses the load balancers, WAF and NAT egress controls an auditor expects in front of workloads.',
  remediation: {
    guidance:
      'Launch in a private subnet behind a load balancer or NAT gateway; release or disassociate the address: aws ec2 disassociate-address --association-id <id>, and set the subnet not to auto-assign public IPv4.',
  },
  references: {
    awsConfigRule: 'EC2_INSTANCE_NO_PUBLIC_IP',
    securityHub: 'EC2.9',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/ec2-instance-no-public-ip.html',
      'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/using-instance-addressing.html',
    ],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const configuration = resource.configuration ?? {};
    const state = readText(readField(configuration.state, 'name'));
    if (state === 'terminated') return notApplicable(`EC2 instance ${name} is terminated.`, { state });
    const interfaces = configuration.networkInterfaces;
    const hasPublicIpField = 'publicIpAddress' in configuration;
    if (!hasPublicIpField && !Array.isArray(interfaces)) {
      return insufficientData(`EC2 instance ${name} has no recorded publicIpAddress or network interfaces.`, { state });
    }
    const primary = readText(configuration.publicIpAddress);
    const publicIps = [
      ...new Set([...(primary ? [primary] : []), ...interfacePublicIps(Array.isArray(interfaces) ? interfaces : [])]),
    ];
    const ipv6Count = (Array.isArray(interfaces) ? interfaces : [])
      .map((eni) => readField(eni, 'ipv6Addresses'))
      .reduce<number>((sum, list) => sum + (Array.isArray(list) ? list.length : 0), 0);
    const observed = {
      state,
      publicIpAddress: primary,
      publicIps,
      subnetId: configuration.subnetId ?? null,
      ipv6Addresses: ipv6Count,
    };
    if (publicIps.length > 0) {
      const when = state && state !== 'running' ? ` while ${state}` : '';
      return fail(`EC2 instance ${name} has public IPv4 address ${publicIps.join(', ')}${when}.`, observed);
    }
    return pass(`EC2 instance ${name} has no public IPv4 address.`, observed);
  },
});
