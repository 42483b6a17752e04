/**
 * The inventory from AWS Config: one advanced query per region (or one over
 * an aggregator) lists every resource of the types the controls need, 100 rows
 * a page; only rows that lack fields are fetched again with BatchGet, 100 keys
 * a call. Rows are written as AWS returned them, as soon as they arrive.
 */
import {
  type AggregateResourceIdentifier,
  type BaseConfigurationItem,
  BatchGetAggregateResourceConfigCommand,
  BatchGetResourceConfigCommand,
  type ResourceKey,
  type ResourceType,
  SelectAggregateResourceConfigCommand,
  SelectResourceConfigCommand,
} from '@aws-sdk/client-config-service';
import { decodeJsonValue, isRecord } from '../normalize/decode.js';
import { OUT_OF_SCOPE_STATUSES } from '../types.js';
import { type AwsCaller, sleep } from './caller.js';
import { buildExpressions, type QueryRecord } from './config-queries.js';
import { DYNAMODB_TABLE_TYPE, withTablePolicy } from './dynamodb-policies.js';
import type { InventoryWriter } from './inventory-writer.js';
import { type CollectionPlan, type IamType, isGlobalType, S3_BUCKET_TYPE } from './recording.js';

/** Rows per Select page and keys per BatchGet call: both APIs' maximum. */
const PAGE_SIZE = 100;
/** BatchGet rounds for keys AWS leaves unprocessed (it does so under load). */
const UNPROCESSED_ROUNDS = 4;

type Row = Record<string, unknown>;
interface Pending {
  row: Row;
  raw: string;
}
interface BatchScope {
  region: string;
  pending: Pending[];
  flushes: Promise<void>[];
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Whether a row lacks what an evaluation needs, so BatchGet must fetch the full item. */
const lacksFields = (row: Row): boolean =>
  !OUT_OF_SCOPE_STATUSES.has(text(row.configurationItemStatus)) &&
  (row.configuration === undefined || row.configuration === null || row.supplementaryConfiguration === undefined);

export interface InventoryOptions {
  caller: AwsCaller;
  writer: InventoryWriter;
  /** The collecting account: fallbacks and account facts concern it alone. */
  accountId: string;
  plan: CollectionPlan;
  aggregator?: string | undefined;
  progress: (message: string) => void;
}

export class ConfigInventory {
  readonly queries: QueryRecord[] = [];
  readonly accounts = new Set<string>();
  /** Rows fetched again with BatchGet, and BatchGet calls made. */
  readonly batchGet = { keys: 0, calls: 0, unresolved: 0 };
  /** The collecting account's customer keys whose item lacks KeyRotationStatus, by region. */
  readonly keysWithoutRotation = new Map<string, Set<string>>();
  private readonly seenGlobal = new Set<string>();
  /** Table items waiting for their DynamoDB resource policy before they are written. */
  private readonly tableWrites: Promise<void>[] = [];

  constructor(private readonly options: InventoryOptions) {}

  /**
   * Lists one region's resources with SelectResourceConfig.
   *
   * @example
   * await inventory.collectRegion('eu-west-1');
   */
  async collectRegion(region: string): Promise<void> {
    const types = this.options.plan.queryTypes.get(region) ?? [];
    if (types.length === 0) return;
    const scope: BatchScope = { region, pending: [], flushes: [] };
    for (const expression of buildExpressions(types, '')) {
      await this.runQuery(
        { api: 'SelectResourceConfig', region, expression, pages: 0, rows: 0, complete: false },
        scope,
        (token) =>
          this.options.caller.send(
            region,
            new SelectResourceConfigCommand({
              Expression: expression,
              Limit: PAGE_SIZE,
              ...(token ? { NextToken: token } : {}),
            }),
          ),
      );
    }
    await this.drain(scope);
  }

  /**
   * Lists the resources of every account and region an aggregator holds,
   * restricted to `regions` when given (IAM items, region "global", always kept).
   *
   * @example
   * await inventory.collectAggregator('org-aggregator', 'us-east-1', ['us-east-1', 'eu-west-1'], types);
   */
  async collectAggregator(
    aggregator: string,
    homeRegion: string,
    regions: readonly string[] | null,
    types: readonly string[],
  ) {
    const condition = regions
      ? ` AND awsRegion IN (${[...regions, 'global'].map((region) => `'${region}'`).join(', ')})`
      : '';
    const scope: BatchScope = { region: homeRegion, pending: [], flushes: [] };
    for (const expression of buildExpressions(types, condition)) {
      const query: QueryRecord = {
        api: 'SelectAggregateResourceConfig',
        region: homeRegion,
        aggregator,
        expression,
        pages: 0,
        rows: 0,
        complete: false,
      };
      await this.runQuery(query, scope, (token) =>
        this.options.caller.send(
          homeRegion,
          new SelectAggregateResourceConfigCommand({
            Expression: expression,
            ConfigurationAggregatorName: aggregator,
            Limit: PAGE_SIZE,
            ...(token ? { NextToken: token } : {}),
          }),
        ),
      );
    }
    await this.drain(scope);
  }

