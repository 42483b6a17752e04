import { describe, expect, it } from 'vitest';
import { catalogMappings, catalogRegistry } from '../../engine/catalog.js';
import { selectControls } from '../../engine/serverless/rule-parameters.js';

const registry = catalogRegistry();
const { frameworks } = catalogMappings();

describe('Function: selectControls (the rule parameters)', () => {
  it('selects every control when the rule has no parameters', () => {
    const result = selectControls(undefined, registry, frameworks);
    expect(result.ok && registry.controls.every((c) => result.selection.allows(c.id))).toBe(true);
  });

  it('takes comma-separated ids, as Config delivers InputParameters, or JSON arrays', () => {
    // Act
    const csv = selectControls(
      { controls: ' s3-bucket-versioning-enabled , iam-root-mfa-enabled' },
      registry,
      frameworks,
    );
    const array = selectControls({ controls: ['s3-bucket-versioning-enabled'] }, registry, frameworks);

    // Assess
    expect(csv.ok && csv.selection.allows('iam-root-mfa-enabled')).toBe(true);
    expect(csv.ok && csv.selection.allows('s3-bucket-tls-only-policy')).toBe(false);
    expect(array.ok && array.selection.allows('s3-bucket-versioning-enabled')).toBe(true);
  });

  it('selects a framework as the controls its requirements map, minus exclusions', () => {
    // Prepare
    const hipaa = frameworks.find((f) => f.framework === 'hipaa');
    const mapped = new Set(hipaa?.requirements.flatMap((r) => r.controls.map((c) => c.id)));
    const [first] = [...mapped];

    // Act
    const result = selectControls({ frameworks: 'hipaa', excludeControls: first }, registry, frameworks);

    // Assess
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const control of registry.controls) {
      expect(result.selection.allows(control.id)).toBe(mapped.has(control.id) && control.id !== first);
    }
    expect(result.selection.description).toContain('frameworks hipaa');
  });

  it.each([
    [{ controls: 'no-such-control' }, /unknown control\(s\): no-such-control/],
    [{ frameworks: 'pci' }, /unknown framework\(s\): pci; known: soc2, gdpr, hipaa/],
    [{ control: 's3-bucket-versioning-enabled' }, /control/],
    [{ controls: 42 }, /controls/],
  ])('rejects %j, naming the problem', (parameters, message) => {
    const result = selectControls(parameters, registry, frameworks);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });
});
