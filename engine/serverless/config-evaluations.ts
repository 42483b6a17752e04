/**
 * The Config-rule boundary: our five statuses become Config's compliance
 * types, one evaluation per resource, reported with PutEvaluations.
 *
 * The mapping (Config rejects INSUFFICIENT_DATA from custom rules, and a
 * compliance rule must never pass on data it did not see):
 *
 * | our status          | ComplianceType  |
 * |---------------------|-----------------|
 * | PASS                | COMPLIANT       |
 * | FAIL                | NON_COMPLIANT   |
 * | ERROR               | NON_COMPLIANT   (annotation says ERROR: the control could not judge) |
 * | INSUFFICIENT_DATA   | NON_COMPLIANT   (annotation says INSUFFICIENT_DATA: evidence missing) |
 * | NOT_APPLICABLE      | NOT_APPLICABLE  |
 *
 * A resource is NON_COMPLIANT when any selected control says FAIL, ERROR or
 * INSUFFICIENT_DATA; COMPLIANT when none does and at least one passed;
 * NOT_APPLICABLE otherwise (every control not applicable, or none selected).
 */
import { type Evaluation, PutEvaluationsCommand } from '@aws-sdk/client-config-service';
import type { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { type Finding, Status } from '../types.js';

export const ComplianceType = {
  COMPLIANT: 'COMPLIANT',
  NON_COMPLIANT: 'NON_COMPLIANT',
  NOT_APPLICABLE: 'NOT_APPLICABLE',
} as const;
export type ComplianceType = (typeof ComplianceType)[keyof typeof ComplianceType];

export const COMPLIANCE_FOR_STATUS: Record<Status, ComplianceType> = {
  PASS: ComplianceType.COMPLIANT,
  FAIL: ComplianceType.NON_COMPLIANT,
  ERROR: ComplianceType.NON_COMPLIANT,
  INSUFFICIENT_DATA: ComplianceType.NON_COMPLIANT,
  NOT_APPLICABLE: ComplianceType.NOT_APPLICABLE,
};

/** PutEvaluations: at most 100 evaluations a call, annotations of at most 256 characters. */
export const MAX_EVALUATIONS_PER_CALL = 100;
export const MAX_ANNOTATION = 256;

/** Cuts text to `max` UTF-16 units without splitting a surrogate pair, marking the cut with "…". */
export function truncateAnnotation(text: string, max = MAX_ANNOTATION): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max - 1);
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut}…`;
}

export interface EvaluatedResource {
  resourceType: string;
  resourceId: string;
  /** The item's capture time (change-triggered) or the notification time (periodic). */
  orderingTimestamp: Date;
}

/** Statuses that make a resource NON_COMPLIANT, in the order the annotation lists them. */
const NON_COMPLIANT_ORDER: readonly Status[] = [Status.FAIL, Status.ERROR, Status.INSUFFICIENT_DATA];

/**
 * Rolls one resource's findings up to a single evaluation whose annotation
 * names the controls that made it non-compliant (and, when only one did, why).
 *
 * @example
 * rollUpFindings(findings, { resourceType: 'AWS::S3::Bucket', resourceId: 'logs', orderingTimestamp })
 * // { ComplianceType: 'NON_COMPLIANT', Annotation: 'FAIL: s3-bucket-versioning-enabled (S3 bucket logs has …)', … }
 */
export function rollUpFindings(findings: readonly Finding[], resource: EvaluatedResource): Evaluation {
  const base = {
    ComplianceResourceType: resource.resourceType,
    ComplianceResourceId: resource.resourceId,
    OrderingTimestamp: resource.orderingTimestamp,
  };
  const offending = findings.filter((f) => NON_COMPLIANT_ORDER.includes(f.status));
  if (offending.length > 0) {
    const groups = NON_COMPLIANT_ORDER.map((status) => ({
      status,
      ids: offending.filter((f) => f.status === status).map((f) => f.controlId),
    })).filter((group) => group.ids.length > 0);
    const only = offending.length === 1 ? offending[0] : undefined;
    const text = only
      ? `${only.status}: ${only.controlId} (${only.reason})`
      : groups.map((group) => `${group.status}: ${group.ids.join(', ')}`).join('; ');
    return { ...base, ComplianceType: ComplianceType.NON_COMPLIANT, Annotation: truncateAnnotation(text) };
  }
  const passed = findings.filter((f) => f.status === Status.PASS).length;
  if (passed > 0) {
    return {
      ...base,
      ComplianceType: ComplianceType.COMPLIANT,
      Annotation: truncateAnnotation(`${passed} of ${findings.length} control(s) passed; the rest are not applicable.`),
    };
  }
  return {
    ...base,
    ComplianceType: ComplianceType.NOT_APPLICABLE,
    Annotation: truncateAnnotation(
      findings.length === 0
        ? `No selected control judges ${resource.resourceType}.`
        : `Every selected control is not applicable: ${findings[0]?.reason ?? ''}`,
    ),
  };
}

/** An evaluation of a resource the rule did not judge, with the reason as its annotation. */
function unjudged(resource: EvaluatedResource, complianceType: ComplianceType, reason: string): Evaluation {
  return {
    ComplianceResourceType: resource.resourceType,
    ComplianceResourceId: resource.resourceId,
    OrderingTimestamp: resource.orderingTimestamp,
    ComplianceType: complianceType,
    Annotation: truncateAnnotation(reason),
  };
}

/** A NOT_APPLICABLE evaluation with a reason: deleted, not recorded, or out of the rule's scope. */
export function notApplicable(resource: EvaluatedResource, reason: string): Evaluation {
  return unjudged(resource, ComplianceType.NOT_APPLICABLE, reason);
}

/**
 * A resource whose item could not be read: NON_COMPLIANT, as every verdict
 * short of PASS is, with the reason (`INSUFFICIENT_DATA: ...`, `ERROR: ...`).
 */
export function unreadable(resource: EvaluatedResource, reason: string): Evaluation {
  return unjudged(resource, ComplianceType.NON_COMPLIANT, reason);
}

export interface ReportResult {
  calls: number;
  reported: number;
  /** Evaluations Config refused, as it returned them. */
  failed: Evaluation[];
}

/**
 * Sends evaluations in batches of at most 100, with the event's result token.
 *
 * @example
 * await reportEvaluations(config, evaluations, { resultToken: event.resultToken, testMode: false });
 */
export async function reportEvaluations(
  client: ConfigServiceClient,
  evaluations: readonly Evaluation[],
  options: { resultToken: string; testMode: boolean; signal?: AbortSignal | undefined },
): Promise<ReportResult> {
  const result: ReportResult = { calls: 0, reported: 0, failed: [] };
  for (let start = 0; start < evaluations.length; start += MAX_EVALUATIONS_PER_CALL) {
    const batch = evaluations.slice(start, start + MAX_EVALUATIONS_PER_CALL);
    const response = await client.send(
      new PutEvaluationsCommand({
        Evaluations: batch,
        ResultToken: options.resultToken,
        ...(options.testMode ? { TestMode: true } : {}),
      }),
      options.signal ? { abortSignal: options.signal } : {},
    );
    result.calls++;
    result.failed.push(...(response.FailedEvaluations ?? []));
    result.reported += batch.length - (response.FailedEvaluations?.length ?? 0);
  }
  return result;
}
