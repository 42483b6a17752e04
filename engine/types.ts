/**
 * The one resource model and the one finding shape that every step shares:
 * collect → normalise → evaluate → map → evidence.
 */

/** A control's verdict on one resource. */
export const Status = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  INSUFFICIENT_DATA: 'INSUFFICIENT_DATA',
  ERROR: 'ERROR',
} as const;
export type Status = (typeof Status)[keyof typeof Status];
export const STATUSES: readonly Status[] = Object.values(Status);

export const Severity = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
} as const;
export type Severity = (typeof Severity)[keyof typeof Severity];
/** Ordered from least to most severe; `--fail-on` compares positions. */
export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high', 'critical'];

/** `configurationItemStatus` values AWS Config documents. */
export type ConfigItemStatus =
  | 'OK'
  | 'ResourceDiscovered'
  | 'ResourceNotRecorded'
  | 'ResourceDeleted'
  | 'ResourceDeletedNotRecorded';

/** Items in these states describe no live resource and are out of scope. */
export const OUT_OF_SCOPE_STATUSES: ReadonlySet<string> = new Set([
  'ResourceNotRecorded',
  'ResourceDeleted',
  'ResourceDeletedNotRecorded',
]);

export interface Relationship {
  resourceType: string | null;
  resourceId: string | null;
  resourceName: string | null;
  relationshipName: string | null;
}

/** Which wire shape an item arrived in; kept as evidence of provenance. */
export type SourceShape =
  | 'snapshot' // S3 snapshot/history file, rule event, EventBridge detail (objects, ARN, awsAccountId)
  | 'api' // GetResourceConfigHistory / BatchGetResourceConfig (JSON strings, arn, accountId)
  | 'select' // SelectResourceConfig row
  | 'account-facts'; // the project's own record of account-level facts

/**
 * One resource, whatever the source. `configuration` and every supplementary
 * value are decoded objects; IAM policy documents are decoded JSON.
 *
 * Absent vs null: a key that is absent was not collected; `null` means AWS
 * reported none. Controls turn "absent" into INSUFFICIENT_DATA.
 */
export interface Resource {
  resourceType: string;
  resourceId: string;
  resourceName: string | null;
  arn: string | null;
  accountId: string;
  region: string;
  availabilityZone: string | null;
  /** ISO-8601 `configurationItemCaptureTime`, or null when the source has none. */
  captureTime: string | null;
  status: string;
  tags: Record<string, string>;
  /** null when the item carries no configuration (deleted, or not selected by a query). */
  configuration: Record<string, unknown> | null;
  supplementary: Record<string, unknown>;
  relationships: Relationship[];
  source: SourceShape;
  /** Values the normaliser could not decode; controls that read them report ERROR. */
  decodeErrors: string[];
}

/** What a control judged, and why. */
export interface Verdict {
  status: Status;
  reason: string;
  observed: Record<string, unknown>;
}

/** One line of findings.jsonl: the evidence contract. */
export interface Finding {
  runId: string;
  controlId: string;
  controlHash: string;
  title: string;
  severity: Severity;
  service: string;
  status: Status;
  reason: string;
  resourceType: string;
  resourceId: string;
  resourceName: string | null;
  resourceArn: string | null;
  accountId: string;
  region: string;
  evaluatedAt: string;
  configurationCaptureTime: string | null;
  observed: Record<string, unknown>;
  requirements: string[];
  remediation: string;
}
