/**
 * Verdict builders: the only way a control states a result. A reason names
 * the resource and ends with a period; `observed` holds the values judged.
 */
import { Status, type Verdict } from '../types.js';

type Observed = Record<string, unknown>;

export const pass = (reason: string, observed: Observed = {}): Verdict => ({ status: Status.PASS, reason, observed });
export const fail = (reason: string, observed: Observed = {}): Verdict => ({ status: Status.FAIL, reason, observed });
export const notApplicable = (reason: string, observed: Observed = {}): Verdict => ({
  status: Status.NOT_APPLICABLE,
  reason,
  observed,
});
export const insufficientData = (reason: string, observed: Observed = {}): Verdict => ({
  status: Status.INSUFFICIENT_DATA,
  reason,
  observed,
});
export const error = (reason: string, observed: Observed = {}): Verdict => ({ status: Status.ERROR, reason, observed });

/** A short, stable name for messages: the resource name, else its id. */
export const displayName = (resource: { resourceName: string | null; resourceId: string }): string =>
  resource.resourceName ?? resource.resourceId;
