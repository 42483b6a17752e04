import {
  judgeBackupRetention,
  rdsInstanceNotJudged,
  rdsReplicaSourceOf,
  readCount,
  requireSetting,
} from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName } from '../engine/evaluate/verdict.js';

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
    const subject = `RDS instance ${displayName(resource)}`;
    const config = resource.configuration;
    const notJudged = rdsInstanceNotJudged(config, subject, {
      clusterGoverns: 'whose backup retention governs its backups',
      skipReadReplicas: !parameters.checkReadReplicas,
    });
    if (notJudged) return notJudged;
    const retention = requireSetting(readCount(config, 'backupRetentionPeriod'), subject, 'backupRetentionPeriod');
    if (!retention.ok) return retention.verdict;
    const observed = {
      backupRetentionPeriod: retention.value,
      minRetentionDays: parameters.minRetentionDays,
      readReplicaSource: rdsReplicaSourceOf(config),
    };
    return judgeBackupRetention(subject, retention.value, parameters.minRetentionDays, observed);
  },
});
