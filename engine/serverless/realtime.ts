/**
 * Real-time evaluation of one changed resource, from EventBridge's
 * "Config Configuration Item Change": judge it with every control of its
 * type, write the findings as a small evidence bundle, and hand the failing
 * ones to the remediation plug-in.
 */
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { newRunId } from '../audit.js';
import { describeError } from '../errors.js';
import type { Manifest } from '../evidence/bundle-types.js';
import type { BundleLocation } from '../evidence/s3-layout.js';
import type { EvidenceStore } from '../evidence/store.js';
import { normaliseConfigurationItem } from '../normalize/config-item.js';
import { toIsoTime } from '../normalize/decode.js';
import { INVENTORY_FORMAT, INVENTORY_FORMAT_VERSION } from '../normalize/records.js';
import type { Registry } from '../registry.js';
import { OUT_OF_SCOPE_STATUSES, Status } from '../types.js';
import { fetchOversizedItem, type RawItem, withTablePolicyFrom } from './config-items.js';
import { evaluateItem, type ItemEvaluationDeps } from './evaluate-item.js';
import { writeItemBundle } from './item-bundle.js';
import type { Remediator } from './remediation.js';
import type { ConfigItemChangeEvent } from './schemas/eventbridge.js';
import { Metric } from './telemetry.js';

export interface RealtimeDeps extends ItemEvaluationDeps {
  registry: Registry;
  config: ConfigServiceClient;
  /** A store for one bundle; the S3 store in Lambda. */
  openStore(location: BundleLocation, signal?: AbortSignal): EvidenceStore;
  remediator: Remediator;
  catalogVersion: string;
  tool: { name: string; version: string };
  now?: () => Date;
}

export type RealtimeOutcome =
  | { status: 'skipped'; reason: string }
  | {
      status: 'evaluated';
      runId: string;
      location: string;
      manifestSha256: string;
      findings: Manifest['findings'];
      remediationRequested: number;
    };

/**
 * @example
 * const outcome = await runRealtime(event, deps, { signal });
 * if (outcome.status === 'evaluated') logger.info('evidence', { location: outcome.location });
 */
export async function runRealtime(
  event: ConfigItemChangeEvent,
  deps: RealtimeDeps,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<RealtimeOutcome> {
  const { log, counter, registry } = deps;
  const { signal } = options;
  const detail = event.detail;
  const identity =
    detail.messageType === 'ConfigurationItemChangeNotification'
      ? detail.configurationItem
      : detail.configurationItemSummary;
  const name = `${identity.resourceType} ${identity.resourceId}`;
  if (OUT_OF_SCOPE_STATUSES.has(identity.configurationItemStatus)) {
    return skipped(deps, `${name} is ${identity.configurationItemStatus}`);
  }
  const controls = registry.forResourceType(identity.resourceType);
  if (controls.length === 0) return skipped(deps, `no control judges ${identity.resourceType}`);

  let item: RawItem | null =
    detail.messageType === 'ConfigurationItemChangeNotification' ? detail.configurationItem : null;
  if (!item) {
    counter.count(Metric.OversizedItemsFetched);
    const captureTime = toIsoTime(identity.configurationItemCaptureTime) ?? event.time;
    item = await fetchOversizedItem(deps.config, { ...identity, captureTime }, signal);
    // Config no longer has the version the event announced: nothing to judge, and worth a look.
    if (!item) return skipped(deps, `the oversized item of ${name} is no longer in AWS Config`, 'warn');
  }
  item = await withTablePolicyFrom(deps.dynamodb, item, signal);
  const resource = normaliseConfigurationItem(item, {
    where: `EventBridge event ${event.id}`,
    shape: detail.messageType === 'ConfigurationItemChangeNotification' ? 'snapshot' : 'api',
  });

  const startedAt = deps.now?.() ?? new Date();
  const runId = newRunId(startedAt);
  const evaluated = await evaluateItem({ resource, item, controls, runId, evaluatedAt: startedAt, signal }, deps);
  const inventory = {
    format: INVENTORY_FORMAT,
    formatVersion: INVENTORY_FORMAT_VERSION,
    collectedAt: startedAt.toISOString(),
    collector: { name: 'realtime', trigger: event['detail-type'], eventId: event.id, eventTime: event.time },
    accountFacts: evaluated.accountFacts?.record ? [evaluated.accountFacts.record] : [],
    configurationItems: [item, ...evaluated.relatedItems],
  };

  // The bundle sits with the account and region whose event it is (a single-account deployment's own).
  const store = deps.openStore({ accountId: event.account, region: event.region, date: startedAt, runId }, signal);
  let written: Awaited<ReturnType<typeof writeItemBundle>>;
  try {
    written = await writeItemBundle({
      store,
      runId,
      startedAt,
      finishedAt: deps.now?.() ?? new Date(),
      tool: deps.tool,
      catalogVersion: deps.catalogVersion,
      registry,
      mappings: deps.mappings,
      resource,
      findings: evaluated.findings,
      inventory,
      inputDescription: `${event['detail-type']} ${event.id} for ${name}, captured ${resource.captureTime ?? 'at an unknown time'}`,
    });
  } catch (error) {
    await store
      .abort()
      .catch((abortError) =>
        log.error('Could not clean up the unfinished bundle', { error: describeError(abortError) }),
      );
    throw error;
  }
  counter.count(Metric.FindingsWritten, evaluated.findings.length);

  const failing = evaluated.findings.filter((finding) => finding.status === Status.FAIL);
  counter.count(Metric.FailingFindings, failing.length);
  if (failing.length > 0) {
    counter.count(Metric.RemediationRequests);
    try {
      await deps.remediator.remediate(
        {
          findings: failing,
          resource,
          trigger: { source: event.source, eventId: event.id, time: event.time },
          evidenceLocation: store.location,
        },
        { signal },
      );
    } catch (error) {
      // The evidence is written; a remediation failure is the remediator's to report, not a reason to re-judge.
      log.error(`Remediator ${deps.remediator.name} failed`, {
        error: describeError(error),
        resourceId: resource.resourceId,
      });
    }
  }
  log.info('Resource evaluated', {
    runId,
    resourceType: resource.resourceType,
    resourceId: resource.resourceId,
    findings: written.manifest.findings,
    unresolvedRelated: evaluated.unresolved.length,
    location: store.location,
  });
  return {
    status: 'evaluated',
    runId,
    location: store.location,
    manifestSha256: written.manifestFile.sha256,
    findings: written.manifest.findings,
    remediationRequested: failing.length,
  };
}

function skipped(deps: RealtimeDeps, reason: string, level: 'info' | 'warn' = 'info'): RealtimeOutcome {
  deps.log[level](`Nothing to evaluate: ${reason}`);
  return { status: 'skipped', reason };
}
