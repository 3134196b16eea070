/**
 * CCE clusters of a generated world, from their own random stream so adding them left every
 * other generated resource as it was. Per project one cluster per 250 servers (at least one) with
 * 3-5 nodes each on the project's first network. Ratios: Kubernetes 1.31-1.33 for 50% of the
 * clusters, 1.29-1.30 for 30%, a version past CCE's end of support (1.25, 1.28) for 20%; 25% with
 * an EIP on the API server; node OS 45% HCE OS 2.0, 35% Ubuntu 22.04, 15% EulerOS 2.9, 5% CentOS 7.6.
 * @module
 */
import { ago, type Doc, type Item, pad } from './_generate-parts.ts'
import { createRng } from './prng.ts'

const CURRENT = ['v1.31.4-r0', 'v1.32.1-r0', 'v1.33.1-r0']
const ENDING = ['v1.29.8-r10', 'v1.30.4-r0']
const ENDED = ['v1.25.16-r10', 'v1.28.15-r0']

/** Appends the clusters of one project (`project` undefined: the only one). */
export function fillCceClusters(
  doc: Doc,
  p: { project: string | undefined; servers: number; seed: number; index: number; net: string },
  counter: { cluster: number },
): void {
  const rng = createRng(p.seed * 104_729 + p.index + 17)
  const tag = p.project === undefined ? {} : { project: p.project }
  for (let k = 0; k < Math.max(1, Math.ceil(p.servers / 250)); k++) {
    const r = rng()
    const version = rng.pick(r < 0.5 ? CURRENT : r < 0.8 ? ENDING : ENDED)
    const name = `k8s-${pad(counter.cluster++, 4)}`
    const nodes: Item<'cceClusters'>['nodes'] = Array.from({ length: rng.int(3, 5) }, (_, n) => {
      const o = rng()
      const os =
        o < 0.45 ? 'HCE OS 2.0' : o < 0.8 ? 'Ubuntu 22.04' : o < 0.95 ? 'EulerOS 2.9' : 'CentOS 7.6'
      return { name: `${name}-node-${n + 1}`, os, createdAt: ago(rng.int(1, 300)) }
    })
    doc.cceClusters.push({
      name,
      ...tag,
      version,
      network: p.net,
      publicApi: rng.chance(0.25),
      nodes,
      createdAt: ago(rng.int(300, 900)),
    })
  }
}
