import { defineControl } from '../engine/evaluate/define-control.js';
import { describeRule, judgeInboundRules, ruleOpensAllTraffic } from '../engine/evaluate/network-exposure.js';

export default defineControl({
  id: 'ec2-security-group-no-public-all-traffic',
  title: 'Security group admits no traffic on all protocols or all ports from the internet',
  service: 'ec2',
  severity: 'critical',
  resourceTypes: ['AWS::EC2::SecurityGroup'],
  description:
    'No inbound rule admits 0.0.0.0/0 or ::/0 with protocol -1 (all protocols and ports), or with TCP or UDP on the full range 0-65535.',
  rationale:
    'A rule that opens everything to the internet removes the security group as a control: every service on every attached interface, including ones started later, is exposed. An auditor reads it as no network boundary at all.',
  remediation: {
    guidance:
      'Replace the rule with rules for the ports the workload serves: EC2 console > Security Groups > <group> > Inbound rules > Edit, or aws ec2 revoke-security-group-ingress --group-id <id> --ip-permissions IpProtocol=-1,IpRanges=[{CidrIp=0.0.0.0/0}].',
  },
  references: {
    urls: [
      'https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html',
      'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html',
    ],
  },
  evaluate: ({ resource }) =>
    judgeInboundRules(resource, ({ rules, prefixListIds }) => {
      const offending = rules.filter((rule) => rule.wholeInternet && ruleOpensAllTraffic(rule));
      const what = offending.map((rule) =>
        rule.protocol === 'all' ? `all traffic from ${rule.cidr}` : `all ${rule.protocol} ports from ${rule.cidr}`,
      );
      return {
        observed: { offendingRules: offending.map(describeRule), unresolvedPrefixLists: prefixListIds },
        offence: offending.length > 0 ? `admits ${what.join(' and ')}` : null,
        clean: 'admits no all-protocol or all-port traffic from the internet',
      };
    }),
});
