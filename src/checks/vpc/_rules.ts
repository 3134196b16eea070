/**
 * Security group rule semantics shared by the network checks. Only `allow` ingress rules open
 * anything; a rule with neither a remote prefix nor a remote group admits any address (Neutron).
 * Deny rules (VPC v3) are not subtracted: a port is reported open if an allow rule opens it.
 * @module
 */
import type { InventoryView } from '../../inventory/inventory.ts'
import type { SecurityGroup, SecurityGroupRule } from '../../inventory/types.ts'
import type { Evidence } from '../define.ts'

const WORLD = new Set(['0.0.0.0/0', '::/0'])
const ANY_PROTOCOL = new Set(['any', '-1'])
const PORTED = new Set(['tcp', 'udp', '6', '17'])

/** An allow ingress rule that admits the whole internet. */
export function fromInternet(r: SecurityGroupRule): boolean {
  if (r.direction !== 'ingress' || r.action !== 'allow') return false
  if (r.remoteIpPrefix === null) return r.remoteGroupId === null
  return WORLD.has(r.remoteIpPrefix.trim())
}

/** The rule allows every protocol. */
export function anyProtocol(r: SecurityGroupRule): boolean {
  return r.protocol === null || ANY_PROTOCOL.has(r.protocol.toLowerCase())
}

/** The rule allows every port of a port-based protocol (or every protocol). */
export function allPorts(r: SecurityGroupRule): boolean {
  if (anyProtocol(r)) return true
  if (!PORTED.has(r.protocol!.toLowerCase())) return false
  const min = r.portRangeMin ?? 1
  const max = r.portRangeMax ?? 65535
  return min <= 1 && max >= 65535
}

/** The rule admits TCP on `port`. */
export function opensTcpPort(r: SecurityGroupRule, port: number): boolean {
  if (!anyProtocol(r) && !['tcp', '6'].includes(r.protocol!.toLowerCase())) return false
  const min = r.portRangeMin ?? 1
  const max = r.portRangeMax ?? r.portRangeMin ?? 65535
  return min <= port && port <= max
}

/** One rule that opens sensitive ports to the internet. */
export interface Exposure {
  ruleId: string
  ports: number[]
  remote: string
}

/** Rules of `group` that open any of `ports` to the internet, with the ports each opens. */
export function internetExposures(group: SecurityGroup, ports: readonly number[]): Exposure[] {
  return group.rules.flatMap((r) => {
    if (!fromInternet(r)) return []
    const open = ports.filter((p) => opensTcpPort(r, p))
    return open.length > 0 ? [{ ruleId: r.id, ports: open, remote: r.remoteIpPrefix ?? 'any' }] : []
  })
}

/** Evidence object for exposures. */
export function exposureEvidence(groupId: string, exposures: readonly Exposure[]): Evidence {
  return {
    securityGroupId: groupId,
    rules: exposures.map((e) => ({ ruleId: e.ruleId, ports: e.ports, remote: e.remote })),
  }
}

/** What a set of groups opens to the internet: per group evidence, and ids not in the inventory. */
export function groupExposures(
  groupIds: readonly string[],
  ports: readonly number[],
  inv: InventoryView,
): { open: Evidence[]; unknown: string[] } {
  const unknown = groupIds.filter((id) => !inv.byId('vpc.security-group', id))
  const open = groupIds.flatMap((id) => {
    const sg = inv.byId('vpc.security-group', id)
    const exposures = sg ? internetExposures(sg, ports) : []
    return exposures.length > 0 ? [exposureEvidence(id, exposures)] : []
  })
  return { open, unknown }
}
