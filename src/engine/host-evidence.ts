/**
 * Host reports loaded from disk (`sphere scan --host-reports DIR`) → the lookup the host checks
 * read, plus one scan note per report file: which server it matched and how, that it is stale,
 * superseded or matches no server, or that the file could not be used. No report vanishes
 * silently: every file read shows up in the notes of every report format that has notes.
 * @module
 */

import { type HostMatch, type HostReport, matchHostReports } from '../host/index.ts'
import type { Inventory } from '../inventory/inventory.ts'
import type { EcsServer, VpcPort } from '../inventory/types.ts'
import type { InputError } from '../model/input-error.ts'
import type { ScanNote } from './types.ts'

/** Reports as `loadHostReports` returns them: `files[i]` is where `reports[i]` came from. */
export interface LoadedHostEvidence {
  readonly reports: readonly HostReport[]
  readonly files: readonly string[]
  /** Files that could not be used (unreadable, not JSON, not a host report, not collector output). */
  readonly errors: readonly InputError[]
}

/** What {@link matchHostEvidence} found. */
export interface HostEvidence {
  /** Matched reports by server id (pass as `hostReports` to `evaluateScan`). */
  readonly byServerId: ReadonlyMap<string, HostMatch>
  /** One note per file, in file order. */
  readonly notes: readonly ScanNote[]
}

/**
 * How far a report's `collectedAt` may lie ahead of the scan's clock: VM clocks drift a little.
 * A report dated further ahead is not used (it would never go stale).
 */
export const HOST_CLOCK_SKEW_MS = 10 * 60_000

/** True when the report claims a collection time beyond the scan's time plus the skew. */
export function collectedInFuture(r: HostReport, now: Date): boolean {
  const t = r.collectedAt ? Date.parse(r.collectedAt) : Number.NaN
  return !Number.isNaN(t) && t > now.getTime() + HOST_CLOCK_SKEW_MS
}

