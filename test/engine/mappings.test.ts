import { describe, expect, it } from 'vitest';
import { defineControl } from '../../engine/evaluate/define-control.js';
import { pass } from '../../engine/evaluate/verdict.js';
import { MappingError } from '../../engine/errors.js';
import { createMappingIndex, parseFrameworkMapping } from '../../engine/map/mappings.js';
import { ComplianceTally, emptyCounts, requirementStatus } from '../../engine/map/requirement-status.js';
import { createRegistry } from '../../engine/registry.js';

const control = (id: string) =>
  defineControl({
    id,
    title: id,
    service: 's3',
    severity: 'high',
    resourceTypes: ['AWS::S3::Bucket'],
    description: 'd',
    rationale: 'r',
    remediation: { guidance: 'g' },
    references: { urls: [] },
    evaluate: () => pass('.'),
  });
const registry = createRegistry([control('s3-a-ok'), control('s3-b-ok'), control('s3-c-ok')]);

const framework = (requirements: unknown[]) => ({
  framework: 'soc2',
  name: 'SOC 2',
  version: '1',
  description: 'test',
  requirements,
});
const req = (id: string, controls: string[], manualEvidence: string[] = []) => ({
  id,
  title: `Requirement ${id}`,
  section: 'CC6',
  controls: controls.map((c) => ({ id: c, rationale: 'because' })),
  manualEvidence,
});

describe('Function: parseFrameworkMapping', () => {
  it('parses and hashes a valid mapping', () => {
    const mapping = parseFrameworkMapping(
      framework([req('CC6.1', ['s3-a-ok']), req('CC1.1', [], ['Board minutes'])]),
      'soc2.json',
    );
    expect(mapping.requirements).toHaveLength(2);
    expect(mapping.hash).toMatch(/^[0-9a-f]{64}$/);
  });
  it.each([
    [framework([req('CC6.1', ['s3-a-ok']), req('CC6.1', ['s3-b-ok'])]), /requirement CC6.1 is listed twice/],
    [framework([req('CC6.1', ['s3-a-ok', 's3-a-ok'])]), /lists control s3-a-ok twice/],
    [framework([req('CC1.1', [])]), /CC1.1 has no control and no manual evidence/],
    [framework([{ ...req('CC6.2', []), title: '' }]), /soc2.json: requirement CC6.2.title/],
    [{ ...framework([req('CC6.1', ['s3-a-ok'])]), extra: true }, /soc2.json/],
  ])('rejects a broken mapping (%#)', (raw, message) => {
    expect(() => parseFrameworkMapping(raw, 'soc2.json')).toThrow(message);
  });
});

describe('Function: createMappingIndex', () => {
  it('indexes requirements by control, with qualified ids', () => {
    const mapping = parseFrameworkMapping(
      framework([req('CC6.1', ['s3-a-ok', 's3-b-ok']), req('CC7.2', ['s3-a-ok'])]),
      'x',
    );
    const index = createMappingIndex(registry, { mappings: [mapping] });
    expect(index.requirementsFor('s3-a-ok')).toEqual(['soc2:CC6.1', 'soc2:CC7.2']);
    expect(index.requirementsFor('s3-c-ok')).toEqual([]);
    expect(
      createMappingIndex(registry, { mappings: [mapping], frameworks: ['hipaa'] }).requirementsFor('s3-a-ok'),
    ).toEqual([]);
  });
  it('names the framework and requirement of an unknown control', () => {
    const mapping = parseFrameworkMapping(framework([req('CC6.1', ['s3-missing-control'])]), 'x');
    expect(() => createMappingIndex(registry, { mappings: [mapping] })).toThrow(
      new MappingError('mappings/soc2.json: requirement CC6.1 names unknown control s3-missing-control'),
    );
  });
});

describe('Requirement verdicts', () => {
  const counts = (partial: Partial<ReturnType<typeof emptyCounts>>) => ({ ...emptyCounts(), ...partial });
  it.each([
    [false, counts({}), 'MANUAL'],
    [true, counts({ PASS: 9, FAIL: 1 }), 'FAIL'],
    [true, counts({ PASS: 9, INSUFFICIENT_DATA: 1 }), 'INSUFFICIENT_DATA'],
    [true, counts({ PASS: 9, ERROR: 1 }), 'INSUFFICIENT_DATA'],
    [true, counts({ PASS: 1, NOT_APPLICABLE: 5 }), 'PASS'],
    [true, counts({ NOT_APPLICABLE: 5 }), 'NOT_APPLICABLE'],
    [true, counts({}), 'NOT_APPLICABLE'],
  ])('automated=%s %o → %s', (automated, c, expected) => {
    expect(requirementStatus(automated, c)).toBe(expected);
  });

  it('rolls findings up per framework without flattering', () => {
    const mapping = parseFrameworkMapping(
      framework([
        req('CC6.1', ['s3-a-ok']),
        req('CC6.6', ['s3-b-ok']),
        req('CC7.1', ['s3-c-ok']),
        req('CC1.1', [], ['Org chart']),
      ]),
      'x',
    );
    const tally = new ComplianceTally([mapping]);
    tally.add({ controlId: 's3-a-ok', status: 'PASS' });
    tally.add({ controlId: 's3-b-ok', status: 'PASS' });
    tally.add({ controlId: 's3-b-ok', status: 'FAIL' });
    const [summary] = tally.summarise();
    expect(summary?.requirements.map((r) => [r.qualifiedId, r.status])).toEqual([
      ['soc2:CC6.1', 'PASS'],
      ['soc2:CC6.6', 'FAIL'],
      ['soc2:CC7.1', 'NOT_APPLICABLE'],
      ['soc2:CC1.1', 'MANUAL'],
    ]);
    expect(summary?.totals).toMatchObject({
      requirements: 4,
      automated: 3,
      manual: 1,
      byStatus: { PASS: 1, FAIL: 1, NOT_APPLICABLE: 1, MANUAL: 1 },
    });
    expect(summary?.requirements[3]?.manualEvidence).toEqual(['Org chart']);
  });
});
