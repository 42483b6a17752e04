/**
 * The catalog as shipped: the control registry, the bundled frameworks and
 * their versions. Built once per process (a Lambda cold start, a CLI run).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { controls } from '../controls/index.js';
import packageJson from '../package.json' with { type: 'json' };
import { createMappingIndex, type FrameworkMapping, type MappingIndex } from './map/mappings.js';
import { createRegistry, type Registry } from './registry.js';

/** Bumped when controls or mappings change meaning; the hashes pin the exact content. */
export const CATALOG_VERSION = '2026.11.0';

/** The bundled demo account: a recorded inventory of a fictional company. */
export const DEMO_INVENTORY = join(dirname(fileURLToPath(import.meta.url)), '..', 'demo', 'demo-account.json');

export const TOOL = { name: 'compliance-auditor', version: packageJson.version } as const;

let registry: Registry | undefined;

/** The registry of every shipped control; throws ControlDefinitionError on a bad catalog. */
export function catalogRegistry(): Registry {
  registry ??= createRegistry(controls);
  return registry;
}

/**
 * The frameworks, restricted to `frameworks` when given.
 *
 * @example
 * const mappings = catalogMappings(['soc2', 'hipaa']);
 */
export function catalogMappings(frameworks?: readonly string[]): MappingIndex {
  // Parse and validate the bundled files once per process; selecting frameworks only filters them.
  bundled ??= createMappingIndex(catalogRegistry()).frameworks;
  return createMappingIndex(catalogRegistry(), { mappings: bundled, ...(frameworks ? { frameworks } : {}) });
}

let bundled: readonly FrameworkMapping[] | undefined;
