/**
 * A Config rule's InputParameters select what it judges. Config delivers
 * them as string values, so lists are comma-separated strings (JSON arrays
 * are accepted too, for rules deployed from templates that allow them):
 *
 *   { "frameworks": "soc2,hipaa" }              controls any of these frameworks map
 *   { "controls": "s3-bucket-versioning-enabled,s3-bucket-tls-only-policy" }
 *   { "excludeControls": "ec2-instance-no-public-ip" }
 *
 * `controls` and `frameworks` together select the union. Unknown keys, ids
 * or frameworks are errors: a typo must not silently widen or empty the rule.
 */
import { z } from 'zod';
import type { FrameworkMapping } from '../map/mappings.js';
import type { Registry } from '../registry.js';

const IdListSchema = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((id) => id.trim()).filter(Boolean));

export const RuleParametersSchema = z.strictObject({
  controls: IdListSchema.optional(),
  frameworks: IdListSchema.optional(),
  excludeControls: IdListSchema.optional(),
});

export interface ControlSelection {
  allows(controlId: string): boolean;
  /** For logs and annotations: "frameworks soc2; excluding x". */
  readonly description: string;
}

export type SelectionResult = { ok: true; selection: ControlSelection } | { ok: false; error: string };

/**
 * @example
 * const result = selectControls(event.ruleParameters, registry, mappings.frameworks);
 * if (result.ok) registry.forResourceType(type).filter((c) => result.selection.allows(c.id));
 */
export function selectControls(
  raw: Record<string, unknown> | undefined,
  registry: Registry,
  frameworks: readonly FrameworkMapping[],
): SelectionResult {
  const parsed = RuleParametersSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'ruleParameters';
    const keys = issue?.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
    return {
      ok: false,
      error: `${where}: ${issue?.message ?? 'invalid'}${keys}; expected controls, frameworks or excludeControls`,
    };
  }
  const { controls, frameworks: frameworkIds, excludeControls } = parsed.data;
  const unknownControls = [...(controls ?? []), ...(excludeControls ?? [])].filter((id) => !registry.get(id));
  if (unknownControls.length > 0) return { ok: false, error: `unknown control(s): ${unknownControls.join(', ')}` };
  const known = new Map(frameworks.map((mapping) => [mapping.framework, mapping]));
  const unknownFrameworks = (frameworkIds ?? []).filter((id) => !known.has(id));
  if (unknownFrameworks.length > 0) {
    return {
      ok: false,
      error: `unknown framework(s): ${unknownFrameworks.join(', ')}; known: ${[...known.keys()].join(', ')}`,
    };
  }

  const excluded = new Set(excludeControls ?? []);
  let included: Set<string> | null = null;
  if (controls || frameworkIds) {
    included = new Set(controls ?? []);
    for (const id of frameworkIds ?? []) {
      for (const requirement of known.get(id)?.requirements ?? []) {
        for (const control of requirement.controls) included.add(control.id);
      }
    }
  }
  const parts = [
    controls ? `controls ${controls.join(', ')}` : null,
    frameworkIds ? `frameworks ${frameworkIds.join(', ')}` : null,
    excluded.size > 0 ? `excluding ${[...excluded].join(', ')}` : null,
  ].filter((part): part is string => part !== null);
  const chosen = included;
  return {
    ok: true,
    selection: {
      allows: (id) => !excluded.has(id) && (chosen === null || chosen.has(id)),
      description: parts.length > 0 ? parts.join('; ') : 'every control',
    },
  };
}
