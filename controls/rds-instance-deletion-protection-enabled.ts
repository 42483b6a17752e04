import { judgeFlag, rdsInstanceNotJudged } from '../engine/evaluate/datastore-settings.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName } from '../engine/evaluate/verdict.js';

export default defineControl({
  id: 'rds-instance-deletion-protection-enabled',
  title: 'RDS DB instance has deletion protection enabled',
  service: 'rds',
  severity: 'medium',
  resourceTypes: ['AWS::RDS::DBInstance'],
  description:
    'The standalone DB instance has deletionProtection set, so no API call or console action can delete it until the setting is removed. Members of an Aurora or Multi-AZ DB cluster are protected by their cluster.',
  rationale:
    'Without deletion protection a single mistaken or malicious DeleteDBInstance call removes the database, and with it every automated backup that was not retained.',
  remediation: {
    guidance:
      'aws rds modify-db-instance --db-instance-identifier <id> --deletion-protection --apply-immediately (console: RDS > Databases > Modify > Enable deletion protection).',
  },
  references: {
    awsConfigRule: 'RDS_INSTANCE_DELETION_PROTECTION_ENABLED',
    securityHub: 'RDS.8',
    urls: [
      'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html#USER_DeleteInstance.DeletionProtection',
    ],
  },
  evaluate: ({ resource }) => {
    const subject = `RDS instance ${displayName(resource)}`;
    const config = resource.configuration;
    // RDS ignores the instance flag for cluster members: only the cluster's deletionProtection applies.
    return (
      rdsInstanceNotJudged(config, subject, { clusterGoverns: 'whose deletion protection governs it' }) ??
      judgeFlag(config, 'deletionProtection', {
        subject,
        whenTrue: 'has deletion protection enabled',
        whenFalse: 'has deletion protection disabled',
      })
    );
  },
});
