/**
 * The scheduled audit: collect, evaluate, write the bundle to S3. Wiring
 * only; the run is engine/serverless/nightly-audit.ts.
 */
import { tmpdir } from 'node:os';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { S3Client } from '@aws-sdk/client-s3';
import middy from '@middy/core';
import { CATALOG_VERSION, catalogMappings, catalogRegistry, TOOL } from '../engine/catalog.js';
import { collectToFile } from '../engine/collect/index.js';
import { s3ClientConfig } from '../engine/evidence/s3-layout.js';
import { bundleStores } from '../engine/evidence/s3-store.js';
import { deadlineSignal, waitForHandler } from '../engine/serverless/deadline.js';
import { type NightlyAuditResult, runNightlyAudit } from '../engine/serverless/nightly-audit.js';
import { createObservability } from '../engine/serverless/observability.js';
import { type ScheduledEvent, ScheduledEventSchema } from '../engine/serverless/schemas/eventbridge.js';
import { accountOfFunction, NightlyAuditSettingsSchema, readSettings } from '../engine/serverless/settings.js';
import {
  type ParsedEvent,
  type RejectedEvent,
  rejectedEvent,
  validateEvent,
} from '../engine/serverless/validate-event.js';

/** Uploads in flight are aborted this long before the hard timeout. */
const ABORT_UPLOADS_MARGIN_MS = 10_000;

const settings = readSettings(NightlyAuditSettingsSchema, process.env);
export const { logger, metrics, log, counter } = createObservability('nightly-audit');
const deps = {
  collect: collectToFile,
  collectOptions: {
    ...(settings.AUDIT_REGIONS ? { regions: settings.AUDIT_REGIONS } : {}),
    concurrency: settings.COLLECT_CONCURRENCY,
    callTimeoutMs: settings.CALL_TIMEOUT_MS,
  },
  openStore: bundleStores({
    client: new S3Client(s3ClientConfig(process.env)),
    bucket: settings.EVIDENCE_BUCKET,
    kmsKeyId: settings.EVIDENCE_KMS_KEY_ARN,
  }),
  registry: catalogRegistry(),
  mappings: catalogMappings(),
  catalogVersion: CATALOG_VERSION,
  tool: TOOL,
  workDir: tmpdir(),
  log,
  counter,
};

export const handler = middy<ParsedEvent<ScheduledEvent>, NightlyAuditResult | RejectedEvent>({
  timeoutEarlyInMillis: settings.STOP_COLLECTING_BEFORE_MS,
  timeoutEarlyResponse: waitForHandler(Math.max(settings.STOP_COLLECTING_BEFORE_MS - ABORT_UPLOADS_MARGIN_MS / 2, 0)),
})
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .use(validateEvent({ schema: ScheduledEventSchema, expected: 'EventBridge Scheduled Event', log, counter }))
  .handler((event, context, { signal }) =>
    event.success
      ? runNightlyAudit(
          { accountId: accountOfFunction(context.invokedFunctionArn), region: settings.AWS_REGION },
          deps,
          {
            signal,
            deadline: deadlineSignal(context, ABORT_UPLOADS_MARGIN_MS),
          },
        )
      : rejectedEvent(event),
  );
