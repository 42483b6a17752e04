import { judgeFlag } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'rds-cluster-deletion-protection-enabled',
  title: 'RDS DB cluster has deletion protection enabled',
  service: 'rds',
  severity: 'medium',
  resourceTypes: ['AWS::RDS::DBCluster'],
  description:
    'The Aurora or Multi-AZ DB cluster has deletionProtection set, so neither it nor (through it) its member instances can be deleted until the setting is removed.',
  rationale:
    'Without deletion protection one mistaken or malicious DeleteDBCluster call removes the cluster volume and its automated backups; deletion protection is the cluster-level guard for every member instance.',
  remediation: {
    guidance:
      'aws rds modify-db-cluster --db-cluster-identifier <id> --deletion-protection --apply-immediately (console: RDS > Databases > select the cluster > Modify > Enable deletion protection).',
  },
  references: {
    awsConfigRule: 'RDS_CLUSTER_DELETION_PROTECTION_ENABLED',
    securityHub: 'RDS.7',
    urls: ['https://docs.aws.amazon.com/AmazonRDS/latest/AuroraUserGuide/USER_DeleteCluster.html'],
  },
  evaluate: ({ resource }) =>
    judgeFlag(resource.configuration, 'deletionProtection', {
      subject: `RDS cluster ${displayName(resource)}`,
      whenTrue: 'has deletion protection enabled',
      whenFalse: 'has deletion protection disabled',
    }),
});
