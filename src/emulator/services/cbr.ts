/**
 * Cloud Backup and Recovery v3 under `/cbr` (otc-api.md §6): vaults and backups paged by
 * `offset` + `limit` (at most 1000) with the total in `count`, and the unpaged policy list that
 * carries the policy-to-vault links.
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import type { WorldIndex } from '../_index.ts'
import { type EmulatorEnv, type RouteContext, type Shared, serve } from '../_route.ts'
import { type LimitRule, offsetPage } from '../paging.ts'
import { uuidForCached } from '../world/ids.ts'
import type { Backup, BackupPolicy, Vault } from '../world/model.ts'
import { fmt } from '../world/time.ts'

const CBR: LimitRule = { defaultLimit: 1000, max: 1000, overMax: 'reject', min: 1 }

/** CBR provider ids (otc-api.md §6.3). */
const PROVIDER = {
  server: '0daac4c5-6707-4851-97ba-169e36266b66',
  disk: 'd1603440-187d-4516-af25-121250c7cc97',
} as const

const providerOf = (type: string) => (type === 'OS::Nova::Server' ? PROVIDER.server : PROVIDER.disk)

function vaultWire(index: WorldIndex, v: Vault): WireInput<'cbr.ListVaults'>['vaults'][number] {
  const backups = index.backupsByVault.get(v.id) ?? []
  const counts = new Map<string, number>()
  for (const b of backups) counts.set(b.resource.id, (counts.get(b.resource.id) ?? 0) + 1)
  const countOf = (id: string) => counts.get(id) ?? 0
  const usedMb = backups.reduce((n, b) => n + b.resource.size * 100, 0)
  return {
    id: v.id,
    name: v.name,
    description: '',
    project_id: v.projectId,
    provider_id: PROVIDER[v.type],
    user_id: uuidForCached('cbr-user', v.projectId).replaceAll('-', ''),
    created_at: fmt.isoMillisOffset(v.createdAt),
    auto_bind: v.autoBind,
    bind_rules: { tags: [] },
    auto_expand: false,
    locked: false,
    enterprise_project_id: '0',
    resources: v.resources.map((res) => ({
      id: res.id,
      name: res.name,
      type: res.type,
      protect_status: 'available',
      size: res.size,
      backup_size: countOf(res.id) * res.size * 100,
      backup_count: countOf(res.id),
      extra_info: res.type === 'OS::Nova::Server' ? { exclude_volumes: [] } : {},
    })),
    billing: {
      allocated: 0,
      used: usedMb,
      size: v.size,
      status: 'available',
      cloud_type: 'public',
      charging_mode: 'post_paid',
      consistent_level: 'crash_consistent',
      object_type: v.type,
      protect_type: 'backup',
      spec_code: `vault.backup.${v.type}.normal`,
      storage_unit: '',
      frozen_scene: '',
    },
    tags: [],
  }
}

function policyWire(p: BackupPolicy): WireInput<'cbr.ListPolicies'>['policies'][number] {
  return {
    id: p.id,
    name: p.name,
    enabled: p.enabled,
    operation_type: 'backup',
    associated_vaults: p.vaultIds.map((vault_id) => ({ vault_id })),
    operation_definition: {
      retention_duration_days: p.retentionDays,
      max_backups: p.maxBackups,
      day_backups: 0,
      week_backups: 0,
      month_backups: 0,
      year_backups: 0,
      timezone: 'UTC+00:00',
    },
    trigger: {
      id: uuidForCached('trigger', p.id),
      name: 'default',
      type: 'time',
      properties: { pattern: p.schedule, start_time: fmt.isoMillisOffset(p.createdAt) },
    },
  }
}

