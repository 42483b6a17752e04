/**
 * The Lambdas judge one changed DynamoDB table: its resource policy, which
 * Config does not record, is asked of DynamoDB so dynamodb-table-not-public
 * gets a verdict instead of INSUFFICIENT_DATA.
 */
import { DynamoDBClient, GetResourcePolicyCommand } from '@aws-sdk/client-dynamodb';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { withTablePolicyFrom } from '../../engine/serverless/config-items.js';

const ARN = 'arn:aws:dynamodb:eu-west-1:111122223333:table/patient-appointments';
const item = {
  resourceType: 'AWS::DynamoDB::Table',
  resourceId: 'patient-appointments',
  ARN,
  awsRegion: 'eu-west-1',
  configuration: { tableName: 'patient-appointments', tableArn: ARN },
  supplementaryConfiguration: { ContinuousBackupsDescription: { continuousBackupsStatus: 'ENABLED' } },
};
const dynamodb = mockClient(DynamoDBClient);
const client = new DynamoDBClient({ region: 'eu-west-1' });

afterEach(() => dynamodb.reset());

describe('Function: withTablePolicyFrom', () => {
  it('adds the policy DynamoDB returns, keeping the supplementary values', async () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [] });
    dynamodb.on(GetResourcePolicyCommand, { ResourceArn: ARN }).resolves({ Policy: policy, RevisionId: '1' });
    const result = await withTablePolicyFrom(client, item);
    expect(result.supplementaryConfiguration).toEqual({
      ...item.supplementaryConfiguration,
      ResourcePolicy: policy,
    });
  });

  it('records "none" when DynamoDB answers PolicyNotFoundException', async () => {
    dynamodb
      .on(GetResourcePolicyCommand)
      .rejects(Object.assign(new Error('Resource-based policy not found'), { name: 'PolicyNotFoundException' }));
    const result = await withTablePolicyFrom(client, item);
    expect((result.supplementaryConfiguration as Record<string, unknown>).ResourcePolicy).toBeNull();
  });

  it('leaves the item as it was when the call fails, so the control says the policy was not collected', async () => {
    dynamodb
      .on(GetResourcePolicyCommand)
      .rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    expect(await withTablePolicyFrom(client, item)).toBe(item);
  });

  it('asks nothing for other types or without a client', async () => {
    expect(await withTablePolicyFrom(client, { ...item, resourceType: 'AWS::SQS::Queue' })).toMatchObject({
      resourceType: 'AWS::SQS::Queue',
    });
    expect(await withTablePolicyFrom(undefined, item)).toBe(item);
    expect(dynamodb.commandCalls(GetResourcePolicyCommand)).toHaveLength(0);
  });
});
