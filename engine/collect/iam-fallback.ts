/**
 * IAM users, roles, groups and customer managed policies where no collected
 * region's Config recorder records them: GetAccountAuthorizationDetails,
 * paginated, written as the configuration items Config would have recorded.
 * Config's IAM items are that API's entities with camelCase keys, and the
 * policy documents stay URL-encoded, as both the API and Config deliver them.
 */
import {
  type EntityType,
  GetAccountAuthorizationDetailsCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
} from '@aws-sdk/client-iam';
import type { AwsCaller } from './caller.js';
import type { InventoryWriter } from './inventory-writer.js';
import type { IamType } from './recording.js';

const FILTERS: Record<IamType, EntityType> = {
  'AWS::IAM::User': 'User',
  'AWS::IAM::Role': 'Role',
  'AWS::IAM::Group': 'Group',
  // Config records customer managed policies only; AWS managed ones are named by ARN where attached.
  'AWS::IAM::Policy': 'LocalManagedPolicy',
};

/**
 * The API's PascalCase keys in Config's camelCase, dates as ISO strings.
 *
 * @example
 * camelKeys({ UserName: 'alice', AttachedManagedPolicies: [{ PolicyArn: 'arn:...' }] }) // { userName: 'alice', attachedManagedPolicies: [{ policyArn: 'arn:...' }] }
 */
export function camelKeys(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .map(([key, inner]) => [key.charAt(0).toLowerCase() + key.slice(1), camelKeys(inner)]),
    );
  }
  return value;
}

interface Entity {
  type: IamType;
  id: string | undefined;
  name: string | undefined;
  arn: string | undefined;
  created: Date | undefined;
  tags: { Key?: string | undefined; Value?: string | undefined }[] | undefined;
  body: object;
}

function entitiesOf(page: GetAccountAuthorizationDetailsCommandOutput): Entity[] {
  return [
    ...(page.UserDetailList ?? []).map((user) => ({
      type: 'AWS::IAM::User' as const,
      id: user.UserId,
      name: user.UserName,
      arn: user.Arn,
      created: user.CreateDate,
      tags: user.Tags,
      body: user,
    })),
    ...(page.RoleDetailList ?? []).map((role) => ({
      type: 'AWS::IAM::Role' as const,
      id: role.RoleId,
      name: role.RoleName,
      arn: role.Arn,
      created: role.CreateDate,
      tags: role.Tags,
      body: role,
    })),
    ...(page.GroupDetailList ?? []).map((group) => ({
      type: 'AWS::IAM::Group' as const,
      id: group.GroupId,
      name: group.GroupName,
      arn: group.Arn,
      created: group.CreateDate,
      tags: undefined,
      body: group,
    })),
    ...(page.Policies ?? []).map((policy) => ({
      type: 'AWS::IAM::Policy' as const,
      id: policy.PolicyId,
      name: policy.PolicyName,
      arn: policy.Arn,
      created: policy.CreateDate,
      tags: undefined,
      body: policy,
    })),
  ];
}

/**
 * Writes a configuration item for every IAM entity of `types`; returns how many.
 *
 * @example
 * await collectIamThroughApi({ caller, writer, accountId, region: 'us-east-1', types: new Set(['AWS::IAM::Role']), capturedAt });
 */
export async function collectIamThroughApi(options: {
  caller: AwsCaller;
  writer: InventoryWriter;
  accountId: string;
  region: string;
  types: ReadonlySet<IamType>;
  capturedAt: string;
}): Promise<number> {
  const { caller, writer } = options;
  const filter = [...options.types].map((type) => FILTERS[type]);
  let written = 0;
  let marker: string | undefined;
  try {
    do {
      const page = await caller.send(
        options.region,
        new GetAccountAuthorizationDetailsCommand({
          Filter: filter,
          MaxItems: 1000,
          ...(marker ? { Marker: marker } : {}),
        }),
      );
      for (const entity of entitiesOf(page)) {
        if (!options.types.has(entity.type) || !entity.id) continue;
        await writer.writeItem({
          version: '1.3',
          accountId: options.accountId,
          configurationItemCaptureTime: options.capturedAt,
          configurationItemStatus: 'OK',
          ...(entity.arn ? { arn: entity.arn } : {}),
          resourceType: entity.type,
          resourceId: entity.id,
          ...(entity.name ? { resourceName: entity.name } : {}),
          awsRegion: 'global',
          availabilityZone: 'Not Applicable',
          ...(entity.created ? { resourceCreationTime: entity.created.toISOString() } : {}),
          tags: Object.fromEntries((entity.tags ?? []).map((tag) => [tag.Key ?? '', tag.Value ?? ''])),
          relationships: [],
          configuration: JSON.stringify(camelKeys(entity.body)),
          supplementaryConfiguration: {},
          // Not a Config field: says this item was read through the IAM API because Config does not record it.
          collectedThrough: 'iam-api',
        });
        written++;
      }
      marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
  } catch (error) {
    // The entities already written are complete; the collection error says the list is not.
    caller.record(error);
  }
  return written;
}
