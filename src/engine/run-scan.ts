/**
 * A scan from end to end: read the planned scopes through the real client, several at a time,
 * and evaluate each scope as soon as it is read (its raw data is then dropped, so a large
 * organisation is never held whole in memory); or evaluate a saved inventory. The CLI
 * (`sphere scan`, `sphere demo`) and the benchmark call this; it takes resolved configuration
 * and never reads the environment itself.
 * @module
 */

import type { AnyCheck } from '../checks/define.ts'
import { declaredTypes } from '../checks/run.ts'
import type { CheckSettings } from '../checks/settings.ts'
import type { Session } from '../clients/core/session.ts'
import { type CollectedType, collectInventory } from '../collectors/collect.ts'
import { Inventory } from '../inventory/inventory.ts'
import type { SavedScan, ScopeInventory } from '../inventory/saved.ts'
import type { ScopeRef } from '../inventory/scope.ts'
import type { ResourceType } from '../inventory/types.ts'
import type { ResponsibilityModel } from '../responsibility/schema.ts'
import {
  type EvaluateInput,
  evaluateScope,
  evaluateScopeAsync,
  type ScopeEvaluation,
  type Selection,
} from './evaluate.ts'
import { type LoadedHostEvidence, matchHostEvidence, reduceHostNotes } from './host-evidence.ts'
import type { Mutelist } from './mutelist.ts'
import { combineScopes } from './organisation.ts'
import type { PlannedScope } from './plan-scopes.ts'
import { StagedScope } from './staged-scope.ts'
import type { ScanNote, ScanResult } from './types.ts'

/** The resource types the selected checks read (their own, required and `alsoReads` types). */
export function typesFor(checks: readonly AnyCheck[]): ResourceType[] {
  const types = new Set<ResourceType>(['project'])
  for (const c of checks) for (const t of declaredTypes(c)) types.add(t)
  return [...types]
}

/**
 * The region asked for is not one the cloud's catalog serves, or none was asked for and the
 * catalog has several: a configuration error (exit 2), naming the catalog's regions.
 */
export class RegionError extends Error {
  readonly code = 'E_REGION'
  constructor(
    message: string,
    readonly catalogRegions: readonly string[],
  ) {
    super(message)
    this.name = 'RegionError'
  }
}

/** Progress of a multi-scope read. */
export interface ScopeProgress {
  readonly scopesDone: number
  readonly scopesTotal: number
  /** Resources read so far, over every scope. */
  readonly resources: number
  /** The scope a resource type was just finished in. */
  readonly scope: string
}

/** Options of {@link collectScopes}. */
export interface CollectScopesOptions {
  /** Scopes read at the same time (the endpoints' limits hold whatever the number). */
  readonly parallel: number
  /** Ctrl-C: stops every read; the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal
  readonly onProgress?: (p: ScopeProgress) => void
  /** Each resource type of a scope as soon as it is read (for {@link ScanEvaluator.collected}). */
  readonly onCollected?: (p: PlannedScope, t: CollectedType) => void
}

/** A scope that could not be entered, as an inventory whose one issue says why. */
function failedScope(p: PlannedScope): ScopeInventory {
  return {
    scope: p.scope,
    authUrl: p.authUrl,
    input: {
      resources: [],
      collected: [...p.types],
      issues: [
        {
          service: 'identity',
          resourceType: 'project',
          region: p.scope.region,
          errorKind: p.failure?.errorKind ?? 'unknown',
          message: `cannot enter ${p.scope.kind} ${p.scope.projectName}: ${p.failure?.message ?? 'no session'}`,
        },
      ],
      unavailable: [],
    },
  }
}

/** Reads one planned scope. */
async function readScope(
  p: PlannedScope,
  opts: CollectScopesOptions,
  onType: (count: number) => void,
): Promise<ScopeInventory> {
  const session = p.session as Session | undefined
  if (!session || p.failure) return failedScope(p)
  const input = await collectInventory({
    clientFor: (key) => session.client(key),
    region: p.scope.region,
    projectId: p.projectId,
    projectName: p.scope.kind === 'project' ? p.scope.projectName : undefined,
    types: p.types,
    signal: opts.signal,
    onProgress: (e) => onType(e.count),
    ...(opts.onCollected ? { onCollected: (t: CollectedType) => opts.onCollected!(p, t) } : {}),
  })
  const { apiVersions, ...rest } = input
  return {
    scope: p.scope,
    authUrl: p.authUrl,
    ...(Object.keys(apiVersions).length > 0 ? { apiVersions } : {}),
    input: rest,
  }
}

/**
 * Reads the planned scopes, `parallel` at a time, and hands each to `onScope` as soon as it is
 * read (in the order they finish). A scope whose reads fail gets collection issues; it never
 * stops the others.
 * @example
 * await collectScopes(planned, { parallel: 4 }, (s) => evaluator.add(s))
 */
export async function collectScopes(
  planned: readonly PlannedScope[],
  opts: CollectScopesOptions,
  onScope: (s: ScopeInventory) => void | Promise<void>,
): Promise<void> {
  let next = 0
  let done = 0
  let resources = 0
  const worker = async () => {
    for (;;) {
      opts.signal?.throwIfAborted()
      const p = planned[next++]
      if (!p) return
      const label = `${p.scope.cloud} ${p.scope.region}/${p.scope.projectName}`
      const s = await readScope(p, opts, (count) => {
        resources += count
        opts.onProgress?.({
          scopesDone: done,
          scopesTotal: planned.length,
          resources,
          scope: label,
        })
      })
      done++
      opts.onProgress?.({ scopesDone: done, scopesTotal: planned.length, resources, scope: label })
      await onScope(s)
    }
  }
  const n = Math.max(1, Math.min(opts.parallel, planned.length))
  await Promise.all(Array.from({ length: n }, worker))
}

