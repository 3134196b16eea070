/**
 * Which scopes of a cloud a scan reads, and with which session: the configured project, the
 * projects named (`--projects`), or every project the credentials reach (`--all-projects`:
 * Keystone `GET /v3/auth/projects`, plus on OTC the domain's project list), each in the regions
 * selected (`--regions a,b|all`, else the configured one). Each project gets its own token, once;
 * a project the user cannot enter becomes a scope with a collection issue, never a crash.
 * Account-wide types (IAM) are read once per cloud, into its account scope.
 * @module
 */
import type { CloudApiError } from '../clients/core/errors.ts'
import type { Session, SessionInfo } from '../clients/core/session.ts'
import { listAuthProjects, listProjects } from '../clients/identity/projects.ts'
import type { ProjectWire } from '../clients/identity/schemas.ts'
import { ACCOUNT_TYPES, accountScope, PROJECT_TYPES, type ScopeRef } from '../inventory/scope.ts'
import type { ResourceType } from '../inventory/types.ts'
import { mapLimit } from './_map-limit.ts'
import { RegionError } from './run-scan.ts'
import type { ScanNote } from './types.ts'

/** One cloud to scan: its clouds.yaml entry name and a session for its configured project. */
export interface CloudTarget {
  readonly name: string
  readonly session: Session
}

/** Which projects and regions to scan. */
export interface ScopeSelection {
  /** Project names or ids (default: the configured project). */
  readonly projects?: readonly string[]
  /** Every project the credentials can reach. */
  readonly allProjects?: boolean
  /** Regions, or every region in a project's catalog (default: the configured region). */
  readonly regions?: readonly string[] | 'all'
}

/** A scope to read. */
export interface PlannedScope {
  readonly scope: ScopeRef
  /** Keystone URL of the cloud. */
  readonly authUrl: string
  /** The session to read it with; absent when the scope could not be entered. */
  readonly session?: Session
  /** The project id the session is scoped to (the home project for an account scope). */
  readonly projectId: string
  readonly types: readonly ResourceType[]
  /** Why the scope could not be entered: its one collection issue. */
  readonly failure?: { readonly errorKind: string; readonly message: string }
}

/** The scopes of one cloud, and notes on what the selection left out. */
export interface CloudPlan {
  readonly planned: readonly PlannedScope[]
  readonly notes: readonly ScanNote[]
}

/** OTC's built-in project of OBS; it is not a region's project (otc-api-platform.md §9.2). */
const OBS_PROJECT = 'MOS'

/** The region an OTC project name implies (`eu-de_prod` → `eu-de`), else undefined. */
export function regionOfProjectName(name: string): string | undefined {
  const m = /^([a-z]{2}-[a-z]+\d*)(_|$)/.exec(name)
  return m?.[1]
}

function errorOf(err: unknown): { errorKind: string; message: string } {
  const e = err as Partial<CloudApiError>
  return {
    errorKind: typeof e?.kind === 'string' ? e.kind : 'unknown',
    message: err instanceof Error ? err.message : String(err),
  }
}

/**
 * The projects the credentials reach: the user's own (`/v3/auth/projects`) and, where the user
 * may list them, the domain's (`/v3/projects?domain_id=`), so a project the user has no role in
 * shows up as one it cannot enter. Disabled projects, domains and OTC's `MOS` are left out.
 */
export async function discoverProjects(
  home: Session,
  info: SessionInfo,
  signal?: AbortSignal,
): Promise<ProjectWire[]> {
  const identity = await home.client('identity')
  const mine = await listAuthProjects(identity, signal)
  let domain: ProjectWire[] = []
  try {
    domain = await listProjects(identity, { domain_id: info.domainId }, signal)
  } catch {
    // Listing the domain's projects needs a permission many users lack: their own suffice.
  }
  const byId = new Map<string, ProjectWire>()
  for (const p of [...mine, ...domain]) if (!byId.has(p.id)) byId.set(p.id, p)
  return [...byId.values()]
    .filter((p) => p.enabled !== false && p.is_domain !== true && p.name !== OBS_PROJECT)
    .sort((a, b) => a.name.localeCompare(b.name))
}

/** The projects a selection names, found among `known` by id or name. */
function pick(
  wanted: readonly string[],
  known: readonly ProjectWire[],
): { found: { id: string; name: string }[]; missing: string[] } {
  const found: { id: string; name: string }[] = []
  const missing: string[] = []
  for (const w of wanted) {
    const p = known.find((x) => x.id === w) ?? known.find((x) => x.name === w)
    if (p) found.push({ id: p.id, name: p.name })
    else missing.push(w)
  }
  return { found, missing }
}

/** The regions to scan of a project whose catalog has `catalog` (sorted). */
function regionsFor(
  sel: ScopeSelection,
  configured: string | undefined,
  catalog: readonly string[],
): string[] {
  if (sel.regions === 'all') return [...catalog]
  const asked = sel.regions ?? (configured ? [configured] : undefined)
  if (asked) return catalog.length === 0 ? [...asked] : asked.filter((r) => catalog.includes(r))
  return catalog.length === 1 ? [...catalog] : []
}

