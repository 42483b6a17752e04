/**
 * Writes docs/catalog.md from the registry and the mappings, so the catalog a
 * reader sees is the one the code runs. `test/catalog-doc.test.ts` fails when
 * the committed file is stale.
 *
 * Run: npm run catalog:doc
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG_VERSION, catalogMappings, catalogRegistry } from '../engine/catalog.js';

export const CATALOG_DOC = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'catalog.md');

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderCatalogDoc(): string {
  const registry = catalogRegistry();
  const mappings = catalogMappings();
  const lines = [
    '# Control catalog',
    '',
    `Generated from the code by \`npm run catalog:doc\`; do not edit. Catalog ${CATALOG_VERSION}, hash \`${registry.catalogHash}\`.`,
    '',
    '## Frameworks',
    '',
    '| framework | version | requirements | automated | manual |',
    '|---|---|---|---|---|',
    ...mappings.frameworks.map((m) => {
      const automated = m.requirements.filter((r) => r.controls.length > 0).length;
      return `| ${cell(m.name)} (\`${m.framework}\`) | ${m.version} | ${m.requirements.length} | ${automated} | ${m.requirements.length - automated} |`;
    }),
    '',
    `## Controls (${registry.controls.length}, ${new Set(registry.controls.map((c) => c.service)).size} services)`,
    '',
    '| id | severity | resource types | requirements | AWS Config rule |',
    '|---|---|---|---|---|',
    ...registry.controls.map(
      (c) =>
        `| \`${c.id}\` | ${c.severity} | ${c.resourceTypes.join('<br>')} | ${mappings.requirementsFor(c.id).join(', ') || '-'} | ${c.references.awsConfigRule ?? '-'} |`,
    ),
    '',
    '## Details',
    '',
  ];
  for (const c of registry.controls) {
    lines.push(
      `### ${c.id}`,
      '',
      `**${cell(c.title)}** (${c.severity}, ${c.service})`,
      '',
      c.description,
      '',
      `*Why it matters:* ${c.rationale}`,
      '',
      `*Remediation:* ${c.remediation.guidance}`,
      '',
    );
    const parameters = Object.entries(c.parameters);
    if (parameters.length > 0) {
      lines.push(
        `*Parameters:* ${parameters.map(([key, value]) => `\`${key}\` = \`${JSON.stringify(value)}\``).join(', ')}`,
        '',
      );
    }
    if (c.references.urls.length > 0) lines.push(...c.references.urls.map((url) => `- ${url}`), '');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) writeFileSync(CATALOG_DOC, renderCatalogDoc());