  private async runQuery(
    query: QueryRecord,
    scope: BatchScope,
    page: (token: string | undefined) => Promise<{ Results?: string[] | undefined; NextToken?: string | undefined }>,
  ): Promise<void> {
    this.queries.push(query);
    let token: string | undefined;
    try {
      do {
        const result = await page(token);
        query.pages++;
        for (const raw of result.Results ?? []) {
          query.rows++;
          await this.accept(raw, scope);
        }
        token = result.NextToken || undefined;
        if (query.pages % 20 === 0)
          this.options.progress(`${query.region}: ${query.rows} resources listed from AWS Config`);
      } while (token);
      query.complete = true;
    } catch (error) {
      this.options.caller.record(error);
    }
  }

  private async accept(raw: string, scope: BatchScope): Promise<void> {
    let row: unknown;
    try {
      row = JSON.parse(raw);
    } catch {
      row = null;
    }
    if (!isRecord(row) || typeof row.resourceType !== 'string' || typeof row.resourceId !== 'string') {
      this.options.caller.errors.add({
        service: 'config',
        operation: this.options.aggregator ? 'SelectAggregateResourceConfig' : 'SelectResourceConfig',
        region: scope.region,
        code: 'UnreadableResult',
        message: 'a query result row is not a JSON object with resourceType and resourceId; it was left out',
      });
      return;
    }
    if (this.skip(row)) return;
    if (lacksFields(row)) {
      scope.pending.push({ row, raw });
      if (scope.pending.length >= PAGE_SIZE) scope.flushes.push(this.flush(scope));
      return;
    }
    await this.emit(row, raw);
  }

  /** Rows the collector takes elsewhere: a second copy of an account-wide IAM item, or a type it collects through the API. */
  private skip(row: Row): boolean {
    const type = text(row.resourceType);
    const account = text(row.accountId) || this.options.accountId;
    if (isGlobalType(type) || row.awsRegion === 'global') {
      const key = `${account}|${type}|${text(row.resourceId)}`;
      if (this.seenGlobal.has(key)) return true;
      this.seenGlobal.add(key);
    }
    if (account !== this.options.accountId) return false;
    const { plan } = this.options;
    return (
      (type === S3_BUCKET_TYPE && plan.s3FallbackRegions.has(text(row.awsRegion))) ||
      plan.iamFallbackTypes.has(type as IamType)
    );
  }

  private async emit(item: Row, raw?: string): Promise<void> {
    const account = text(item.accountId) || this.options.accountId;
    this.accounts.add(account);
    if (item.resourceType === 'AWS::KMS::Key' && account === this.options.accountId) this.noteKey(item);
    // Config does not record a table's resource policy: DynamoDB is asked, without holding up the query.
    if (
      item.resourceType === DYNAMODB_TABLE_TYPE &&
      account === this.options.accountId &&
      !OUT_OF_SCOPE_STATUSES.has(text(item.configurationItemStatus))
    ) {
      const { caller, writer } = this.options;
      this.tableWrites.push(withTablePolicy(caller, item).then((full) => writer.writeItem(full)));
      return;
    }
    await this.options.writer.writeItem(raw ?? item);
  }

  /** A customer managed, enabled, symmetric KMS-origin key whose item lacks KeyRotationStatus. */
  private noteKey(item: Row): void {
    const decoded = decodeJsonValue(item.configuration);
    const config = decoded.ok && isRecord(decoded.value) ? decoded.value : {};
    const supplementary = isRecord(item.supplementaryConfiguration) ? item.supplementaryConfiguration : {};
    const spec = text(config.keySpec) || text(config.customerMasterKeySpec);
    const rotatable =
      config.keyManager === 'CUSTOMER' &&
      config.keyState === 'Enabled' &&
      config.origin === 'AWS_KMS' &&
      spec === 'SYMMETRIC_DEFAULT';
    if (!rotatable || supplementary.KeyRotationStatus !== undefined) return;
    const region = text(item.awsRegion);
    const keys = this.keysWithoutRotation.get(region) ?? new Set<string>();
    keys.add(text(config.keyId) || text(item.resourceId));
    this.keysWithoutRotation.set(region, keys);
  }

