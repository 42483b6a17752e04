/**
 * Counts for the run as a whole: the population (so an auditor can reconcile
 * it with the source) and findings by status, severity, service and control.
 */
import { emptyCounts, type StatusCounts } from '../map/requirement-status.js';
import type { Registry } from '../registry.js';
import { OUT_OF_SCOPE_STATUSES, type Finding, type Resource, SEVERITIES, type Severity } from '../types.js';
import type { OverallSummary, PopulationCounts } from './bundle-types.js';

const increment = (counts: Record<string, number>, key: string) => {
  counts[key] = (counts[key] ?? 0) + 1;
};

const sortedByKey = <T>(record: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

export class OverallTally {
  private readonly population: PopulationCounts = {
    recordsRead: 0,
    evaluated: 0,
    outOfScope: {},
    unknownTypes: {},
    byResourceType: {},
    accounts: [],
    regions: [],
    accountsWithoutFacts: [],
  };
  private readonly accounts = new Set<string>();
  private readonly regions = new Set<string>();
  private readonly findings = emptyCounts();
  private readonly bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, emptyCounts()])) as Record<
    Severity,
    StatusCounts
  >;
  private readonly byService: Record<string, StatusCounts> = {};
  private readonly collectionErrors: Record<string, unknown>[] = [];

  constructor(private readonly registry: Registry) {}

  /** Records a resource read from the input; says whether it is in scope. */
  addResource(resource: Resource): boolean {
    this.population.recordsRead++;
    increment(this.population.byResourceType, resource.resourceType);
    if (OUT_OF_SCOPE_STATUSES.has(resource.status)) {
      increment(this.population.outOfScope, resource.status);
      return false;
    }
    if (/^\d{12}$/.test(resource.accountId)) this.accounts.add(resource.accountId);
    if (resource.region !== 'global' && resource.region !== 'unknown') this.regions.add(resource.region);
    const errors = resource.configuration?.collectionErrors;
    if (Array.isArray(errors)) this.collectionErrors.push(...(errors as Record<string, unknown>[]));
    if (this.registry.forResourceType(resource.resourceType).length === 0) {
      increment(this.population.unknownTypes, resource.resourceType);
      return false;
    }
    this.population.evaluated++;
    return true;
  }

  /**
   * An account-level resource made up because the input had no facts for it.
   * Not counted in `evaluated`, so read = evaluated + out of scope + unknown types.
   */
  addSyntheticAccount(accountId: string): void {
    this.population.accountsWithoutFacts.push(accountId);
  }

  addFinding(finding: Finding): void {
    this.findings[finding.status]++;
    this.bySeverity[finding.severity][finding.status]++;
    let service = this.byService[finding.service];
    if (!service) {
      service = emptyCounts();
      this.byService[finding.service] = service;
    }
    service[finding.status]++;
  }

  get knownAccounts(): ReadonlySet<string> {
    return this.accounts;
  }

  summarise(controlCounts: (controlId: string) => StatusCounts): OverallSummary {
    const total = Object.values(this.findings).reduce((sum, n) => sum + n, 0);
    const byControl: OverallSummary['byControl'] = {};
    for (const control of this.registry.controls) {
      byControl[control.id] = {
        ...controlCounts(control.id),
        title: control.title,
        severity: control.severity,
        service: control.service,
      };
    }
    // Keys in sorted order: the summary reads the same however the inventory
    // was ordered or split between workers.
    return {
      population: {
        ...this.population,
        outOfScope: sortedByKey(this.population.outOfScope),
        unknownTypes: sortedByKey(this.population.unknownTypes),
        byResourceType: sortedByKey(this.population.byResourceType),
        accounts: [...this.accounts].sort(),
        regions: [...this.regions].sort(),
      },
      findings: { ...this.findings, total },
      bySeverity: this.bySeverity,
      byService: sortedByKey(this.byService),
      byControl,
      collectionErrors: this.collectionErrors,
    };
  }
}
