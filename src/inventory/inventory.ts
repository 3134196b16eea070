/**
 * The inventory of one scan: every collected resource, indexed for O(1) lookups, with the links
 * between resources completed in both directions, and a record of what could not be collected.
 * "Could not list" (an issue) never looks like "nothing to list" (an empty, complete type).
 * @module
 */
import { drainSteps, runSteps } from '../model/time-slice.ts'
import { linkSteps } from './_link.ts'
import {
  type AnyResource,
  type CbrBackup,
  type CollectionIssue,
  type CollectionStatus,
  type EcsServer,
  type EvsBackup,
  GLOBAL_REGION,
  type IamAccessKey,
  type ResourceMap,
  type ResourceType,
  type UnavailableType,
} from './types.ts'

/** What collectors hand over to build an {@link Inventory}. */
export interface InventoryInput {
  readonly resources: readonly AnyResource[]
  /** Types the scan tried to collect. A type not listed here is `not-collected`. */
  readonly collected: readonly ResourceType[]
  readonly issues?: readonly CollectionIssue[]
  readonly unavailable?: readonly UnavailableType[]
  /**
   * Types still being collected (an inventory built while a scan runs, for the checks whose
   * types are done): reading one, even its status, throws {@link PendingTypeError}.
   */
  readonly pending?: readonly ResourceType[]
}

/** A read of a type whose collection has not finished (see {@link InventoryInput.pending}). */
export class PendingTypeError extends Error {
  readonly code = 'E_PENDING_TYPE'
  constructor(readonly resourceType: ResourceType | 'host reports') {
    super(`${resourceType} is still being collected`)
    this.name = 'PendingTypeError'
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value)
    for (const [k, v] of Object.entries(value)) if (k !== 'raw') deepFreeze(v)
  }
  return value
}

/** Resources stored between two steps of an {@link Inventory.build}. */
const STEP = 2048

/** `localeCompare`'s order (the same collator), without creating one per comparison. */
const COLLATOR = new Intl.Collator()

function newestFirst<T extends { createdAt: string | null }>(list: T[]): T[] {
  return list.sort((a, b) => COLLATOR.compare(b.createdAt ?? '', a.createdAt ?? ''))
}

function indexBy<T>(list: readonly T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>()
  for (const x of list) {
    const k = key(x)
    const l = m.get(k)
    if (l) l.push(x)
    else m.set(k, [x])
  }
  return m
}

/**
 * Read-only, indexed inventory.
 * @example
 * const inv = new Inventory({ resources, collected: ['ecs.server', 'vpc.security-group'] })
 * inv.byId('vpc.security-group', server.securityGroupIds[0]!)
 * inv.isComplete('vpc.eip') // false: not collected
 */
export class Inventory {
  /** Every collection issue, in the order recorded. */
  readonly issues: readonly CollectionIssue[]
  /** Types this cloud does not offer. */
  readonly unavailable: readonly UnavailableType[]
  private readonly byType = new Map<ResourceType, Map<string, AnyResource>>()
  private readonly lists = new Map<ResourceType, readonly AnyResource[]>()
  private readonly collected: ReadonlySet<ResourceType>
  private readonly pending: ReadonlySet<ResourceType>
  // Filled by `fill`, in the constructor or step by step (`build`).
  private cbrBackups = new Map<string, CbrBackup[]>()
  private evsBackups = new Map<string, EvsBackup[]>()
  private groupMembers = new Map<string, EcsServer[]>()
  private userKeys = new Map<string, IamAccessKey[]>()

  /**
   * @param steps `'later'`: leave the resources out; only {@link Inventory.build} passes it, and
   * then fills them in steps.
   */
  constructor(input: InventoryInput, steps?: 'later') {
    this.issues = deepFreeze([...(input.issues ?? [])])
    this.unavailable = deepFreeze([...(input.unavailable ?? [])])
    this.collected = new Set(input.collected)
    this.pending = new Set(input.pending)
    if (steps !== 'later') runSteps(this.fill(input.resources))
  }

  /**
   * An inventory built in steps, giving the event loop a turn between slices of work (a scan
   * builds one while requests of other scopes are still in flight); the same as `new`.
   */
  static async build(input: InventoryInput): Promise<Inventory> {
    const inv = new Inventory(input, 'later')
    await drainSteps(inv.fill(input.resources))
    return inv
  }

