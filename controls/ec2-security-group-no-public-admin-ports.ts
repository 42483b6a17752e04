import { defineControl } from '../engine/evaluate/define-control.js';
import { judgeInternetPorts } from '../engine/evaluate/network-exposure.js';

export default defineControl({
  id: 'ec2-security-group-no-public-admin-ports',
  title: 'Security group admits no traffic from the internet to remote administration ports',
  service: 'ec2',
  severity: 'high',
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  description:
    'No inbound rule of the security group admits 0.0.0.0/0 or ::/0 to SSH (22) or RDP (3389) over TCP or UDP, whether by an exact port, a port range that contains it, or an all-protocols rule.',
  rationale:
    'SSH and RDP open to the whole internet are brute-forced within minutes of launch and are a common first step of intrusions; an auditor reads such a rule as missing network access control.',
  remediation: {
    guidance:
      'Restrict the rule to known CIDRs or use Session Manager: EC2 console > Security Groups > <group> > Inbound rules > Edit, or aws ec2 revoke-security-group-ingress --group-id <id> --ip-permissions <rule>.',
  },
  references: {
    awsConfigRule: 'VPC_SG_PORT_RESTRICTION_CHECK',
    securityHub: 'EC2.53',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/vpc-sg-port-restriction-check.html',
      'https://docs.aws.amazon.com/securityhub/latest/userguide/ec2-controls.html',
      'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
    ],
  },
  parameters: { ports: [22, 3389] as readonly number[] },
  evaluate: ({ resource, parameters }) =>
    judgeInternetPorts(resource, {
      ports: parameters.ports,
      noun: 'port',
      passLabel: `port ${parameters.ports.join(', ')}`,
      observed: { watchedPorts: parameters.ports },
    }),
});
