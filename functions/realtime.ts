/**
 * Real-time evaluation of a changed resource (EventBridge "Config
 * Configuration Item Change"). Wiring only; the logic is engine/serverless/realtime.ts.
 */
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import { CATALOG_VERSION, catalogMappings, catalogRegistry, TOOL } from '../engine/catalog.js';
import { s3ClientConfig } from '../engine/evidence/s3-layout.js';
import { bundleStores } from '../engine/evidence/s3-store.js';
import { AccountFactsCache } from '../engine/serverless/account-facts-cache.js';
import { collectorAccountFacts } from '../engine/serverless/account-facts-loader.js';
import { createObservability } from '../engine/serverless/observability.js';
import { type RealtimeOutcome, runRealtime } from '../engine/serverless/realtime.js';
import { logOnlyRemediator } from '../engine/serverless/remediation.js';
import { type ConfigItemChangeEvent, ConfigItemChangeEventSchema } from '../engine/serverless/schemas/eventbridge.js';
import { RealtimeSettingsSchema, readSettings } from '../engine/serverless/settings.js';
import {
  type ParsedEvent,
  type RejectedEvent,
  rejectedEvent,
  validateEvent,
} from '../engine/serverless/validate-event.js';

const settings = readSettings(RealtimeSettingsSchema, process.env);
export const { logger, metrics, log, counter } = createObservability('realtime');
const deps = {
  registry: catalogRegistry(),
  mappings: catalogMappings(),
  config: new ConfigServiceClient({}),
  dynamodb: new DynamoDBClient({}),
  openStore: bundleStores({
    client: new S3Client(s3ClientConfig(process.env)),
    bucket: settings.EVIDENCE_BUCKET,
    kmsKeyId: settings.EVIDENCE_KMS_KEY_ARN,
  }),
  // Module scope: the facts outlive one event, up to their TTL, in this execution environment.
  accountFacts: new AccountFactsCache({
    loader:
      settings.ACCOUNT_FACTS === 'collect'
        ? collectorAccountFacts({ region: settings.AWS_REGION, callTimeoutMs: settings.CALL_TIMEOUT_MS })
        : null,
    ttlMs: settings.ACCOUNT_FACTS_TTL_SECONDS * 1000,
    log,
    counter,
  }),
  // The remediation engine plugs in here.
  remediator: logOnlyRemediator(log),
  catalogVersion: CATALOG_VERSION,
  tool: TOOL,
  log,
  counter,
};

export const handler = middy<ParsedEvent<ConfigItemChangeEvent>, RealtimeOutcome | RejectedEvent>({
  timeoutEarlyInMillis: 2_000,
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .use(
    validateEvent({
      schema: ConfigItemChangeEventSchema,
      expected: 'Config Configuration Item Change event',
      log,
      counter,
    }),
  )
  .handler((event, _context, { signal }) =>
    event.success ? runRealtime(event.data, deps, { signal }) : rejectedEvent(event),
  );
