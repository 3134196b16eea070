/**
 * ELB v3 (dedicated load balancers) under `/elb` (otc-api-platform.md §3.1-3.5):
 * `/v3/{pid}/elb/loadbalancers`, `listeners`, `l7policies`, `certificates`, `security-policies`
 * (marker + limit 0-2000, default 2000; `page_info.next_marker` = the page's last id on every
 * non-empty page, as the docs' own sample sends it on a short page) and
 * `system-security-policies` (not paged). Certificates come with their PEM and private key, as
 * the documented list does; a client must drop the key.
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import { type EmulatorEnv, type RouteContext, type Shared, serve } from '../_route.ts'
import { type LimitRule, markerPage } from '../paging.ts'
import { hexFor } from '../world/ids.ts'
import type { ElbListener, LoadBalancer } from '../world/model.ts'
import { fmt } from '../world/time.ts'

const V3: LimitRule = { defaultLimit: 2000, max: 2000, overMax: 'reject', min: 0 }

/**
 * The system policies this emulated ELB serves, with their protocols as the API writes them
 * (space-separated). Kept here, apart from the client's table: the emulator answers as the
 * service does, whatever a client assumes.
 */
export const SYSTEM_POLICIES: readonly { name: string; protocols: string }[] = [
  { name: 'tls-1-0', protocols: 'TLSv1.2 TLSv1.1 TLSv1' },
  { name: 'tls-1-1', protocols: 'TLSv1.2 TLSv1.1' },
  { name: 'tls-1-2', protocols: 'TLSv1.2' },
  { name: 'tls-1-0-inherit', protocols: 'TLSv1.2 TLSv1.1 TLSv1' },
  { name: 'tls-1-2-strict', protocols: 'TLSv1.2' },
  { name: 'tls-1-2-fs', protocols: 'TLSv1.2' },
  { name: 'tls-1-0-with-1-3', protocols: 'TLSv1.3 TLSv1.2 TLSv1.1 TLSv1' },
  { name: 'tls-1-2-fs-with-1-3', protocols: 'TLSv1.3 TLSv1.2' },
  { name: 'hybrid-policy-1-0', protocols: 'TLSv1.2 TLSv1.1' },
]

/** A v3 page and its `page_info` (no `next_marker` on an empty page). */
function paged<T extends { id: string }>(r: RouteContext, items: readonly T[]) {
  const { page } = markerPage(items, (i) => i.id, r.q('marker'), r.limit(V3))
  const page_info = {
    ...(page.length > 0 ? { next_marker: page.at(-1)!.id, previous_marker: page[0]!.id } : {}),
    current_count: page.length,
  }
  return { page, page_info, request_id: r.c.get('requestId') }
}

const TLS = new Set(['HTTPS', 'TERMINATED_HTTPS'])

function listenerWire(
  lb: LoadBalancer,
  l: ElbListener,
): WireInput<'elb.ListListenersV3'>['listeners'][number] {
  const tls = TLS.has(l.protocol)
  return {
    id: l.id,
    name: l.name,
    // Dedicated load balancers store HTTPS (§3.3).
    protocol: l.protocol === 'TERMINATED_HTTPS' ? 'HTTPS' : l.protocol,
    protocol_port: l.port,
    // The service fills in its default for an HTTPS listener created without one.
    tls_ciphers_policy: tls ? (l.tlsPolicy ?? 'tls-1-0') : null,
    security_policy_id: tls ? l.securityPolicyId : null,
    default_tls_container_ref: tls ? l.certificateId : null,
    client_ca_tls_container_ref: null,
    sni_container_refs: [],
    loadbalancers: [{ id: lb.id }],
    http2_enable: false,
    insert_headers: { 'X-Forwarded-ELB-IP': false },
    default_pool_id: null,
    created_at: fmt.isoSeconds(lb.createdAt),
  }
}

