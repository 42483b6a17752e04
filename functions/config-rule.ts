/**
 * AWS Config custom Lambda rule. Wiring only: clients, catalog and caches at
 * module scope (once per cold start); the rule logic is engine/serverless/config-rule.ts.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import middy from '@middy/core';
import { catalogMappings, catalogRegistry } from '../engine/catalog.js';
import { AccountFactsCache } from '../engine/serverless/account-facts-cache.js';
import { lazyCollectorAccountFacts } from '../engine/serverless/account-facts-lazy.js';
import { type ConfigRuleOutcome, runConfigRule } from '../engine/serverless/config-rule.js';
import { createObservability } from '../engine/serverless/observability.js';
import { type ConfigRuleEvent, ConfigRuleEventSchema } from '../engine/serverless/schemas/config-rule-event.js';
import { ConfigRuleSettingsSchema, readSettings } from '../engine/serverless/settings.js';
import {
  type ParsedEvent,
  type RejectedEvent,
  rejectedEvent,
  validateEvent,
} from '../engine/serverless/validate-event.js';

const settings = readSettings(ConfigRuleSettingsSchema, process.env);
export const { logger, metrics, log, counter } = createObservability('config-rule');
const deps = {
  registry: catalogRegistry(),
  mappings: catalogMappings(),
  config: new ConfigServiceClient({}),
  dynamodb: new DynamoDBClient({}),
  accountFacts: new AccountFactsCache({
    // The collector loads on first use, not at every cold start.
    loader:
      settings.ACCOUNT_FACTS === 'collect'
        ? lazyCollectorAccountFacts({ region: settings.AWS_REGION, callTimeoutMs: settings.CALL_TIMEOUT_MS })
        : null,
    ttlMs: settings.ACCOUNT_FACTS_TTL_SECONDS * 1000,
    log,
    counter,
  }),
  testMode: settings.CONFIG_RULE_TEST_MODE,
  log,
  counter,
};

export const handler = middy<ParsedEvent<ConfigRuleEvent>, ConfigRuleOutcome | RejectedEvent>({
  timeoutEarlyInMillis: 1_000,
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .use(validateEvent({ schema: ConfigRuleEventSchema, expected: 'AWS Config rule invocation', log, counter }))
  .handler((event, _context, { signal }) =>
    event.success ? runConfigRule(event.data, deps, { signal }) : rejectedEvent(event),
  );
