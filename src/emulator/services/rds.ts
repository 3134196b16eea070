/**
 * RDS v3 under `/rds` (otc-api.md §11): instances and, per instance, backups; `offset` +
 * `limit` (1-100, 400 above) with `total_count`.
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import { type EmulatorEnv, type RouteContext, type Shared, serve } from '../_route.ts'
import { type LimitRule, offsetPage } from '../paging.ts'
import type { RdsBackup, RdsInstance } from '../world/model.ts'
import { fmt } from '../world/time.ts'

const RDS: LimitRule = { defaultLimit: 100, max: 100, overMax: 'reject', min: 1 }

function instanceWire(
  i: RdsInstance,
  region: string,
): WireInput<'rds.ListInstances'>['instances'][number] {
  const ha = i.type === 'Ha'
  const node = (n: number, role: string) => ({
    id: `${i.id.slice(0, 32)}no0${n + 1}`,
    name: `${i.name}_node${n}`,
    role,
    status: i.status,
    availability_zone: i.az,
  })
  return {
    id: i.id,
    name: i.name,
    status: i.status,
    type: i.type,
    region,
    port: i.port,
    enable_ssl: i.ssl,
    datastore: { type: i.engine, version: i.version, complete_version: `${i.version}.0` },
    ha: ha ? { replication_mode: 'semisync' } : null,
    switch_strategy: 'reliability',
    created: fmt.isoOffset(i.createdAt),
    updated: fmt.isoOffset(i.createdAt),
    volume: i.volume,
    nodes: ha ? [node(0, 'master'), node(1, 'slave')] : [node(0, 'master')],
    private_ips: [i.privateIp],
    public_ips: i.publicIp === null ? [] : [i.publicIp],
    private_dns_names: [],
    public_dns_names: [],
    db_user_name: i.engine === 'SQLServer' ? 'rdsuser' : 'root',
    vpc_id: i.vpcId,
    subnet_id: i.subnetId,
    security_group_id: i.securityGroupId,
    flavor_ref: i.flavor,
    backup_strategy: { start_time: i.backupWindow, keep_days: i.keepDays },
    maintenance_window: '02:00-06:00',
    related_instance: [],
    disk_encryption_id: i.encryptionKeyId,
    time_zone: '',
    enterprise_project_id: '0',
    tags: [],
    charge_info: { charge_mode: 'postPaid' },
  }
}

function backupWire(b: RdsBackup): WireInput<'rds.ListBackups'>['backups'][number] {
  return {
    id: b.id,
    name: b.name,
    type: b.type,
    size: b.size,
    status: b.status,
    begin_time: fmt.isoOffset(b.beginAt),
    end_time: fmt.isoOffset(b.endAt),
    datastore: { type: b.engine, version: b.version },
    instance_id: b.instanceId,
  }
}

function nameMatches(r: RouteContext, name: string): boolean {
  const want = r.q('name')
  if (want === undefined) return true
  return want.startsWith('*') ? name.includes(want.slice(1)) : name === want
}

const eq = (want: string | undefined, value: string) => want === undefined || want === value

/** RDS routes. */
export function rdsRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world, index } = shared

  serve(app, shared, 'rds.ListInstances', async (r) => {
    const limit = r.limit(RDS)
    const items = index
      .inProject(world.rdsInstances, r.project.id)
      .filter(
        (i) =>
          nameMatches(r, i.name) &&
          eq(r.q('id'), i.id) &&
          eq(r.q('type'), i.type) &&
          eq(r.q('datastore_type'), i.engine) &&
          eq(r.q('vpc_id'), i.vpcId) &&
          eq(r.q('subnet_id'), i.subnetId),
      )
    const { page } = offsetPage(items, r.q('offset'), limit)
    return {
      instances: r.wireList(page, (i) => instanceWire(i, r.project.region)),
      total_count: items.length,
    }
  })

  serve(app, shared, 'rds.ListBackups', async (r) => {
    const instanceId = r.q('instance_id')
    if (instanceId === undefined || instanceId === '')
      return r.fail(400, 'The instance_id parameter is mandatory.')
    const limit = r.limit(RDS)
    const begin = r.q('begin_time')
    const beginMs =
      begin === undefined ? undefined : Date.parse(begin.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'))
    const items = index
      .inProject(world.rdsBackups, r.project.id)
      .filter(
        (b) =>
          b.instanceId === instanceId &&
          eq(r.q('backup_id'), b.id) &&
          eq(r.q('backup_type'), b.type) &&
          (beginMs === undefined || Number.isNaN(beginMs) || b.beginAt >= beginMs),
      )
    const { page } = offsetPage(items, r.q('offset'), limit)
    return { backups: r.wireList(page, backupWire), total_count: items.length }
  })

  return app
}
