/**
 * The plug-in point between real-time findings and remediation. The
 * real-time function hands every failing finding of the resource it judged
 * to one `Remediator`; the remediation engine (issue: automated remediation)
 * implements it with its gates (opt-in per control, dry run by default, a
 * maximum per run). Until then the default only logs what it was handed.
 */
import type { Finding, Resource } from '../types.js';
import type { Log } from './telemetry.js';

export interface RemediationRequest {
  /** FAIL findings only: a missing fact (INSUFFICIENT_DATA) or an ERROR is never a reason to act. */
  findings: readonly Finding[];
  resource: Resource;
  trigger: { source: string; eventId: string; time: string };
  /** Where the findings' evidence was written, so an action can point back to it. */
  evidenceLocation: string;
}

export interface Remediator {
  readonly name: string;
  remediate(request: RemediationRequest, options: { signal?: AbortSignal | undefined }): Promise<void>;
}

/**
 * The default: acts on nothing, says what it would have been asked.
 *
 * @example
 * const remediator = logOnlyRemediator(logger);
 */
export function logOnlyRemediator(log: Log): Remediator {
  return {
    name: 'log-only',
    remediate: async (request) => {
      log.info('Remediation is not enabled; failing findings left for review', {
        resourceType: request.resource.resourceType,
        resourceId: request.resource.resourceId,
        controls: request.findings.map((finding) => finding.controlId),
        evidenceLocation: request.evidenceLocation,
      });
    },
  };
}
