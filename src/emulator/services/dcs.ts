/**
 * DCS v2 under `/dcs` (otc-api-platform.md §5): `GET /v2/{pid}/instances` (`offset` + `limit`
 * 1-1000, default 10, total `instance_num`; `name`, `status` filters) and
 * `GET /v2/{pid}/instance/{instance_id}/whitelist`. `no_password_access` is sent as the field
 * table types it (a string) for every second instance and as the sample shows it (a boolean)
 * otherwise, so clients meet both; the public-IP fields are "reserved": false / null.
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import { type EmulatorEnv, type Shared, serve } from '../_route.ts'
import { type LimitRule, offsetPage } from '../paging.ts'
import type { DcsInstance } from '../world/model.ts'

const DCS: LimitRule = { defaultLimit: 10, max: 1000, overMax: 'reject', min: 1 }

function instanceWire(
  i: DcsInstance,
  n: number,
): WireInput<'dcs.ListInstances'>['instances'][number] {
  return {
    instance_id: i.id,
    name: i.name,
    engine: 'Redis',
    engine_version: i.version,
    status: i.status,
    no_password_access: n % 2 === 0 ? i.passwordFree : (String(i.passwordFree) as 'true' | 'false'),
    access_user: null,
    ip: i.ip,
    port: 6379,
    domain_name: `redis-${i.id}.dcs.huaweicloud.com`,
    vpc_id: i.vpcId,
    subnet_id: i.subnetId,
    security_group_id: i.securityGroupId,
    enable_publicip: false,
    publicip_address: null,
    enable_ssl: false,
    spec_code: 'redis.ha.xu1.large.r2.2',
    az_codes: [i.az],
    created_at: new Date(i.createdAt).toISOString(),
  }
}

/** DCS routes. */
export function dcsRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world } = shared

  serve(app, shared, 'dcs.ListInstances', (r) => {
    const limit = r.limit(DCS)
    const offset = r.q('offset')
    if (offset !== undefined && !/^\d+$/.test(offset))
      return r.fail(400, 'Invalid offset in the request.')
    const items = world.dcsInstances.filter(
      (i) =>
        i.projectId === r.project.id &&
        (r.q('name') === undefined || i.name.includes(r.q('name')!)) &&
        (r.q('status') === undefined || i.status === r.q('status')),
    )
    const { page } = offsetPage(items, offset, limit)
    const start = Number(offset ?? 0)
    return { instance_num: items.length, instances: page.map((i, k) => instanceWire(i, start + k)) }
  })

  serve(app, shared, 'dcs.ShowWhitelist', (r) => {
    const i = world.dcsInstances.find(
      (x) => x.id === r.params.instance_id && x.projectId === r.project.id,
    )
    if (!i) return r.fail(404, 'The instance does not exist.')
    return {
      instance_id: i.id,
      enable_whitelist: i.whitelistEnabled,
      whitelist: i.whitelist.map((g) => ({ group_name: g.name, ip_list: g.ips })),
      whitelist_ip_limit_num: 20,
    }
  })
  return app
}