/** ELB v3 routes. */
export function elbV3Routes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world } = shared
  const lbs = (r: RouteContext) =>
    world.loadBalancers.filter((lb) => lb.kind === 'dedicated' && lb.projectId === r.project.id)
  const listeners = (r: RouteContext) =>
    lbs(r).flatMap((lb) => lb.listeners.map((l) => ({ lb, l })))

  serve(app, shared, 'elb.ListLoadbalancersV3', (r) => {
    const items = lbs(r).map((lb) => ({
      id: lb.id,
      name: lb.name,
      project_id: lb.projectId,
      vip_address: lb.vipAddress,
      vip_port_id: lb.vipPortId,
      vpc_id: hexFor('vpc', lb.projectId),
      guaranteed: true,
      provisioning_status: 'ACTIVE',
      operating_status: 'ONLINE',
      listeners: lb.listeners.map((l) => ({ id: l.id })),
      eips: lb.eip ? [{ eip_id: lb.eip.id, eip_address: lb.eip.address, ip_version: 4 }] : [],
      publicips: lb.eip
        ? [{ publicip_id: lb.eip.id, publicip_address: lb.eip.address, ip_version: 4 }]
        : [],
      ipv6_vip_address: null,
      ipv6_bandwidth: null,
      created_at: fmt.isoSeconds(lb.createdAt),
    }))
    const { page, ...rest } = paged(r, items)
    return { loadbalancers: page, ...rest }
  })

  serve(app, shared, 'elb.ListListenersV3', (r) => {
    const { page, ...rest } = paged(
      r,
      listeners(r).map(({ lb, l }) => listenerWire(lb, l)),
    )
    return { listeners: page, ...rest }
  })

  serve(app, shared, 'elb.ListL7PoliciesV3', (r) => {
    const items = listeners(r).flatMap(({ l }) => {
      const d = l.redirect
      if (!d) return []
      const url = d.url ? new URL(d.url) : undefined
      return [
        {
          id: d.policyId,
          name: `${l.name}-redirect`,
          action: d.action,
          listener_id: l.id,
          redirect_listener_id: d.listenerId ?? null,
          redirect_pool_id: null,
          redirect_url: null,
          redirect_url_config: url
            ? { protocol: url.protocol.replace(':', '').toUpperCase(), host: url.host }
            : null,
          admin_state_up: true,
          provisioning_status: 'ACTIVE',
          rules: [],
        },
      ]
    })
    const { page, ...rest } = paged(r, items)
    return { l7policies: page, ...rest }
  })

  serve(app, shared, 'elb.ListCertificatesV3', (r) => {
    const items = world.elbCertificates
      .filter((c) => c.kind === 'dedicated' && c.projectId === r.project.id)
      .map((c) => ({
        id: c.id,
        project_id: c.projectId,
        name: c.name,
        type: c.type,
        domain: c.domain,
        description: '',
        certificate: '-----BEGIN CERTIFICATE-----\nEMULATED\n-----END CERTIFICATE-----',
        private_key: '-----BEGIN PRIVATE KEY-----\nEMULATED\n-----END PRIVATE KEY-----',
        admin_state_up: true,
        created_at: fmt.isoSeconds(c.createdAt),
        updated_at: fmt.isoSeconds(c.createdAt),
        expire_time: fmt.isoSeconds(c.expires),
      }))
    const { page, ...rest } = paged(r, items)
    return { certificates: page, ...rest }
  })

  serve(app, shared, 'elb.ListSecurityPolicies', (r) => {
    const items = world.elbSecurityPolicies
      .filter((p) => p.projectId === r.project.id)
      .map((p) => ({
        id: p.id,
        name: p.name,
        protocols: p.protocols,
        ciphers: ['ECDHE-RSA-AES256-GCM-SHA384'],
        listeners: listeners(r)
          .filter(({ l }) => l.securityPolicyId === p.id)
          .map(({ l }) => ({ id: l.id })),
      }))
    const { page, ...rest } = paged(r, items)
    return { security_policies: page, ...rest }
  })

  serve(app, shared, 'elb.ListSystemSecurityPolicies', (r) => ({
    system_security_policies: SYSTEM_POLICIES.map((p) => ({
      ...p,
      ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256',
      project_id: r.project.id,
    })),
    request_id: r.c.get('requestId'),
  }))
  return app
}
