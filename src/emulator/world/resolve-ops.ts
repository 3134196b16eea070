/**
 * Resolves the operational services of a world file: CBR vaults, policies and backups, Cloud
 * Eye alarm rules, CTS trackers, RDS instances and their backups.
 * @module
 */
import type { NameTable, ResolveContext } from './_context.ts'
import { hexFor, mixedFor, uuidFor } from './ids.ts'
import type {
  Alarm,
  Backup,
  BackupPolicy,
  Network,
  RdsBackup,
  RdsInstance,
  SecurityGroup,
  Server,
  Tracker,
  Vault,
  VaultResource,
  Volume,
} from './model.ts'
import { findInProjects, type IpAllocator } from './resolve-servers.ts'
import type { WorldFileData } from './schema.ts'

const DAY = 86_400_000

export interface OpsTables {
  servers: NameTable<Server>
  volumes: NameTable<Volume>
  networks: NameTable<Network>
  securityGroups: NameTable<SecurityGroup>
  vaults: NameTable<Vault>
  rdsInstances: NameTable<RdsInstance>
}

function vaultResource(
  vault: Pick<Vault, 'type' | 'projectId'>,
  name: string,
  path: string,
  t: OpsTables,
  serverSizes: ReadonlyMap<string, number>,
): (VaultResource & { az: string }) | undefined {
  if (vault.type === 'server') {
    const s = t.servers.get(name, path, vault.projectId)
    return (
      s && {
        id: s.id,
        name: s.name,
        type: 'OS::Nova::Server',
        size: serverSizes.get(s.id) ?? 40,
        az: s.az,
      }
    )
  }
  const v = t.volumes.get(name, path, vault.projectId)
  return v && { id: v.id, name: v.name, type: 'OS::Cinder::Volume', size: v.size, az: v.az }
}

export function resolveVaults(
  f: WorldFileData,
  ctx: ResolveContext,
  t: OpsTables,
  volumes: readonly Volume[],
): Vault[] {
  const serverSizes = new Map<string, number>()
  for (const v of volumes)
    if (v.attachment)
      serverSizes.set(v.attachment.serverId, (serverSizes.get(v.attachment.serverId) ?? 0) + v.size)
  return f.vaults.map((v, i) => {
    const path = `vaults[${i}]`
    const project = ctx.project(v.project, `${path}.project`)
    const vault: Vault = {
      id: ctx.uuid(v.id, 'vault', project.name, v.name),
      projectId: project.id,
      name: v.name,
      type: v.type,
      size: v.size,
      resources: [],
      autoBind: v.autoBind,
      createdAt: ctx.time(v.createdAt, `${path}.createdAt`),
    }
    vault.resources = v.resources.flatMap((r, j) => {
      const res = vaultResource(vault, r, `${path}.resources[${j}]`, t, serverSizes)
      if (!res) return []
      const { az: _az, ...rest } = res
      return [rest]
    })
    t.vaults.add(vault, `${path}.name`, project.id)
    return vault
  })
}

export function resolvePolicies(
  f: WorldFileData,
  ctx: ResolveContext,
  vaults: NameTable<Vault>,
): BackupPolicy[] {
  return f.backupPolicies.map((p, i) => {
    const path = `backupPolicies[${i}]`
    const project = ctx.project(p.project, `${path}.project`)
    return {
      id: ctx.uuid(p.id, 'backup-policy', project.name, p.name),
      projectId: project.id,
      name: p.name,
      enabled: p.enabled,
      retentionDays: p.retentionDays,
      maxBackups: p.maxBackups,
      schedule: p.schedule,
      vaultIds: p.vaults.flatMap((v, j) => {
        const vault = vaults.get(v, `${path}.vaults[${j}]`, project.id)
        return vault ? [vault.id] : []
      }),
      createdAt: ctx.time(p.createdAt, `${path}.createdAt`),
    }
  })
}

