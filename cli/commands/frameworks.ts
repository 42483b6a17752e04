import { catalogMappings } from '../../engine/catalog.js';
import { UsageError } from '../../engine/errors.js';
import type { Output } from '../main.js';
import { renderTable } from '../terminal.js';

/** `frameworks list` and `frameworks coverage`: the frameworks as shipped, and how much is automated. */
export async function runFrameworksCommand(
  sub: string | undefined,
  rest: string[],
  values: { json?: boolean | undefined; framework?: string | undefined },
  output: Output,
): Promise<number> {
  if (rest.length > 0 || (sub !== 'list' && sub !== 'coverage')) {
    throw new UsageError('usage: frameworks list [--json] | frameworks coverage [--framework ID] [--json]');
  }
  const all = catalogMappings().frameworks;
  if (values.framework && !all.some((m) => m.framework === values.framework)) {
    throw new UsageError(`unknown framework "${values.framework}" (known: ${all.map((m) => m.framework).join(', ')})`);
  }
  const frameworks = values.framework ? all.filter((m) => m.framework === values.framework) : all;
  const coverage = frameworks.map((m) => {
    const automated = m.requirements.filter((r) => r.controls.length > 0).length;
    return { mapping: m, automated, manual: m.requirements.length - automated };
  });

  if (sub === 'list') {
    if (values.json) {
      output.out(
        JSON.stringify(
          coverage.map(({ mapping, automated, manual }) => ({
            framework: mapping.framework,
            name: mapping.name,
            version: mapping.version,
            hash: mapping.hash,
            requirements: mapping.requirements.length,
            automated,
            manual,
          })),
          null,
          2,
        ),
      );
      return 0;
    }
    output.out(
      renderTable(
        ['ID', 'NAME', 'VERSION', 'REQUIREMENTS'],
        coverage.map(({ mapping }) => [mapping.framework, mapping.name, mapping.version, mapping.requirements.length]),
      ),
    );
    return 0;
  }

  if (values.json) {
    output.out(
      JSON.stringify(
        coverage.map(({ mapping, automated, manual }) => ({
          framework: mapping.framework,
          requirements: mapping.requirements.length,
          automated,
          manual,
          items: mapping.requirements.map((r) => ({
            id: r.id,
            title: r.title,
            automated: r.controls.length > 0,
            controls: r.controls.map((c) => c.id),
            manualEvidence: r.manualEvidence,
          })),
        })),
        null,
        2,
      ),
    );
    return 0;
  }
  output.out(
    renderTable(
      ['FRAMEWORK', 'REQUIREMENTS', 'AUTOMATED', 'MANUAL', 'AUTOMATED %'],
      coverage.map(({ mapping, automated, manual }) => [
        mapping.framework,
        mapping.requirements.length,
        automated,
        manual,
        Number(((automated / mapping.requirements.length) * 100).toFixed(0)),
      ]),
    ),
  );
  for (const { mapping } of coverage) {
    output.out(`\n${mapping.name} (${mapping.framework} ${mapping.version})`);
    output.out(
      renderTable(
        ['REQUIREMENT', 'TITLE', 'AUTOMATED', 'CONTROLS'],
        mapping.requirements.map((r) => [
          r.id,
          r.title.length > 60 ? `${r.title.slice(0, 57)}...` : r.title,
          r.controls.length > 0 ? 'yes' : 'manual',
          r.controls.map((c) => c.id).join(', ') || `evidence: ${r.manualEvidence[0] ?? ''}`,
        ]),
      ),
    );
  }
  return 0;
}
