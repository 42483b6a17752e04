import { defineControl } from '../engine/evaluate/define-control.js';
import { describeRule, readSecurityGroupRules } from '../engine/evaluate/network-exposure.js';
import { fail, insufficientData, notApplicable, pass } from '../engine/evaluate/verdict.js';
import { readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'ec2-security-group-default-restricts-all',
  title: "VPC's default security group has no inbound and no outbound rules",
  service: 'ec2',
  severity: 'medium',
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  description:
    'The security group named "default", which AWS creates in every VPC and attaches to any interface launched without a group, has no inbound rules (not even the self-reference AWS adds) and no outbound rules. Other groups are not applicable.',
  rationale:
    'Resources fall into the default group by omission; if it admits traffic (by default it lets members talk to each other and reach anywhere), forgotten resources get network access nobody reviewed. CIS requires it closed.',
  remediation: {
    guidance:
      'Delete every rule of the default group: VPC console > Security groups > default > Inbound rules / Outbound rules > Edit > Delete, or aws ec2 revoke-security-group-ingress / revoke-security-group-egress --group-id <id> --ip-permissions <rules>.',
  },
  references: {
    awsConfigRule: 'VPC_DEFAULT_SECURITY_GROUP_CLOSED',
    securityHub: 'EC2.2',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/vpc-default-security-group-closed.html',
      'https://docs.aws.amazon.com/vpc/latest/userguide/default-security-group.html',
    ],
  },
  evaluate: ({ resource }) => {
    const configuration = resource.configuration ?? {};
    const groupName = readText(configuration.groupName) ?? resource.resourceName;
    const vpcId = readText(configuration.vpcId);
    const label = `${resource.resourceId}${vpcId ? ` of ${vpcId}` : ''}`;
    if (groupName === null)
      return insufficientData(`Security group ${resource.resourceId} has no recorded group name.`);
    if (groupName !== 'default') {
      return notApplicable(`Security group ${groupName} (${resource.resourceId}) is not a default security group.`);
    }
    const ingress = configuration.ipPermissions;
    const egress = configuration.ipPermissionsEgress;
    if (!Array.isArray(ingress) || !Array.isArray(egress)) {
      const missing = [!Array.isArray(ingress) && 'ipPermissions', !Array.isArray(egress) && 'ipPermissionsEgress'];
      return insufficientData(
        `Default security group ${label} has no recorded ${missing.filter(Boolean).join(' or ')}.`,
      );
    }
    // A self-reference or a prefix list carries no CIDR, so count permissions, not CIDRs.
    const observed = {
      inboundPermissions: ingress.length,
      outboundPermissions: egress.length,
      inboundRules: readSecurityGroupRules(ingress).rules.map(describeRule),
      outboundRules: readSecurityGroupRules(egress).rules.map(describeRule),
    };
    if (ingress.length > 0 || egress.length > 0) {
      return fail(
        `Default security group ${label} has ${ingress.length} inbound and ${egress.length} outbound rules.`,
        observed,
      );
    }
    return pass(`Default security group ${label} has no inbound and no outbound rules.`, observed);
  },
});
