/**
 * Fake-service replies of the ELB API families built from the documented samples, for collector
 * tests: OTC (v3 + shared v2.0), Swiss eu-ch2 (v3 only) and Octavia (v2 only). A version a cloud
 * does not serve answers 404 as the gateway does.
 * @module
 */
import type { RequestOptions } from '../core/types.ts'
import { httpError } from '../testing/http-error.ts'
import * as fx from './fixtures.ts'

type Reply = readonly unknown[] | ((req: RequestOptions) => unknown)

/** 404 `APIGW.0101`: the path is not routed here. */
export const notServed = (req: Pick<RequestOptions, 'op' | 'path'>) =>
  httpError(req, 404, 'APIGW.0101', 'The API does not exist or has not been published')

const V3 = {
  ListLoadbalancersV3: fx.loadbalancersV3Sample.loadbalancers,
  ListListenersV3: fx.listenersV3Sample.listeners,
  ListL7PoliciesV3: fx.l7policiesV3Sample.l7policies,
  ListCertificatesV3: fx.certificatesV3Sample.certificates,
  ListSecurityPolicies: fx.securityPoliciesSample.security_policies,
  ListSystemSecurityPolicies: fx.systemSecurityPoliciesSample.system_security_policies,
}
const V20 = {
  ListLoadbalancersV20: fx.octaviaLoadbalancersSample.loadbalancers,
  ListListenersV20: fx.octaviaListenersSample.listeners,
  ListL7PoliciesV20: fx.octaviaL7policiesSample.l7policies,
  ListCertificatesV20: fx.certificatesV2Sample.certificates,
}
const V2 = {
  ListLoadbalancersV2: fx.octaviaLoadbalancersSample.loadbalancers,
  ListListenersV2: fx.octaviaListenersSample.listeners,
  ListL7PoliciesV2: fx.octaviaL7policiesSample.l7policies,
}
const absent = (ops: object) => Object.fromEntries(Object.keys(ops).map((k) => [k, notServed]))

/** OTC eu-de: v3 and the shared load balancers' v2.0; no Octavia /v2. */
export function otcElbReplies(): Record<string, Reply> {
  return { ...V3, ...V20, ...absent(V2) }
}

/** Swiss eu-ch2: v3 only. */
export function swissElbReplies(): Record<string, Reply> {
  return { ...V3, ...absent(V20), ...absent(V2) }
}

/** OpenStack Octavia: /v2/lbaas only (older Octavia: pass `old` to serve /v2.0 instead). */
export function octaviaReplies(old = false): Record<string, Reply> {
  const v20 = Object.fromEntries(Object.entries(V2).map(([k, v]) => [k.replace(/V2$/, 'V20'), v]))
  return old
    ? { ...absent(V3), ...absent(V2), ...v20, ListCertificatesV20: notServed }
    : { ...absent(V3), ...V2, ...absent(V20) }
}