export function resolveBackups(
  f: WorldFileData,
  ctx: ResolveContext,
  t: OpsTables,
  vaults: readonly Vault[],
  policies: readonly BackupPolicy[],
): Backup[] {
  const vaultByResource = new Map<string, Vault>()
  const policyByVault = new Map<string, BackupPolicy>()
  for (const p of policies)
    for (const v of p.vaultIds) if (p.enabled && !policyByVault.has(v)) policyByVault.set(v, p)
  const noSizes = new Map<string, number>()
  for (const v of vaults)
    for (const r of v.resources) if (!vaultByResource.has(r.name)) vaultByResource.set(r.name, v)
  return f.backups.flatMap((b, i) => {
    const path = `backups[${i}]`
    const vault =
      b.vault === undefined
        ? vaultByResource.get(b.resource)
        : findInProjects(t.vaults, b.vault, ctx)
    if (!vault) {
      ctx.issue(
        b.vault === undefined ? `${path}.resource` : `${path}.vault`,
        b.vault === undefined
          ? `"${b.resource}" is in no vault; name the vault of this backup`
          : `unknown vault "${b.vault}"`,
      )
      return []
    }
    const resource = vaultResource(vault, b.resource, `${path}.resource`, t, noSizes)
    if (!resource) return []
    const createdAt = ctx.time(b.createdAt, `${path}.createdAt`)
    const policy = policyByVault.get(vault.id)
    // The index keeps two backups of one resource at the same instant apart.
    const id = ctx.uuid(b.id, 'backup', vault.id, resource.id, String(createdAt), String(i))
    const days = policy?.retentionDays ?? -1
    return [
      {
        id,
        projectId: vault.projectId,
        name: b.name ?? `${b.trigger === 'auto' ? 'autobk' : 'manualbk'}_${id.slice(0, 4)}`,
        checkpointId: uuidFor('checkpoint', id),
        vaultId: vault.id,
        resource,
        status: b.status,
        auto: b.trigger === 'auto',
        createdAt,
        expiresAt: days > 0 ? createdAt + days * DAY : null,
      },
    ]
  })
}

/** `al` + 13 digits + 9 letters, like `al1533031226533nKJexAlbq`. */
function alarmId(project: string, name: string): string {
  const digits = BigInt(`0x${hexFor('alarm', project, name).slice(0, 12)}`)
    .toString()
    .padStart(13, '1')
  return `al${digits.slice(0, 13)}${mixedFor(9, 'alarm', project, name)}`
}

export function resolveAlarms(
  f: WorldFileData,
  ctx: ResolveContext,
  servers: NameTable<Server>,
): Alarm[] {
  return f.alarms.map((a, i) => {
    const path = `alarms[${i}]`
    const project = ctx.project(a.project, `${path}.project`)
    if (a.server !== undefined && a.dimensions !== undefined)
      ctx.issue(path, 'give either server or dimensions, not both')
    const server =
      a.server === undefined ? undefined : servers.get(a.server, `${path}.server`, project.id)
    const notifications = a.notifications.map((n) =>
      n.startsWith('urn:') ? n : `urn:smn:${project.region}:${project.id}:${n}`,
    )
    return {
      id: a.id ?? alarmId(project.name, a.name),
      projectId: project.id,
      name: a.name,
      namespace: a.namespace,
      metric: a.metric,
      dimensions: server ? [{ name: 'instance_id', value: server.id }] : (a.dimensions ?? []),
      enabled: a.enabled,
      actionsEnabled: a.actionsEnabled ?? notifications.length > 0,
      notifications,
      level: a.level,
      state: a.state,
      comparison: a.comparison,
      threshold: a.threshold,
      unit: a.unit,
      updatedAt: ctx.time(a.updatedAt, `${path}.updatedAt`),
    }
  })
}

