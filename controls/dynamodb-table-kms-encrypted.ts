import { defineControl } from '../engine/evaluate/define-control.js';
import { displayName, error, fail, insufficientData, pass } from '../engine/evaluate/verdict.js';
import { isRecord } from '../engine/normalize/decode.js';
import { readField, readText } from '../engine/evaluate/config-fields.js';

export default defineControl({
  id: 'dynamodb-table-kms-encrypted',
  title: 'DynamoDB table is encrypted with a KMS key',
  service: 'dynamodb',
  severity: 'medium',
  resourceTypes: ['AWS::DynamoDB::Table'],
  description:
    'DynamoDB always encrypts tables; this checks the key. A KMS key (AWS managed aws/dynamodb or customer managed) passes; the default AWS owned key fails while requireKms is true, as it gives no key policy and no CloudTrail record of use.',
  rationale:
    'With the AWS owned key the account cannot restrict, revoke or audit use of the key protecting the data; auditors asking who could decrypt a table (SOC 2 CC6.1, HIPAA key management) get no evidence.',
  remediation: {
    guidance:
      'aws dynamodb update-table --table-name <table> --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<key-arn> (console: DynamoDB > Tables > Additional settings > Encryption > Manage encryption).',
  },
  references: {
    awsConfigRule: 'DYNAMODB_TABLE_ENCRYPTED_KMS',
    urls: ['https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/EncryptionAtRest.html'],
  },
  parameters: { requireKms: true },
  evaluate: ({ resource, parameters }) => {
    const name = displayName(resource);
    const config = resource.configuration;
    // Config writes this key as ssedescription (ssetype, kmsmasterKeyArn); readField ignores case.
    const sse = readField(config, 'sSEDescription');
    if (sse !== undefined && sse !== null && !isRecord(sse)) {
      return error(`DynamoDB table ${name} has an SSE description in an unrecognised shape.`, { sseDescription: sse });
    }
    const sseType = readText(readField(sse, 'sSEType'));
    const sseStatus = readText(readField(sse, 'status'));
    const kmsKeyArn = readText(readField(sse, 'kMSMasterKeyArn'));
    if (sse === undefined || sse === null) {
      // DescribeTable omits SSEDescription for the AWS owned key, so absence only means that on a complete item.
      if (readText(readField(config, 'tableStatus')) === null) {
        return insufficientData(`DynamoDB table ${name} has no recorded table description.`);
      }
    } else if (sseType?.toUpperCase() === 'KMS' || (sseType === null && kmsKeyArn !== null)) {
      const observed = { sseType, sseStatus, kmsMasterKeyArn: kmsKeyArn };
      if (sseStatus?.toUpperCase() === 'ENABLED') {
        return pass(`DynamoDB table ${name} is encrypted with KMS key ${kmsKeyArn ?? '(unrecorded)'}.`, observed);
      }
      return fail(`DynamoDB table ${name} has KMS encryption in state ${sseStatus ?? 'unknown'}.`, observed);
    }
    const observed = { sseType, sseStatus, kmsMasterKeyArn: kmsKeyArn, requireKms: parameters.requireKms };
    return parameters.requireKms
      ? fail(`DynamoDB table ${name} is encrypted with the AWS owned key, not a KMS key.`, observed)
      : pass(`DynamoDB table ${name} is encrypted with the AWS owned key.`, observed);
  },
});
