/**
 * Rolls findings up to requirement verdicts that do not flatter:
 * - FAIL when any mapped control failed on any resource;
 * - INSUFFICIENT_DATA when evidence was missing or a control errored;
 * - PASS only when mapped controls passed on at least one resource and none failed;
 * - NOT_APPLICABLE when no resource was in scope (never counted as PASS);
 * - MANUAL when nothing is automated.
 */
import { type Finding, STATUSES, type Status } from '../types.js';
import { type FrameworkMapping, qualifiedId } from './mappings.js';

export const RequirementStatus = {
  PASS: 'PASS',
  FAIL: 'FAIL',
  NOT_APPLICABLE: 'NOT_APPLICABLE',
  INSUFFICIENT_DATA: 'INSUFFICIENT_DATA',
  MANUAL: 'MANUAL',
} as const;
export type RequirementStatus = (typeof RequirementStatus)[keyof typeof RequirementStatus];
export const REQUIREMENT_STATUSES: readonly RequirementStatus[] = Object.values(RequirementStatus);

export type StatusCounts = Record<Status, number>;
export const emptyCounts = (): StatusCounts =>
  Object.fromEntries(STATUSES.map((status) => [status, 0])) as StatusCounts;

export interface RequirementResult {
  id: string;
  qualifiedId: string;
  title: string;
  section: string;
  implementation?: 'required' | 'addressable';
  status: RequirementStatus;
  automated: boolean;
  /** Findings of the mapped controls, by status. */
  counts: StatusCounts;
  /** Resources the mapped controls judged (any status). */
  resourcesEvaluated: number;
  controls: { id: string; rationale: string; counts: StatusCounts }[];
  manualEvidence: string[];
}

export interface FrameworkSummary {
  framework: string;
  name: string;
  version: string;
  hash: string;
  requirements: RequirementResult[];
  totals: {
    requirements: number;
    automated: number;
    manual: number;
    byStatus: Record<RequirementStatus, number>;
  };
}

export function requirementStatus(automated: boolean, counts: StatusCounts): RequirementStatus {
  if (!automated) return RequirementStatus.MANUAL;
  if (counts.FAIL > 0) return RequirementStatus.FAIL;
  if (counts.ERROR > 0 || counts.INSUFFICIENT_DATA > 0) return RequirementStatus.INSUFFICIENT_DATA;
  if (counts.PASS > 0) return RequirementStatus.PASS;
  return RequirementStatus.NOT_APPLICABLE;
}

/**
 * Tallies findings per control as they stream past, then summarises each
 * framework. Memory is per control, not per finding.
 *
 * @example
 * const tally = new ComplianceTally(index.frameworks);
 * for (const finding of findings) tally.add(finding);
 * tally.summarise(); // FrameworkSummary[]
 */
export class ComplianceTally {
  private readonly byControl = new Map<string, StatusCounts>();

  constructor(private readonly frameworks: readonly FrameworkMapping[]) {}

  add(finding: Pick<Finding, 'controlId' | 'status'>): void {
    let counts = this.byControl.get(finding.controlId);
    if (!counts) {
      counts = emptyCounts();
      this.byControl.set(finding.controlId, counts);
    }
    counts[finding.status]++;
  }

  controlCounts(controlId: string): StatusCounts {
    return this.byControl.get(controlId) ?? emptyCounts();
  }

  summarise(): FrameworkSummary[] {
    return this.frameworks.map((mapping) => {
      const byStatus = Object.fromEntries(REQUIREMENT_STATUSES.map((s) => [s, 0])) as Record<RequirementStatus, number>;
      const requirements = mapping.requirements.map((requirement): RequirementResult => {
        const counts = emptyCounts();
        const controls = requirement.controls.map((control) => {
          const controlCounts = this.controlCounts(control.id);
          for (const status of STATUSES) counts[status] += controlCounts[status];
          return { id: control.id, rationale: control.rationale, counts: { ...controlCounts } };
        });
        const automated = requirement.controls.length > 0;
        const status = requirementStatus(automated, counts);
        byStatus[status]++;
        return {
          id: requirement.id,
          qualifiedId: qualifiedId(mapping.framework, requirement.id),
          title: requirement.title,
          section: requirement.section,
          ...(requirement.implementation ? { implementation: requirement.implementation } : {}),
          status,
          automated,
          counts,
          resourcesEvaluated: STATUSES.reduce((sum, s) => sum + counts[s], 0),
          controls,
          manualEvidence: requirement.manualEvidence,
        };
      });
      const automated = requirements.filter((r) => r.automated).length;
      return {
        framework: mapping.framework,
        name: mapping.name,
        version: mapping.version,
        hash: mapping.hash,
        requirements,
        totals: { requirements: requirements.length, automated, manual: requirements.length - automated, byStatus },
      };
    });
  }
}