function backupWire(b: Backup): WireInput<'cbr.ListBackups'>['backups'][number] {
  const server = b.resource.type === 'OS::Nova::Server'
  return {
    id: b.id,
    name: b.name,
    description: '',
    checkpoint_id: b.checkpointId,
    vault_id: b.vaultId,
    provider_id: providerOf(b.resource.type),
    project_id: b.projectId,
    resource_id: b.resource.id,
    resource_name: b.resource.name,
    resource_type: b.resource.type,
    resource_size: b.resource.size,
    resource_az: b.resource.az,
    image_type: 'backup',
    status: b.status,
    created_at: fmt.isoMillisOffset(b.createdAt),
    protected_at: fmt.isoMillisOffset(b.createdAt),
    updated_at: fmt.isoMillisOffset(b.createdAt + 5 * 60_000),
    expired_at: b.expiresAt === null ? null : fmt.isoMillisOffset(b.expiresAt),
    children: [],
    extend_info: {
      auto_trigger: b.auto,
      supported_restore_mode: 'backup',
      contain_system_disk: server,
      support_lld: true,
      system_disk: false,
      encrypted: false,
    },
  }
}

const eq = (want: string | undefined, value: string) => want === undefined || want === value

function filterBackups(r: RouteContext, items: readonly Backup[]): readonly Backup[] {
  // Each filter read once per request, not once per item.
  const statuses = r.c.req.queries('status')
  const vaultId = r.q('vault_id')
  const resourceId = r.q('resource_id')
  const resourceType = r.q('resource_type')
  const resourceName = r.q('resource_name')
  const checkpointId = r.q('checkpoint_id')
  const sort = r.q('sort')
  const given = [statuses, vaultId, resourceId, resourceType, resourceName, checkpointId]
  const unfiltered = given.every((f) => f === undefined)
  if (unfiltered && !sort?.startsWith('created_at')) return items
  const out = unfiltered
    ? [...items]
    : items.filter(
        (b) =>
          eq(vaultId, b.vaultId) &&
          eq(resourceId, b.resource.id) &&
          eq(resourceType, b.resource.type) &&
          eq(resourceName, b.resource.name) &&
          eq(checkpointId, b.checkpointId) &&
          (statuses === undefined || statuses.includes(b.status)),
      )
  if (sort?.startsWith('created_at'))
    out.sort((a, b) => (sort.endsWith(':asc') ? 1 : -1) * (a.createdAt - b.createdAt))
  return out
}

/** CBR routes. */
export function cbrRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world, index } = shared

  serve(app, shared, 'cbr.ListVaults', async (r) => {
    const limit = r.limit(CBR)
    const policyId = r.q('policy_id')
    const resourceIds = r.q('resource_ids')?.split(',')
    const [type, name, id, status] = ['object_type', 'name', 'id', 'status'].map((k) => r.q(k))
    const items = index
      .inProject(world.vaults, r.project.id)
      .filter(
        (v) =>
          eq(type, v.type) &&
          eq(name, v.name) &&
          eq(id, v.id) &&
          eq(status, 'available') &&
          (policyId === undefined ||
            (index.policiesByVault.get(v.id) ?? []).some((p) => p.id === policyId)) &&
          (resourceIds === undefined || v.resources.some((res) => resourceIds.includes(res.id))),
      )
    const { page, offset } = offsetPage(items, r.q('offset'), limit)
    const vaults = await r.map(page, (v) => vaultWire(index, v))
    return { vaults, count: items.length, limit, offset }
  })

  serve(app, shared, 'cbr.ListPolicies', async (r) => {
    const vaultId = r.q('vault_id')
    const operationType = r.q('operation_type')
    const items = index
      .inProject(world.backupPolicies, r.project.id)
      .filter(
        (p) =>
          eq(operationType, 'backup') && (vaultId === undefined || p.vaultIds.includes(vaultId)),
      )
    return { policies: r.wireList(items, policyWire), count: items.length }
  })

  serve(app, shared, 'cbr.ListBackups', async (r) => {
    const limit = r.limit(CBR)
    const items = filterBackups(r, index.inProject(world.backups, r.project.id))
    const { page, offset } = offsetPage(items, r.q('offset'), limit)
    return { backups: r.wireList(page, backupWire), count: items.length, limit, offset }
  })

  return app
}
