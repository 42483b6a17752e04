import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { readField, readText } from '../engine/evaluate/config-fields.js';
import type { Resource } from '../engine/types.js';

const FLOW_LOG_TYPE = 'AWS::EC2::FlowLog';

/** Flow logs by where they record (account and region), and by the resource they watch there. */
const byPlace = (log: Resource): string => `${log.accountId}|${log.region}`;
const byWatchedResource = (log: Resource): string | null => {
  const watched = readText(readField(log.configuration, 'resourceId'));
  return watched === null ? null : `${log.accountId}|${log.region}|${watched}`;
};

export default defineControl({
  id: 'vpc-flow-logs-enabled',
  title: 'VPC has an active flow log',
  service: 'vpc',
  severity: 'medium',
  resourceTypes: ['AWS::EC2::VPC'],
  uses: [FLOW_LOG_TYPE],
  description:
    'At least one AWS::EC2::FlowLog of the same account and region has configuration.resourceId equal to the VPC id, flowLogStatus ACTIVE and a delivery status other than FAILED. Subnet- or interface-level flow logs do not count.',
  rationale:
    'Flow logs are the only record of which addresses talked to which workloads; without them an incident responder cannot scope an intrusion or exfiltration, and SOC 2 / HIPAA audit-logging evidence for the network is missing.',
  remediation: {
    guidance:
      'aws ec2 create-flow-logs --resource-type VPC --resource-ids <vpc-id> --traffic-type ALL --log-destination-type cloud-watch-logs --log-group-name <group> --deliver-logs-permission-arn <role-arn>, or VPC console > <vpc> > Flow logs > Create flow log.',
  },
  references: {
    awsConfigRule: 'VPC_FLOW_LOGS_ENABLED',
    securityHub: 'EC2.6',
    urls: [
      'https://docs.aws.amazon.com/config/latest/developerguide/vpc-flow-logs-enabled.html',
      'https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html',
    ],
  },
  evaluate: ({ resource, context }) => {
    const name = displayName(resource);
    const vpcId = readText(resource.configuration?.vpcId) ?? resource.resourceId;
    // Only this account and region tell whether Config records flow logs where the VPC lives.
    const place = byPlace(resource);
    if (!context.has(FLOW_LOG_TYPE, byPlace, place)) {
      return insufficientData(
        `VPC ${name}: the inventory has no ${FLOW_LOG_TYPE} items for account ${resource.accountId} in ${resource.region}, so flow-log recording cannot be confirmed.`,
      );
    }
    const mine = context.lookup(FLOW_LOG_TYPE, byWatchedResource, `${place}|${vpcId}`).map((log) => ({
      flowLogId: readText(readField(log.configuration, 'flowLogId')) ?? log.resourceId,
      flowLogStatus: readText(readField(log.configuration, 'flowLogStatus')),
      deliverLogsStatus: readText(readField(log.configuration, 'deliverLogsStatus')),
      trafficType: readText(readField(log.configuration, 'trafficType')),
      logDestinationType: readText(readField(log.configuration, 'logDestinationType')),
    }));
    const active = mine.filter(
      (log) => log.flowLogStatus?.toUpperCase() === 'ACTIVE' && log.deliverLogsStatus?.toUpperCase() !== 'FAILED',
    );
    const observed = { vpcId, flowLogs: mine };
    if (active.length > 0) {
      const ids = active.map((log) => `${log.flowLogId} (${log.trafficType ?? 'traffic type unknown'})`);
      return pass(`VPC ${name} has active flow log ${ids.join(', ')}.`, observed);
    }
    if (mine.some((log) => log.flowLogStatus === null)) {
      return insufficientData(`VPC ${name} has flow logs with no recorded flowLogStatus.`, observed);
    }
    if (mine.length > 0) {
      const states = mine.map(
        (log) => `${log.flowLogId} is ${log.flowLogStatus}, delivery ${log.deliverLogsStatus ?? 'unknown'}`,
      );
      return fail(`VPC ${name} has no working flow log: ${states.join('; ')}.`, observed);
    }
    return fail(`VPC ${name} has no flow log.`, observed);
  },
});
