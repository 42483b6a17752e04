import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { decodeErrorFor, readField, readPath, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'dynamodb-table-pitr-enabled',
  title: 'DynamoDB table has point-in-time recovery enabled',
  service: 'dynamodb',
  severity: 'medium',
  resourceTypes: ['AWS::DynamoDB::Table'],
  description:
    'The table has point-in-time recovery enabled (ContinuousBackupsDescription.pointInTimeRecoveryDescription.pointInTimeRecoveryStatus is ENABLED), so it can be restored to any second in its recovery period.',
  rationale:
    'Without PITR an accidental bulk delete, a faulty deployment or a malicious write can only be undone from an on-demand backup, if one exists, losing everything written since; backup and recovery controls are not met.',
  remediation: {
    guidance:
      'aws dynamodb update-continuous-backups --table-name <table> --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true (console: DynamoDB > Tables > Backups > Point-in-time recovery > Edit).',
  },
  references: {
    awsConfigRule: 'DYNAMODB_PITR_ENABLED',
    securityHub: 'DynamoDB.2',
    urls: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Point-in-time-recovery.html'],
  },
  evaluate: ({ resource }) => {
    const name = displayName(resource);
    const decodeError = decodeErrorFor(resource, 'ContinuousBackupsDescription');
    if (decodeError)
      return error(`DynamoDB table ${name} has an unreadable ContinuousBackupsDescription.`, { decodeError });
    const backups = readField(resource.supplementary, 'ContinuousBackupsDescription');
    const status = readText(readPath(backups, 'pointInTimeRecoveryDescription', 'pointInTimeRecoveryStatus'));
    if (status === null) {
      return insufficientData(`DynamoDB table ${name} has no recorded point-in-time recovery status.`, {
        continuousBackupsDescription: backups ?? null,
      });
    }
    const observed = {
      pointInTimeRecoveryStatus: status,
      continuousBackupsStatus: readText(readField(backups, 'continuousBackupsStatus')),
      recoveryPeriodInDays: readPath(backups, 'pointInTimeRecoveryDescription', 'recoveryPeriodInDays') ?? null,
    };
    return status.toUpperCase() === 'ENABLED'
      ? pass(`DynamoDB table ${name} has point-in-time recovery enabled.`, observed)
      : fail(`DynamoDB table ${name} has point-in-time recovery ${status}.`, observed);
  },
});
