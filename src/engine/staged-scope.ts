/**
 * A scope evaluated while it is read. Each collector produces one resource type and reports it
 * when done (`collectInventory`'s `onCollected`); a check starts as soon as every type it
 * declares (its own, `requires`, `alsoReads`, and `project`) is done, on an inventory of the
 * types done so far in which the types still being read cannot be read at all (not even their
 * status: {@link PendingTypeError}). So the servers' checks run while the IAM chain is still
 * collecting. A check that reads something still pending anyway (the status of a type it does not
 * declare, or host reports, which are matched against the whole scope) is put back and runs with
 * the rest once the scope is complete. The final pass (`evaluateScopeAsync` with {@link
 * StagedScope.early}) takes the early findings in check order, so the result is the same as
 * evaluating the complete inventory: same findings, same order, same fingerprints
 * (staged-scope.test.ts proves it on the demo world and a generated one).
 * @module
 */
import type { AnyCheck } from '../checks/define.ts'
import { declaredTypes } from '../checks/run.ts'
import type { CollectedType } from '../collectors/collect.ts'
import { collectorsFor } from '../collectors/collect.ts'
import { Inventory, PendingTypeError } from '../inventory/inventory.ts'
import type {
  AnyResource,
  CollectionIssue,
  ResourceType,
  UnavailableType,
} from '../inventory/types.ts'
import type { HostReportLookup } from '../model/host-report.ts'
import { drainSteps } from '../model/time-slice.ts'
import { checkFindingSteps } from './_check-findings.ts'
import { checkEnvs, type DoneChecks } from './_run-checks.ts'
import { type EvaluateInput, scopeChecks } from './evaluate.ts'
import type { Finding } from './types.ts'

/** Options of {@link StagedScope}. */
export interface StagedScopeOptions {
  /** How the scope is evaluated, without its inventory (still being read). */
  readonly input: Omit<EvaluateInput, 'inventory' | 'hostReports'>
  /** The types the scope reads (its planned types). */
  readonly types: readonly ResourceType[]
  /** Host reports are configured: they are matched against the whole scope, so host checks wait. */
  readonly hostReports: boolean
  readonly signal?: AbortSignal
}

/** Host reports while the scope is being read: not known yet. */
const PENDING_HOST_REPORTS: HostReportLookup = {
  get() {
    throw new PendingTypeError('host reports')
  },
}

/** Checks of one scope run as their types arrive. */
export class StagedScope {
  /** Checks that ran early, and checks that read something pending and were put back. */
  readonly stats = { early: 0, deferred: 0 }
  /** The scope's types in the order the collectors hand them over. */
  private readonly order: readonly ResourceType[]
  private readonly pending: Set<ResourceType>
  private readonly got = new Map<ResourceType, CollectedType>()
  private waiting: readonly AnyCheck[]
  private readonly done = new Map<string, Finding[]>()
  private work: Promise<void> = Promise.resolve()
  private failure: { err: unknown } | undefined

  constructor(private readonly o: StagedScopeOptions) {
    this.order = collectorsFor(o.types).map((c) => c.type)
    this.pending = new Set(this.order)
    const planned = new Set(this.order)
    this.waiting = scopeChecks(o.input, { wasCollected: (t) => planned.has(t) }).checks
  }

  /** Types still being read. */
  get pendingTypes(): ReadonlySet<ResourceType> {
    return this.pending
  }

  /** One type is done: the checks whose types are now all done are queued to run. */
  collected(t: CollectedType): void {
    if (!this.pending.delete(t.type)) return
    this.got.set(t.type, t)
    // Once every type is in, the final pass runs what is left on the complete inventory.
    if (this.pending.size === 0) return
    this.work = this.work
      .then(() => this.runReady())
      .catch((err: unknown) => {
        this.failure ??= { err }
      })
  }

  /**
   * Waits for the early checks to finish; their findings by check id.
   * @throws whatever failed in an early run (not a check's own throw: that is a finding)
   */
  async early(): Promise<DoneChecks> {
    await this.work
    if (this.failure) throw this.failure.err
    return this.done
  }

  private ready(c: AnyCheck): boolean {
    if (this.pending.has('project')) return false
    for (const t of declaredTypes(c)) if (this.pending.has(t)) return false
    return true
  }

  private async runReady(): Promise<void> {
    if (this.failure || this.o.signal?.aborted || this.pending.size === 0) return
    const ready = this.waiting.filter((c) => this.ready(c))
    if (ready.length === 0) return
    this.waiting = this.waiting.filter((c) => !ready.includes(c))
    const envOf = checkEnvs({
      ...this.o.input,
      inventory: this.inventoryFor(ready),
      ...(this.o.hostReports ? { hostReports: PENDING_HOST_REPORTS } : {}),
    })
    for (const c of ready) {
      if (this.o.signal?.aborted) return
      const out: Finding[] = []
      try {
        await drainSteps(checkFindingSteps(c, envOf(c), out))
      } catch (err) {
        if (!(err instanceof PendingTypeError)) throw err
        this.stats.deferred++
        continue
      }
      this.done.set(c.id, out)
      this.stats.early++
    }
  }

  /**
   * The inventory of the types done so far, in the collectors' order (as the complete one will
   * be), with the resources of the types `checks` declare; the other done types only answer
   * their status (a check cannot read their resources: see declared-view.ts).
   */
  private inventoryFor(checks: readonly AnyCheck[]): Inventory {
    const need = new Set<ResourceType>(['project'])
    for (const c of checks) for (const t of declaredTypes(c)) need.add(t)
    const resources: AnyResource[] = []
    const issues: CollectionIssue[] = []
    const unavailable: UnavailableType[] = []
    const collected: ResourceType[] = []
    for (const type of this.order) {
      const t = this.got.get(type)
      if (!t) continue
      collected.push(type)
      if (need.has(type)) for (const r of t.resources) resources.push(r)
      for (const i of t.issues) issues.push(i)
      for (const u of t.unavailable) unavailable.push(u)
    }
    return new Inventory({ resources, collected, issues, unavailable, pending: [...this.pending] })
  }
}