export function resolveTrackers(f: WorldFileData, ctx: ResolveContext): Tracker[] {
  return f.trackers.map((tr, i) => {
    const path = `trackers[${i}]`
    const project = ctx.project(tr.project, `${path}.project`)
    return {
      id: ctx.uuid(tr.id, 'tracker', project.name, tr.name),
      projectId: project.id,
      name: tr.name,
      status: tr.status,
      bucket: tr.bucket,
      lts: tr.lts,
      validateFiles: tr.validateFiles,
      createdAt: ctx.time(tr.createdAt, `${path}.createdAt`),
    }
  })
}

const ENGINE = {
  MySQL: { suffix: 'in01', port: 3306, flavor: 'rds.mysql.c2.large' },
  PostgreSQL: { suffix: 'in03', port: 5432, flavor: 'rds.pg.c2.large' },
  SQLServer: { suffix: 'in04', port: 1433, flavor: 'rds.mssql.c2.large' },
} as const

export function resolveRdsInstances(
  f: WorldFileData,
  ctx: ResolveContext,
  t: OpsTables,
  ips: IpAllocator,
): RdsInstance[] {
  for (const r of f.rdsInstances) if (r.privateIp) ips.reserve(r.privateIp)
  return f.rdsInstances.map((r, i) => {
    const path = `rdsInstances[${i}]`
    const project = ctx.project(r.project, `${path}.project`)
    const net =
      r.network === undefined ? undefined : t.networks.get(r.network, `${path}.network`, project.id)
    const sg = t.securityGroups.get(
      r.securityGroup ?? 'default',
      `${path}.securityGroup`,
      project.id,
    )
    const engine = ENGINE[r.engine]
    const inst: RdsInstance = {
      id: r.id ?? `${hexFor('rds-instance', project.name, r.name)}${engine.suffix}`,
      projectId: project.id,
      name: r.name,
      engine: r.engine,
      version: r.version,
      type: r.type,
      status: r.status,
      az: r.az ?? `${project.region}-01`,
      vpcId: net?.vpcId ?? '',
      subnetId: net?.subnetId ?? '',
      securityGroupId: sg?.id ?? '',
      privateIp: r.privateIp ?? (net ? ips.allocate(net) : `192.168.0.${200 + (i % 50)}`),
      publicIp: r.publicIp,
      port: r.port ?? engine.port,
      keepDays: r.keepDays,
      backupWindow: r.backupWindow,
      ssl: r.ssl,
      encryptionKeyId: r.encrypted ? uuidFor('kms-key', project.name, 'rds') : '',
      flavor: r.flavor ?? `${engine.flavor}${r.type === 'Ha' ? '.ha' : ''}`,
      volume: r.volume,
      createdAt: ctx.time(r.createdAt, `${path}.createdAt`),
    }
    t.rdsInstances.add(inst, `${path}.name`, project.id)
    return inst
  })
}

export function resolveRdsBackups(
  f: WorldFileData,
  ctx: ResolveContext,
  instances: NameTable<RdsInstance>,
): RdsBackup[] {
  return f.rdsBackups.flatMap((b, i) => {
    const path = `rdsBackups[${i}]`
    const inst = findInProjects(instances, b.instance, ctx)
    if (!inst) {
      ctx.issue(`${path}.instance`, `unknown RDS instance "${b.instance}"`)
      return []
    }
    const beginAt = ctx.time(b.createdAt, `${path}.createdAt`)
    return [
      {
        id: b.id ?? `${hexFor('rds-backup', inst.id, String(beginAt), String(i))}br01`,
        projectId: inst.projectId,
        instanceId: inst.id,
        name: b.name ?? `${inst.name}-${b.type}-${new Date(beginAt).toISOString().slice(0, 10)}`,
        type: b.type,
        status: b.status,
        size: b.size,
        engine: inst.engine,
        version: inst.version,
        beginAt,
        endAt: beginAt + 2 * 60_000,
      },
    ]
  })
}
