/**
 * The LBaaS v2 shape under `/elb`: `/v2.0/lbaas/…` (OTC's shared load balancers; on a plain
 * OpenStack world, Octavia's legacy prefix) and `/v2/lbaas/…` (Octavia), each answering only
 * where the region serves that version (`apiVersions.elb`). Lists page Neutron-style (`limit` +
 * `marker`, `<res>_links` with `rel: next` while more exist); OTC's certificate list pages by
 * marker with `instance_num` and no links, its `expire_time` as `YYYY-MM-DD HH:MM:SS`. OTC
 * listeners carry `tls_ciphers_policy` (left out when unset: the service default applies) and
 * redirect to listeners; Octavia's carry `tls_versions` only when the world gives them (API 2.17
 * on) and its redirects are REDIRECT_TO_URL / REDIRECT_PREFIX with a rule.
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import { type EmulatorEnv, type RouteContext, type Shared, serve } from '../_route.ts'
import { type LimitRule, markerPage, nextLinks } from '../paging.ts'
import { uuidFor } from '../world/ids.ts'
import type { ElbListener, LoadBalancer, World } from '../world/model.ts'
import { fmt } from '../world/time.ts'

const LBAAS: LimitRule = { defaultLimit: 1000, max: 1000, overMax: 'clamp', min: 0 }

function paged<T extends { id: string }>(r: RouteContext, items: readonly T[]) {
  const limit = r.limit(LBAAS)
  const { page, more } = markerPage(items, (i) => i.id, r.q('marker'), limit)
  return { page, links: nextLinks(r.url, more, limit, page.at(-1)?.id) }
}

type LbaasListener = WireInput<'elb.ListListenersV2'>['listeners'][number]

function listenerWire(w: World, lb: LoadBalancer, l: ElbListener): LbaasListener {
  const otc = lb.kind === 'shared'
  const tls = l.protocol === 'TERMINATED_HTTPS' || (otc && l.protocol === 'HTTPS')
  const cert = l.certificateId
  return {
    id: l.id,
    name: l.name,
    protocol: otc && l.protocol === 'HTTPS' ? 'TERMINATED_HTTPS' : l.protocol,
    protocol_port: l.port,
    admin_state_up: true,
    default_tls_container_ref:
      tls && cert ? (otc ? cert : `${'http://barbican.example:9311'}/v1/containers/${cert}`) : null,
    sni_container_refs: [],
    loadbalancers: [{ id: lb.id }],
    ...(otc && tls && l.tlsPolicy ? { tls_ciphers_policy: l.tlsPolicy } : {}),
    ...(!otc && l.tlsVersions ? { tls_versions: l.tlsVersions } : {}),
    insert_headers: {},
    l7policies: l.redirect ? [{ id: l.redirect.policyId }] : [],
    default_pool_id: null,
    created_at: w.cloud === 'otc' ? fmt.isoSeconds(lb.createdAt) : fmt.isoNoZone(lb.createdAt),
  }
}

/** LBaaS v2 routes for one version (`v2.0` or `v2`). */
function lbaasVersion(shared: Shared, app: Hono<EmulatorEnv>, v: 'V20' | 'V2'): void {
  const { world } = shared
  // OTC serves its shared load balancers at /v2.0; a plain OpenStack serves Octavia at both.
  const kind = world.cloud === 'otc' ? 'shared' : 'octavia'
  const lbs = (r: RouteContext) =>
    world.loadBalancers.filter((lb) => lb.kind === kind && lb.projectId === r.project.id)
  const listeners = (r: RouteContext) =>
    lbs(r).flatMap((lb) => lb.listeners.map((l) => ({ lb, l })))

  serve(app, shared, `elb.ListLoadbalancers${v}`, (r) => {
    const { page, links } = paged(
      r,
      lbs(r).map((lb) => ({
        id: lb.id,
        name: lb.name,
        tenant_id: lb.projectId,
        project_id: lb.projectId,
        vip_address: lb.vipAddress,
        vip_port_id: lb.vipPortId,
        vip_subnet_id: uuidFor('subnet', lb.projectId),
        provider: kind === 'shared' ? 'vlb' : 'amphora',
        provisioning_status: 'ACTIVE',
        operating_status: 'ONLINE',
        admin_state_up: true,
        listeners: lb.listeners.map((l) => ({ id: l.id })),
        created_at: fmt.isoNoZone(lb.createdAt),
      })),
    )
    return { loadbalancers: page, loadbalancers_links: links }
  })

  serve(app, shared, `elb.ListListeners${v}`, (r) => {
    const { page, links } = paged(
      r,
      listeners(r).map(({ lb, l }) => listenerWire(world, lb, l)),
    )
    return { listeners: page, listeners_links: links }
  })

  serve(app, shared, `elb.ListL7Policies${v}`, (r) => {
    const items = listeners(r).flatMap(({ l }) => {
      const d = l.redirect
      if (!d) return []
      return [
        {
          id: d.policyId,
          name: `${l.name}-redirect`,
          action: d.action,
          listener_id: l.id,
          redirect_listener_id: d.listenerId ?? null,
          redirect_pool_id: null,
          redirect_url: d.action === 'REDIRECT_TO_URL' ? (d.url ?? null) : null,
          redirect_prefix: d.action === 'REDIRECT_PREFIX' ? (d.url ?? null) : null,
          redirect_http_code: kind === 'octavia' ? 301 : null,
          admin_state_up: true,
          provisioning_status: 'ACTIVE',
          position: 1,
          rules: kind === 'octavia' ? [{ id: uuidFor('l7rule', d.policyId) }] : [],
        },
      ]
    })
    const { page, links } = paged(r, items)
    return { l7policies: page, l7policies_links: links }
  })
}

/** LBaaS v2 routes: `/v2.0/lbaas` and `/v2/lbaas`, plus OTC's v2.0 certificates. */
export function elbLbaasRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world } = shared
  lbaasVersion(shared, app, 'V20')
  lbaasVersion(shared, app, 'V2')

  serve(app, shared, 'elb.ListCertificatesV20', (r) => {
    if (world.cloud !== 'otc') return r.fail(404, 'The resource could not be found.')
    const items = world.elbCertificates
      .filter((c) => c.kind === 'shared' && c.projectId === r.project.id)
      .map((c) => ({
        id: c.id,
        name: c.name,
        type: c.type,
        domain: c.domain,
        description: null,
        certificate: '-----BEGIN CERTIFICATE-----\nEMULATED\n-----END CERTIFICATE-----',
        private_key: '-----BEGIN RSA PRIVATE KEY-----\nEMULATED\n-----END RSA PRIVATE KEY-----',
        admin_state_up: true,
        tenant_id: c.projectId,
        create_time: fmt.isoNoZone(c.createdAt).replace('T', ' '),
        update_time: fmt.isoNoZone(c.createdAt).replace('T', ' '),
        expire_time: fmt.isoNoZone(c.expires).replace('T', ' '),
      }))
    const { page } = markerPage(items, (i) => i.id, r.q('marker'), r.limit(LBAAS))
    return { certificates: page, instance_num: items.length }
  })
  return app
}
