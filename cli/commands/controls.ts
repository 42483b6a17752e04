import { catalogMappings, catalogRegistry } from '../../engine/catalog.js';
import { UsageError } from '../../engine/errors.js';
import type { Output } from '../main.js';
import { renderTable } from '../terminal.js';

/** `controls list [--json]`: every control with its severity, types and frameworks. */
export async function runControlsCommand(
  sub: string | undefined,
  rest: string[],
  values: { json?: boolean | undefined },
  output: Output,
): Promise<number> {
  if (sub !== 'list' || rest.length > 0) throw new UsageError('usage: controls list [--json]');
  const registry = catalogRegistry();
  const mappings = catalogMappings();
  const rows = registry.controls.map((control) => ({
    id: control.id,
    title: control.title,
    service: control.service,
    severity: control.severity,
    resourceTypes: control.resourceTypes,
    requirements: mappings.requirementsFor(control.id),
    awsConfigRule: control.references.awsConfigRule ?? null,
    remediation: control.remediation.guidance,
  }));
  if (values.json) {
    output.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  output.out(
    renderTable(
      ['ID', 'SEVERITY', 'RESOURCE TYPES', 'FRAMEWORKS'],
      rows.map((row) => [
        row.id,
        row.severity,
        row.resourceTypes.join(', '),
        [...new Set(row.requirements.map((r) => r.split(':')[0]))].join(', ') || '-',
      ]),
    ),
  );
  const services = new Set(rows.map((row) => row.service));
  output.out(`\n${rows.length} controls across ${services.size} services.`);
  return 0;
}
