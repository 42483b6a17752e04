/**
 * The collector's account facts, loaded on first use. The collector brings
 * every SDK client it may call (EC2, Security Hub, GuardDuty, ...): about
 * two thirds of a bundle, and of its load time. A function that needs
 * account facts only now and then (the Config rule: periodic runs, IAM users,
 * S3 buckets) keeps it out of its cold start; esbuild puts it in a chunk.
 */
import type { AccountFactsLoader } from './account-facts-cache.js';

/**
 * @example
 * new AccountFactsCache({ loader: lazyCollectorAccountFacts({ region: 'eu-west-1' }), ttlMs: 900_000 });
 */
export function lazyCollectorAccountFacts(options: { region: string; callTimeoutMs?: number }): AccountFactsLoader {
  let loader: Promise<AccountFactsLoader> | null = null;
  return async (accountId, signal) => {
    loader ??= import('./account-facts-loader.js').then(({ collectorAccountFacts }) => collectorAccountFacts(options));
    return (await loader)(accountId, signal);
  };
}
