import {
  rdsClusterOf,
  rdsReplicaSourceOf,
  readFlag,
  readText,
  requireSetting,
} from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, fail, notApplicable, pass } from '../engine/evaluate/verdict.js';

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
    const name = displayName(resource);
    const config = resource.configuration;
    const cluster = rdsClusterOf(config);
    // Aurora members always report multiAZ false: the cluster spreads its instances across AZs.
    if (cluster) {
      return notApplicable(
        `RDS instance ${name} is a member of DB cluster ${cluster}, which provides its availability.`,
        {
          dBClusterIdentifier: cluster,
        },
      );
    }
    const source = rdsReplicaSourceOf(config);
    if (source && !parameters.checkReadReplicas) {
      return notApplicable(`RDS instance ${name} is a read replica of ${source}; replicas are not checked.`, {
        readReplicaSource: source,
      });
    }
    const multiAz = requireSetting(readFlag(config, 'multiAZ'), `RDS instance ${name}`, 'multiAZ');
    if (!multiAz.ok) return multiAz.verdict;
    const observed = {
      multiAZ: multiAz.value,
      availabilityZone: readText(config, 'availabilityZone'),
      secondaryAvailabilityZone: readText(config, 'secondaryAvailabilityZone'),
      readReplicaSource: source,
    };
    return multiAz.value
      ? pass(`RDS instance ${name} runs in a Multi-AZ deployment.`, observed)
      : fail(`RDS instance ${name} runs in a single Availability Zone.`, observed);
  },
});
