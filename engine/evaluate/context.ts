/**
 * The index behind `EvaluationContext`: resources that controls consult
 * besides the one they judge (account facts, policies, trails, buckets).
 * Only the types some control declares in `uses` are kept.
 *
 * A resource is held either as itself or, for very large inventories, as a
 * way to read it again (`reload`, a line in a scratch file): the index keeps
 * its keys, and the last few thousand resources read back stay in memory.
 */
import { ACCOUNT_RESOURCE_TYPE } from '../normalize/account-facts.js';
import type { Resource } from '../types.js';
import type { EvaluationContext, ResourceKeys } from './define-control.js';

/** A resource held by the way to read it again (a line in a scratch file). */
export interface Reloadable {
  load(): Resource;
}

interface Entry {
  /** The resource, while it is kept in memory. */
  resource: Resource | null;
  /** Reads the resource again, when it is not. */
  reload: Reloadable | null;
}

/** Resources read back that stay in memory: enough for the managed policies an account's principals share. */
const RELOADED_KEPT = 4096;

export class ContextIndex implements EvaluationContext {
  private readonly byType = new Map<string, Entry[]>();
  private readonly byKey = new Map<string, Map<string, Entry>>();
  /** `lookup` groupings per key function and type; dropped whenever a resource is added. */
  private groupings = new Map<ResourceKeys, Map<string, Map<string, Entry[]>>>();
  /** Reloaded resources, least recently used first. */
  private readonly reloaded = new Map<Entry, Resource>();

  constructor(private readonly keptTypes: ReadonlySet<string>) {}

  /** Whether resources of this type are kept for controls to consult. */
  keeps(resourceType: string): boolean {
    return this.keptTypes.has(resourceType);
  }

  /**
   * Adds a resource; later items of the same id replace earlier ones. With
   * `reload`, only its keys are kept, and `reload` reads it again when asked.
   *
   * @example
   * context.add(bucket);
   * context.add(policy, spill.resource(at, 42, 0));
   */
  add(resource: Resource, reload?: Reloadable): void {
    if (!this.keeps(resource.resourceType)) return;
    if (this.groupings.size > 0) this.groupings = new Map();
    let keys = this.byKey.get(resource.resourceType);
    if (!keys) {
      keys = new Map();
      this.byKey.set(resource.resourceType, keys);
    }
    const entry: Entry = reload ? { resource: null, reload } : { resource, reload: null };
    const previous = keys.get(resource.resourceId);
    const list = this.byType.get(resource.resourceType) ?? [];
    if (previous) list.splice(list.indexOf(previous), 1);
    list.push(entry);
    this.byType.set(resource.resourceType, list);
    for (const key of [resource.resourceId, resource.arn, resource.resourceName]) {
      if (key) keys.set(key, entry);
    }
  }

  /**
   * Forgets every resource. Called once the last resource is judged, so the
   * bundle's closing files are written without the context's memory (at
   * 1,000,000 items, some 140 MB the garbage collector would otherwise let
   * the heap grow above).
   */
  clear(): void {
    this.byType.clear();
    this.byKey.clear();
    this.groupings = new Map();
    this.reloaded.clear();
  }

  private load(entry: Entry): Resource {
    if (entry.resource) return entry.resource;
    let resource = this.reloaded.get(entry);
    if (resource) {
      // Most recently used goes last.
      this.reloaded.delete(entry);
    } else {
      resource = (entry.reload as Reloadable).load();
      if (this.reloaded.size >= RELOADED_KEPT) this.reloaded.delete(this.reloaded.keys().next().value as Entry);
    }
    this.reloaded.set(entry, resource);
    return resource;
  }

  account(accountId: string): Resource | undefined {
    return this.find(ACCOUNT_RESOURCE_TYPE, accountId);
  }

  find(resourceType: string, key: string): Resource | undefined {
    const entry = this.byKey.get(resourceType)?.get(key);
    return entry ? this.load(entry) : undefined;
  }

  all(resourceType: string): readonly Resource[] {
    return (this.byType.get(resourceType) ?? []).map((entry) => this.load(entry));
  }

  lookup(resourceType: string, keyOf: ResourceKeys, key: string, limit?: number): readonly Resource[] {
    const entries = this.grouping(resourceType, keyOf).get(key) ?? [];
    return (limit === undefined ? entries : entries.slice(0, limit)).map((entry) => this.load(entry));
  }

  has(resourceType: string, keyOf: ResourceKeys, key: string): boolean {
    return this.grouping(resourceType, keyOf).has(key);
  }

  private grouping(resourceType: string, keyOf: ResourceKeys): Map<string, Entry[]> {
    let byType = this.groupings.get(keyOf);
    if (!byType) {
      byType = new Map();
      this.groupings.set(keyOf, byType);
    }
    let groups = byType.get(resourceType);
    if (!groups) {
      groups = new Map();
      for (const entry of this.byType.get(resourceType) ?? []) {
        const keys = keyOf(this.load(entry));
        if (keys === null) continue;
        // A resource with two keys that agree (its name and its recorded name) is listed once.
        for (const one of typeof keys === 'string' ? [keys] : new Set(keys)) {
          const group = groups.get(one);
          if (group) group.push(entry);
          else groups.set(one, [entry]);
        }
      }
      byType.set(resourceType, groups);
    }
    return groups;
  }
}
