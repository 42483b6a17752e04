/**
 * The live collector: reads an AWS account (or, through a Config aggregator,
 * an organization) and writes the project's recorded inventory, which the
 * audit then evaluates exactly as it would a file. Shared by the CLI
 * (`audit --live`) and the Lambdas.
 *
 * Per region: the Config recorder facts (3 calls), one advanced query (100
 * rows a page), BatchGet only for rows that lack fields, then GuardDuty,
 * Security Hub, EBS, CloudTrail and KMS rotation facts. Once per account: STS,
 * the IAM facts and the credential report, S3 Control. Where Config does not
 * record S3 buckets or the IAM types, the S3 and IAM APIs fill in.
 *
 * One project extension of the items: each AWS::DynamoDB::Table item of the
 * collecting account gets `supplementaryConfiguration.ResourcePolicy` from
 * DynamoDB's GetResourcePolicy (the policy's JSON text; null when the table
 * has none; absent when the call failed), which Config does not record
 * (engine/collect/dynamodb-policies.ts).
 */
import { catalogRegistry, TOOL } from '../catalog.js';
import {
  ACCOUNT_RESOURCE_TYPE,
  type AccountFactsRecord,
  type CollectionError,
  type RegionalFacts,
} from '../normalize/account-facts.js';
import { INVENTORY_FORMAT, INVENTORY_FORMAT_VERSION, type InventoryHeader } from '../normalize/records.js';
import type { ClientFactory } from './caller.js';
import { ConfigInventory } from './config-inventory.js';
import {
  collectAccountLevelFacts,
  collectKeyRotation,
  collectRecorderFacts,
  collectRegionalServiceFacts,
  collectTrailFacts,
} from './facts.js';
import { collectIamThroughApi } from './iam-fallback.js';
import { InventoryWriter } from './inventory-writer.js';
import { planCollection, regionRecording } from './recording.js';
import { collectBucketsThroughS3Api } from './s3-fallback.js';
import { openSession, type Session } from './session.js';

export type { AwsClient, ClientFactory } from './caller.js';
export type { CollectionError } from '../normalize/account-facts.js';
export { collectorPolicyDocument } from './permissions.js';
export { CollectorSetupError } from './session.js';

export interface CollectOptions {
  /** Default: the SDK's configured region; 'all': the enabled regions (EC2 DescribeRegions, opt-in regions once opted in). */
  regions?: readonly string[] | 'all';
  /** A shared-config profile (credentials through fromIni); default: the SDK's standard chain. */
  profile?: string;
  /** List resources through this AWS Config aggregator (every account and region it holds). */
  aggregator?: string;
  /** Calls in flight at once, across every service and region; default 8. */
  concurrency?: number;
  /** Bound on each attempt; default 30000. */
  callTimeoutMs?: number;
  /** Stops the collection cleanly: unfinished parts become collection errors, and the file is still written. */
  signal?: AbortSignal;
  /** Tests and the Lambdas inject clients; default: the SDK's standard configuration with adaptive retries. */
  clientFactory?: ClientFactory;
  onProgress?: (message: string) => void;
}

export interface CollectionSummary {
  /** The collecting account and, through an aggregator, every account with a resource. */
  accounts: string[];
  regions: string[];
  /** Configuration items written. */
  resources: number;
  /** Attempts sent, retries included; `configCalls` of them to AWS Config. */
  calls: number;
  configCalls: number;
  errors: CollectionError[];
}

/**
 * Every type some control judges or consults, except the account resource the collector builds itself.
 *
 * @example
 * collectableTypes() // ['AWS::ACM::Certificate', ..., 'AWS::S3::Bucket', ...]
 */
export function collectableTypes(): string[] {
  const registry = catalogRegistry();
  return [...new Set([...registry.evaluatedTypes, ...registry.contextTypes])]
    .filter((type) => type !== ACCOUNT_RESOURCE_TYPE)
    .sort();
}

/**
 * The facts of every region, the account-level facts and trails: everything but the inventory.
 * Shared by `collectToFile` and `collectAccountFacts`.
 */
async function collectFacts(session: Session, regional: Record<string, RegionalFacts>) {
  const { caller, regions, homeRegion, accountId } = session;
  const claimed = new Set<string>();
  const trails: NonNullable<AccountFactsRecord['cloudTrail']> = {};
  let listedEverywhere = true;
  const [accountLevel] = await Promise.all([
    collectAccountLevelFacts(caller, homeRegion, accountId),
    ...regions.map(async (region) => {
      const facts = regional[region] ?? {};
      regional[region] = facts;
      const [, regionTrails] = await Promise.all([
        collectRegionalServiceFacts(caller, region, facts),
        collectTrailFacts(caller, region, new Set(regions), claimed),
      ]);
      if (regionTrails) Object.assign(trails, regionTrails);
      else listedEverywhere = false;
    }),
  ]);
  // An empty map says "the account has no trail": only say it when every region could be listed.
  const cloudTrail = listedEverywhere || Object.keys(trails).length > 0 ? trails : undefined;
  return { ...accountLevel, ...(cloudTrail ? { cloudTrail } : {}) };
}

