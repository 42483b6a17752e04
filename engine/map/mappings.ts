/**
 * Frameworks as data: `mappings/<framework>.json`, validated when loaded.
 * A framework points to controls; a control never names a framework.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import gdpr from '../../mappings/gdpr.json' with { type: 'json' };
import hipaa from '../../mappings/hipaa.json' with { type: 'json' };
import soc2 from '../../mappings/soc2.json' with { type: 'json' };
import { MappingError } from '../errors.js';
import type { Registry } from '../registry.js';

const ControlRefSchema = z.strictObject({
  id: z.string().min(1),
  rationale: z.string().min(1),
});

const RequirementSchema = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  section: z.string().min(1),
  /** HIPAA implementation specifications are required or addressable. */
  implementation: z.enum(['required', 'addressable']).optional(),
  /** GDPR: the obligation the article imposes, in our words. */
  obligation: z.string().min(1).optional(),
  controls: z.array(ControlRefSchema),
  manualEvidence: z.array(z.string().min(1)).default([]),
});

export const FrameworkMappingSchema = z.strictObject({
  framework: z.string().regex(/^[a-z0-9]+$/),
  name: z.string().min(1),
  version: z.string().min(1),
  description: z.string().min(1),
  sources: z.array(z.strictObject({ title: z.string(), url: z.string(), usedFor: z.string() })).default([]),
  requirements: z.array(RequirementSchema).min(1),
});

export type FrameworkMapping = z.infer<typeof FrameworkMappingSchema> & { hash: string };
export type Requirement = z.infer<typeof RequirementSchema>;

/** The frameworks shipped with the tool, in display order. */
export const BUNDLED_MAPPINGS: readonly unknown[] = [soc2, gdpr, hipaa];

const describePath = (mapping: unknown, path: readonly PropertyKey[]): string => {
  // Name the requirement by its id rather than its array index when we can.
  const [first, index, ...rest] = path;
  if (first === 'requirements' && typeof index === 'number') {
    const requirements = (mapping as { requirements?: { id?: unknown }[] }).requirements;
    const id = requirements?.[index]?.id;
    return [`requirement ${typeof id === 'string' ? id : `#${index}`}`, ...rest.map(String)].join('.');
  }
  return path.map(String).join('.') || '(root)';
};

/**
 * Parses one framework and checks its internal consistency.
 *
 * @example
 * const soc2 = parseFrameworkMapping(JSON.parse(text), 'mappings/soc2.json');
 */
export function parseFrameworkMapping(raw: unknown, where: string): FrameworkMapping {
  const parsed = FrameworkMappingSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue ? describePath(raw, issue.path) : '';
    throw new MappingError(`${where}: ${at}: ${issue?.message ?? 'invalid'}`);
  }
  const mapping = parsed.data;
  const seen = new Set<string>();
  for (const requirement of mapping.requirements) {
    if (seen.has(requirement.id)) throw new MappingError(`${where}: requirement ${requirement.id} is listed twice`);
    seen.add(requirement.id);
    const controls = new Set<string>();
    for (const control of requirement.controls) {
      if (controls.has(control.id)) {
        throw new MappingError(`${where}: requirement ${requirement.id} lists control ${control.id} twice`);
      }
      controls.add(control.id);
    }
    if (requirement.controls.length === 0 && requirement.manualEvidence.length === 0) {
      throw new MappingError(`${where}: requirement ${requirement.id} has no control and no manual evidence`);
    }
  }
  const hash = createHash('sha256').update(JSON.stringify(mapping)).digest('hex');
  return { ...mapping, hash };
}

/** Requirement ids as findings carry them: `soc2:CC6.1`, `hipaa:164.312(a)(2)(iv)`. */
export const qualifiedId = (framework: string, requirementId: string): string => `${framework}:${requirementId}`;

export interface MappingIndex {
  readonly frameworks: readonly FrameworkMapping[];
  /** Qualified requirement ids a control gives evidence for, in the selected frameworks. */
  requirementsFor(controlId: string): string[];
}

/**
 * Loads the bundled frameworks (or the given ones), checks that every
 * control they name exists, and indexes them by control.
 *
 * @example
 * const index = createMappingIndex(registry, { frameworks: ['soc2', 'hipaa'] });
 * index.requirementsFor('s3-bucket-versioning-enabled'); // ['soc2:A1.2', ...]
 */
export function createMappingIndex(
  registry: Registry,
  options: { frameworks?: readonly string[]; mappings?: readonly FrameworkMapping[] } = {},
): MappingIndex {
  const all =
    options.mappings ??
    BUNDLED_MAPPINGS.map((raw, index) =>
      parseFrameworkMapping(raw, `mappings/${(raw as { framework?: string }).framework ?? index}.json`),
    );
  for (const mapping of all) {
    for (const requirement of mapping.requirements) {
      for (const control of requirement.controls) {
        if (!registry.get(control.id)) {
          throw new MappingError(
            `mappings/${mapping.framework}.json: requirement ${requirement.id} names unknown control ${control.id}`,
          );
        }
      }
    }
  }
  const selected = options.frameworks ? all.filter((m) => options.frameworks?.includes(m.framework)) : all;
  const byControl = new Map<string, string[]>();
  for (const mapping of selected) {
    for (const requirement of mapping.requirements) {
      for (const control of requirement.controls) {
        const list = byControl.get(control.id) ?? [];
        list.push(qualifiedId(mapping.framework, requirement.id));
        byControl.set(control.id, list);
      }
    }
  }
  return { frameworks: selected, requirementsFor: (controlId) => byControl.get(controlId) ?? [] };
}
