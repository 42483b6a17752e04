/**
 * The AWS Config custom Lambda rule: judge what the event is about with the
 * selected controls and report one evaluation per resource.
 *
 * - ConfigurationItemChangeNotification: the item in the event.
 * - OversizedConfigurationItemChangeNotification: the item read back with
 *   GetResourceConfigHistory (limit 1, laterTime = the summary's capture time).
 * - ScheduledNotification: the account-level controls on `AWS::::Account`,
 *   with the facts the account-facts loader collects (none: INSUFFICIENT_DATA).
 *
 * Deleted or not-recorded resources and `eventLeftScope` are NOT_APPLICABLE
 * before any control runs. OrderingTimestamp is the item's capture time, or
 * the notification's time for periodic results. See config-evaluations.ts for
 * how our statuses become Config's compliance types.
 */
import type { ConfigServiceClient, Evaluation } from '@aws-sdk/client-config-service';
import { newRunId } from '../audit.js';
import { describeError } from '../errors.js';
import type { Control } from '../evaluate/define-control.js';
import { ACCOUNT_RESOURCE_TYPE } from '../normalize/account-facts.js';
import { normaliseConfigurationItem } from '../normalize/config-item.js';
import { toIsoTime } from '../normalize/decode.js';
import type { Registry } from '../registry.js';
import { OUT_OF_SCOPE_STATUSES, type Resource } from '../types.js';
import {
  type EvaluatedResource,
  notApplicable,
  reportEvaluations,
  rollUpFindings,
  unreadable,
} from './config-evaluations.js';
import { fetchOversizedItem, type RawItem, withTablePolicyFrom } from './config-items.js';
import type { AccountFacts } from './account-facts-cache.js';
import { evaluateItem, type ItemEvaluationDeps } from './evaluate-item.js';
import { type ControlSelection, selectControls } from './rule-parameters.js';
import type { ConfigRuleEvent } from './schemas/config-rule-event.js';
import { Metric } from './telemetry.js';

export interface ConfigRuleDeps extends ItemEvaluationDeps {
  registry: Registry;
  config: ConfigServiceClient;
  /** Report with TestMode (nothing is recorded); the result token `TESTMODE` asks for it too. */
  testMode: boolean;
  now?: () => Date;
}

export interface ConfigRuleOutcome {
  status: 'reported' | 'rejected';
  evaluations: Evaluation[];
  /** Evaluations Config refused. */
  failed: number;
  reason?: string;
}

/** What to report and how: the resource, its ordering time, and either a verdict or the item to judge. */
type Target =
  | { kind: 'verdict'; evaluation: Evaluation }
  | { kind: 'judge'; at: EvaluatedResource; resource: Resource; item: RawItem | null; accountFacts?: AccountFacts };

const orderingTime = (value: unknown, fallback: string): Date => new Date(toIsoTime(value) ?? fallback);

/**
 * @example
 * const outcome = await runConfigRule(event, { registry, mappings, config, accountFacts, log, counter, testMode: false });
 * outcome.evaluations[0].ComplianceType; // 'NON_COMPLIANT'
 */