  private async drain(scope: BatchScope): Promise<void> {
    while (scope.pending.length > 0) scope.flushes.push(this.flush(scope));
    await Promise.all(scope.flushes);
    await Promise.all(this.tableWrites);
  }

  /** Fetches up to 100 full items; keys AWS leaves unprocessed are asked again, with a growing pause. */
  private async flush(scope: BatchScope): Promise<void> {
    const { caller, aggregator } = this.options;
    const batch = scope.pending.splice(0, PAGE_SIZE);
    const keyOf = (type: unknown, id: unknown, account?: unknown, region?: unknown) =>
      aggregator ? `${text(account)}|${text(region)}|${text(type)}|${text(id)}` : `${text(type)}|${text(id)}`;
    const waiting = new Map(
      batch.map((entry) => [
        keyOf(entry.row.resourceType, entry.row.resourceId, entry.row.accountId, entry.row.awsRegion),
        entry,
      ]),
    );
    this.batchGet.keys += batch.length;
    for (let round = 0; waiting.size > 0 && round < UNPROCESSED_ROUNDS && !caller.aborted; round++) {
      if (round > 0) await sleep(100 * 2 ** round, caller.signal);
      let items: BaseConfigurationItem[];
      let unprocessed: Set<string>;
      try {
        this.batchGet.calls++;
        ({ items, unprocessed } = await this.batchGetCall(
          scope.region,
          [...waiting.values()].map((entry) => entry.row),
          keyOf,
        ));
      } catch (error) {
        caller.record(error);
        break;
      }
      for (const item of items) {
        const key = keyOf(item.resourceType, item.resourceId, item.accountId, item.awsRegion);
        const entry = waiting.get(key);
        if (!entry) continue;
        waiting.delete(key);
        // BaseConfigurationItem carries neither tags nor relationships: the query row's tags are kept.
        await this.emit({ ...item, ...(entry.row.tags !== undefined ? { tags: entry.row.tags } : {}) });
      }
      // A key neither returned nor unprocessed no longer exists in Config: the query row is all there is.
      for (const [key, entry] of waiting) {
        if (unprocessed.has(key)) continue;
        waiting.delete(key);
        await this.emit(entry.row, entry.raw);
      }
    }
    if (waiting.size > 0) {
      this.batchGet.unresolved += waiting.size;
      caller.errors.add({
        service: 'config',
        operation: aggregator ? 'BatchGetAggregateResourceConfig' : 'BatchGetResourceConfig',
        region: scope.region,
        code: 'UnprocessedResourceKeys',
        message: `${waiting.size} item(s) were not returned in full; their query rows, which lack configuration fields, were kept`,
      });
      for (const entry of waiting.values()) await this.emit(entry.row, entry.raw);
    }
  }

  private async batchGetCall(
    region: string,
    rows: Row[],
    keyOf: (type: unknown, id: unknown, account?: unknown, region?: unknown) => string,
  ): Promise<{ items: BaseConfigurationItem[]; unprocessed: Set<string> }> {
    const { caller, aggregator } = this.options;
    if (aggregator) {
      const identifiers: AggregateResourceIdentifier[] = rows.map((row) => ({
        SourceAccountId: text(row.accountId),
        SourceRegion: text(row.awsRegion),
        ResourceId: text(row.resourceId),
        ResourceType: text(row.resourceType) as ResourceType,
      }));
      const result = await caller.send(
        region,
        new BatchGetAggregateResourceConfigCommand({
          ConfigurationAggregatorName: aggregator,
          ResourceIdentifiers: identifiers,
        }),
      );
      return {
        items: result.BaseConfigurationItems ?? [],
        unprocessed: new Set(
          (result.UnprocessedResourceIdentifiers ?? []).map((id) =>
            keyOf(id.ResourceType, id.ResourceId, id.SourceAccountId, id.SourceRegion),
          ),
        ),
      };
    }
    const keys: ResourceKey[] = rows.map((row) => ({
      resourceType: text(row.resourceType) as ResourceType,
      resourceId: text(row.resourceId),
    }));
    const result = await caller.send(region, new BatchGetResourceConfigCommand({ resourceKeys: keys }));
    return {
      items: result.baseConfigurationItems ?? [],
      unprocessed: new Set(
        (result.unprocessedResourceKeys ?? []).map((key) => keyOf(key.resourceType, key.resourceId)),
      ),
    };
  }
}