  private *fill(resources: readonly AnyResource[]): Generator<void, void> {
    const linked = yield* linkSteps(resources)
    for (let i = 0; i < linked.length; i++) {
      if (i % STEP === STEP - 1) yield
      const r = linked[i]!
      const m = this.byType.get(r.type) ?? new Map<string, AnyResource>()
      this.byType.set(r.type, m)
      // Frozen at the resource: its fields are readonly in the types, and a deep walk of every
      // nested array of 70k+ resources costs more than it guards (docs/benchmark.md).
      m.set(r.id, Object.freeze(r))
    }
    yield
    for (const [type, m] of this.byType) this.lists.set(type, Object.freeze([...m.values()]))
    yield
    this.cbrBackups = indexBy(this.own('cbr.backup'), (b) => b.resourceId)
    this.evsBackups = indexBy(this.own('evs.backup'), (b) => b.volumeId)
    for (const l of this.cbrBackups.values()) newestFirst(l)
    for (const l of this.evsBackups.values()) newestFirst(l)
    yield
    for (const s of this.own('ecs.server'))
      for (const g of s.securityGroupIds) {
        const l = this.groupMembers.get(g)
        if (l) l.push(s)
        else this.groupMembers.set(g, [s])
      }
    this.userKeys = indexBy(this.own('iam.access-key'), (k) => k.userId)
  }

  /** The list of a type, unguarded (pending types have none). */
  private own<T extends ResourceType>(type: T): readonly ResourceMap[T][] {
    return (this.lists.get(type) ?? []) as readonly ResourceMap[T][]
  }

  /** Throws if `type` is still being collected. */
  private settled(type: ResourceType): void {
    if (this.pending.size > 0 && this.pending.has(type)) throw new PendingTypeError(type)
  }

  /** The resource of that type with that id, or undefined. */
  byId<T extends ResourceType>(type: T, id: string): ResourceMap[T] | undefined {
    this.settled(type)
    return this.byType.get(type)?.get(id) as ResourceMap[T] | undefined
  }

  /** Every resource of a type (empty if none, or if not collected: ask {@link status}). */
  all<T extends ResourceType>(type: T): readonly ResourceMap[T][] {
    this.settled(type)
    return (this.lists.get(type) ?? []) as readonly ResourceMap[T][]
  }

  /**
   * How well a type was collected, across all regions or for one region (issues recorded for
   * {@link GLOBAL_REGION} count for every region).
   */
  status(type: ResourceType, region?: string): CollectionStatus {
    this.settled(type)
    if (type === 'project')
      return this.issuesFor(type, region).length > 0 ? 'incomplete' : 'complete'
    if (this.unavailable.some((u) => u.resourceType === type)) return 'unavailable'
    if (this.issuesFor(type, region).length > 0) return 'incomplete'
    return this.collected.has(type) ? 'complete' : 'not-collected'
  }

  /** True if the scan tried to collect the type (whatever came of it). */
  wasCollected(type: ResourceType): boolean {
    this.settled(type)
    return this.collected.has(type)
  }

  /** True if the type was listed in full (in that region, if given). */
  isComplete(type: ResourceType, region?: string): boolean {
    return this.status(type, region) === 'complete'
  }

  /** True unless the cloud does not offer the type at all. */
  isAvailable(type: ResourceType): boolean {
    return this.status(type) !== 'unavailable'
  }

  /**
   * Collection issues of a type (in that region, if given). An issue of type `project` means the
   * scope itself could not be entered (no token for the project): it is an issue of every type.
   */
  issuesFor(type: ResourceType, region?: string): readonly CollectionIssue[] {
    this.settled(type)
    return this.issues.filter(
      (i) =>
        (i.resourceType === type || i.resourceType === 'project') &&
        (region === undefined ||
          i.region === region ||
          i.region === GLOBAL_REGION ||
          region === GLOBAL_REGION),
    )
  }

  /** CBR backups of a server or volume, newest first. */
  cbrBackupsOf(resourceId: string): readonly CbrBackup[] {
    this.settled('cbr.backup')
    return this.cbrBackups.get(resourceId) ?? []
  }

  /** Cinder backups of a volume, newest first. */
  evsBackupsOf(volumeId: string): readonly EvsBackup[] {
    this.settled('evs.backup')
    return this.evsBackups.get(volumeId) ?? []
  }

  /** Servers that use a security group. */
  serversInGroup(securityGroupId: string): readonly EcsServer[] {
    this.settled('ecs.server')
    this.settled('vpc.port')
    return this.groupMembers.get(securityGroupId) ?? []
  }

  /** Access keys of a user. */
  accessKeysOf(userId: string): readonly IamAccessKey[] {
    this.settled('iam.access-key')
    return this.userKeys.get(userId) ?? []
  }
}

/** The read-only lookups a check may use. */
export type InventoryView = Pick<
  Inventory,
  | 'byId'
  | 'all'
  | 'status'
  | 'isComplete'
  | 'isAvailable'
  | 'issuesFor'
  | 'cbrBackupsOf'
  | 'evsBackupsOf'
  | 'serversInGroup'
  | 'accessKeysOf'
>
