/**
 * A scan from end to end: authenticate, collect the inventory through the real client, and
 * evaluate it. The CLI (`sphere scan`, `sphere demo`) and the benchmark call this; it takes a
 * resolved configuration and never reads the environment itself.
 * @module
 */

import type { AnyCheck } from '../checks/define.ts'
import { declaredTypes } from '../checks/run.ts'
import type { CheckSettings } from '../checks/settings.ts'
import type { Session } from '../clients/core/session.ts'
import {
  type CollectedInventory,
  type CollectProgress,
  collectInventory,
} from '../collectors/collect.ts'
import { Inventory, type InventoryInput } from '../inventory/inventory.ts'
import type { InventoryMeta } from '../inventory/saved.ts'
import { RESOURCE_TYPES, type ResourceType } from '../inventory/types.ts'
import type { ResponsibilityModel } from '../responsibility/schema.ts'
import { evaluateScan } from './evaluate.ts'
import { type LoadedHostEvidence, matchHostEvidence } from './host-evidence.ts'
import type { Mutelist } from './mutelist.ts'
import type { ScanResult } from './types.ts'

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

/**
 * The region to scan: the configured one if the catalog serves it, else the catalog's only one.
 * @throws {RegionError} for a region the catalog lacks, or none set among several
 */
export function regionToScan(
  configured: string | undefined,
  catalog: readonly string[],
  authUrl: string,
): string {
  if (configured !== undefined) {
    if (catalog.length === 0 || catalog.includes(configured)) return configured
    throw new RegionError(
      `region "${configured}" is not in the service catalog of ${authUrl}; the catalog has: ${catalog.join(', ')}`,
      catalog,
    )
  }
  if (catalog.length > 1)
    throw new RegionError(
      `no region set and the service catalog of ${authUrl} has several: ${catalog.join(', ')}; choose one with --region (or region_name in clouds.yaml, OS_REGION_NAME)`,
      catalog,
    )
  return catalog[0] ?? 'default'
}

/** Options of {@link collectFromCloud}. */
export interface CollectFromCloudOptions {
  /** Only what these checks read; default: every resource type (a full inventory). */
  checks?: readonly AnyCheck[]
  tool: InventoryMeta['tool']
  signal?: AbortSignal
  onProgress?: (e: CollectProgress) => void
  now?: () => Date
}

/**
 * Authenticates and reads every resource type the checks need.
 * @throws {CloudApiError} when authentication fails (nothing can be scanned)
 * @throws {RegionError} when the region is not in the catalog
 */
export async function collectFromCloud(
  session: Session,
  opts: CollectFromCloudOptions,
): Promise<{ input: CollectedInventory; meta: InventoryMeta }> {
  const now = opts.now ?? (() => new Date())
  const info = await session.info()
  const region = regionToScan(session.config.region, info.catalogRegions, session.config.authUrl)
  const input = await collectInventory({
    clientFor: (key) => session.client(key),
    region,
    projectId: info.projectId,
    projectName: info.projectName,
    types: opts.checks ? typesFor(opts.checks) : [...RESOURCE_TYPES],
    signal: opts.signal,
    onProgress: opts.onProgress,
  })
  return {
    input,
    meta: {
      tool: opts.tool,
      collectedAt: now().toISOString(),
      cloud: { authUrl: session.config.authUrl, region, projectId: info.projectId },
      apiVersions: input.apiVersions,
    },
  }
}

/** Options of {@link evaluateInventory}. */
export interface EvaluateInventoryOptions {
  checks: readonly AnyCheck[]
  model: ResponsibilityModel
  settings: Readonly<CheckSettings>
  mutelist?: Mutelist
  selection?: {
    checkIds?: readonly string[]
    excludeCheckIds?: readonly string[]
    dutyIds?: readonly string[]
  }
  startedAt: Date
  now: Date
  /**
   * Host reports read from disk (`loadHostReports`): matched to the inventory's servers for the
   * host checks (stale after `settings.hostReportMaxAgeDays`); each file gets a scan note.
   */
  hostReports?: LoadedHostEvidence
}

/** Evaluates a collected (or saved) inventory. */
export function evaluateInventory(
  input: InventoryInput,
  meta: InventoryMeta,
  opts: EvaluateInventoryOptions,
): ScanResult {
  const inventory = new Inventory(input)
  const hosts = opts.hostReports
    ? matchHostEvidence(opts.hostReports, inventory, {
        now: opts.now,
        maxAgeDays: opts.settings.hostReportMaxAgeDays,
      })
    : undefined
  const result = evaluateScan({
    inventory,
    checks: opts.checks,
    model: opts.model,
    settings: opts.settings,
    mutelist: opts.mutelist,
    ...(hosts ? { hostReports: hosts.byServerId } : {}),
    now: opts.now,
    selection: opts.selection,
    scan: {
      startedAt: opts.startedAt.toISOString(),
      finishedAt: opts.now.toISOString(),
      cloud: meta.cloud,
      tool: meta.tool,
      ...(meta.apiVersions ? { apiVersions: meta.apiVersions } : {}),
    },
  })
  return hosts ? { ...result, notes: [...result.notes, ...hosts.notes] } : result
}
