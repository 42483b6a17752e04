/**
 * The control registry: built once, when the module loads, from the explicit
 * index in `controls/index.ts`. Lookups by id and by resource type.
 */
import { createHash } from 'node:crypto';
import { ControlDefinitionError } from './errors.js';
import type { Control } from './evaluate/define-control.js';
import { ACCOUNT_RESOURCE_TYPE } from './normalize/account-facts.js';

export interface Registry {
  /** Every control, sorted by id. */
  readonly controls: readonly Control[];
  get(id: string): Control | undefined;
  forResourceType(resourceType: string): readonly Control[];
  /** Resource types some control reads through its context. */
  readonly contextTypes: ReadonlySet<string>;
  /** Resource types some control judges. */
  readonly evaluatedTypes: ReadonlySet<string>;
  /** SHA-256 over every control's hash, in id order. */
  readonly catalogHash: string;
}

/**
 * @example
 * const registry = createRegistry(controls);
 * registry.forResourceType('AWS::S3::Bucket').map((c) => c.id);
 */
export function createRegistry(controls: readonly Control[]): Registry {
  const byId = new Map<string, Control>();
  const byType = new Map<string, Control[]>();
  const contextTypes = new Set<string>([ACCOUNT_RESOURCE_TYPE]);
  for (const control of controls) {
    if (byId.has(control.id)) throw new ControlDefinitionError(`control ${control.id} is defined twice`);
    byId.set(control.id, control);
    for (const type of control.resourceTypes) byType.set(type, [...(byType.get(type) ?? []), control]);
    for (const type of control.uses ?? []) contextTypes.add(type);
  }
  const sorted = [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
  const catalogHash = createHash('sha256');
  for (const control of sorted) catalogHash.update(`${control.id}:${control.hash}\n`);
  return {
    controls: sorted,
    get: (id) => byId.get(id),
    forResourceType: (type) => byType.get(type) ?? [],
    contextTypes,
    evaluatedTypes: new Set(byType.keys()),
    catalogHash: catalogHash.digest('hex'),
  };
}
