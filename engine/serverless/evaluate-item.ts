/**
 * Judges one resource on its own, as the Config rule and the real-time
 * function do, with the context its controls consult loaded around it:
 * the account's facts (cached per execution environment), the related
 * resources named in its relationships (BatchGetResourceConfig), and
 * account-scoped Config items such as the account's S3 public access block.
 *
 * A single resource is not the whole account: a control that lists every
 * resource of a type (`context.all`, "is any trail logging data events?")
 * would judge a partial list. Its PASS or FAIL is turned into
 * INSUFFICIENT_DATA saying so; the nightly audit, which sees everything,
 * gives the verdict.
 */
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describeError } from '../errors.js';
import { ContextIndex } from '../evaluate/context.js';
import type { Control, EvaluationContext, ResourceKeys } from '../evaluate/define-control.js';
import { evaluateResource } from '../evaluate/evaluate-resource.js';
import { ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE } from '../evaluate/s3-bucket-settings.js';
import type { MappingIndex } from '../map/mappings.js';
import { ACCOUNT_RESOURCE_TYPE } from '../normalize/account-facts.js';
import { normaliseConfigurationItem } from '../normalize/config-item.js';
import { type Finding, type Resource, Status } from '../types.js';
import type { AccountFacts, AccountFactsCache } from './account-facts-cache.js';
import { fetchRelatedItems, type RawItem, relatedRefs, type ResourceRef } from './config-items.js';
import { type Counter, type Log, Metric } from './telemetry.js';

/**
 * Types controls list only to look a related resource up by name (a user's
 * groups, engine/evaluate/iam-policy-sources.ts); the groups are among the
 * user's relationships, and a group that is missing is reported by the
 * control itself as not in the inventory. Listing them is no claim about
 * the whole account.
 */
const LOOKUP_ONLY_TYPES: ReadonlySet<string> = new Set(['AWS::IAM::Group']);

/** Config types with one item per account, whose resource id is the account id. */
const ACCOUNT_SCOPED_TYPES: ReadonlySet<string> = new Set([ACCOUNT_PUBLIC_ACCESS_BLOCK_TYPE]);

export interface ItemEvaluationDeps {
  mappings: MappingIndex;
  /** Reads related resources; without it, controls that need them say INSUFFICIENT_DATA. */
  config: ConfigServiceClient | null;
  /** Reads DynamoDB tables' resource policies, which Config does not record; without it that control says INSUFFICIENT_DATA. */
  dynamodb?: DynamoDBClient;
  accountFacts: AccountFactsCache;
  log: Log;
  counter: Counter;
}

export interface ItemEvaluationInput {
  resource: Resource;
  /** The raw item the resource came from (its relationships name what to fetch); null for the account itself. */
  item: RawItem | null;
  controls: readonly Control[];
  runId: string;
  evaluatedAt: Date;
  /** Facts already loaded (the account resource judged by a periodic rule). */
  accountFacts?: AccountFacts;
  signal?: AbortSignal | undefined;
}

export interface ItemEvaluation {
  findings: Finding[];
  accountFacts: AccountFacts | null;
  /** Related items as Config returned them, for the evidence inventory. */
  relatedItems: RawItem[];
  /** Related resources Config did not return. */
  unresolved: ResourceRef[];
}

/** Records which types a control listed in full, so its verdict can be qualified. */
class ListingRecorder implements EvaluationContext {
  readonly listed = new Set<string>();
  constructor(private readonly inner: EvaluationContext) {}
  account(accountId: string) {
    return this.inner.account(accountId);
  }
  find(resourceType: string, key: string) {
    return this.inner.find(resourceType, key);
  }
  /** `all`, `lookup` and `has` read every resource of the type: a claim about the whole type. */
  private listing(resourceType: string): void {
    if (!LOOKUP_ONLY_TYPES.has(resourceType)) this.listed.add(resourceType);
  }
  all(resourceType: string) {
    this.listing(resourceType);
    return this.inner.all(resourceType);
  }
  lookup(resourceType: string, keyOf: ResourceKeys, key: string, limit?: number) {
    this.listing(resourceType);
    return this.inner.lookup(resourceType, keyOf, key, limit);
  }
  has(resourceType: string, keyOf: ResourceKeys, key: string) {
    this.listing(resourceType);
    return this.inner.has(resourceType, keyOf, key);
  }
}

/**
 * @example
 * const { findings } = await evaluateItem({ resource, item, controls, runId, evaluatedAt: new Date() }, deps);
 */
export async function evaluateItem(input: ItemEvaluationInput, deps: ItemEvaluationDeps): Promise<ItemEvaluation> {
  const { resource, controls, signal } = input;
  const used = new Set(controls.flatMap((control) => control.uses ?? []));
  const context = new ContextIndex(new Set([...used, ACCOUNT_RESOURCE_TYPE]));

  let accountFacts: AccountFacts | null = input.accountFacts ?? null;
  if (!accountFacts && used.has(ACCOUNT_RESOURCE_TYPE))
    accountFacts = await deps.accountFacts.get(resource.accountId, signal);
  if (accountFacts) context.add(accountFacts.resource);

  const wanted = new Set([...used].filter((type) => type !== ACCOUNT_RESOURCE_TYPE));
  const refs = [
    ...(input.item ? relatedRefs(input.item, wanted) : []),
    ...[...wanted]
      .filter((type) => ACCOUNT_SCOPED_TYPES.has(type))
      .map((type) => ({ resourceType: type, resourceId: resource.accountId })),
  ];
  let relatedItems: RawItem[] = [];
  let unresolved: ResourceRef[] = [];
  if (refs.length > 0 && deps.config) {
    try {
      ({ items: relatedItems, unprocessed: unresolved } = await fetchRelatedItems(deps.config, refs, signal));
      deps.counter.count(Metric.RelatedResourcesFetched, relatedItems.length);
    } catch (error) {
      // Missing context is not fatal: the controls that needed it say INSUFFICIENT_DATA.
      deps.log.warn('Related resources could not be read from AWS Config', { refs, error: describeError(error) });
      unresolved = refs;
    }
  } else unresolved = refs;
  for (const raw of relatedItems) {
    try {
      context.add(
        normaliseConfigurationItem(raw, { where: `BatchGetResourceConfig ${String(raw.resourceType)}`, shape: 'api' }),
      );
    } catch (error) {
      deps.log.warn('A related item could not be normalised', { error: describeError(error) });
    }
  }
  context.add(resource);

  const options = {
    runId: input.runId,
    evaluatedAt: input.evaluatedAt.toISOString(),
    runStart: input.evaluatedAt,
    requirementsFor: (id: string) => deps.mappings.requirementsFor(id),
  };
  const findings = controls.flatMap((control) => {
    const recorder = new ListingRecorder(context);
    return evaluateResource(resource, [control], recorder, options).map((finding) => qualify(finding, recorder.listed));
  });
  return { findings, accountFacts, relatedItems, unresolved };
}

function qualify(finding: Finding, listed: ReadonlySet<string>): Finding {
  if (listed.size === 0 || (finding.status !== Status.PASS && finding.status !== Status.FAIL)) return finding;
  const types = [...listed].join(', ');
  return {
    ...finding,
    status: Status.INSUFFICIENT_DATA,
    reason: `${finding.controlId} weighs every ${types} in the account, which a single-resource evaluation does not load; the scheduled audit judges it. Partial view: ${finding.reason}`,
    observed: { ...finding.observed, partialContext: { listedTypes: [...listed], partialVerdict: finding.status } },
  };
}