/**
 * Collects the account (or the aggregator's accounts) into a recorded
 * inventory at `path`: header, account facts, then one configuration item a
 * line. Service errors never throw: they are recorded in the facts'
 * collectionErrors. Throws CollectorSetupError when it cannot start.
 *
 * @example
 * const summary = await collectToFile({ regions: ['us-east-1', 'eu-west-1'] }, '/tmp/inventory.ndjson');
 * await runAudit({ input: '/tmp/inventory.ndjson', ... });
 */
export async function collectToFile(options: CollectOptions, path: string): Promise<CollectionSummary> {
  const started = new Date();
  const progress = options.onProgress ?? (() => {});
  const session = await openSession(options);
  const { caller, regions, homeRegion, accountId } = session;
  try {
    const writer = await InventoryWriter.open(path);
    try {
      const capturedAt = started.toISOString();
      progress(`account ${accountId}: reading the AWS Config recorders of ${regions.length} region(s)`);
      const regional: Record<string, RegionalFacts> = {};
      await Promise.all(regions.map(async (region) => (regional[region] = await collectRecorderFacts(caller, region))));
      const types = collectableTypes();
      const plan = planCollection(
        regions.map((region) => regionRecording(region, regional[region] ?? {})),
        types,
      );
      for (const gap of plan.gaps) caller.errors.add(gap);

      progress(`account ${accountId}: listing ${types.length} resource types and reading account facts`);
      const inventory = new ConfigInventory({
        caller,
        writer,
        accountId,
        plan,
        aggregator: options.aggregator,
        progress,
      });
      const shared = { caller, writer, accountId, capturedAt };
      const [facts, s3Buckets, iamItems] = await Promise.all([
        collectFacts(session, regional),
        plan.s3FallbackRegions.size > 0
          ? collectBucketsThroughS3Api({
              ...shared,
              partition: session.partition,
              homeRegion,
              regions: plan.s3FallbackRegions,
            })
          : 0,
        plan.iamFallbackTypes.size > 0
          ? collectIamThroughApi({ ...shared, region: homeRegion, types: plan.iamFallbackTypes })
          : 0,
        options.aggregator
          ? inventory.collectAggregator(
              options.aggregator,
              homeRegion,
              Array.isArray(options.regions) || options.regions === 'all' ? regions : null,
              types,
            )
          : Promise.all(regions.map((region) => inventory.collectRegion(region))),
      ]);
      await Promise.all(
        [...inventory.keysWithoutRotation].map(async ([region, keys]) => {
          const facts = regional[region];
          if (facts) facts.kmsKeyRotation = await collectKeyRotation(caller, region, keys);
        }),
      );

      const errors = caller.errors.list();
      const record: AccountFactsRecord = {
        inventoryRecord: 'accountFacts',
        accountId,
        capturedAt,
        partition: session.partition,
        ...facts,
        regions: regional,
        collectionErrors: errors,
      };
      const accounts = [...new Set([accountId, ...inventory.accounts])].sort();
      const header: InventoryHeader = {
        inventoryRecord: 'header',
        format: INVENTORY_FORMAT,
        formatVersion: INVENTORY_FORMAT_VERSION,
        collectedAt: capturedAt,
        description: `live collection of account(s) ${accounts.join(', ')} in ${regions.join(', ')}`,
        collector: {
          name: `${TOOL.name} live collector`,
          version: TOOL.version,
          startedAt: capturedAt,
          finishedAt: new Date().toISOString(),
          identity: session.identityArn,
          accountId,
          regions,
          homeRegion,
          aggregator: options.aggregator ?? null,
          resourceTypes: types,
          queries: inventory.queries,
          batchGet: inventory.batchGet,
          fallbacks: {
            s3Regions: [...plan.s3FallbackRegions].sort(),
            s3Buckets,
            iamTypes: [...plan.iamFallbackTypes].sort(),
            iamItems,
          },
          calls: caller.calls,
          configCalls: caller.configCalls,
          callsByOperation: Object.fromEntries([...caller.callsByOperation].sort(([a], [b]) => a.localeCompare(b))),
          stoppedEarly: caller.aborted,
        },
      };
      await writer.finish(header, [record]);
      progress(
        `account ${accountId}: ${writer.items} resources, ${caller.calls} calls, ${errors.length} collection error(s)`,
      );
      return {
        accounts,
        regions,
        resources: writer.items,
        calls: caller.calls,
        configCalls: caller.configCalls,
        errors,
      };
    } catch (error) {
      await writer.abort();
      throw error;
    }
  } finally {
    session.close();
  }
}

/**
 * The account facts alone (no inventory): what a Lambda evaluating one
 * resource needs for the account-level controls.
 *
 * @example
 * const record = await collectAccountFacts({ regions: ['eu-west-1'] });
 */
export async function collectAccountFacts(options: CollectOptions): Promise<AccountFactsRecord> {
  const session = await openSession(options);
  try {
    const regional: Record<string, RegionalFacts> = {};
    await Promise.all(
      session.regions.map(async (region) => (regional[region] = await collectRecorderFacts(session.caller, region))),
    );
    const facts = await collectFacts(session, regional);
    return {
      inventoryRecord: 'accountFacts',
      accountId: session.accountId,
      capturedAt: new Date().toISOString(),
      partition: session.partition,
      ...facts,
      regions: regional,
      collectionErrors: session.caller.errors.list(),
    };
  } finally {
    session.close();
  }
}
