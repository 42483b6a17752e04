/**
 * Configuration items the event did not carry, read back from AWS Config:
 * the full item behind an oversized notification, and the related resources
 * a control consults (an IAM user's groups and policies, a listener's load
 * balancer). Everything comes back as raw items in the API form, ready for
 * the normaliser and for the evidence bundle's inventory.
 */
import {
  BatchGetResourceConfigCommand,
  type ConfigServiceClient,
  GetResourceConfigHistoryCommand,
  type ResourceType,
} from '@aws-sdk/client-config-service';
import { type DynamoDBClient, GetResourcePolicyCommand } from '@aws-sdk/client-dynamodb';
import { DYNAMODB_TABLE_TYPE, POLICY_NOT_FOUND, tableArn, withPolicy } from '../collect/dynamodb-policies.js';
import { isRecord } from '../normalize/decode.js';

export type RawItem = Record<string, unknown>;

const signalOption = (signal: AbortSignal | undefined) => (signal ? { abortSignal: signal } : {});

/**
 * The item an oversized notification summarises: the latest one recorded at
 * or before the summary's capture time. `null` when Config no longer has it.
 *
 * @example
 * const item = await fetchOversizedItem(config, { resourceType, resourceId, captureTime: '2026-11-20T06:00:00Z' });
 */
export async function fetchOversizedItem(
  client: ConfigServiceClient,
  summary: { resourceType: string; resourceId: string; captureTime: string },
  signal?: AbortSignal,
): Promise<RawItem | null> {
  const response = await client.send(
    new GetResourceConfigHistoryCommand({
      resourceType: summary.resourceType as ResourceType,
      resourceId: summary.resourceId,
      laterTime: new Date(summary.captureTime),
      limit: 1,
    }),
    signalOption(signal),
  );
  const item = response.configurationItems?.[0];
  // The SDK's Date fields are read by the normaliser and written as ISO text by JSON.stringify.
  return item ? { ...item } : null;
}

export interface ResourceRef {
  resourceType: string;
  resourceId: string;
}

/** BatchGetResourceConfig takes at most 100 keys a call. */
const BATCH_LIMIT = 100;

/**
 * The current items of the given resources. Keys Config does not know (AWS
 * managed policies, resources in types it does not record) are left out, and
 * the controls that needed them say INSUFFICIENT_DATA.
 *
 * @example
 * const items = await fetchRelatedItems(config, [{ resourceType: 'AWS::IAM::Group', resourceId: 'AGPAEXAMPLE' }]);
 */
export async function fetchRelatedItems(
  client: ConfigServiceClient,
  refs: readonly ResourceRef[],
  signal?: AbortSignal,
): Promise<{ items: RawItem[]; unprocessed: ResourceRef[] }> {
  const unique = [...new Map(refs.map((ref) => [`${ref.resourceType}|${ref.resourceId}`, ref])).values()];
  const items: RawItem[] = [];
  const unprocessed: ResourceRef[] = [];
  for (let start = 0; start < unique.length; start += BATCH_LIMIT) {
    const keys = unique.slice(start, start + BATCH_LIMIT).map((ref) => ({
      resourceType: ref.resourceType as ResourceType,
      resourceId: ref.resourceId,
    }));
    const response = await client.send(new BatchGetResourceConfigCommand({ resourceKeys: keys }), signalOption(signal));
    for (const item of response.baseConfigurationItems ?? []) items.push({ ...item });
    for (const key of response.unprocessedResourceKeys ?? []) {
      if (key.resourceType && key.resourceId)
        unprocessed.push({ resourceType: key.resourceType, resourceId: key.resourceId });
    }
  }
  return { items, unprocessed };
}

/** The related resources of an item whose types some control consults. */
export function relatedRefs(item: RawItem, wanted: ReadonlySet<string>): ResourceRef[] {
  const relationships = Array.isArray(item.relationships) ? item.relationships.filter(isRecord) : [];
  return relationships.flatMap((rel) =>
    typeof rel.resourceType === 'string' && typeof rel.resourceId === 'string' && wanted.has(rel.resourceType)
      ? [{ resourceType: rel.resourceType, resourceId: rel.resourceId }]
      : [],
  );
}

/**
 * A DynamoDB table's item with its resource policy, which Config does not
 * record, asked of DynamoDB as the live collector does: null when the table
 * has none; the item unchanged (the control then says INSUFFICIENT_DATA) when
 * there is no client or the call fails. Other items pass through.
 *
 * @example
 * item = await withTablePolicyFrom(dynamodb, item, signal);
 */
export async function withTablePolicyFrom(
  client: DynamoDBClient | undefined,
  item: RawItem,
  signal?: AbortSignal,
): Promise<RawItem> {
  const arn = item.resourceType === DYNAMODB_TABLE_TYPE ? tableArn(item) : '';
  if (!client || !arn) return item;
  try {
    const { Policy } = await client.send(new GetResourcePolicyCommand({ ResourceArn: arn }), signalOption(signal));
    return withPolicy(item, Policy ?? null);
  } catch (error) {
    return (error as { name?: string }).name === POLICY_NOT_FOUND ? withPolicy(item, null) : item;
  }
}
