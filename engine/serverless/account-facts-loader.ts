/**
 * Account-level facts for the single-resource functions, gathered by the
 * collector's account-facts part (`collectAccountFacts`: IAM and S3 account
 * facts, and the function's own region's recorder, GuardDuty, Security Hub,
 * EBS and CloudTrail facts). Other regions are the nightly audit's: controls
 * that judge every region say INSUFFICIENT_DATA here.
 */
import { collectAccountFacts } from '../collect/index.js';
import type { AccountFactsLoader } from './account-facts-cache.js';

/**
 * @example
 * const cache = new AccountFactsCache({ loader: collectorAccountFacts({ region: 'eu-west-1' }), ttlMs: 900_000 });
 */
export function collectorAccountFacts(options: {
  region: string;
  callTimeoutMs?: number;
  concurrency?: number;
}): AccountFactsLoader {
  return async (accountId, signal) => {
    const record = await collectAccountFacts({
      regions: [options.region],
      callTimeoutMs: options.callTimeoutMs ?? 10_000,
      concurrency: options.concurrency ?? 4,
      ...(signal ? { signal } : {}),
    });
    // The function's credentials reach its own account only: never file its facts under another.
    if (record.accountId !== accountId) {
      throw new Error(`credentials belong to account ${record.accountId}, not ${accountId}`);
    }
    return record;
  };
}
