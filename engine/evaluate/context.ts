/**
 * The index behind `EvaluationContext`: resources that controls consult
 * besides the one they judge (account facts, policies, trails, buckets).
 * Only the types some control declares in `uses` are kept, so memory stays
 * bounded however large the inventory is.
 */
import { ACCOUNT_RESOURCE_TYPE } from '../normalize/account-facts.js';
import type { Resource } from '../types.js';
import type { EvaluationContext, ResourceKeys } from './define-control.js';

export class ContextIndex implements EvaluationContext {
  private readonly byType = new Map<string, Resource[]>();
  private readonly byKey = new Map<string, Map<string, Resource>>();
  /** `grouped` results per key function and type; dropped whenever a resource is added. */
  private groupings = new Map<ResourceKeys, Map<string, Map<string, Resource[]>>>();

  constructor(private readonly keptTypes: ReadonlySet<string>) {}

  /** Whether resources of this type are kept for controls to consult. */
  keeps(resourceType: string): boolean {
    return this.keptTypes.has(resourceType);
  }

  /** Adds a resource; later items of the same id replace earlier ones. */
  add(resource: Resource): void {
    if (!this.keeps(resource.resourceType)) return;
    if (this.groupings.size > 0) this.groupings = new Map();
    let keys = this.byKey.get(resource.resourceType);
    if (!keys) {
      keys = new Map();
      this.byKey.set(resource.resourceType, keys);
    }
    const previous = keys.get(resource.resourceId);
    const list = this.byType.get(resource.resourceType) ?? [];
    if (previous) list.splice(list.indexOf(previous), 1);
    list.push(resource);
    this.byType.set(resource.resourceType, list);
    for (const key of [resource.resourceId, resource.arn, resource.resourceName]) {
      if (key) keys.set(key, resource);
    }
  }

  account(accountId: string): Resource | undefined {
    return this.find(ACCOUNT_RESOURCE_TYPE, accountId);
  }

  find(resourceType: string, key: string): Resource | undefined {
    return this.byKey.get(resourceType)?.get(key);
  }

  all(resourceType: string): readonly Resource[] {
    return this.byType.get(resourceType) ?? [];
  }

  grouped(resourceType: string, keyOf: ResourceKeys): ReadonlyMap<string, readonly Resource[]> {
    let byType = this.groupings.get(keyOf);
    if (!byType) {
      byType = new Map();
      this.groupings.set(keyOf, byType);
    }
    let groups = byType.get(resourceType);
    if (!groups) {
      groups = new Map();
      for (const resource of this.all(resourceType)) {
        const keys = keyOf(resource);
        if (keys === null) continue;
        // A resource with two keys that agree (its name and its recorded name) is listed once.
        for (const key of typeof keys === 'string' ? [keys] : new Set(keys)) {
          const group = groups.get(key);
          if (group) group.push(resource);
          else groups.set(key, [resource]);
        }
      }
      byType.set(resourceType, groups);
    }
    return groups;
  }
}
