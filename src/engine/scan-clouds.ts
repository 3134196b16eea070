/**
 * Reading an organisation: plan every cloud's scopes, then read them all, several at a time,
 * handing each scope to the caller as soon as it is read. A cloud whose configured project cannot
 * be entered stops the scan when it is the only cloud (nothing could be read: exit 2) and
 * becomes a scope with a collection issue when other clouds can be read.
 * @module
 */
import type { AnyCheck } from '../checks/define.ts'
import { CloudApiError } from '../clients/core/errors.ts'
import type { Session } from '../clients/core/session.ts'
import type { SavedScan, ScopeInventory } from '../inventory/saved.ts'
import { ENV_CLOUD } from '../inventory/scope.ts'
import { RESOURCE_TYPES } from '../inventory/types.ts'
import {
  type CloudPlan,
  type CloudTarget,
  type PlannedScope,
  planCloud,
  type ScopeSelection,
} from './plan-scopes.ts'
import {
  type CollectScopesOptions,
  collectScopes,
  type ScopeProgress,
  typesFor,
} from './run-scan.ts'
import type { ScanNote } from './types.ts'

/** Options of {@link scanClouds}. */
export interface ScanCloudsOptions {
  /** Only what these checks read; default: every resource type (a full inventory). */
  readonly checks?: readonly AnyCheck[]
  readonly selection?: ScopeSelection
  /** Scopes read at the same time (default 4). */
  readonly parallel?: number
  readonly signal?: AbortSignal
  readonly onPlanned?: (planned: readonly PlannedScope[]) => void
  readonly onProgress?: (p: ScopeProgress) => void
  /** Each resource type of a scope as soon as it is read (`ScanEvaluator.collected`). */
  readonly onCollected?: CollectScopesOptions['onCollected']
}

/** A cloud that could not be entered at all, as a scope with one issue. */
function unreachable(cloud: CloudTarget, err: CloudApiError): PlannedScope {
  const c = cloud.session.config
  const project = c.project.id ?? c.project.name ?? '-'
  return {
    scope: {
      cloud: cloud.name,
      region: c.region ?? '-',
      projectId: project,
      projectName: c.project.name ?? project,
      kind: 'project',
    },
    authUrl: c.authUrl,
    projectId: project,
    types: [],
    failure: { errorKind: err.kind, message: err.message },
  }
}

/**
 * Plans and reads the scopes of every cloud; `onScope` gets each as soon as it is read.
 * @returns the notes of planning (projects the selection left out)
 * @throws {CloudApiError} when the only cloud cannot be entered
 * @throws {RegionError} when a requested region is in no catalog
 */
export async function scanClouds(
  clouds: readonly CloudTarget[],
  opts: ScanCloudsOptions,
  onScope: (s: ScopeInventory) => void | Promise<void>,
): Promise<ScanNote[]> {
  const types = opts.checks ? typesFor(opts.checks) : [...RESOURCE_TYPES]
  const plans: CloudPlan[] = []
  for (const cloud of clouds) {
    try {
      plans.push(await planCloud(cloud, opts.selection ?? {}, types, opts.signal))
    } catch (err) {
      if (clouds.length === 1 || !(err instanceof CloudApiError) || opts.signal?.aborted) throw err
      plans.push({ planned: [unreachable(cloud, err)], notes: [] })
    }
  }
  // Account scopes first: the IAM fan-out (user → keys → last use) is the longest chain of
  // requests, so it must not wait behind the projects' lists.
  const all = plans.flatMap((p) => p.planned)
  const planned = [
    ...all.filter((p) => p.scope.kind === 'account'),
    ...all.filter((p) => p.scope.kind !== 'account'),
  ]
  opts.onPlanned?.(planned)
  await collectScopes(
    planned,
    {
      parallel: opts.parallel ?? 4,
      signal: opts.signal,
      onProgress: opts.onProgress,
      onCollected: opts.onCollected,
    },
    onScope,
  )
  return plans.flatMap((p) => p.notes)
}

/**
 * Reads one session's configured project (and its cloud's account) into a saved scan: the
 * single-project scan that tests and the benchmark use.
 * @example
 * const saved = await collectFromCloud(session, { tool })
 */
export async function collectFromCloud(
  session: Session,
  opts: { tool: SavedScan['tool']; checks?: readonly AnyCheck[]; now?: () => Date; cloud?: string },
): Promise<SavedScan> {
  const scopes: ScopeInventory[] = []
  await scanClouds(
    [{ name: opts.cloud ?? session.config.source.cloud ?? ENV_CLOUD, session }],
    { checks: opts.checks },
    (s) => {
      scopes.push(s)
    },
  )
  return {
    tool: opts.tool,
    collectedAt: (opts.now?.() ?? new Date()).toISOString(),
    scopes,
  }
}
