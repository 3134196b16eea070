/**
 * Resolves the load balancers, ELB certificates and custom TLS policies of a world file: names
 * to ids (a listener's certificate, custom policy and redirect target), a VIP address and port
 * per load balancer, and for a public shared or Octavia load balancer the floating IP on its VIP
 * port (which is where those APIs keep the public address).
 * @module
 */
import type { ResolveContext } from './_context.ts'
import { hexFor } from './ids.ts'
import type {
  ElbCertificate,
  ElbListener,
  ElbSecurityPolicy,
  FloatingIp,
  LoadBalancer,
} from './model.ts'
import type { WorldFileData } from './schema.ts'

/** What the load balancers of a world resolve to, and the floating IPs they add. */
export interface ResolvedElb {
  loadBalancers: LoadBalancer[]
  elbCertificates: ElbCertificate[]
  elbSecurityPolicies: ElbSecurityPolicy[]
  floatingIps: FloatingIp[]
}

export function resolveElb(f: WorldFileData, ctx: ResolveContext): ResolvedElb {
  const elbCertificates = f.elbCertificates.map((c, i): ElbCertificate => {
    const project = ctx.project(c.project, `elbCertificates[${i}].project`)
    return {
      // ELB certificate ids are 32 hex characters (§3.5 sample).
      id: c.id ?? hexFor('elb-certificate', project.name, c.name),
      projectId: project.id,
      name: c.name,
      kind: c.kind,
      type: c.type,
      domain: c.domain ?? null,
      expires: ctx.time(c.expires, `elbCertificates[${i}].expires`),
      createdAt: ctx.time(c.createdAt, `elbCertificates[${i}].createdAt`),
    }
  })
  const elbSecurityPolicies = f.elbSecurityPolicies.map((p, i): ElbSecurityPolicy => {
    const project = ctx.project(p.project, `elbSecurityPolicies[${i}].project`)
    return {
      id: ctx.uuid(p.id, 'elb-security-policy', project.name, p.name),
      projectId: project.id,
      name: p.name,
      protocols: p.protocols,
    }
  })
  const floatingIps: FloatingIp[] = []
  const loadBalancers = f.loadBalancers.map((lb, i): LoadBalancer => {
    const path = `loadBalancers[${i}]`
    const project = ctx.project(lb.project, `${path}.project`)
    const kind = lb.kind ?? (f.cloud === 'openstack' ? 'octavia' : 'dedicated')
    const id = ctx.uuid(lb.id, 'loadbalancer', project.name, lb.name)
    const vipPortId = ctx.uuid(undefined, 'port', 'lb-vip', id)
    const address = `80.158.${200 + Math.floor(i / 250)}.${(i % 250) + 2}`
    const eipId = ctx.uuid(undefined, 'floating-ip', 'lb', id)
    const createdAt = ctx.time(lb.createdAt, `${path}.createdAt`)
    if (lb.public && kind !== 'dedicated')
      floatingIps.push({
        id: eipId,
        projectId: project.id,
        region: project.region,
        address,
        portId: vipPortId,
        bandwidth: 10,
        createdAt,
      })
    const ids = new Map(
      lb.listeners.map((l) => [l.name, ctx.uuid(undefined, 'listener', id, l.name)]),
    )
    const ref = <T extends { name: string; id: string; projectId: string }>(
      items: readonly T[],
      name: string | undefined,
      at: string,
      what: string,
    ): string | null => {
      if (name === undefined) return null
      const hit = items.find((x) => x.name === name && x.projectId === project.id)
      if (!hit) ctx.issue(at, `unknown ${what} "${name}" in project ${project.name}`)
      return hit?.id ?? null
    }
    const listeners = lb.listeners.map((l, k): ElbListener => {
      const at = `${path}.listeners[${k}]`
      if (l.redirectTo !== undefined && !ids.has(l.redirectTo))
        ctx.issue(`${at}.redirectTo`, `no listener "${l.redirectTo}" on ${lb.name}`)
      const policyId = ctx.uuid(undefined, 'l7policy', id, l.name)
      const redirect =
        l.redirectTo !== undefined
          ? { policyId, action: 'REDIRECT_TO_LISTENER', listenerId: ids.get(l.redirectTo) }
          : l.redirectUrl !== undefined
            ? { policyId, action: 'REDIRECT_TO_URL', url: l.redirectUrl }
            : l.redirectPrefix !== undefined
              ? { policyId, action: 'REDIRECT_PREFIX', url: l.redirectPrefix }
              : null
      return {
        id: ids.get(l.name)!,
        name: l.name,
        protocol: l.protocol,
        port: l.port,
        tlsPolicy: l.tlsPolicy ?? null,
        securityPolicyId: ref(
          elbSecurityPolicies,
          l.securityPolicy,
          `${at}.securityPolicy`,
          'security policy',
        ),
        tlsVersions: l.tlsVersions ?? null,
        certificateId: ref(elbCertificates, l.certificate, `${at}.certificate`, 'certificate'),
        redirect,
      }
    })
    return {
      id,
      projectId: project.id,
      name: lb.name,
      kind,
      vipAddress: `192.168.${10 + Math.floor(i / 250)}.${(i % 250) + 2}`,
      vipPortId,
      eip: lb.public && kind === 'dedicated' ? { id: eipId, address } : null,
      listeners,
      createdAt,
    }
  })
  return { loadBalancers, elbCertificates, elbSecurityPolicies, floatingIps }
}
