/**
 * Runs every control that applies to one resource. A control that throws
 * yields an ERROR finding for that resource; the audit goes on.
 */
import { describeError } from '../errors.js';
import { ACCOUNT_RESOURCE_TYPE } from '../normalize/account-facts.js';
import { type Finding, type Resource, Status, type Verdict } from '../types.js';
import type { Control, EvaluationContext } from './define-control.js';

export interface EvaluateOptions {
  runId: string;
  /** ISO time stamped on each finding. */
  evaluatedAt: string;
  /** Used as `asOf` when the item has no capture time. */
  runStart: Date;
  /** Requirement ids (`soc2:CC6.1`) a control gives evidence for. */
  requirementsFor(controlId: string): string[];
}

/**
 * Judges one resource with one control. Never throws.
 *
 * @example
 * const verdict = runControl(control, bucket, context, new Date());
 */
export function runControl(control: Control, resource: Resource, context: EvaluationContext, asOf: Date): Verdict {
  if (resource.configuration === null && resource.resourceType !== ACCOUNT_RESOURCE_TYPE) {
    const broken = resource.decodeErrors.find((problem) => problem.startsWith('configuration'));
    return broken
      ? {
          status: Status.ERROR,
          reason: `${resource.resourceType} ${resource.resourceId} has a configuration that could not be decoded: ${broken}.`,
          observed: { decodeErrors: resource.decodeErrors },
        }
      : {
          status: Status.INSUFFICIENT_DATA,
          reason: `${resource.resourceType} ${resource.resourceId} has no recorded configuration.`,
          observed: {},
        };
  }
  let verdict: Verdict;
  try {
    verdict = control.evaluate({ resource, context, parameters: control.parameters, asOf });
  } catch (thrown) {
    return {
      status: Status.ERROR,
      reason: `Control ${control.id} failed on ${resource.resourceId}: ${describeError(thrown)}`,
      observed: {},
    };
  }
  // An item with undecodable fields must not pass, nor pass off a decoding
  // failure as missing data: the control may have judged a raw string where
  // a document should have been, or found the value absent.
  if (
    (verdict.status === Status.PASS || verdict.status === Status.INSUFFICIENT_DATA) &&
    resource.decodeErrors.length > 0
  ) {
    return {
      status: Status.ERROR,
      reason: `${resource.resourceType} ${resource.resourceId} has fields that could not be decoded: ${resource.decodeErrors.join('; ')}.`,
      observed: { ...verdict.observed, decodeErrors: resource.decodeErrors },
    };
  }
  return verdict;
}

/** Findings of every control registered for the resource's type. */
export function evaluateResource(
  resource: Resource,
  controls: readonly Control[],
  context: EvaluationContext,
  options: EvaluateOptions,
): Finding[] {
  const captured = resource.captureTime ? new Date(resource.captureTime) : options.runStart;
  // A control that also judges account facts (the credential report) is
  // about the later of the two captures: an IAM user item can be years older
  // than the report that dates its keys.
  const accountCapture = context.account(resource.accountId)?.captureTime;
  const withAccount =
    accountCapture && Date.parse(accountCapture) > captured.getTime() ? new Date(accountCapture) : captured;
  return controls.map((control) => {
    const asOf = control.uses?.includes(ACCOUNT_RESOURCE_TYPE) ? withAccount : captured;
    const verdict = runControl(control, resource, context, asOf);
    return {
      runId: options.runId,
      controlId: control.id,
      controlHash: control.hash,
      title: control.title,
      severity: control.severity,
      service: control.service,
      status: verdict.status,
      reason: verdict.reason,
      resourceType: resource.resourceType,
      resourceId: resource.resourceId,
      resourceName: resource.resourceName,
      resourceArn: resource.arn,
      accountId: resource.accountId,
      region: resource.region,
      evaluatedAt: options.evaluatedAt,
      configurationCaptureTime: resource.captureTime,
      observed: verdict.observed,
      requirements: options.requirementsFor(control.id),
      remediation: control.remediation.guidance,
    };
  });
}
