/**
 * Resolves the KMS keys (state names to KMS `key_state` codes, stable ids) and the DCS instances
 * (network, security group, an address in the subnet) and the VPC flow logs of a world file.
 * @module
 */
import type { ResolveContext } from './_context.ts'
import type { DcsInstance, FlowLog, KmsKey, Network, Port, Server } from './model.ts'
import type { OpsTables } from './resolve-ops.ts'
import type { IpAllocator } from './resolve-servers.ts'
import type { WorldFileData } from './schema.ts'

const STATE = {
  'pending-activation': '1',
  enabled: '2',
  disabled: '3',
  'pending-deletion': '4',
  'pending-import': '5',
} as const

export function resolveKmsKeys(f: WorldFileData, ctx: ResolveContext): KmsKey[] {
  const seen = new Set<string>()
  return f.kmsKeys.map((k, i) => {
    const path = `kmsKeys[${i}]`
    const project = ctx.project(k.project, `${path}.project`)
    const key = `${project.id}/${k.alias}`
    if (seen.has(key)) ctx.issue(`${path}.alias`, `duplicate key alias "${k.alias}" in the project`)
    seen.add(key)
    if (k.default && (k.rotation || k.origin === 'external'))
      ctx.issue(path, 'a Default Master Key is made by KMS and does not rotate')
    const createdAt = ctx.time(k.createdAt, `${path}.createdAt`)
    return {
      id: ctx.uuid(k.id, 'kms-key', project.name, k.alias),
      projectId: project.id,
      alias: k.alias,
      state: STATE[k.state],
      origin: k.origin,
      spec: k.spec,
      isDefault: k.default,
      rotation: k.rotation,
      rotationInterval: k.rotationInterval,
      rotations: k.rotation
        ? Math.floor((ctx.now - createdAt) / (k.rotationInterval * 86_400_000))
        : 0,
      createdAt,
    }
  })
}

export function resolveDcsInstances(
  f: WorldFileData,
  ctx: ResolveContext,
  t: Pick<OpsTables, 'networks' | 'securityGroups'>,
  ips: IpAllocator,
): DcsInstance[] {
  return f.dcsInstances.map((d, i) => {
    const path = `dcsInstances[${i}]`
    const project = ctx.project(d.project, `${path}.project`)
    const net =
      d.network === undefined ? undefined : t.networks.get(d.network, `${path}.network`, project.id)
    const sg = t.securityGroups.get(
      d.securityGroup ?? 'default',
      `${path}.securityGroup`,
      project.id,
    )
    return {
      id: ctx.uuid(d.id, 'dcs-instance', project.name, d.name),
      projectId: project.id,
      name: d.name,
      version: d.version,
      status: d.status,
      passwordFree: d.passwordFree,
      whitelistEnabled: d.whitelistEnabled,
      whitelist: d.whitelist,
      az: `${project.region}-01`,
      ip: net ? ips.allocate(net) : `192.168.0.${150 + (i % 50)}`,
      vpcId: net?.vpcId ?? '',
      subnetId: net?.subnetId ?? '',
      securityGroupId: sg?.id ?? '',
      createdAt: ctx.time(d.createdAt, `${path}.createdAt`),
    }
  })
}

export function resolveFlowLogs(
  f: WorldFileData,
  ctx: ResolveContext,
  w: { networks: readonly Network[]; servers: readonly Server[]; ports: readonly Port[] },
): FlowLog[] {
  return f.flowLogs.flatMap((fl, i) => {
    const path = `flowLogs[${i}]`
    const project = ctx.project(fl.project, `${path}.project`)
    const nets = w.networks.filter((n) => n.projectId === project.id)
    let resourceId: string | undefined
    if (fl.resourceType === 'vpc') resourceId = nets.find((n) => n.vpcName === fl.resource)?.vpcId
    else if (fl.resourceType === 'network')
      resourceId = nets.find((n) => n.name === fl.resource)?.id
    else {
      const server = w.servers.find((s) => s.projectId === project.id && s.name === fl.resource)
      resourceId = server && w.ports.find((p) => p.serverId === server.id)?.id
    }
    if (resourceId === undefined) {
      ctx.issue(
        `${path}.resource`,
        `unknown ${fl.resourceType === 'port' ? 'server' : fl.resourceType} "${fl.resource}"`,
      )
      return []
    }
    return [
      {
        id: ctx.uuid(undefined, 'flow-log', project.name, fl.name),
        projectId: project.id,
        name: fl.name,
        resourceType: fl.resourceType,
        resourceId,
        trafficType: fl.trafficType,
        status: fl.status,
        adminState: fl.adminState,
        createdAt: ctx.time(fl.createdAt, `${path}.createdAt`),
      },
    ]
  })
}
