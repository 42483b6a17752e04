/**
 * The catalog's meta-lint: every control file is indexed, tested and mapped;
 * every mapping names real controls; the generated index is current.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { controls } from '../controls/index.js';
import { catalogMappings, catalogRegistry } from '../engine/catalog.js';
import { CONTROLS_DIR, renderControlIndex } from '../scripts/generate-control-index.js';

const files = readdirSync(CONTROLS_DIR).filter((file) => file.endsWith('.ts') && file !== 'index.ts');

describe('Control catalog', () => {
  it('has a current generated index (run `npm run controls:index`)', () => {
    expect(readFileSync(join(CONTROLS_DIR, 'index.ts'), 'utf8')).toBe(renderControlIndex(readdirSync(CONTROLS_DIR)));
  });

  it('names every control after its file', () => {
    expect(controls.map((control) => `${control.id}.ts`).sort()).toEqual([...files].sort());
  });

  it('builds a registry (unique ids, valid metadata)', () => {
    expect(catalogRegistry().controls).toHaveLength(files.length);
  });

  it.each(files.map((file) => file.slice(0, -3)))('%s has its test file', (id) => {
    expect(existsSync(join(CONTROLS_DIR, '..', 'test', 'controls', `${id}.test.ts`))).toBe(true);
  });

  it('has at least 80 controls across at least 20 services', () => {
    expect(controls.length).toBeGreaterThanOrEqual(80);
    expect(new Set(controls.map((control) => control.service)).size).toBeGreaterThanOrEqual(20);
  });
});

describe('Framework mappings', () => {
  const mappings = catalogMappings();

  it('load and point only at existing controls', () => {
    expect(mappings.frameworks.map((m) => m.framework)).toEqual(['soc2', 'gdpr', 'hipaa']);
  });

  it('map every control to at least one requirement', () => {
    const unmapped = controls.filter((control) => mappings.requirementsFor(control.id).length === 0).map((c) => c.id);
    expect(unmapped).toEqual([]);
  });

  it('list every requirement the frameworks define, automated or manual', () => {
    const ids = Object.fromEntries(mappings.frameworks.map((m) => [m.framework, m.requirements.map((r) => r.id)]));
    const soc2 = [
      ...[1, 2, 3, 4, 5].map((n) => `CC1.${n}`),
      ...[1, 2, 3].map((n) => `CC2.${n}`),
      ...[1, 2, 3, 4].map((n) => `CC3.${n}`),
      'CC4.1',
      'CC4.2',
      'CC5.1',
      'CC5.2',
      'CC5.3',
      ...[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `CC6.${n}`),
      ...[1, 2, 3, 4, 5].map((n) => `CC7.${n}`),
      'CC8.1',
      'CC9.1',
      'CC9.2',
      'A1.1',
      'A1.2',
      'A1.3',
      'C1.1',
      'C1.2',
      ...[1, 2, 3, 4, 5].map((n) => `PI1.${n}`),
      'P1.1',
      'P2.1',
      'P3.1',
      'P3.2',
      'P4.1',
      'P4.2',
      'P4.3',
      'P5.1',
      'P5.2',
      ...[1, 2, 3, 4, 5, 6, 7].map((n) => `P6.${n}`),
      'P7.1',
      'P8.1',
    ];
    expect(ids.soc2).toEqual(expect.arrayContaining(soc2));
    expect(ids.gdpr).toEqual(
      expect.arrayContaining([
        'Art.5(1)(f)',
        'Art.5(2)',
        'Art.24',
        'Art.28',
        'Art.30',
        'Art.32(1)(a)',
        'Art.32(1)(d)',
        'Art.32(2)',
        'Art.33',
        'Art.34',
        'Art.35',
        'Art.44',
        'Art.46',
      ]),
    );
    expect(ids.hipaa).toEqual(
      expect.arrayContaining([
        '164.308(a)(1)(ii)(A)',
        '164.310(d)(2)(iv)',
        '164.312(a)(2)(iv)',
        '164.312(e)(2)(ii)',
        '164.314(a)(1)',
        '164.316(b)(2)(i)',
      ]),
    );
  });

  it('mark every HIPAA specification required or addressable, and give every GDPR article its obligation', () => {
    const hipaa = mappings.frameworks.find((m) => m.framework === 'hipaa');
    const gdpr = mappings.frameworks.find((m) => m.framework === 'gdpr');
    expect(hipaa?.requirements.filter((r) => !r.implementation).map((r) => r.id)).toEqual([]);
    expect(gdpr?.requirements.filter((r) => !r.obligation).map((r) => r.id)).toEqual([]);
    expect(hipaa?.requirements.find((r) => r.id === '164.312(a)(2)(iv)')?.implementation).toBe('addressable');
    expect(hipaa?.requirements.find((r) => r.id === '164.308(a)(1)(ii)(A)')?.implementation).toBe('required');
  });
});
