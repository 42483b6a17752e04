import {
  judgeBackupRetention,
  rdsClusterOf,
  rdsReplicaSourceOf,
  readCount,
  requireSetting,
} from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, notApplicable } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'rds-instance-backup-enabled',
  title: 'RDS DB instance keeps automated backups for at least the minimum retention period',
  service: 'rds',
  severity: 'medium',
  resourceTypes: ['AWS::RDS::DBInstance'],
  description:
    'The DB instance has automated backups (backupRetentionPeriod > 0) kept for at least minRetentionDays. Cluster members are judged on their cluster; read replicas only when checkReadReplicas is set.',
  rationale:
    'With retention 0 there are no automated backups and no point-in-time restore, so a dropped table, corruption or ransomware loses data; auditors expect backups sized to the recovery point objective.',
  remediation: {
    guidance:
      'aws rds modify-db-instance --db-instance-identifier <id> --backup-retention-period 7 --apply-immediately (console: RDS > Databases > Modify > Backup retention period).',
  },
  references: {
    awsConfigRule: 'DB_INSTANCE_BACKUP_ENABLED',
    securityHub: 'RDS.11',
    urls: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_WorkingWithAutomatedBackups.html'],
  },
  parameters: { minRetentionDays: 7, checkReadReplicas: false },
  evaluate: ({ resource, parameters }) => {
    const name = displayName(resource);
    const config = resource.configuration;
    const cluster = rdsClusterOf(config);
    if (cluster) {
      return notApplicable(
        `RDS instance ${name} is a member of DB cluster ${cluster}, whose backup retention governs its backups.`,
        { dBClusterIdentifier: cluster },
      );
    }
    const source = rdsReplicaSourceOf(config);
    if (source && !parameters.checkReadReplicas) {
      return notApplicable(`RDS instance ${name} is a read replica of ${source}; replicas are not checked.`, {
        readReplicaSource: source,
      });
    }
    const retention = requireSetting(
      readCount(config, 'backupRetentionPeriod'),
      `RDS instance ${name}`,
      'backupRetentionPeriod',
    );
    if (!retention.ok) return retention.verdict;
    const observed = {
      backupRetentionPeriod: retention.value,
      minRetentionDays: parameters.minRetentionDays,
      readReplicaSource: source,
    };
    return judgeBackupRetention(`RDS instance ${name}`, retention.value, parameters.minRetentionDays, observed);
  },
});