export async function runConfigRule(
  event: ConfigRuleEvent,
  deps: ConfigRuleDeps,
  options: { signal?: AbortSignal | undefined } = {},
): Promise<ConfigRuleOutcome> {
  const { log, counter, registry } = deps;
  const chosen = selectControls(event.ruleParameters, registry, deps.mappings.frameworks);
  if (!chosen.ok) {
    // The rule is misconfigured, not the resource: report nothing rather than a verdict on the wrong controls.
    log.error(`Rule ${event.configRuleName} has invalid ruleParameters: ${chosen.error}`, {
      configRuleArn: event.configRuleArn,
    });
    counter.count(Metric.InvalidRuleParameters);
    return { status: 'rejected', evaluations: [], failed: 0, reason: chosen.error };
  }
  const now = deps.now?.() ?? new Date();
  const runId = newRunId(now);
  const target = await resolveTarget(event, deps, options.signal);
  let evaluation: Evaluation;
  if (target.kind === 'verdict') evaluation = target.evaluation;
  else {
    const controls = controlsFor(registry, target.resource.resourceType, chosen.selection);
    const { findings } = await evaluateItem(
      {
        resource: target.resource,
        item: target.item,
        controls,
        runId,
        evaluatedAt: now,
        signal: options.signal,
        ...(target.accountFacts ? { accountFacts: target.accountFacts } : {}),
      },
      deps,
    );
    evaluation = rollUpFindings(findings, target.at);
  }

  const testMode = deps.testMode || event.resultToken === 'TESTMODE';
  const report = await reportEvaluations(deps.config, [evaluation], {
    resultToken: event.resultToken,
    testMode,
    signal: options.signal,
  });
  counter.count(Metric.EvaluationsReported, report.reported);
  if (report.failed.length > 0) {
    counter.count(Metric.EvaluationsRejected, report.failed.length);
    log.error('AWS Config refused evaluations', { failed: report.failed });
  }
  log.info('Config rule evaluated', {
    runId,
    configRuleName: event.configRuleName,
    messageType: event.invokingEvent.messageType,
    selection: chosen.selection.description,
    resourceType: evaluation.ComplianceResourceType,
    resourceId: evaluation.ComplianceResourceId,
    complianceType: evaluation.ComplianceType,
    annotation: evaluation.Annotation,
    testMode,
  });
  return { status: 'reported', evaluations: [evaluation], failed: report.failed.length };
}

function controlsFor(registry: Registry, resourceType: string, selection: ControlSelection): Control[] {
  return registry.forResourceType(resourceType).filter((control) => selection.allows(control.id));
}

async function resolveTarget(event: ConfigRuleEvent, deps: ConfigRuleDeps, signal?: AbortSignal): Promise<Target> {
  const invoking = event.invokingEvent;
  if (invoking.messageType === 'ScheduledNotification') {
    const accountId = invoking.awsAccountId;
    const at = {
      resourceType: ACCOUNT_RESOURCE_TYPE,
      resourceId: accountId,
      orderingTimestamp: orderingTime(invoking.notificationCreationTime, new Date().toISOString()),
    };
    const accountFacts = await deps.accountFacts.get(accountId, signal);
    return { kind: 'judge', at, resource: accountFacts.resource, item: null, accountFacts };
  }

  const identity =
    invoking.messageType === 'ConfigurationItemChangeNotification'
      ? invoking.configurationItem
      : invoking.configurationItemSummary;
  const at: EvaluatedResource = {
    resourceType: identity.resourceType,
    resourceId: identity.resourceId,
    orderingTimestamp: orderingTime(identity.configurationItemCaptureTime, invoking.notificationCreationTime),
  };
  if (event.eventLeftScope) {
    return {
      kind: 'verdict',
      evaluation: notApplicable(at, `${at.resourceType} ${at.resourceId} left the rule's scope.`),
    };
  }
  if (OUT_OF_SCOPE_STATUSES.has(identity.configurationItemStatus)) {
    return {
      kind: 'verdict',
      evaluation: notApplicable(at, `${at.resourceType} ${at.resourceId} is ${identity.configurationItemStatus}.`),
    };
  }

  let item: RawItem | null =
    invoking.messageType === 'ConfigurationItemChangeNotification' ? invoking.configurationItem : null;
  if (!item) {
    deps.counter.count(Metric.OversizedItemsFetched);
    item = await fetchOversizedItem(
      deps.config,
      { resourceType: at.resourceType, resourceId: at.resourceId, captureTime: at.orderingTimestamp.toISOString() },
      signal,
    );
    if (!item) {
      return {
        kind: 'verdict',
        evaluation: unreadable(
          at,
          'INSUFFICIENT_DATA: the oversized configuration item could not be read back from AWS Config.',
        ),
      };
    }
  }
  item = await withTablePolicyFrom(deps.dynamodb, item, signal);
  try {
    const shape = invoking.messageType === 'ConfigurationItemChangeNotification' ? 'snapshot' : 'api';
    return {
      kind: 'judge',
      at,
      resource: normaliseConfigurationItem(item, { where: 'configuration item', shape }),
      item,
    };
  } catch (error) {
    return {
      kind: 'verdict',
      evaluation: unreadable(at, `ERROR: the configuration item could not be read: ${describeError(error)}`),
    };
  }
}
