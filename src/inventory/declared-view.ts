/**
 * An inventory view that exposes only the resource types a reader (a check) declared. Reading
 * any other type throws an {@link UndeclaredReadError} naming the reader and the type, and so
 * does reading a *derived* field (see `derived-fields.ts`) whose source types were not declared:
 * `server.securityGroupIds` is data of `vpc.port`. Collection status (`status`, `isComplete`,
 * `isAvailable`, `issuesFor`) is not resource data and stays open for every type, so a reader
 * can decide for itself what to do about a type it does not read.
 *
 * Always on, in scans as in tests: an undeclared read then becomes an `error` finding naming the
 * check, never a silent pass on data the engine did not guard. Cost: a set lookup per lookup
 * call, and a `Proxy` only around resources of a type that has derived fields the reader did not
 * declare (made per resource handed out, never stored): about 0.4 µs per evaluation, 0.1 s of a
 * 10,000-server scan's 227k evaluations (`bench/declared-reads.bench.ts`).
 * @module
 */
import { derivedFields } from './derived-fields.ts'
import type { InventoryView } from './inventory.ts'
import type {
  AnyResource,
  CbrBackup,
  CollectionIssue,
  CollectionStatus,
  EcsServer,
  EvsBackup,
  IamAccessKey,
  ResourceMap,
  ResourceType,
} from './types.ts'

/** A read of a resource type its reader did not declare. */
export class UndeclaredReadError extends Error {
  readonly code = 'E_UNDECLARED_READ'
  constructor(
    /** Who read, e.g. `check ecs-server-not-default-sg`. */
    readonly reader: string,
    /** The undeclared type. */
    readonly resourceType: ResourceType,
    /** What was read: `byId('vpc.port')`, `ecs.server.securityGroupIds`, … */
    readonly via: string,
    hint: string,
  ) {
    super(`${reader} read ${via} but does not declare ${resourceType}${hint ? ` (${hint})` : ''}`)
    this.name = 'UndeclaredReadError'
  }
}

/** An {@link InventoryView} limited to declared types. */
export interface DeclaredView extends InventoryView {
  /** The types the reader may read. */
  readonly declared: ReadonlySet<ResourceType>
  /**
   * `resource` as the reader may see it: itself, or (when its type has derived fields from
   * undeclared types) a read-through wrapper on which reading those fields throws.
   * @throws {UndeclaredReadError} when the resource's own type is not declared
   */
  resource<R extends AnyResource>(resource: R): R
}

/** Options of {@link declaredView}. */
export interface DeclaredViewOptions {
  /** Who reads, for the error message (e.g. `check ecs-server-not-default-sg`). */
  readonly reader: string
  /** Types the reader declared. */
  readonly declared: Iterable<ResourceType>
  /** How to fix an undeclared read, appended to the message (e.g. `add it to requires`). */
  readonly hint?: string
}

type Handler = ProxyHandler<AnyResource>

class View implements DeclaredView {
  readonly declared: ReadonlySet<ResourceType>
  /** Proxy handlers of the declared types that have undeclared derived fields. */
  private readonly masks = new Map<ResourceType, Handler>()
  private readonly lists = new Map<ResourceType, readonly AnyResource[]>()

  constructor(
    private readonly inv: InventoryView,
    private readonly o: DeclaredViewOptions,
  ) {
    this.declared = new Set(o.declared)
    for (const type of this.declared) {
      const hidden = new Map<string, ResourceType>()
      for (const [field, sources] of derivedFields(type)) {
        const missing = sources.find((s) => !this.declared.has(s))
        if (missing) hidden.set(field, missing)
      }
      if (hidden.size > 0) this.masks.set(type, this.mask(type, hidden))
    }
  }

  private fail(type: ResourceType, via: string): never {
    throw new UndeclaredReadError(this.o.reader, type, via, this.o.hint ?? '')
  }

  private mask(type: ResourceType, hidden: ReadonlyMap<string, ResourceType>): Handler {
    const fail = (field: string, source: ResourceType) =>
      this.fail(source, `${type}.${field}, which is derived from ${source},`)
    return {
      get(target, key) {
        if (typeof key === 'string') {
          const source = hidden.get(key)
          if (source) fail(key, source)
        }
        return (target as unknown as Record<PropertyKey, unknown>)[key]
      },
    }
  }

  /** Throws unless `type` is declared; `op` names the lookup (`byId` → `byId('vpc.port')`). */
  private need(type: ResourceType, op: string): void {
    if (!this.declared.has(type)) this.fail(type, op.includes('(') ? op : `${op}('${type}')`)
  }

  private masked<R extends AnyResource>(list: readonly R[], type: ResourceType): readonly R[] {
    const h = this.masks.get(type)
    return h ? Object.freeze(list.map((r) => new Proxy(r, h) as R)) : list
  }

  resource<R extends AnyResource>(r: R): R {
    this.need(r.type, 'resource')
    const h = this.masks.get(r.type)
    return h ? (new Proxy(r, h) as R) : r
  }

  byId<T extends ResourceType>(type: T, id: string): ResourceMap[T] | undefined {
    this.need(type, 'byId')
    const r = this.inv.byId(type, id)
    const h = r && this.masks.get(type)
    return h ? (new Proxy(r, h) as ResourceMap[T]) : r
  }

  all<T extends ResourceType>(type: T): readonly ResourceMap[T][] {
    this.need(type, 'all')
    let list = this.lists.get(type)
    if (!list) {
      list = this.masked(this.inv.all(type) as readonly AnyResource[], type)
      this.lists.set(type, list)
    }
    return list as readonly ResourceMap[T][]
  }

  status(type: ResourceType, region?: string): CollectionStatus {
    return this.inv.status(type, region)
  }

  isComplete(type: ResourceType, region?: string): boolean {
    return this.inv.isComplete(type, region)
  }

  isAvailable(type: ResourceType): boolean {
    return this.inv.isAvailable(type)
  }

  issuesFor(type: ResourceType, region?: string): readonly CollectionIssue[] {
    return this.inv.issuesFor(type, region)
  }

  cbrBackupsOf(resourceId: string): readonly CbrBackup[] {
    this.need('cbr.backup', 'cbrBackupsOf()')
    return this.inv.cbrBackupsOf(resourceId)
  }

  evsBackupsOf(volumeId: string): readonly EvsBackup[] {
    this.need('evs.backup', 'evsBackupsOf()')
    return this.inv.evsBackupsOf(volumeId)
  }

  serversInGroup(securityGroupId: string): readonly EcsServer[] {
    this.need('ecs.server', 'serversInGroup()')
    // Membership comes from the servers' securityGroupIds, which ports complete.
    this.need('vpc.port', 'serversInGroup(), which is derived from vpc.port,')
    return this.masked(this.inv.serversInGroup(securityGroupId), 'ecs.server')
  }

  accessKeysOf(userId: string): readonly IamAccessKey[] {
    this.need('iam.access-key', 'accessKeysOf()')
    return this.inv.accessKeysOf(userId)
  }
}

/**
 * The view of `inventory` a reader that declared `declared` may use.
 * @example
 * const view = declaredView(inventory, { reader: 'check ecs-server-not-default-sg',
 *   declared: ['ecs.server', 'vpc.security-group'], hint: 'add it to requires' })
 * view.resource(server).securityGroupIds // throws UndeclaredReadError: derived from vpc.port
 */
export function declaredView(inventory: InventoryView, o: DeclaredViewOptions): DeclaredView {
  return new View(inventory, o)
}
