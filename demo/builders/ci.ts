/**
 * The envelope every demo configuration item shares, written in the form AWS
 * Config delivers in its S3 snapshot files (`ARN`, `awsAccountId`,
 * `configurationItemVersion`, `configurationStateId` as epoch milliseconds,
 * relationship `name`, `configuration` and supplementary values as objects),
 * plus the deterministic helpers the builders use: fake ids derived from a
 * seed by SHA-256, fixed times, and IAM's URL-encoding of policy documents.
 *
 * Nothing here is random and nothing reads the clock: the same source always
 * produces the same file.
 */
import { createHash } from 'node:crypto';

export type Json = string | number | boolean | null | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };

/** Every item is captured within minutes after this instant; controls measure ages to it. */
export const CAPTURE_START = '2026-11-20T06:00:00.000Z';

const DAY_MS = 86_400_000;

/** ISO time `days` (fractions allowed) before the capture start. */
export const daysAgo = (days: number): string => new Date(Date.parse(CAPTURE_START) - days * DAY_MS).toISOString();

/** ISO time `days` after the capture start. */
export const daysAhead = (days: number): string => new Date(Date.parse(CAPTURE_START) + days * DAY_MS).toISOString();

/** Epoch milliseconds of an ISO time (Config's form for KMS, DynamoDB and RDS cluster dates). */
export const epochMs = (iso: string): number => Date.parse(iso);

const digest = (seed: string): Buffer => createHash('sha256').update(seed).digest();

/** `length` lower-case hex characters derived from `seed`. */
export const hexId = (seed: string, length = 17): string => digest(seed).toString('hex').slice(0, length);

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An IAM-style unique id (`AIDA…`, `AROA…`, `ANPA…`, `AGPA…`): prefix plus 17 characters. */
export const iamUniqueId = (prefix: string, seed: string): string =>
  prefix +
  [...digest(seed)]
    .slice(0, 17)
    .map((byte) => BASE32[byte % 32])
    .join('');

/** Upper-case alphanumerics, as in RDS resource ids (`db-…`, `cluster-…`). */
export const upperId = (seed: string, length = 26): string =>
  [...digest(seed), ...digest(`${seed}#`)]
    .slice(0, length)
    .map((byte) => BASE32[byte % 32])
    .join('');

/** A UUID-shaped id (KMS key ids, table ids). */
export const uuid = (seed: string): string => {
  const hex = digest(seed).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

/**
 * IAM returns policy documents URL-encoded (RFC 3986: `*` becomes `%2A`), and
 * Config records them that way. Console-authored documents keep their
 * 4-space indentation; documents created by tools are compact.
 */
export function iamEncode(document: JsonObject, style: 'compact' | 'pretty' = 'compact'): string {
  const text = style === 'pretty' ? JSON.stringify(document, null, 4) : JSON.stringify(document);
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** KMS returns key policies pretty-printed with ` : ` separators. */
export const kmsPolicyText = (document: JsonObject): string =>
  JSON.stringify(document, null, 2).replace(/": /g, '" : ');

/** A policy document: `{Version, Statement}`. */
export const policyDocument = (...statements: JsonObject[]): JsonObject => ({
  Version: '2012-10-17',
  Statement: statements,
});

/** Config's tag list form, `[{key, value}]`. */
export const tagList = (tags: Record<string, string>): Json[] =>
  Object.entries(tags).map(([key, value]) => ({ key, value }));

/** What a builder returns: enough to point other items at the resource. */
export interface Ref {
  type: string;
  id: string;
  name: string | null;
  arn: string;
  accountId: string;
  region: string;
}

/** The ARN of an EC2 resource (`vpc/vpc-…`, `security-group/sg-…`). */
export const ec2Arn = (scope: Scope, kind: string, id: string): string =>
  `arn:aws:ec2:${scope.region}:${scope.accountId}:${kind}/${id}`;

/** EC2 resources carry their name in a `Name` tag. */
export const nameTag = (name: string, tags: Record<string, string> = {}): Record<string, string> => ({
  Name: name,
  ...tags,
});

/** A relationship in the snapshot form (`name`, not `relationshipName`). */
export const related = (name: string, target: Pick<Ref, 'type' | 'id' | 'name'>): JsonObject => ({
  resourceId: target.id,
  resourceName: target.name,
  resourceType: target.type,
  name,
});

/** A relationship to a resource that is known only by id or only by name. */
export const relatedById = (name: string, type: string, id: string | null, resourceName: string | null = null) =>
  related(name, { type, id: id ?? '', name: resourceName });

/** Collects the items of one inventory and hands out capture times in order. */
export class Inventory {
  readonly items: JsonObject[] = [];

  /** Capture time of the next item: a few seconds after the previous one, with stable milliseconds. */
  private nextCaptureTime(seed: string): string {
    const offset = this.items.length * 4_000 + (digest(seed).readUInt16BE(0) % 1_000);
    return new Date(Date.parse(CAPTURE_START) + offset).toISOString();
  }

  add(item: Omit<ItemSpec, 'accountId'> & { accountId: string }): Ref {
    const captureTime = this.nextCaptureTime(`${item.resourceType}/${item.resourceId}`);
    const deleted = item.status === 'ResourceDeleted';
    this.items.push({
      configurationItemVersion: '1.3',
      awsAccountId: item.accountId,
      ...(item.arn === null ? {} : { ARN: item.arn }),
      configurationItemCaptureTime: captureTime,
      configurationItemStatus: item.status ?? 'OK',
      configurationStateId: epochMs(captureTime),
      configurationStateMd5Hash: '',
      resourceType: item.resourceType,
      resourceId: item.resourceId,
      resourceName: item.resourceName,
      awsRegion: item.region,
      availabilityZone: item.availabilityZone,
      resourceCreationTime: item.createdAt,
      tags: deleted ? {} : (item.tags ?? {}),
      relatedEvents: [],
      relationships: deleted ? [] : (item.relationships ?? []),
      configuration: deleted ? null : item.configuration,
      supplementaryConfiguration: deleted ? {} : (item.supplementary ?? {}),
    });
    return {
      type: item.resourceType,
      id: item.resourceId,
      name: item.resourceName,
      arn: item.arn ?? '',
      accountId: item.accountId,
      region: item.region,
    };
  }
}

/** What a builder knows about one configuration item. */
export interface ItemSpec {
  resourceType: string;
  resourceId: string;
  resourceName: string | null;
  /** Null for the few types Config records without an ARN. */
  arn: string | null;
  accountId: string;
  region: string;
  availabilityZone: string;
  createdAt: string | null;
  tags?: Record<string, string>;
  relationships?: JsonObject[];
  configuration: JsonObject | null;
  supplementary?: JsonObject;
  status?: 'OK' | 'ResourceDiscovered' | 'ResourceDeleted';
}

/** An account and region that builders add items to. */
export interface Scope {
  inventory: Inventory;
  accountId: string;
  region: string;
}

/** Adds an item in the scope's account (and region, unless the spec names one). */
export const record = (scope: Scope, spec: Omit<ItemSpec, 'accountId' | 'region'> & { region?: string }): Ref =>
  scope.inventory.add({ ...spec, accountId: scope.accountId, region: spec.region ?? scope.region });

/** The same account in another region. */
export const inRegion = (scope: Scope, region: string): Scope => ({ ...scope, region });
