/**
 * Table-driven control tests, in the manner of ESLint's RuleTester: each case
 * is data (a resource, its context, the expected status and a reason
 * fragment), so adding a case never means writing new test code.
 */
import { describe, expect, it } from 'vitest';
import type { Control } from '../../engine/evaluate/define-control.js';
import { ContextIndex } from '../../engine/evaluate/context.js';
import { runControl } from '../../engine/evaluate/evaluate-resource.js';
import type { Resource, Status, Verdict } from '../../engine/types.js';

export interface ControlCase {
  /** Shown as the test name. */
  name: string;
  resource: Resource;
  /** Other resources the control may consult (account facts, policies, buckets). */
  context?: Resource[];
  expected: Status;
  /** A fragment the reason must contain (case-insensitive). */
  reason?: string | RegExp;
  /** Values that `observed` must contain. */
  observed?: Record<string, unknown>;
  /** Defaults to the item's capture time, else 2026-01-01. */
  asOf?: Date;
}

/** Builds the context a control sees, from the resources of a case. */
export function contextOf(resources: Resource[] = []): ContextIndex {
  const index = new ContextIndex(new Set(resources.map((resource) => resource.resourceType)));
  for (const resource of resources) index.add(resource);
  return index;
}

/** Freezes a value and everything it holds. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/**
 * Evaluates one resource with one control, as the engine does. The resource
 * and its context are frozen: the audit evaluates the very objects its
 * context holds, so a control that changed its input would change what
 * other controls see, and fails here instead.
 */
export function judge(control: Control, resource: Resource, context: Resource[] = [], asOf?: Date): Verdict {
  const when = asOf ?? (resource.captureTime ? new Date(resource.captureTime) : new Date('2026-01-01T00:00:00Z'));
  return runControl(control, deepFreeze(resource), contextOf(context.map(deepFreeze)), when);
}

/**
 * @example
 * testControl(control, [
 *   { name: 'versioning enabled', resource: loadItem('s3-bucket/versioning-enabled'), expected: 'PASS' },
 * ]);
 */
export function testControl(control: Control, cases: ControlCase[]): void {
  describe(`Control: ${control.id}`, () => {
    it('has at least one PASS and one FAIL case', () => {
      const statuses = new Set(cases.map((c) => c.expected));
      expect(statuses.has('PASS')).toBe(true);
      expect(statuses.has('FAIL')).toBe(true);
    });
    for (const c of cases) {
      it(`${c.expected}: ${c.name}`, () => {
        // Act
        const verdict = judge(control, c.resource, c.context, c.asOf);
        // Assess
        expect(verdict.status, verdict.reason).toBe(c.expected);
        expect(verdict.reason).toMatch(/\.$/);
        if (typeof c.reason === 'string') expect(verdict.reason.toLowerCase()).toContain(c.reason.toLowerCase());
        else if (c.reason) expect(verdict.reason).toMatch(c.reason);
        if (c.observed) expect(verdict.observed).toMatchObject(c.observed);
      });
    }
  });
}
