/**
 * Wire shapes of the Neutron-LBaaS-shaped v2 API, served by OTC's shared load balancers at
 * `/v2.0/lbaas` (otc-api-platform.md §3.6, catalog `elb`) and by OpenStack Octavia at
 * `/v2/lbaas` (older Octavia also at `/v2.0/lbaas`, catalog `load-balancer`; the Octavia API
 * reference's `api-ref/source/v2/examples/*-list-response.json`). Lists page by `limit` +
 * `marker` with `<resource>_links` (`rel: next`), except OTC's certificates, which answer
 * `instance_num` and no links. Fields one of them lacks are optional: OTC sends
 * `tls_ciphers_policy` and `redirect_listener_id`, Octavia `tls_versions` (API 2.17 on) and
 * `redirect_prefix`.
 * @module
 */
import { z } from 'zod'

const IdRef = z.object({ id: z.string() })
const Links = z.array(z.object({ rel: z.string(), href: z.string() })).optional()

/** One load balancer of GET …/lbaas/loadbalancers. */
export const LbaasLoadbalancerWire = z.object({
  id: z.string(),
  name: z.string(),
  vip_address: z.string().nullish(),
  /** Its public address, if any, is a floating IP on this port. */
  vip_port_id: z.string().nullish(),
  vip_subnet_id: z.string().nullish(),
  provider: z.string().nullish(),
  provisioning_status: z.string().nullish(),
  operating_status: z.string().nullish(),
  admin_state_up: z.boolean().nullish(),
  listeners: z.array(IdRef).default([]),
  created_at: z.string().nullish(),
})
export type LbaasLoadbalancerWire = z.output<typeof LbaasLoadbalancerWire>

export const ListLbaasLoadbalancersResponse = z.object({
  loadbalancers: z.array(LbaasLoadbalancerWire),
  loadbalancers_links: Links,
})

/** One listener of GET …/lbaas/listeners. */
export const LbaasListenerWire = z.object({
  id: z.string(),
  name: z.string(),
  /** TCP, UDP, HTTP, HTTPS (passthrough on Octavia), TERMINATED_HTTPS, SCTP, PROMETHEUS. */
  protocol: z.string(),
  protocol_port: z.number(),
  admin_state_up: z.boolean().nullish(),
  default_tls_container_ref: z.string().nullish(),
  sni_container_refs: z.array(z.string()).nullish(),
  client_ca_tls_container_ref: z.string().nullish(),
  loadbalancers: z.array(IdRef).default([]),
  /** OTC shared: `tls-1-0` (default), `tls-1-0-inherit`, `tls-1-1`, `tls-1-2`, `tls-1-2-strict`. */
  tls_ciphers_policy: z.string().nullish(),
  /** Octavia 2.17 on: `TLSv1`, `TLSv1.1`, `TLSv1.2`, `TLSv1.3` (and `SSLv3`). */
  tls_versions: z.array(z.string()).nullish(),
  insert_headers: z.record(z.string(), z.unknown()).nullish(),
  l7policies: z.array(IdRef).nullish(),
  default_pool_id: z.string().nullish(),
  created_at: z.string().nullish(),
})
export type LbaasListenerWire = z.output<typeof LbaasListenerWire>

export const ListLbaasListenersResponse = z.object({
  listeners: z.array(LbaasListenerWire),
  listeners_links: Links,
})

/** One L7 policy of GET …/lbaas/l7policies. */
export const LbaasL7PolicyWire = z.object({
  id: z.string(),
  name: z.string().nullish(),
  /** REDIRECT_TO_POOL, REDIRECT_TO_LISTENER (OTC), REDIRECT_TO_URL, REDIRECT_PREFIX (Octavia), REJECT. */
  action: z.string(),
  listener_id: z.string(),
  redirect_listener_id: z.string().nullish(),
  redirect_pool_id: z.string().nullish(),
  redirect_url: z.string().nullish(),
  redirect_prefix: z.string().nullish(),
  redirect_http_code: z.number().nullish(),
  admin_state_up: z.boolean().nullish(),
  provisioning_status: z.string().nullish(),
  position: z.number().nullish(),
  rules: z.array(IdRef).nullish(),
})
export type LbaasL7PolicyWire = z.output<typeof LbaasL7PolicyWire>

export const ListLbaasL7PoliciesResponse = z.object({
  l7policies: z.array(LbaasL7PolicyWire),
  l7policies_links: Links,
})

/**
 * One certificate of OTC's GET /v2.0/lbaas/certificates (Octavia keeps certificates in
 * Barbican). `expire_time` is `YYYY-MM-DD HH:MM:SS` in UTC, unlike v3. The list returns the PEM
 * `private_key`; this schema leaves it out, so parsing drops it.
 */
export const LbaasCertificateWire = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().nullish(),
  domain: z.string().nullish(),
  expire_time: z.string().nullish(),
  create_time: z.string().nullish(),
})
export type LbaasCertificateWire = z.output<typeof LbaasCertificateWire>

/** Marker + limit paging, no links: a short page ends; `instance_num` counts the items. */
export const ListLbaasCertificatesResponse = z.object({
  certificates: z.array(LbaasCertificateWire),
  instance_num: z.number().optional(),
})
