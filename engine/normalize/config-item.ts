/**
 * Normalises an AWS Config configuration item, in any of its wire shapes, into
 * the one resource model. Pure: no I/O.
 */
import { InputParseError } from '../errors.js';
import type { Relationship, Resource, SourceShape } from '../types.js';
import { decodeJsonValue, decodePolicyDocument, describeType, isRecord, toIsoTime } from './decode.js';

/**
 * Fields that hold a nested encoding even after `configuration` and the
 * supplementary values are decoded: IAM documents are URL-encoded, resource
 * policies and the S3 ACL are JSON strings.
 */
type NestedDecoder = (resource: Resource) => void;

const decodePolicyAt = (
  resource: Resource,
  holder: Record<string, unknown> | undefined,
  key: string,
  label: string,
) => {
  if (!holder || !(key in holder) || holder[key] === null || holder[key] === undefined || holder[key] === '') return;
  const decoded = decodePolicyDocument(holder[key]);
  if (decoded.ok) holder[key] = decoded.value;
  else resource.decodeErrors.push(`${label}: ${decoded.error}`);
};

const decodeJsonAt = (resource: Resource, holder: Record<string, unknown> | undefined, key: string, label: string) => {
  if (!holder || typeof holder[key] !== 'string') return;
  const decoded = decodeJsonValue(holder[key]);
  if (decoded.ok) holder[key] = decoded.value;
  else resource.decodeErrors.push(`${label}: ${decoded.error}`);
};

const eachRecord = (value: unknown): Record<string, unknown>[] => (Array.isArray(value) ? value.filter(isRecord) : []);

const NESTED_DECODERS: Record<string, NestedDecoder> = {
  'AWS::S3::Bucket': (r) => {
    decodeJsonAt(r, r.supplementary, 'AccessControlList', 'AccessControlList');
    const policy = r.supplementary.BucketPolicy;
    if (isRecord(policy)) decodePolicyAt(r, policy, 'policyText', 'BucketPolicy.policyText');
  },
  'AWS::IAM::Role': (r) => {
    decodePolicyAt(r, r.configuration ?? undefined, 'assumeRolePolicyDocument', 'assumeRolePolicyDocument');
    for (const p of eachRecord(r.configuration?.rolePolicyList))
      decodePolicyAt(r, p, 'policyDocument', `rolePolicyList.${String(p.policyName)}`);
  },
  'AWS::IAM::User': (r) => {
    for (const p of eachRecord(r.configuration?.userPolicyList))
      decodePolicyAt(r, p, 'policyDocument', `userPolicyList.${String(p.policyName)}`);
  },
  'AWS::IAM::Group': (r) => {
    for (const p of eachRecord(r.configuration?.groupPolicyList))
      decodePolicyAt(r, p, 'policyDocument', `groupPolicyList.${String(p.policyName)}`);
  },
  'AWS::IAM::Policy': (r) => {
    for (const v of eachRecord(r.configuration?.policyVersionList))
      decodePolicyAt(r, v, 'document', `policyVersionList.${String(v.versionId)}`);
  },
  'AWS::EFS::FileSystem': (r) => {
    // CloudFormation-registry shape: FileSystemPolicy is a JSON-typed property, delivered as an object or as its
    // JSON string; snapshot files re-serialised by other tools may spell it fileSystemPolicy.
    const key = Object.keys(r.configuration ?? {}).find((name) => name.toLowerCase() === 'filesystempolicy');
    if (key) decodePolicyAt(r, r.configuration ?? undefined, key, 'FileSystemPolicy');
  },
  // Not recorded by Config: the live collector adds it from DynamoDB's GetResourcePolicy (engine/collect/dynamodb-policies.ts).
  'AWS::DynamoDB::Table': (r) => decodePolicyAt(r, r.supplementary, 'ResourcePolicy', 'ResourcePolicy'),
  'AWS::KMS::Key': (r) => decodePolicyAt(r, r.supplementary, 'Policy', 'Policy'),
  'AWS::Lambda::Function': (r) => decodePolicyAt(r, r.supplementary, 'Policy', 'Policy'),
  'AWS::SNS::Topic': (r) => decodePolicyAt(r, r.configuration ?? undefined, 'Policy', 'Policy'),
  'AWS::SQS::Queue': (r) => decodePolicyAt(r, r.configuration ?? undefined, 'Policy', 'Policy'),
  'AWS::SecretsManager::Secret': (r) => decodePolicyAt(r, r.supplementary, 'ResourcePolicy', 'ResourcePolicy'),
  'AWS::OpenSearch::Domain': (r) => decodePolicyAt(r, r.configuration ?? undefined, 'AccessPolicies', 'AccessPolicies'),
  'AWS::Elasticsearch::Domain': (r) =>
    decodePolicyAt(r, r.configuration ?? undefined, 'accessPolicies', 'accessPolicies'),
};

function normaliseTags(value: unknown): Record<string, string> {
  const tags: Record<string, string> = {};
  if (isRecord(value)) {
    for (const [key, tagValue] of Object.entries(value)) tags[key] = String(tagValue ?? '');
  } else if (Array.isArray(value)) {
    for (const tag of value) {
      if (!isRecord(tag)) continue;
      const key = tag.key ?? tag.Key;
      if (typeof key === 'string') tags[key] = String(tag.value ?? tag.Value ?? '');
    }
  }
  return tags;
}

