/**
 * Listeners of every ELB family, with what the checks need resolved: the TLS versions each
 * admits (custom and system security policies, v3) and the redirects of its L7 policies. A
 * policy list that cannot be read leaves the affected fields null and becomes an issue.
 * @module
 */
import { type FamilyRead, readFamily } from '../clients/elb/families.ts'
import type { LbaasL7PolicyWire, LbaasListenerWire } from '../clients/elb/lbaas-schemas.ts'
import {
  listL7PoliciesV2,
  listL7PoliciesV3,
  listL7PoliciesV20,
  listListenersV2,
  listListenersV3,
  listListenersV20,
  listSecurityPolicies,
  listSystemSecurityPolicies,
} from '../clients/elb/lists.ts'
import type { L7PolicyV3Wire, ListenerV3Wire } from '../clients/elb/schemas.ts'
import { splitProtocols } from '../clients/elb/tls-policies.ts'
import type { CollectionIssue, ElbApi, ElbListener } from '../inventory/types.ts'
import { type CollectorOutput, defineCollector, type MapContext } from './_collector.ts'
import {
  familyIssues,
  itemsOf,
  lbaasApi,
  mergeById,
  readElb,
  requireServed,
  servedVersions,
} from './_elb.ts'
import { type ListenerTls, redirectsOf, resolveTls, type TlsPolicyLookup } from './_elb-tls.ts'
import { nameOr, text, unique } from './_map.ts'

type AnyListener = ListenerV3Wire | LbaasListenerWire
type AnyL7 = L7PolicyV3Wire | LbaasL7PolicyWire

/** What a listener is mapped with besides itself. */
export interface ListenerMapInputs {
  readonly api: ElbApi
  readonly tls: TlsPolicyLookup
  /** The L7 policies of the listener's family by listener id; null when they could not be read. */
  readonly policies: ReadonlyMap<string, readonly AnyL7[]> | null
  /** A listener's protocol by id, across families. */
  readonly protocolOf: (id: string) => string | undefined
}

/** Maps one listener of any family. */
export function toElbListener(w: AnyListener, m: ListenerMapInputs, ctx: MapContext): ElbListener {
  const securityPolicyId = 'security_policy_id' in w ? text(w.security_policy_id) : null
  const t: ListenerTls = {
    api: m.api,
    protocol: w.protocol,
    tlsPolicy: text(w.tls_ciphers_policy),
    securityPolicyId,
    ...('tls_versions' in w ? { tlsVersions: w.tls_versions } : {}),
  }
  const tls = resolveTls(t, m.tls)
  const own = m.policies && (m.policies.get(w.id) ?? [])
  return {
    type: 'elb.listener',
    id: w.id,
    name: nameOr(w.name, w.id),
    region: ctx.region,
    projectId: ctx.projectId,
    api: m.api,
    loadBalancerIds: w.loadbalancers.map((l) => l.id),
    protocol: w.protocol,
    port: w.protocol_port,
    tlsPolicy: t.tlsPolicy,
    securityPolicyId,
    tlsVersions: tls.versions,
    tlsVersionsSource: tls.source,
    redirects: own ? redirectsOf(own, m.protocolOf) : null,
    certificateRefs: unique(
      [w.default_tls_container_ref, ...(w.sni_container_refs ?? [])].filter(
        (r): r is string => !!r,
      ),
    ),
  }
}

/** The security-policy lookups of v3; a list that failed is null (absent: none to look up). */
export function tlsLookup(
  custom: FamilyRead<{ id: string; name?: string | null; protocols: string[] }>,
  system: FamilyRead<{ name: string; protocols: string }>,
): TlsPolicyLookup {
  return {
    custom:
      custom.status === 'failed'
        ? null
        : new Map(
            itemsOf(custom).map((p) => [p.id, { name: p.name ?? '', protocols: p.protocols }]),
          ),
    system:
      system.status === 'failed'
        ? null
        : new Map(itemsOf(system).map((p) => [p.name, splitProtocols(p.protocols)])),
  }
}

/** L7 policies grouped by their listener. */
function byListener(policies: readonly AnyL7[]): Map<string, AnyL7[]> {
  const m = new Map<string, AnyL7[]>()
  for (const p of policies) {
    const l = m.get(p.listener_id)
    if (l) l.push(p)
    else m.set(p.listener_id, [p])
  }
  return m
}

/** Collects `elb.listener`. */
export const elbListenerCollector = defineCollector({
  type: 'elb.listener',
  service: 'elb',
  services: ['elb'],
  async collect(ctx): Promise<CollectorOutput<'elb.listener'>> {
    const c = await ctx.client('elb')
    const { signal } = ctx
    const listeners = await readElb(
      c,
      { v3: listListenersV3, 'v2.0': listListenersV20, v2: listListenersV2 },
      signal,
    )
    requireServed(listeners)
    const l7 = await readElb(
      c,
      { v3: listL7PoliciesV3, 'v2.0': listL7PoliciesV20, v2: listL7PoliciesV2 },
      signal,
    )
    const v3Tls = itemsOf(listeners.v3).length > 0
    const none = { status: 'absent', errors: [] } as const
    const [custom, system] = v3Tls
      ? await Promise.all([
          readFamily([{ version: 'v3', read: () => listSecurityPolicies(c, { signal }) }]),
          readFamily([{ version: 'v3', read: () => listSystemSecurityPolicies(c, { signal }) }]),
        ])
      : [none, none]
    const tls = tlsLookup(custom, system)
    const all = [...itemsOf(listeners.v3), ...itemsOf(listeners.lbaas)]
    const protocols = new Map(all.map((l) => [l.id, l.protocol]))
    const protocolOf = (id: string) => protocols.get(id)
    const policiesOf = (f: FamilyRead<AnyL7>) =>
      f.status === 'failed' ? null : byListener(itemsOf(f))
    const v3 = itemsOf(listeners.v3).map((w) =>
      toElbListener(w, { api: 'dedicated', tls, policies: policiesOf(l7.v3), protocolOf }, ctx),
    )
    const api = lbaasApi(listeners)
    const lbaas = itemsOf(listeners.lbaas).map((w) =>
      toElbListener(w, { api, tls, policies: policiesOf(l7.lbaas), protocolOf }, ctx),
    )
    const resources = mergeById(v3, lbaas)
    const issues: CollectionIssue[] = [
      ...familyIssues(listeners, 'listeners', ctx.issue),
      ...familyIssues(l7, 'L7 policies', ctx.issue),
      ...familyIssues({ v3: custom, lbaas: none }, 'custom security policies', ctx.issue),
    ]
    // A system-policy list that failed matters only for a name the docs do not list either.
    if (
      system.status === 'failed' &&
      resources.some((l) => /neither listed/.test(l.tlsVersionsSource))
    )
      issues.push(
        ...familyIssues({ v3: system, lbaas: none }, 'system security policies', ctx.issue),
      )
    const apiVersion = servedVersions(listeners)
    return { resources, issues, ...(apiVersion ? { apiVersion } : {}) }
  },
})
