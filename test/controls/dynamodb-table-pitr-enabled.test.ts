import control from '../../controls/dynamodb-table-pitr-enabled.js';
import { testControl } from '../helpers/control-test.js';
import { loadItem } from '../helpers/fixtures.js';

// The baseline is in the API form: each supplementary value is a JSON string.
const withBackups = (description: unknown) =>
  loadItem('dynamodb-table/baseline', (raw) => {
    raw.supplementaryConfiguration.ContinuousBackupsDescription = JSON.stringify(description);
  });

testControl(control, [
  {
    name: 'PITR enabled (API form)',
    resource: loadItem('dynamodb-table/baseline'),
    expected: 'PASS',
    reason: 'DynamoDB table customer-profiles has point-in-time recovery enabled.',
    observed: { pointInTimeRecoveryStatus: 'ENABLED', continuousBackupsStatus: 'ENABLED', recoveryPeriodInDays: 35 },
  },
  {
    name: 'PITR disabled (continuous backups stay ENABLED)',
    resource: withBackups({
      continuousBackupsStatus: 'ENABLED',
      pointInTimeRecoveryDescription: { pointInTimeRecoveryStatus: 'DISABLED' },
    }),
    expected: 'FAIL',
    reason: 'point-in-time recovery DISABLED',
  },
  {
    name: 'snapshot form with PascalCase keys from the DynamoDB API',
    resource: loadItem('dynamodb-table/baseline', (raw) => {
      raw.configuration = JSON.parse(raw.configuration);
      raw.supplementaryConfiguration = {
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: 'ENABLED',
          PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' },
        },
      };
      raw.awsAccountId = raw.accountId;
      delete raw.accountId;
    }),
    expected: 'PASS',
  },
  {
    name: 'no ContinuousBackupsDescription recorded',
    resource: loadItem('dynamodb-table/baseline', (raw) => {
      delete raw.supplementaryConfiguration.ContinuousBackupsDescription;
    }),
    expected: 'INSUFFICIENT_DATA',
    reason: 'no recorded point-in-time recovery status',
  },
  {
    name: 'description without the PITR part',
    resource: withBackups({ continuousBackupsStatus: 'ENABLED' }),
    expected: 'INSUFFICIENT_DATA',
  },
  {
    name: 'undecodable ContinuousBackupsDescription',
    resource: loadItem('dynamodb-table/baseline', (raw) => {
      raw.supplementaryConfiguration.ContinuousBackupsDescription = '{"continuousBackupsStatus":';
    }),
    expected: 'ERROR',
  },
]);