/**
 * Plans the scopes of one cloud.
 * @throws {CloudApiError} when the configured project cannot be entered (nothing to scan)
 * @throws {RegionError} when a requested region is in no scanned project's catalog
 */
export async function planCloud(
  cloud: CloudTarget,
  sel: ScopeSelection,
  types: readonly ResourceType[],
  signal?: AbortSignal,
): Promise<CloudPlan> {
  const home = cloud.session
  const info = await home.info()
  const authUrl = home.config.authUrl
  const projectTypes = types.filter((t) => PROJECT_TYPES.includes(t))
  const accountTypes = types.filter((t) => ACCOUNT_TYPES.includes(t))
  const planned: PlannedScope[] = []
  const notes: ScanNote[] = []
  const homeProject = { id: info.projectId, name: info.projectName ?? info.projectId }

  let projects: { id: string; name: string }[] = [homeProject]
  if (sel.allProjects || sel.projects) {
    const known = await discoverProjects(home, info, signal)
    if (sel.allProjects) projects = known.map((p) => ({ id: p.id, name: p.name }))
    else {
      const { found, missing } = pick(sel.projects ?? [], known)
      projects = found
      for (const m of missing)
        planned.push({
          scope: {
            cloud: cloud.name,
            region: regionOfProjectName(m) ?? home.config.region ?? '-',
            projectId: m,
            projectName: m,
            kind: 'project',
          },
          authUrl,
          projectId: m,
          types: projectTypes,
          failure: {
            errorKind: 'not_found',
            message: `project "${m}" is not among the projects these credentials can see (${known.map((p) => p.name).join(', ') || 'none'})`,
          },
        })
    }
  }

  const catalogRegions = new Set<string>()
  if (projectTypes.some((t) => t !== 'project')) {
    // One token per project, several obtained at once (each is a round trip to Keystone).
    const entered = await mapLimit(projects, 8, async (p) => {
      const session = p.id === homeProject.id ? home : home.forProject(p)
      try {
        return { session, info: p.id === homeProject.id ? info : await session.info() }
      } catch (err) {
        return { session, error: err }
      }
    })
    for (const [i, p] of projects.entries()) {
      const { session, info: pInfo, error } = entered[i]!
      if (!pInfo) {
        planned.push({
          scope: {
            cloud: cloud.name,
            region: regionOfProjectName(p.name) ?? home.config.region ?? '-',
            projectId: p.id,
            projectName: p.name,
            kind: 'project',
          },
          authUrl,
          projectId: p.id,
          types: projectTypes,
          failure: errorOf(error),
        })
        continue
      }
      for (const r of pInfo.catalogRegions) catalogRegions.add(r)
      const regions = regionsFor(sel, home.config.region, pInfo.catalogRegions)
      if (regions.length === 0)
        notes.push({
          level: 'info',
          code: 'scope-skipped',
          message: `project ${p.name} (${p.id}) of cloud ${cloud.name} not scanned: its catalog serves ${pInfo.catalogRegions.join(', ') || 'no region'}, none of the selected regions (use --regions all)`,
        })
      for (const region of regions)
        planned.push({
          scope: {
            cloud: cloud.name,
            region,
            projectId: pInfo.projectId,
            projectName: pInfo.projectName ?? p.name,
            kind: 'project',
          },
          authUrl,
          session: region === session.config.region ? session : session.forRegion(region),
          projectId: pInfo.projectId,
          types: projectTypes,
        })
    }
  }
  const configured = home.config.region
  const asked = Array.isArray(sel.regions) ? sel.regions : configured ? [configured] : []
  const unknown = asked.filter((r) => catalogRegions.size > 0 && !catalogRegions.has(r))
  if (unknown.length > 0)
    throw new RegionError(
      `region${unknown.length > 1 ? 's' : ''} ${unknown.map((r) => `"${r}"`).join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not in the service catalog of ${authUrl}; the catalog has: ${[...catalogRegions].sort().join(', ')}`,
      [...catalogRegions].sort(),
    )
  const scopes = planned.filter((p) => p.scope.kind === 'project' && !p.failure)
  if (!sel.regions && !configured && scopes.length === 0 && catalogRegions.size > 1)
    throw new RegionError(
      `no region set and the service catalog of ${authUrl} has several: ${[...catalogRegions].sort().join(', ')}; choose one with --region (or region_name in clouds.yaml, OS_REGION_NAME), or --regions all`,
      [...catalogRegions].sort(),
    )
  if (accountTypes.length > 0)
    planned.push({
      scope: accountScope(cloud.name, { id: info.domainId, name: info.domainName }),
      authUrl,
      session: home,
      projectId: info.projectId,
      types: accountTypes,
    })
  return { planned, notes }
}
