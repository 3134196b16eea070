/**
 * Completes the *derived* link fields of an inventory from the other side of each link, so a
 * collector (or a test) may fill either side. Links are unions of what was given and what the
 * other side says; nothing given is dropped.
 * @module
 */

import { runSteps } from '../model/time-slice.ts'
import type {
  AnyResource,
  CbrPolicy,
  CbrVault,
  CesAlarm,
  EcsServer,
  EvsVolume,
  ResourceMap,
  ResourceType,
  VpcEip,
  VpcPort,
} from './types.ts'

/** Resources linked between two steps of {@link linkSteps}. */
const STEP = 1024

/** `list.map(fn)`, yielding every {@link STEP} items. */
function* mapSteps<T, R>(list: readonly T[], fn: (x: T) => R): Generator<void, R[]> {
  const out = new Array<R>(list.length)
  for (let i = 0; i < list.length; i++) {
    if (i % STEP === STEP - 1) yield
    out[i] = fn(list[i]!)
  }
  return out
}

/** Namespaces whose alarm rules watch servers. */
const SERVER_NAMESPACES = new Set(['SYS.ECS', 'AGT.ECS'])

type ByType = { [T in ResourceType]?: ResourceMap[T][] }

const EMPTY: readonly string[] = Object.freeze([])

/**
 * `a` then `b`, each value once, in first-seen order. Most links add nothing to what the
 * resource said (`b` empty or already in `a`): then `a` itself is returned, not a copy (70k+
 * resources are linked per inventory, and one is built per batch of checks during a scan).
 */
function union(a: readonly string[], b: readonly string[]): readonly string[] {
  if (a.length + b.length > 16) return [...new Set([...a, ...b])]
  let out: string[] | undefined
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!
    if (a.indexOf(x) < i) out ??= a.slice(0, i)
    else out?.push(x)
  }
  for (const x of b) {
    if ((out ?? a).includes(x)) continue
    out ??= [...a]
    out.push(x)
  }
  return out ?? a
}

/** Maps each key to the values pushed for it. */
class MultiMap {
  private readonly map = new Map<string, string[]>()
  add(key: string, value: string): void {
    const list = this.map.get(key)
    if (list) list.push(value)
    else this.map.set(key, [value])
  }
  get(key: string): readonly string[] {
    return this.map.get(key) ?? EMPTY
  }
}

function group(resources: readonly AnyResource[]): ByType {
  const by: Record<string, AnyResource[]> = {}
  for (const r of resources) {
    const list = by[r.type]
    if (list) list.push(r)
    else by[r.type] = [r]
  }
  return by as ByType
}

function* linkServers(by: ByType): Generator<void, EcsServer[]> {
  const ports: VpcPort[] = by['vpc.port'] ?? []
  const eips: VpcEip[] = by['vpc.eip'] ?? []
  const portsByDevice = new MultiMap()
  const portById = new Map(ports.map((p) => [p.id, p]))
  for (const p of ports) if (p.deviceId) portsByDevice.add(p.deviceId, p.id)
  const ipsByPort = new MultiMap()
  for (const e of eips) if (e.portId) ipsByPort.add(e.portId, e.address)
  const volumesByServer = new MultiMap()
  for (const v of by['evs.volume'] ?? [])
    for (const s of v.attachments) volumesByServer.add(s, v.id)
  const vaultsByResource = resourceVaults(by['cbr.vault'] ?? [])
  const alarms: CesAlarm[] = by['ces.alarm'] ?? []
  const alarmsByResource = new MultiMap()
  for (const a of alarms) for (const r of a.resourceIds) alarmsByResource.add(r, a.id)
  // Alarms on a whole server namespace watch every server of their region.
  const wholeNamespace = new MultiMap()
  for (const a of alarms)
    if (a.allResources && SERVER_NAMESPACES.has(a.namespace)) wholeNamespace.add(a.region, a.id)
  const concat = (x: readonly string[], y: readonly string[]) =>
    y.length === 0 ? x : x.length === 0 ? y : [...x, ...y]
  yield
  return yield* mapSteps(by['ecs.server'] ?? [], (s) => {
    const portIds = union(s.portIds, portsByDevice.get(s.id))
    let sgs: readonly string[] = EMPTY
    let ips: readonly string[] = EMPTY
    for (const id of portIds) {
      sgs = concat(sgs, portById.get(id)?.securityGroupIds ?? EMPTY)
      ips = concat(ips, ipsByPort.get(id))
    }
    const watching = concat(alarmsByResource.get(s.id), wholeNamespace.get(s.region))
    return {
      ...s,
      portIds,
      securityGroupIds: union(s.securityGroupIds, sgs),
      publicIps: union(s.publicIps, ips),
      volumeIds: union(s.volumeIds, volumesByServer.get(s.id)),
      cbrVaultIds: union(s.cbrVaultIds, vaultsByResource.get(s.id)),
      alarmIds: union(s.alarmIds, watching),
    }
  })
}

