/**
 * Account-level facts (password policy, credential report, account public
 * access block, ...) for single-resource evaluations. Collecting them takes
 * several API calls (the credential report may take seconds to generate), so
 * they are fetched once and kept for the life of the execution environment,
 * up to a TTL; a failed fetch is not kept, so the next event tries again.
 *
 * Without a loader, or when it fails, the account resource carries no facts
 * and the controls that need them say INSUFFICIENT_DATA, as the audit does
 * for a plain Config snapshot.
 */
import {
  type AccountFactsRecord,
  emptyAccountResource,
  normaliseAccountFacts,
  ACCOUNT_RESOURCE_TYPE,
} from '../normalize/account-facts.js';
import { describeError } from '../errors.js';
import type { Resource } from '../types.js';
import { type Counter, type Log, Metric, noCounter, silentLog } from './telemetry.js';

export type AccountFactsLoader = (accountId: string, signal?: AbortSignal) => Promise<AccountFactsRecord>;

export interface AccountFacts {
  /** The record as collected, for the evidence inventory; null when nothing was collected. */
  record: AccountFactsRecord | null;
  /** The `AWS::::Account` resource controls consult. */
  resource: Resource;
  /** Why there are no facts, when there are none. */
  missing?: string;
}

export interface AccountFactsCacheOptions {
  loader: AccountFactsLoader | null;
  ttlMs: number;
  now?: () => number;
  log?: Log;
  counter?: Counter;
}

/** An account resource without facts; tolerates ids that are not 12 digits (AWS's own samples have some). */
function factlessAccount(accountId: string): Resource {
  if (/^\d{12}$/.test(accountId)) return emptyAccountResource(accountId);
  return { ...emptyAccountResource('000000000000'), resourceId: accountId, accountId, arn: null };
}

/**
 * @example
 * const cache = new AccountFactsCache({ loader: collectAccountFacts, ttlMs: 15 * 60_000 }); // module scope
 * const { resource } = await cache.get('111122223333', signal);
 */
export class AccountFactsCache {
  private readonly entries = new Map<string, { expires: number; value: Promise<AccountFacts> }>();
  private readonly now: () => number;
  private readonly log: Log;
  private readonly counter: Counter;

  constructor(private readonly options: AccountFactsCacheOptions) {
    this.now = options.now ?? Date.now;
    this.log = options.log ?? silentLog;
    this.counter = options.counter ?? noCounter;
  }

  get(accountId: string, signal?: AbortSignal): Promise<AccountFacts> {
    const cached = this.entries.get(accountId);
    if (cached && cached.expires > this.now()) return cached.value;
    const { loader } = this.options;
    if (!loader) {
      return Promise.resolve({
        record: null,
        resource: factlessAccount(accountId),
        missing: 'this deployment collects no account-level facts',
      });
    }
    // The promise is shared, so concurrent events in one environment fetch once.
    const value = this.load(loader, accountId, signal);
    this.entries.set(accountId, { expires: this.now() + this.options.ttlMs, value });
    return value;
  }

  private async load(loader: AccountFactsLoader, accountId: string, signal?: AbortSignal): Promise<AccountFacts> {
    try {
      const record = await loader(accountId, signal);
      const resource = normaliseAccountFacts(record, `account facts of ${accountId}`);
      if (resource.resourceType !== ACCOUNT_RESOURCE_TYPE || resource.accountId !== accountId) {
        throw new Error(`the loader returned facts of account ${resource.accountId}`);
      }
      this.counter.count(Metric.AccountFactsFetched);
      return { record, resource };
    } catch (error) {
      this.entries.delete(accountId);
      this.counter.count(Metric.AccountFactsUnavailable);
      this.log.warn('Account facts could not be collected; account-level controls will say INSUFFICIENT_DATA', {
        accountId,
        error: describeError(error),
      });
      return { record: null, resource: factlessAccount(accountId), missing: describeError(error) };
    }
  }
}