function normaliseRelationships(value: unknown): Relationship[] {
  return eachRecord(value).map((rel) => ({
    resourceType: typeof rel.resourceType === 'string' ? rel.resourceType : null,
    resourceId: typeof rel.resourceId === 'string' ? rel.resourceId : null,
    resourceName: typeof rel.resourceName === 'string' ? rel.resourceName : null,
    // The API form says relationshipName, the event form says name.
    relationshipName:
      typeof rel.relationshipName === 'string' ? rel.relationshipName : typeof rel.name === 'string' ? rel.name : null,
  }));
}

const stringOrNull = (value: unknown): string | null => (typeof value === 'string' && value.length > 0 ? value : null);

/** The 5th field of an ARN is the account. */
const accountFromArn = (arn: string | null): string | null => {
  const account = arn?.split(':')[4];
  return account && /^\d{12}$/.test(account) ? account : null;
};

export interface NormaliseOptions {
  /** Where the item came from, for error messages: `file.json:12`. */
  where: string;
  /** The shape the container implies; detected from the item otherwise. */
  shape?: SourceShape;
}

/**
 * Turns one configuration item into a Resource. Throws InputParseError, naming
 * `where`, when the item lacks what identifies a resource.
 *
 * @example
 * const bucket = normaliseConfigurationItem(JSON.parse(line), { where: 'inventory.ndjson:3' });
 * bucket.supplementary.BucketVersioningConfiguration // { status: 'Enabled', ... }
 */
export function normaliseConfigurationItem(raw: unknown, options: NormaliseOptions): Resource {
  const { where } = options;
  if (!isRecord(raw))
    throw new InputParseError(`${where}: expected a configuration item object, found ${describeType(raw)}`);
  const resourceType = raw.resourceType;
  if (typeof resourceType !== 'string' || resourceType.length === 0) {
    throw new InputParseError(`${where}: configuration item has no resourceType`);
  }
  const resourceId = raw.resourceId;
  if (typeof resourceId !== 'string' || resourceId.length === 0) {
    throw new InputParseError(`${where}: ${resourceType} item has no resourceId`);
  }
  const shape: SourceShape =
    options.shape ?? (typeof raw.configuration === 'string' || 'accountId' in raw || 'arn' in raw ? 'api' : 'snapshot');
  const arn = stringOrNull(raw.arn) ?? stringOrNull(raw.ARN);
  const resource: Resource = {
    resourceType,
    resourceId,
    resourceName: stringOrNull(raw.resourceName),
    arn,
    accountId: stringOrNull(raw.accountId) ?? stringOrNull(raw.awsAccountId) ?? accountFromArn(arn) ?? 'unknown',
    region: stringOrNull(raw.awsRegion) ?? 'unknown',
    availabilityZone: stringOrNull(raw.availabilityZone),
    captureTime: toIsoTime(raw.configurationItemCaptureTime),
    status: stringOrNull(raw.configurationItemStatus) ?? 'OK',
    tags: normaliseTags(raw.tags),
    configuration: null,
    supplementary: {},
    relationships: normaliseRelationships(raw.relationships),
    source: shape,
    decodeErrors: [],
  };

  if (raw.configuration !== undefined && raw.configuration !== null) {
    const decoded = decodeJsonValue(raw.configuration);
    if (!decoded.ok) resource.decodeErrors.push(`configuration: ${decoded.error}`);
    else if (isRecord(decoded.value)) resource.configuration = decoded.value;
    else if (decoded.value !== null) resource.decodeErrors.push(`configuration is ${describeType(decoded.value)}`);
  }

  if (isRecord(raw.supplementaryConfiguration)) {
    for (const [key, value] of Object.entries(raw.supplementaryConfiguration)) {
      const decoded = decodeJsonValue(value);
      if (decoded.ok) resource.supplementary[key] = decoded.value;
      else resource.decodeErrors.push(`supplementaryConfiguration.${key}: ${decoded.error}`);
    }
  }

  if (Object.keys(resource.tags).length === 0 && resource.supplementary.Tags !== undefined) {
    resource.tags = normaliseTags(resource.supplementary.Tags);
  }

  NESTED_DECODERS[resourceType]?.(resource);
  return resource;
}

/**
 * SelectResourceConfig rows: each a JSON string holding only the selected
 * fields. The audit needs the identity and the configuration, so a query that
 * did not select them is an input error, not an empty resource.
 */
export function normaliseSelectRow(row: unknown, where: string): Resource {
  let parsed = row;
  if (typeof row === 'string') {
    try {
      parsed = JSON.parse(row);
    } catch (error) {
      throw new InputParseError(
        `${where}: SelectResourceConfig result is not valid JSON (${(error as Error).message})`,
      );
    }
  }
  if (!isRecord(parsed)) throw new InputParseError(`${where}: SelectResourceConfig result is ${describeType(parsed)}`);
  const missing = ['resourceType', 'resourceId', 'configuration'].filter((field) => !(field in parsed));
  if (missing.length > 0) {
    throw new InputParseError(
      `${where}: SelectResourceConfig result lacks ${missing.join(', ')}; the query must select at least resourceType, resourceId and configuration`,
    );
  }
  return normaliseConfigurationItem(parsed, { where, shape: 'select' });
}
