/**
 * DynamoDB resource-based policies (PutResourcePolicy, since 2024), which AWS
 * Config's AWS::DynamoDB::Table item does not record. For each table of the
 * collecting account the collector asks DynamoDB's GetResourcePolicy in the
 * table's region and extends the item before it is written:
 * `supplementaryConfiguration.ResourcePolicy` holds the policy's JSON text, or
 * null when DynamoDB answers PolicyNotFoundException (the table has none); the
 * key stays absent when the call failed (not collected, recorded as a
 * collection error) or the table belongs to another account of an aggregator.
 */
import { GetResourcePolicyCommand } from '@aws-sdk/client-dynamodb';
import { decodeJsonValue, isRecord } from '../normalize/decode.js';
import { type AwsCaller, CollectorCallError } from './caller.js';

export const DYNAMODB_TABLE_TYPE = 'AWS::DynamoDB::Table';
/** The supplementary key this project adds to a table's item. */
export const TABLE_POLICY_KEY = 'ResourcePolicy';
/** DynamoDB's answer for a table without a resource-based policy. */
export const POLICY_NOT_FOUND = 'PolicyNotFoundException';

type Row = Record<string, unknown>;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The table's ARN: the item's own, else the configuration's tableArn (a JSON string in BatchGet items). */
export function tableArn(item: Row): string {
  if (text(item.arn)) return text(item.arn);
  const decoded = decodeJsonValue(item.configuration);
  return decoded.ok && isRecord(decoded.value) ? text(decoded.value.tableArn) : '';
}

/**
 * The item with its table's resource policy in `supplementaryConfiguration.ResourcePolicy`
 * (null: none); unchanged, with the failure recorded, when the call fails.
 *
 * @example
 * await writer.writeItem(await withTablePolicy(caller, item));
 */
export async function withTablePolicy(caller: AwsCaller, item: Row): Promise<Row> {
  const arn = tableArn(item);
  const region = text(item.awsRegion);
  if (!arn || !region) return item;
  let policy: string | null;
  try {
    policy = (await caller.send(region, new GetResourcePolicyCommand({ ResourceArn: arn }))).Policy ?? null;
  } catch (error) {
    if (!(error instanceof CollectorCallError && error.code === POLICY_NOT_FOUND)) {
      caller.record(error);
      return item;
    }
    policy = null;
  }
  return withPolicy(item, policy);
}

/**
 * The item with `policy` (JSON text, or null for none) as its table's resource
 * policy; the Lambdas, which ask DynamoDB with their own client, use it too.
 *
 * @example
 * withPolicy(item, null).supplementaryConfiguration // { ..., ResourcePolicy: null }
 */
export function withPolicy(item: Row, policy: string | null): Row {
  const decoded = decodeJsonValue(item.supplementaryConfiguration);
  const supplementary = decoded.ok && isRecord(decoded.value) ? decoded.value : {};
  return { ...item, supplementaryConfiguration: { ...supplementary, [TABLE_POLICY_KEY]: policy } };
}
