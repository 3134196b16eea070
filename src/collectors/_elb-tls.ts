/**
 * What a listener admits and where it redirects, from its policies: the TLS versions of its
 * custom or system security policy (otc-api-platform.md §3.4: `security_policy_id` wins over
 * `tls_ciphers_policy`; an unset policy is `tls-1-0`) or Octavia's `tls_versions`, and the
 * redirects of its enabled L7 policies.
 * @module
 */
import type { LbaasL7PolicyWire } from '../clients/elb/lbaas-schemas.ts'
import type { L7PolicyV3Wire } from '../clients/elb/schemas.ts'
import { DEFAULT_TLS_POLICY, DOCUMENTED_TLS_POLICIES } from '../clients/elb/tls-policies.ts'
import type { ElbApi, ElbRedirect } from '../inventory/types.ts'

/** Protocols whose TLS the load balancer terminates (Octavia's HTTPS is TCP passthrough). */
export function terminatesTls(api: ElbApi, protocol: string): boolean {
  const p = protocol.toUpperCase()
  return p === 'TERMINATED_HTTPS' || (p === 'HTTPS' && api !== 'octavia')
}

/** The policies a listener's TLS versions are looked up in; null: the list could not be read. */
export interface TlsPolicyLookup {
  /** Custom policies by id (v3 `security-policies`). */
  readonly custom: ReadonlyMap<string, { name: string; protocols: readonly string[] }> | null
  /** System policies by name as the API lists them (v3 `system-security-policies`). */
  readonly system: ReadonlyMap<string, readonly string[]> | null
}

/** A listener's TLS settings as the APIs name them. */
export interface ListenerTls {
  readonly api: ElbApi
  readonly protocol: string
  readonly tlsPolicy: string | null
  readonly securityPolicyId: string | null
  /** Octavia's `tls_versions`; undefined where the API has no such field. */
  readonly tlsVersions?: readonly string[] | null
}

/** The TLS versions a listener admits and where that came from (null versions: unknown). */
export function resolveTls(
  l: ListenerTls,
  p: TlsPolicyLookup,
): { versions: readonly string[] | null; source: string } {
  if (!terminatesTls(l.api, l.protocol))
    return { versions: null, source: `${l.protocol} does not terminate TLS` }
  if (l.securityPolicyId) {
    if (p.custom === null)
      return {
        versions: null,
        source: `custom policy ${l.securityPolicyId}: the security policies could not be read`,
      }
    const hit = p.custom.get(l.securityPolicyId)
    return hit
      ? { versions: hit.protocols, source: `custom policy ${hit.name || l.securityPolicyId}` }
      : {
          versions: null,
          source: `custom policy ${l.securityPolicyId} is not among the project's security policies`,
        }
  }
  if (l.api === 'octavia')
    return l.tlsVersions
      ? { versions: l.tlsVersions, source: 'tls_versions of the listener' }
      : { versions: null, source: 'this Octavia API does not report tls_versions (API 2.17 on)' }
  const name = l.tlsPolicy ?? DEFAULT_TLS_POLICY
  const listed = p.system?.get(name)
  if (listed) return { versions: listed, source: `system policy ${name}` }
  const documented = DOCUMENTED_TLS_POLICIES[name]
  if (documented) return { versions: documented, source: `system policy ${name} (as documented)` }
  return { versions: null, source: `system policy ${name} is neither listed nor documented` }
}

type AnyL7 = L7PolicyV3Wire | LbaasL7PolicyWire

const https = (s: string | null | undefined) => !!s && /^https:\/\//i.test(s.trim())

/**
 * The redirects of a listener's enabled policies. `protocolOf` gives a listener's protocol by id
 * (for REDIRECT_TO_LISTENER, which the API allows only towards HTTPS listeners).
 */
export function redirectsOf(
  policies: readonly AnyL7[],
  protocolOf: (listenerId: string) => string | undefined,
): ElbRedirect[] {
  const out: ElbRedirect[] = []
  for (const p of policies) {
    if (p.admin_state_up === false || p.provisioning_status === 'ERROR') continue
    if (p.action === 'REDIRECT_TO_LISTENER' && p.redirect_listener_id) {
      const proto = protocolOf(p.redirect_listener_id)?.toUpperCase()
      out.push({
        policyId: p.id,
        action: p.action,
        target: p.redirect_listener_id,
        toHttps: proto === undefined || proto === 'HTTPS' || proto === 'TERMINATED_HTTPS',
      })
    } else if (p.action === 'REDIRECT_TO_URL') {
      const cfg = 'redirect_url_config' in p ? p.redirect_url_config : undefined
      const target = p.redirect_url ?? (cfg ? `${cfg.protocol ?? ''}://${cfg.host ?? ''}` : '')
      out.push({
        policyId: p.id,
        action: p.action,
        target,
        toHttps: https(p.redirect_url) || cfg?.protocol?.toUpperCase() === 'HTTPS',
      })
    } else if (p.action === 'REDIRECT_PREFIX' && 'redirect_prefix' in p) {
      const target = p.redirect_prefix ?? ''
      out.push({ policyId: p.id, action: p.action, target, toHttps: https(target) })
    }
  }
  return out
}