/** How scopes are evaluated. */
export interface EvaluateOptions {
  /** Every check Sphere has (the selection picks among them). */
  readonly checks: readonly AnyCheck[]
  readonly model: ResponsibilityModel
  readonly settings: Readonly<CheckSettings>
  readonly mutelist?: Mutelist
  readonly selection?: Selection
  readonly tool: { readonly name: string; readonly version: string }
  readonly startedAt: Date
  /** Evaluation time: ages and mute expiries are judged against it. */
  readonly now: Date
  /**
   * Host reports read from disk (`loadHostReports`): matched to each scope's servers for the
   * host checks (stale after `settings.hostReportMaxAgeDays`); each file gets a scan note.
   */
  readonly hostReports?: LoadedHostEvidence
  /** Ctrl-C: checks started while scopes are read stop. */
  readonly signal?: AbortSignal
}

/**
 * Evaluates scopes one at a time as they arrive and keeps only what reports need (findings,
 * issues, roll-ups), not the inventories. Fed with each type as it is read ({@link collected}),
 * it runs the checks whose types are done while the scope's other types are still being read.
 * @example
 * const ev = new ScanEvaluator(opts)
 * await collectScopes(planned, { parallel: 4, onCollected: (p, t) => ev.collected(p, t) },
 *   (s) => ev.addAsync(s))
 * const result = ev.finish(new Date())
 */
export class ScanEvaluator {
  private readonly evals: ScopeEvaluation[] = []
  private readonly hostNotes: ScanNote[][] = []
  private readonly staged = new Map<ScopeRef, StagedScope>()

  constructor(private readonly o: EvaluateOptions) {}

  /** Evaluates one scope. */
  add(s: ScopeInventory): void {
    this.evals.push(evaluateScope(this.input(s, new Inventory(s.input))))
  }

  /**
   * One resource type of a scope being read is done: the scope's checks whose declared types
   * are all done start now (see staged-scope.ts); {@link addAsync} finishes the scope.
   */
  collected(p: Pick<PlannedScope, 'scope' | 'authUrl' | 'types'>, t: CollectedType): void {
    let staged = this.staged.get(p.scope)
    if (!staged) {
      staged = new StagedScope({
        input: this.base(p.scope, p.authUrl),
        types: p.types,
        hostReports: this.o.hostReports !== undefined,
        signal: this.o.signal,
      })
      this.staged.set(p.scope, staged)
    }
    staged.collected(t)
  }

  /**
   * Evaluates one scope, giving the event loop a turn every few milliseconds (during a scan);
   * the checks that already ran on it (see {@link collected}) are not run again.
   */
  async addAsync(s: ScopeInventory): Promise<void> {
    const staged = this.staged.get(s.scope)
    this.staged.delete(s.scope)
    const done = staged ? await staged.early() : undefined
    const inventory = await Inventory.build(s.input)
    this.evals.push(await evaluateScopeAsync(this.input(s, inventory), done))
  }

  private base(scope: ScopeRef, authUrl: string): Omit<EvaluateInput, 'inventory'> {
    const o = this.o
    return {
      scope,
      authUrl,
      checks: o.checks,
      model: o.model,
      settings: o.settings,
      mutelist: o.mutelist,
      now: o.now,
      selection: o.selection,
      scan: { startedAt: '', finishedAt: '', tool: o.tool },
    }
  }

  private input(s: ScopeInventory, inventory: Inventory): EvaluateInput {
    const o = this.o
    const hosts = o.hostReports
      ? matchHostEvidence(o.hostReports, inventory, {
          now: o.now,
          maxAgeDays: o.settings.hostReportMaxAgeDays,
        })
      : undefined
    if (hosts) this.hostNotes.push(hosts.notes.map((n) => ({ ...n, scope: s.scope })))
    return {
      ...this.base(s.scope, s.authUrl),
      inventory,
      ...(s.apiVersions ? { apiVersions: s.apiVersions } : {}),
      ...(hosts ? { hostReports: hosts.byServerId } : {}),
    }
  }

  /** The organisation's result of every scope added. */
  finish(finishedAt: Date, notes: readonly ScanNote[] = []): ScanResult {
    const o = this.o
    const result = combineScopes(this.evals, {
      model: o.model,
      checks: o.checks,
      mutelist: o.mutelist,
      now: o.now,
      scan: {
        startedAt: o.startedAt.toISOString(),
        finishedAt: finishedAt.toISOString(),
        tool: o.tool,
      },
    })
    return { ...result, notes: [...notes, ...result.notes, ...reduceHostNotes(this.hostNotes)] }
  }
}

/** Evaluates a saved (or collected) scan whole. */
export function evaluateInventory(saved: SavedScan, opts: EvaluateOptions): ScanResult {
  const ev = new ScanEvaluator(opts)
  for (const s of saved.scopes) ev.add(s)
  return ev.finish(opts.now)
}
