import { defineControl } from '../engine/evaluate/define-control.js';
import { formatPorts, ruleOpensPort } from '../engine/evaluate/network-exposure.js';
import { decideInternetIngress, readNetworkAclEntries } from '../engine/evaluate/network-acl.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'ec2-network-acl-no-public-admin-ports',
  title: 'Network ACL does not let the internet reach remote administration ports',
  service: 'ec2',
  severity: 'medium',
  resourceTypes: ['AWS::EC2::NetworkAcl'],
  description:
    'For inbound TCP and UDP from 0.0.0.0/0 and ::/0 to SSH (22) and RDP (3389), the lowest-numbered matching entry of the network ACL denies, as AWS evaluates it: a deny at rule 50 shadows a later allow, and the final * rule denies.',
  rationale:
    'Network ACLs are the subnet-level layer of defence in depth; one that lets the whole internet reach administration ports leaves only the security group between an attacker and the host, and CIS asks for both layers to be closed.',
  remediation: {
    guidance:
      'Delete or narrow the allow entry, or add a lower-numbered deny: VPC console > Network ACLs > <acl> > Inbound rules > Edit, or aws ec2 delete-network-acl-entry --network-acl-id <id> --ingress --rule-number <n>.',
  },
  references: {
    awsConfigRule: 'NACL_NO_UNRESTRICTED_SSH_RDP',
    securityHub: 'EC2.21',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/nacl-no-unrestricted-ssh-rdp.html',
      'https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html',
    ],
  },
  parameters: { ports: [22, 3389] as readonly number[] },
  evaluate: ({ resource, parameters }) => {
    const name = displayName(resource);
    const rawEntries = resource.configuration?.entries;
    if (!Array.isArray(rawEntries)) return insufficientData(`Network ACL ${name} has no recorded entries.`);
    const { entries, invalid } = readNetworkAclEntries(rawEntries);
    const decisions = parameters.ports.flatMap((port) => decideInternetIngress(entries, port));
    const admitted = decisions.filter((decision) => decision.allowed);
    const associations = resource.configuration?.associations;
    const observed = {
      admitted: admitted.map((d) => ({
        port: d.port,
        protocol: d.protocol,
        ruleNumber: d.decidedBy?.ruleNumber,
        cidr: d.decidedBy?.cidr,
        portRange: formatPorts(d.decidedBy?.ports ?? null),
      })),
      // Evidence that an allow exists but an earlier deny decides first.
      shadowedAllows: entries
        .filter((e) => !e.egress && e.wholeInternet && e.action === 'allow')
        .filter((e) => !admitted.some((d) => d.decidedBy === e))
        .filter((e) => parameters.ports.some((port) => ruleOpensPort(e, port)))
        .map((e) => ({
          ruleNumber: e.ruleNumber,
          cidr: e.cidr,
          protocol: e.protocol,
          portRange: formatPorts(e.ports),
        })),
      associatedSubnets: Array.isArray(associations) ? associations.length : null,
    };
    if (admitted.length > 0) {
      const parts = [
        ...new Set(
          admitted.map((d) => `${d.decidedBy?.cidr} to ${d.protocol}/${d.port} (rule ${d.decidedBy?.ruleNumber})`),
        ),
      ];
      return fail(`Network ACL ${name} allows ${parts.join(', ')}.`, observed);
    }
    if (invalid.length > 0) {
      return error(`Network ACL ${name} has entries that could not be read: ${invalid.join('; ')}.`, {
        ...observed,
        invalid,
      });
    }
    return pass(
      `Network ACL ${name} denies inbound internet traffic to port ${parameters.ports.join(', ')}.`,
      observed,
    );
  },
});
