/**
 * Resolves the CCE clusters of a world file: ids, the node subnet (a network of the world, or a
 * made-up one), addresses for the API server and the nodes, and the master's EIP.
 * @module
 */
import type { ResolveContext } from './_context.ts'
import type { CceCluster } from './model.ts'
import type { OpsTables } from './resolve-ops.ts'
import type { IpAllocator } from './resolve-servers.ts'
import type { WorldFileData } from './schema.ts'

const STYLES = ['otc', 'huawei', 'otc-doc'] as const

export function resolveCceClusters(
  f: WorldFileData,
  ctx: ResolveContext,
  t: Pick<OpsTables, 'networks' | 'securityGroups'>,
  ips: IpAllocator,
): CceCluster[] {
  return f.cceClusters.map((c, i) => {
    const path = `cceClusters[${i}]`
    const project = ctx.project(c.project, `${path}.project`)
    const net =
      c.network === undefined ? undefined : t.networks.get(c.network, `${path}.network`, project.id)
    const sg = t.securityGroups.get('default', `${path}`, project.id)
    const address = (k: number) =>
      net ? ips.allocate(net) : `192.168.${100 + (i % 100)}.${10 + k}`
    const publicIp =
      c.publicApi === false
        ? null
        : c.publicApi === true
          ? `80.158.90.${10 + (i % 240)}`
          : c.publicApi
    return {
      id: ctx.uuid(c.id, 'cce-cluster', project.name, c.name),
      projectId: project.id,
      name: c.name,
      version: c.version,
      category: c.category,
      flavor: c.flavor,
      phase: c.phase,
      vpcId: net?.vpcId ?? ctx.uuid(undefined, 'cce-vpc', project.name, c.name),
      subnetId: net?.subnetId ?? ctx.uuid(undefined, 'cce-subnet', project.name, c.name),
      securityGroupId: sg?.id ?? '',
      internalIp: address(0),
      publicIp,
      endpointStyle: c.endpointStyle ?? STYLES[i % STYLES.length]!,
      nodesError: c.nodesError ?? null,
      nodes: c.nodes.map((n, k) => ({
        id: ctx.uuid(undefined, 'cce-node', project.name, c.name, n.name),
        name: n.name,
        os: n.os,
        flavor: n.flavor,
        az: `${project.region}-0${1 + (k % 3)}`,
        phase: n.phase,
        serverId: ctx.uuid(undefined, 'cce-node-server', project.name, c.name, n.name),
        privateIp: address(k + 1),
        publicIp: n.publicIp ?? null,
        createdAt: ctx.time(n.createdAt, `${path}.nodes[${k}].createdAt`),
      })),
      createdAt: ctx.time(c.createdAt, `${path}.createdAt`),
    }
  })
}
