/**
 * Load balancers of a generated world, from their own random stream (so adding them left every
 * other generated resource as it was). Per project one load balancer per 100 servers (at least
 * one): 70% dedicated (v3), 30% shared (v2.0); 60% public. Each has an HTTPS listener on 443
 * (TLS policy 50% `tls-1-2`, 30% unset = the default `tls-1-0`, 20% `tls-1-1`) with its own
 * certificate (80% valid for 60-700 days, 10% expiring within 30 days, 10% expired) and an HTTP
 * listener on 80 that redirects to it in 70% of cases.
 * @module
 */
import { type Doc, pad } from './_generate-parts.ts'
import { createRng } from './prng.ts'

/** Appends the load balancers and certificates of one project (`project` undefined: the only one). */
export function fillLoadBalancers(
  doc: Doc,
  p: { project: string | undefined; servers: number; seed: number; index: number },
  counter: { lb: number },
): void {
  const rng = createRng(p.seed * 104_729 + p.index + 17)
  const tag = p.project === undefined ? {} : { project: p.project }
  for (let k = 0; k < Math.max(1, Math.ceil(p.servers / 100)); k++) {
    const n = pad(counter.lb++, 4)
    const kind = rng.chance(0.7) ? ('dedicated' as const) : ('shared' as const)
    const c = rng()
    const expires =
      c < 0.1 ? `-${rng.int(1, 200)}d` : c < 0.2 ? `+${rng.int(1, 29)}d` : `+${rng.int(60, 700)}d`
    doc.elbCertificates.push({
      name: `cert-${n}`,
      ...tag,
      kind,
      domain: `lb-${n}.example.test`,
      expires,
    })
    const t = rng()
    const tlsPolicy = t < 0.5 ? { tlsPolicy: 'tls-1-2' } : t < 0.7 ? { tlsPolicy: 'tls-1-1' } : {}
    doc.loadBalancers.push({
      name: `lb-${n}`,
      ...tag,
      kind,
      public: rng.chance(0.6),
      listeners: [
        {
          name: `lb-${n}-https`,
          protocol: 'HTTPS',
          port: 443,
          certificate: `cert-${n}`,
          ...tlsPolicy,
        },
        {
          name: `lb-${n}-http`,
          protocol: 'HTTP',
          port: 80,
          ...(rng.chance(0.7) ? { redirectTo: `lb-${n}-https` } : {}),
        },
      ],
      createdAt: `-${rng.int(10, 900)}d`,
    })
  }
}
