/**
 * Ties host reports to the servers of the inventory: by OpenStack instance id, or, for reports
 * without one, by hostname plus a private address. Judges each matched report's age.
 * @module
 */
import type { EcsServer, VpcPort } from '../inventory/types.ts'
import type { HostMatch, HostMatchKind, HostReport } from '../model/host-report.ts'

/** Options of {@link matchHostReports}. */
export interface MatchOptions {
  /** The scan's time. */
  now: Date
  /** A report older than this many whole days is stale (default 7). */
  maxAgeDays?: number
  /** Ports of the inventory, for the servers' private addresses (needed for hostname + IP). */
  ports?: readonly VpcPort[]
}

/** The outcome: one report per server, and the reports that found none. */
export interface MatchResult {
  byServerId: Map<string, HostMatch>
  /** Reports that match no server (listed, never dropped). */
  unmatched: HostReport[]
  /** Older reports of a server that has a newer one. */
  superseded: HostReport[]
}

const DAY = 86_400_000

/** `Web_1.example.internal` → `web-1`: how OTC derives a VM's hostname from the server name. */
function hostKey(name: string): string {
  return name.trim().toLowerCase().split('.')[0]!.replace(/_/g, '-')
}

function addressesOf(server: EcsServer, ports: readonly VpcPort[]): Set<string> {
  const ids = new Set(server.portIds)
  return new Set(
    ports
      .filter((p) => ids.has(p.id) || p.deviceId === server.id)
      .flatMap((p) => p.fixedIps.map((ip) => ip.toLowerCase())),
  )
}

function find(
  r: HostReport,
  servers: readonly EcsServer[],
  ports: readonly VpcPort[],
): { server: EcsServer; by: HostMatchKind } | null {
  const id = r.host.instanceId?.toLowerCase()
  if (id) {
    const hit = servers.find((s) => s.id.toLowerCase() === id)
    if (hit) return { server: hit, by: 'instance-id' }
    // A real instance id that names no server is another (maybe deleted) VM: no fallback. A DMI
    // UUID need not be the instance id (other hypervisors), so those may still fall back.
    if (r.host.instanceIdSource !== 'dmi') return null
  }
  if (!r.host.hostname || !r.host.addresses?.length) return null
  const name = hostKey(r.host.hostname)
  const addrs = r.host.addresses.map((a) => a.toLowerCase())
  const hits = servers.filter((s) => {
    if (hostKey(s.name) !== name) return false
    const own = addressesOf(s, ports)
    return addrs.some((a) => own.has(a))
  })
  return hits.length === 1 ? { server: hits[0]!, by: 'hostname+ip' } : null
}

/**
 * Matches reports to servers. A report with an instance id matches only that server; one
 * without falls back to hostname + private IP (needs `ports`). When several reports match one
 * server the newest wins and the others are `superseded`.
 * @example
 * const { byServerId, unmatched } = matchHostReports(reports, inventory.all('ecs.server'),
 *   { now, ports: inventory.all('vpc.port') })
 * byServerId.get(server.id)?.matchedBy // 'instance-id'
 */
export function matchHostReports(
  reports: readonly HostReport[],
  servers: readonly EcsServer[],
  o: MatchOptions,
): MatchResult {
  const maxAgeDays = o.maxAgeDays ?? 7
  const ports = o.ports ?? []
  const out: MatchResult = { byServerId: new Map(), unmatched: [], superseded: [] }
  for (const report of reports) {
    const hit = find(report, servers, ports)
    if (!hit) {
      out.unmatched.push(report)
      continue
    }
    const t = report.collectedAt ? Date.parse(report.collectedAt) : Number.NaN
    const ageDays = Number.isNaN(t) ? null : Math.floor((o.now.getTime() - t) / DAY)
    const match: HostMatch = {
      report,
      matchedBy: hit.by,
      stale: ageDays === null || ageDays > maxAgeDays,
      ageDays,
      maxAgeDays,
    }
    const prev = out.byServerId.get(hit.server.id)
    if (prev && (prev.report.collectedAt ?? '') >= (report.collectedAt ?? '')) {
      out.superseded.push(report)
      continue
    }
    if (prev) out.superseded.push(prev.report)
    out.byServerId.set(hit.server.id, match)
  }
  return out
}
