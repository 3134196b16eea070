/**
 * CCE v3 under `/cce` (otc-api-platform.md §4): `GET /api/v3/projects/{pid}/clusters` and
 * `GET /api/v3/projects/{pid}/clusters/{cluster_id}/nodes`, Kubernetes-style lists with no paging.
 * `status.endpoints` goes out in the cluster's `endpointStyle` (OTC's object, Huawei's
 * `[{url, type}]` or the OTC doc sample's `[{"Internal": url}]`), creation times as Go prints them
 * (`2020-02-02 03:48:58.968214406 +0000 UTC`), node items with the doc sample's lower-case
 * `apiversion`, and errors in CCE's camelCase body.
 * @module
 */
import { Hono } from 'hono'
import type { WireInput } from '../../clients/operations.ts'
import { type EmulatorEnv, type Shared, serve } from '../_route.ts'
import type { CceCluster, CceNode } from '../world/model.ts'

type ClusterItem = NonNullable<WireInput<'cce.ListClusters'>['items']>[number]
type NodeItem = NonNullable<WireInput<'cce.ListNodes'>['items']>[number]

/** A time as Go's `time.Time.String()` prints it in UTC, with nanoseconds. */
export function goTime(ms: number): string {
  const iso = new Date(ms).toISOString()
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}000000 +0000 UTC`
}

function endpoints(c: CceCluster, region: string): NonNullable<ClusterItem['status']>['endpoints'] {
  const internal = `https://${c.internalIp}:5443`
  const external = c.publicIp === null ? undefined : `https://${c.publicIp}:5443`
  const gateway = `https://${c.id}.container.${region}.otc.t-systems.com`
  switch (c.endpointStyle) {
    case 'huawei':
      return [
        { url: internal, type: 'Internal' },
        ...(external ? [{ url: external, type: 'External' }] : []),
      ]
    case 'otc-doc':
      return [
        { Internal: internal },
        ...(external ? [{ External: external }] : []),
        { external_otc: gateway },
      ]
    default:
      return { internal, ...(external ? { external } : {}), external_otc: gateway }
  }
}

function clusterItem(c: CceCluster, region: string): ClusterItem {
  return {
    kind: 'Cluster',
    apiVersion: 'v3',
    metadata: {
      name: c.name,
      uid: c.id,
      creationTimestamp: goTime(c.createdAt),
      updateTimestamp: goTime(c.createdAt),
    },
    spec: {
      category: c.category,
      type: 'VirtualMachine',
      flavor: c.flavor,
      version: c.version,
      platformVersion: 'cce.6.0',
      hostNetwork: { vpc: c.vpcId, subnet: c.subnetId, SecurityGroup: c.securityGroupId },
      containerNetwork: { mode: 'vpc-router', cidr: '172.16.0.0/16' },
      authentication: { mode: 'rbac', authenticatingProxy: {} },
      kubernetesSvcIpRange: '10.247.0.0/16',
      billingMode: 0,
      ...(c.publicIp === null ? {} : { extendParam: { clusterExternalIP: c.publicIp } }),
    },
    status: { phase: c.phase, endpoints: endpoints(c, region) },
  }
}

function nodeItem(c: CceCluster, n: CceNode): NodeItem {
  return {
    kind: 'Node',
    apiversion: 'v3',
    metadata: {
      name: n.name,
      uid: n.id,
      creationTimestamp: goTime(n.createdAt),
      annotations: { 'kubernetes.io/node-pool.id': `${n.az}#${n.flavor}#${n.os}` },
    },
    spec: {
      flavor: n.flavor,
      az: n.az,
      os: n.os,
      login: { sshKey: `${c.name}-key` },
      rootVolume: { volumetype: 'SAS', size: 50 },
      dataVolumes: [{ volumetype: 'SAS', size: 100 }],
      publicIP: n.publicIp === null ? {} : { eip: { bandwidth: {} } },
      runtime: { name: 'containerd' },
      billingMode: 0,
    },
    status: {
      phase: n.phase,
      serverId: n.serverId,
      privateIP: n.privateIp,
      ...(n.publicIp === null ? {} : { publicIP: n.publicIp }),
    },
  }
}

const MESSAGES: Record<number, string> = {
  403: 'Forbidden.',
  404: 'Resource not found.',
  500: 'Internal error.',
}

/** CCE routes. */
export function cceRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world } = shared
  serve(app, shared, 'cce.ListClusters', (r) => ({
    kind: 'Cluster',
    apiVersion: 'v3',
    items: world.cceClusters
      .filter((c) => c.projectId === r.project.id)
      .map((c) => clusterItem(c, r.region)),
  }))
  serve(app, shared, 'cce.ListNodes', (r) => {
    const c = world.cceClusters.find(
      (x) => x.id === r.params.cluster_id && x.projectId === r.project.id,
    )
    if (!c) return r.fail(404, MESSAGES[404]!)
    if (c.nodesError !== null) return r.fail(c.nodesError, MESSAGES[c.nodesError]!)
    return { kind: 'List', apiVersion: 'v3', items: c.nodes.map((n) => nodeItem(c, n)) }
  })
  return app
}