function futureNote(r: HostReport, source: string, now: Date): ScanNote {
  return {
    level: 'warning',
    code: 'host-report-invalid',
    source,
    message: `not used: collectedAt ${r.collectedAt} lies in the future (scan time ${now.toISOString()}; up to ${HOST_CLOCK_SKEW_MS / 60_000} minutes of clock skew are allowed): check the VM's clock and collect a new report`,
  }
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`)
const ago = (m: HostMatch) =>
  m.ageDays === null
    ? 'no collection time'
    : `collected ${m.report.collectedAt}, ${m.ageDays === 0 ? 'today' : `${days(m.ageDays)} ago`}`

function describeMatch(m: HostMatch, server: EcsServer, ports: readonly VpcPort[]): string {
  const who = server.name ? `${server.name} (${server.id})` : server.id
  if (m.matchedBy === 'instance-id') return `server ${who} by instance id`
  const own = new Set(
    ports
      .filter((p) => server.portIds.includes(p.id) || p.deviceId === server.id)
      .flatMap((p) => p.fixedIps.map((ip) => ip.toLowerCase())),
  )
  const ip = (m.report.host.addresses ?? []).find((a) => own.has(a.toLowerCase()))
  const why = m.report.host.instanceId ? 'its DMI uuid names no server' : 'it has no instance id'
  return `server ${who} by hostname ${m.report.host.hostname} and private IP ${ip ?? '?'} (${why})`
}

function whyUnmatched(r: HostReport): string {
  const h = r.host
  if (h.instanceId && h.instanceIdSource !== 'dmi')
    return `no server in this project has its instance id ${h.instanceId}${h.hostname ? ` (hostname ${h.hostname})` : ''}`
  if (!h.hostname || !h.addresses?.length)
    return 'it has no instance id, and no hostname and address to match by'
  return `no single server is named ${h.hostname} and owns one of its addresses ${h.addresses.join(', ')}`
}

/**
 * Matches loaded reports to the inventory's servers and says, per file, what became of it.
 * @example
 * const loaded = loadHostReports('host-reports')
 * const { byServerId, notes } = matchHostEvidence(loaded, inventory, { now, maxAgeDays: 7 })
 */
export function matchHostEvidence(
  loaded: LoadedHostEvidence,
  inventory: Inventory,
  o: { now: Date; maxAgeDays: number },
): HostEvidence {
  const servers = inventory.all('ecs.server') as readonly EcsServer[]
  const ports = inventory.all('vpc.port') as readonly VpcPort[]
  const fileOf = new Map(loaded.reports.map((r, i) => [r, loaded.files[i] ?? '(host report)']))
  const usable = loaded.reports.filter((r) => !collectedInFuture(r, o.now))
  const res = matchHostReports(usable, servers, { ...o, ports })
  const serverOf = new Map<HostReport, EcsServer>()
  for (const [id, m] of res.byServerId) serverOf.set(m.report, servers.find((s) => s.id === id)!)
  const superseded = new Set(res.superseded)
  const unmatched = new Set(res.unmatched)
  // A superseded report matched a server on its own; which one's newer report won?
  const winnerFor = (r: HostReport) => {
    const [id] = matchHostReports([r], servers, { ...o, ports }).byServerId.keys()
    return id === undefined ? undefined : res.byServerId.get(id)
  }
  const notes: ScanNote[] = []
  for (const e of loaded.errors)
    notes.push({
      level: 'warning',
      code: 'host-report-invalid',
      source: e.file,
      message: `not used: ${e.issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ')}`,
    })
  for (const r of loaded.reports) {
    const source = fileOf.get(r)!
    if (collectedInFuture(r, o.now)) {
      notes.push(futureNote(r, source, o.now))
      continue
    }
    if (unmatched.has(r)) {
      notes.push({
        level: 'warning',
        code: 'host-report-unmatched',
        source,
        message: `matches no server: ${whyUnmatched(r)}`,
      })
      continue
    }
    if (superseded.has(r)) {
      const w = winnerFor(r)
      notes.push({
        level: 'info',
        code: 'host-report-superseded',
        source,
        message: `not used: ${w ? `${fileOf.get(w.report)} is a newer report of the same server` : 'a newer report of the same server is used'} (this one: ${r.collectedAt ?? 'no collection time'})`,
      })
      continue
    }
    const server = serverOf.get(r)
    const m = server ? res.byServerId.get(server.id) : undefined
    if (!server || !m) continue
    const how = describeMatch(m, server, ports)
    notes.push(
      m.stale
        ? {
            level: 'warning',
            code: 'host-report-stale',
            source,
            message: `matched ${how}, but stale (${ago(m)}; limit ${days(m.maxAgeDays)}): its host checks give error; collect a new one`,
          }
        : {
            level: 'info',
            code: 'host-report-matched',
            source,
            message: `matched ${how}; ${ago(m)}`,
          },
    )
  }
  return { byServerId: res.byServerId, notes }
}

/**
 * The notes of every file over all scopes: a report that matched (or was stale, or superseded)
 * in some scope keeps those notes; one that matched in none gets a single "matches no server";
 * notes that do not depend on the scope (a file that could not be used) appear once.
 */
export function reduceHostNotes(perScope: readonly (readonly ScanNote[])[]): ScanNote[] {
  const bySource = new Map<string, ScanNote[]>()
  const order: string[] = []
  for (const notes of perScope)
    for (const n of notes) {
      const key = n.source ?? ''
      if (!bySource.has(key)) {
        bySource.set(key, [])
        order.push(key)
      }
      bySource.get(key)!.push(n)
    }
  const out: ScanNote[] = []
  for (const key of order) {
    const notes = bySource.get(key)!
    const used = notes.filter(
      (n) => n.code !== 'host-report-unmatched' && n.code !== 'host-report-invalid',
    )
    if (used.length > 0) {
      for (const n of used) out.push(n)
      continue
    }
    const first = notes[0]!
    // Unmatched everywhere, or unusable: once, without a scope (it belongs to none).
    const { scope: _scope, ...rest } = first
    out.push(
      first.code === 'host-report-unmatched' && perScope.length > 1
        ? { ...rest, message: rest.message.replace('in this project', 'in any scanned project') }
        : rest,
    )
  }
  return out
}
