import { readField } from '../engine/evaluate/config-fields.js';
import { defineControl } from '../engine/evaluate/define-control.js';
import { judgePublicPolicy } from '../engine/evaluate/resource-policy.js';
import { displayName, insufficientData, pass } from '../engine/evaluate/verdict.js';

/**
 * The table actions a resource-based policy can grant: reading and writing
 * items, and managing the table and its policy. `dynamodb:*` and `*` cover them all.
 */
const TABLE_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:Scan',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:PartiQLSelect',
  'dynamodb:PartiQLInsert',
  'dynamodb:PartiQLUpdate',
  'dynamodb:PartiQLDelete',
  'dynamodb:DescribeTable',
  'dynamodb:UpdateTable',
  'dynamodb:DeleteTable',
  'dynamodb:ExportTableToPointInTime',
  'dynamodb:GetResourcePolicy',
  'dynamodb:PutResourcePolicy',
  'dynamodb:DeleteResourcePolicy',
] as const;

export default defineControl({
  id: 'dynamodb-table-not-public',
  title: 'DynamoDB table resource policy does not grant access to everyone',
  service: 'dynamodb',
  severity: 'critical',
  resourceTypes: ['AWS::DynamoDB::Table'],
  description:
    "No Allow statement of the table's resource-based policy grants DynamoDB actions to a public principal unless a condition pins it (aws:PrincipalOrgID, aws:SourceVpce, ...). A table with no policy passes. AWS Config does not record the policy: the live collector reads it with GetResourcePolicy.",
  rationale:
    'A public table policy lets any AWS account read, overwrite or delete every item, or take over the table by rewriting its policy, with no IAM identity of this account and no trace in its own IAM policies.',
  remediation: {
    guidance:
      'DynamoDB console → Tables → <table> → Permissions → Resource-based policy → Edit: name the principals instead of "*", or add an aws:PrincipalOrgID / aws:SourceVpce condition; or aws dynamodb put-resource-policy --resource-arn <table-arn> --policy file://policy.json (delete-resource-policy removes it).',
  },
  references: {
    urls: [
      'https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/access-control-resource-based.html',
      'https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetResourcePolicy.html',
    ],
  },
  evaluate: ({ resource }) => {
    const subject = `DynamoDB table ${displayName(resource)}`;
    const policy = readField(resource.supplementary, 'ResourcePolicy');
    return judgePublicPolicy({
      resource,
      policy,
      field: 'ResourcePolicy',
      subject,
      policyName: 'resource policy',
      actions: TABLE_ACTIONS,
      whenAbsent: () =>
        policy === undefined
          ? insufficientData(
              `${subject} has no collected resource policy: AWS Config does not record it; the live collector reads it with GetResourcePolicy.`,
            )
          : pass(`${subject} has no resource policy, so only IAM identities of its account can reach it.`, {
              resourcePolicy: null,
            }),
    });
  },
});
