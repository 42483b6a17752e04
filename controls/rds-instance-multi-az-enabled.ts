import { readField, readText } from '../engine/evaluate/config-fields.js';
import { judgeFlag, rdsInstanceNotJudged, rdsReplicaSourceOf } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'rds-instance-multi-az-enabled',
  title: 'RDS DB instance runs in a Multi-AZ deployment',
  service: 'rds',
  severity: 'medium',
  resourceTypes: ['AWS::RDS::DBInstance'],
  description:
    'The standalone DB instance has multiAZ set, so a synchronous standby in another Availability Zone takes over on failure. Cluster members are out of scope (the cluster provides availability), and read replicas unless checkReadReplicas is set.',
  rationale:
    'A single-AZ instance is unavailable for the whole of an AZ outage, host failure or storage fault, and recovery means a restore that loses writes after the last backup; availability commitments (SOC 2 A1.2) go unmet.',
  remediation: {
    guidance:
      'aws rds modify-db-instance --db-instance-identifier <id> --multi-az --apply-immediately (console: RDS > Databases > Modify > Availability & durability > Create a standby instance).',
  },
  references: {
    awsConfigRule: 'RDS_MULTI_AZ_SUPPORT',
    securityHub: 'RDS.5',
    urls: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/Concepts.MultiAZSingleStandby.html'],
  },
  parameters: { checkReadReplicas: false },
  evaluate: ({ resource, parameters }) => {
    const subject = `RDS instance ${displayName(resource)}`;
    const config = resource.configuration;
    // Aurora members always report multiAZ false: the cluster spreads its instances across AZs.
    const notJudged = rdsInstanceNotJudged(config, subject, {
      clusterGoverns: 'which provides its availability',
      skipReadReplicas: !parameters.checkReadReplicas,
    });
    if (notJudged) return notJudged;
    return judgeFlag(config, 'multiAZ', {
      subject,
      whenTrue: 'runs in a Multi-AZ deployment',
      whenFalse: 'runs in a single Availability Zone',
      observed: {
        availabilityZone: readText(readField(config, 'availabilityZone')),
        secondaryAvailabilityZone: readText(readField(config, 'secondaryAvailabilityZone')),
        readReplicaSource: rdsReplicaSourceOf(config),
      },
    });
  },
});
