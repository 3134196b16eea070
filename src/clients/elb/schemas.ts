/**
 * Wire shapes of OTC ELB v3, the dedicated load balancers (otc-api-platform.md §3.1-3.5):
 * load balancers, listeners, forwarding policies, certificates and TLS security policies. Lists
 * page by `marker` + `limit` (0-2000) and answer `page_info.next_marker`, which the docs' own
 * sample returns even on a short page (§3.1). The v2 (Neutron LBaaS-shaped) API of shared load
 * balancers and Octavia is in `lbaas-schemas.ts`.
 * @module
 */
import { z } from 'zod'

/** `page_info` of every v3 list. */
export const PageInfoWire = z.object({
  next_marker: z.string().nullish(),
  previous_marker: z.string().nullish(),
  current_count: z.number().optional(),
})

const IdRef = z.object({ id: z.string() })

/** One load balancer of GET /v3/{project_id}/elb/loadbalancers (§3.2). */
export const LoadbalancerV3Wire = z.object({
  id: z.string(),
  name: z.string(),
  vip_address: z.string().nullish(),
  vip_port_id: z.string().nullish(),
  vpc_id: z.string().nullish(),
  /** true: dedicated; false: a shared load balancer listed through v3. */
  guaranteed: z.boolean().nullish(),
  provisioning_status: z.string().nullish(),
  operating_status: z.string().nullish(),
  listeners: z.array(IdRef).default([]),
  /** The bound EIP (at most one); `publicips` is its synonym. */
  eips: z
    .array(
      z.object({
        eip_id: z.string().nullish(),
        eip_address: z.string().nullish(),
        ip_version: z.number().nullish(),
      }),
    )
    .nullish(),
  publicips: z
    .array(
      z.object({
        publicip_id: z.string().nullish(),
        publicip_address: z.string().nullish(),
        ip_version: z.number().nullish(),
      }),
    )
    .nullish(),
  ipv6_vip_address: z.string().nullish(),
  /** A shared bandwidth on the IPv6 address makes it reachable from the internet. */
  ipv6_bandwidth: z.object({ id: z.string().nullish() }).nullish(),
  created_at: z.string().nullish(),
})
export type LoadbalancerV3Wire = z.output<typeof LoadbalancerV3Wire>

export const ListLoadbalancersV3Response = z.object({
  loadbalancers: z.array(LoadbalancerV3Wire),
  page_info: PageInfoWire.optional(),
  request_id: z.string().optional(),
})

/** One listener of GET /v3/{project_id}/elb/listeners (§3.3). */
export const ListenerV3Wire = z.object({
  id: z.string(),
  name: z.string(),
  /** TCP, UDP, HTTP, HTTPS (TERMINATED_HTTPS on shared load balancers). */
  protocol: z.string(),
  protocol_port: z.number(),
  /** System TLS policy name (`tls-1-0` when unset: the documented default). */
  tls_ciphers_policy: z.string().nullish(),
  /** A custom security policy; wins over `tls_ciphers_policy` when both are set. */
  security_policy_id: z.string().nullish(),
  default_tls_container_ref: z.string().nullish(),
  client_ca_tls_container_ref: z.string().nullish(),
  sni_container_refs: z.array(z.string()).nullish(),
  loadbalancers: z.array(IdRef).default([]),
  http2_enable: z.boolean().nullish(),
  insert_headers: z.record(z.string(), z.unknown()).nullish(),
  default_pool_id: z.string().nullish(),
  created_at: z.string().nullish(),
})
export type ListenerV3Wire = z.output<typeof ListenerV3Wire>

export const ListListenersV3Response = z.object({
  listeners: z.array(ListenerV3Wire),
  page_info: PageInfoWire.optional(),
  request_id: z.string().optional(),
})

/**
 * One forwarding policy of GET /v3/{project_id}/elb/l7policies (the ELB API reference's
 * `dedicated/examples/l7policy-list-response.json`). REDIRECT_TO_LISTENER sends an HTTP
 * listener's requests to an HTTPS listener and overrides the listener's other policies.
 */
export const L7PolicyV3Wire = z.object({
  id: z.string(),
  name: z.string().nullish(),
  /** REDIRECT_TO_POOL, REDIRECT_TO_LISTENER, REDIRECT_TO_URL, FIXED_RESPONSE. */
  action: z.string(),
  listener_id: z.string(),
  redirect_listener_id: z.string().nullish(),
  redirect_pool_id: z.string().nullish(),
  redirect_url: z.string().nullish(),
  redirect_url_config: z
    .object({ protocol: z.string().nullish(), host: z.string().nullish() })
    .nullish(),
  admin_state_up: z.boolean().nullish(),
  provisioning_status: z.string().nullish(),
  rules: z.array(IdRef).nullish(),
})
export type L7PolicyV3Wire = z.output<typeof L7PolicyV3Wire>

export const ListL7PoliciesV3Response = z.object({
  l7policies: z.array(L7PolicyV3Wire),
  page_info: PageInfoWire.optional(),
  request_id: z.string().optional(),
})

/**
 * One certificate of GET /v3/{project_id}/elb/certificates (§3.5). The list returns the PEM
 * `private_key`: it is not part of this schema, so parsing drops it before anything stores it.
 */
export const CertificateV3Wire = z.object({
  id: z.string(),
  name: z.string(),
  /** server, or client (a CA for mutual TLS). */
  type: z.string().nullish(),
  /** Comma-separated names; may be null. */
  domain: z.string().nullish(),
  /** `2045-11-17T13:25:47Z`. */
  expire_time: z.string().nullish(),
  created_at: z.string().nullish(),
})
export type CertificateV3Wire = z.output<typeof CertificateV3Wire>

export const ListCertificatesV3Response = z.object({
  certificates: z.array(CertificateV3Wire),
  page_info: PageInfoWire.optional(),
  request_id: z.string().optional(),
})

/** One custom TLS policy of GET /v3/{project_id}/elb/security-policies (§3.4: arrays here). */
export const SecurityPolicyWire = z.object({
  id: z.string(),
  name: z.string().nullish(),
  /** `TLSv1`, `TLSv1.1`, `TLSv1.2`, `TLSv1.3`. */
  protocols: z.array(z.string()),
  ciphers: z.array(z.string()).nullish(),
  listeners: z.array(IdRef).nullish(),
})
export type SecurityPolicyWire = z.output<typeof SecurityPolicyWire>

export const ListSecurityPoliciesResponse = z.object({
  security_policies: z.array(SecurityPolicyWire),
  page_info: PageInfoWire.optional(),
  request_id: z.string().optional(),
})

/** One system TLS policy of GET /v3/{project_id}/elb/system-security-policies (space-separated). */
export const SystemSecurityPolicyWire = z.object({
  name: z.string(),
  /** `TLSv1.2 TLSv1.1 TLSv1`. */
  protocols: z.string(),
  ciphers: z.string().nullish(),
})
export type SystemSecurityPolicyWire = z.output<typeof SystemSecurityPolicyWire>

export const ListSystemSecurityPoliciesResponse = z.object({
  system_security_policies: z.array(SystemSecurityPolicyWire),
  request_id: z.string().optional(),
})
