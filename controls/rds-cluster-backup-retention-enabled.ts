import { judgeBackupRetention, readCount, requireSetting } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName } from '../engine/evaluate/verdict.js';
import { readField, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'rds-cluster-backup-retention-enabled',
  title: 'RDS DB cluster keeps automated backups for at least the minimum retention period',
  service: 'rds',
  severity: 'medium',
  resourceTypes: ['AWS::RDS::DBCluster'],
  description:
    'The DB cluster keeps automated (continuous) backups for at least minRetentionDays, the window in which it can be restored to any point in time.',
  rationale:
    'Aurora always keeps at least one day of backups, but one day rarely covers the time to notice corruption, a bad migration or ransomware; a short window loses the last good state and misses backup retention commitments.',
  remediation: {
    guidance:
      'aws rds modify-db-cluster --db-cluster-identifier <id> --backup-retention-period 7 --apply-immediately (console: RDS > Databases > select the cluster > Modify > Backup retention period).',
  },
  references: {
    awsConfigRule: 'RDS_CLUSTER_BACKUP_RETENTION_CHECK',
    urls: ['https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/Aurora.Managing.Backups.html'],
  },
  parameters: { minRetentionDays: 7 },
  evaluate: ({ resource, parameters }) => {
    const name = displayName(resource);
    const config = resource.configuration;
    const retention = requireSetting(
      readCount(config, 'backupRetentionPeriod'),
      `RDS cluster ${name}`,
      'backupRetentionPeriod',
    );
    if (!retention.ok) return retention.verdict;
    const observed = {
      backupRetentionPeriod: retention.value,
      minRetentionDays: parameters.minRetentionDays,
      engine: readText(readField(config, 'engine')),
    };
    return judgeBackupRetention(`RDS cluster ${name}`, retention.value, parameters.minRetentionDays, observed);
  },
});
