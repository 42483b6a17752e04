/**
 * A control is data plus a pure function. `defineControl` checks the data
 * against the catalog's rules and fingerprints it, so that every finding can
 * name the exact control definition that produced it.
 */
import { createHash } from 'node:crypto';
import { ControlDefinitionError } from '../errors.js';
import { SEVERITIES, type Resource, type Severity, type Verdict } from '../types.js';

/** Read-only view of the other resources a control may consult. */
export interface EvaluationContext {
  /** The `AWS::::Account` resource of an account (account-level facts). */
  account(accountId: string): Resource | undefined;
  /** A resource of `resourceType` by resource id, ARN or name. */
  find(resourceType: string, key: string): Resource | undefined;
  /** Every in-scope resource of a type. */
  all(resourceType: string): readonly Resource[];
  /**
   * The resources of a type that `keyOf` files under `key` (it may file a
   * resource under none, one or several keys). The grouping is built once
   * per type and key function, so a control that joins two types (a VPC and
   * its flow logs, a user and its groups) looks up instead of scanning every
   * resource for every resource. Pass a function defined once at module
   * level: the grouping is cached by its identity. With `limit`, at most
   * that many are returned, and only those are read (a resource may be held
   * in a scratch file): pass 1 where the key names one resource.
   */
  lookup(resourceType: string, keyOf: ResourceKeys, key: string, limit?: number): readonly Resource[];
  /** Whether `lookup` would find any resource, without reading them. */
  has(resourceType: string, keyOf: ResourceKeys, key: string): boolean;
}

/** The keys a resource is filed under for `EvaluationContext.lookup`. */
export type ResourceKeys = (resource: Resource) => string | readonly string[] | null;

export type ParameterValue = number | string | boolean | readonly string[] | readonly number[];

export interface EvaluationInput<P extends Record<string, ParameterValue>> {
  resource: Resource;
  /** Only the types named in the control's `uses` are available. */
  context: EvaluationContext;
  parameters: P;
  /**
   * The instant the verdict is about: the item's capture time when known,
   * else the run's start. Ages (key age, days unused) are measured to it, so
   * the same inventory gives the same findings whenever it is replayed.
   */
  asOf: Date;
}

export interface ControlReferences {
  /** Identifier of the equivalent AWS Config managed rule, e.g. `S3_BUCKET_VERSIONING_ENABLED`. */
  awsConfigRule?: string;
  /** AWS Security Hub control id, e.g. `S3.14`. */
  securityHub?: string;
  urls: readonly string[];
}

export interface ControlSpec<P extends Record<string, ParameterValue> = Record<string, never>> {
  /** kebab-case `<service>-<resource>-<compliant-state>`; equals the file name. */
  id: string;
  /** The compliant state, at most 150 characters, not starting with "Ensure" or "Check". */
  title: string;
  /** Lower-case service name: `s3`, `iam`, `ec2`, ... (first segment of the id). */
  service: string;
  severity: Severity;
  /** AWS Config resource types this control judges. */
  resourceTypes: readonly string[];
  /** Other resource types the control reads through `context`. */
  uses?: readonly string[];
  /** What the control checks (≤ 400 characters). */
  description: string;
  /** What an attacker or an auditor would find if it fails (≤ 400 characters). */
  rationale: string;
  remediation: { guidance: string; automated?: string };
  references: ControlReferences;
  /** Thresholds with their defaults (Prowler's audit_config). */
  parameters?: P;
  evaluate(input: EvaluationInput<P>): Verdict;
}

export interface Control<P extends Record<string, ParameterValue> = Record<string, ParameterValue>>
  extends ControlSpec<P> {
  parameters: P;
  /** SHA-256 of the metadata and parameters: names the definition a finding came from. */
  hash: string;
}

const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)+$/;

/**
 * Validates and fingerprints a control.
 *
 * @example
 * export default defineControl({
 *   id: 's3-bucket-versioning-enabled', service: 's3', severity: 'medium',
 *   title: 'S3 bucket has versioning enabled', resourceTypes: ['AWS::S3::Bucket'],
 *   description: '…', rationale: '…', remediation: { guidance: '…' }, references: { urls: [] },
 *   evaluate: ({ resource }) => …,
 * });
 */
export function defineControl<P extends Record<string, ParameterValue> = Record<string, never>>(
  spec: ControlSpec<P>,
): Control {
  const problems: string[] = [];
  if (!ID_PATTERN.test(spec.id)) problems.push('id must be kebab-case with at least two words');
  if (!spec.id.startsWith(`${spec.service}-`)) problems.push(`id must start with its service "${spec.service}-"`);
  if (spec.title.length === 0 || spec.title.length > 150) problems.push('title must have 1 to 150 characters');
  if (/^(ensure|check)\b/i.test(spec.title))
    problems.push('title states the compliant condition, not "Ensure"/"Check"');
  if (spec.description.length === 0 || spec.description.length > 400)
    problems.push('description must have 1 to 400 characters');
  if (spec.rationale.length === 0 || spec.rationale.length > 400)
    problems.push('rationale must have 1 to 400 characters');
  if (!SEVERITIES.includes(spec.severity)) problems.push(`severity must be one of ${SEVERITIES.join(', ')}`);
  if (spec.resourceTypes.length === 0) problems.push('resourceTypes must not be empty');
  if (spec.remediation.guidance.length === 0) problems.push('remediation guidance must not be empty');
  if (problems.length > 0) throw new ControlDefinitionError(`control ${spec.id}: ${problems.join('; ')}`);

  const parameters = (spec.parameters ?? {}) as P;
  const { evaluate: _evaluate, ...metadata } = spec;
  const hash = createHash('sha256')
    .update(JSON.stringify({ ...metadata, parameters }))
    .digest('hex');
  // The registry holds controls of every parameter shape; each control's
  // evaluate only ever receives its own `parameters`, so erasing P is sound.
  return { ...spec, parameters, hash } as unknown as Control;
}