function resourceVaults(vaults: readonly CbrVault[]): MultiMap {
  const m = new MultiMap()
  for (const v of vaults) for (const r of v.resourceIds) m.add(r, v.id)
  return m
}

function* linkVolumes(by: ByType): Generator<void, EvsVolume[]> {
  const serversByVolume = new MultiMap()
  for (const s of by['ecs.server'] ?? []) for (const v of s.volumeIds) serversByVolume.add(v, s.id)
  const vaultsByResource = resourceVaults(by['cbr.vault'] ?? [])
  yield
  return yield* mapSteps(by['evs.volume'] ?? [], (v) => ({
    ...v,
    attachments: union(v.attachments, serversByVolume.get(v.id)),
    cbrVaultIds: union(v.cbrVaultIds, vaultsByResource.get(v.id)),
  }))
}

function linkCbr(by: ByType): { vaults: CbrVault[]; policies: CbrPolicy[] } {
  const policiesByVault = new MultiMap()
  for (const p of by['cbr.policy'] ?? []) for (const v of p.vaultIds) policiesByVault.add(v, p.id)
  const vaultsByPolicy = new MultiMap()
  for (const v of by['cbr.vault'] ?? []) for (const p of v.policyIds) vaultsByPolicy.add(p, v.id)
  return {
    vaults: (by['cbr.vault'] ?? []).map((v) => ({
      ...v,
      policyIds: union(v.policyIds, policiesByVault.get(v.id)),
    })),
    policies: (by['cbr.policy'] ?? []).map((p) => ({
      ...p,
      vaultIds: union(p.vaultIds, vaultsByPolicy.get(p.id)),
    })),
  }
}

/** Returns the resources with every derived link completed (new objects; input untouched). */
export function linkResources(resources: readonly AnyResource[]): AnyResource[] {
  return runSteps(linkSteps(resources))
}

/** {@link linkResources} in steps of {@link STEP} resources (see `model/time-slice.ts`). */
export function* linkSteps(resources: readonly AnyResource[]): Generator<void, AnyResource[]> {
  const by = group(resources)
  yield
  const servers = yield* linkServers(by)
  const volumes = yield* linkVolumes({ ...by, 'ecs.server': servers })
  const { vaults, policies } = linkCbr(by)
  const replaced = new Map<ResourceType, readonly AnyResource[]>([
    ['ecs.server', servers],
    ['evs.volume', volumes],
    ['cbr.vault', vaults],
    ['cbr.policy', policies],
  ])
  const out: AnyResource[] = []
  for (const [type, list] of Object.entries(by) as [ResourceType, AnyResource[]][]) {
    // A loop, not push(...list): spreading 100k+ items overflows the call stack.
    for (const r of replaced.get(type) ?? list) out.push(r)
  }
  return out
}
