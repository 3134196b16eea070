/**
 * What every host check does first: find the server's host report (`ctx.hostReports`), and turn
 * "no report", "stale report" and "value unknown" into the right verdict.
 * @module
 */
import type { EcsServer } from '../../inventory/types.ts'
import type { HostReport } from '../../model/host-report.ts'
import {
  type CheckContext,
  type Evidence,
  error,
  label,
  manual,
  notApplicable,
  type Verdict,
} from '../define.ts'
import { serverImage, windowsOfHints } from '../ecs/_image.ts'

/** How to produce a report for a server (shown with `manual`). */
export const COLLECT_COMMAND =
  "sphere host script | ssh <user>@<server> 'sudo sh -s' | sphere host parse > <host-reports-dir>/<server>.json"

/** The evidence of every "no host report" verdict: one frozen object, not one per finding. */
const COLLECT: Evidence = Object.freeze({ command: COLLECT_COMMAND })

/** The server's usable report with the evidence every verdict carries, or the verdict to return. */
export type HostLookup =
  | { readonly report: HostReport; readonly name: string; readonly evidence: Evidence }
  | { readonly verdict: Verdict }

/**
 * True when the server runs Windows: its `os_type` metadata, else its image (`__platform`,
 * `__os_version`, `os_distro` or an image name such as `Standard_Windows_Server_2025_…`).
 */
export function runsWindows(server: EcsServer, ctx: CheckContext): boolean {
  if (server.osType) return server.osType.toLowerCase() === 'windows'
  return windowsOfHints(serverImage(server, ctx.inventory).hints)
}

/**
 * Finds the server's report; `notApplicable` for Windows (the collector is a POSIX shell
 * script), `manual` without a report, `error` when it is stale.
 */
export function hostReportOf(server: EcsServer, ctx: CheckContext): HostLookup {
  const name = label(server)
  const match = ctx.hostReports?.get(server.id)
  // A report proves the POSIX collector ran; without one, the image may still tell Windows.
  const windows = server.osType?.toLowerCase() === 'windows' || (!match && runsWindows(server, ctx))
  if (windows)
    return { verdict: notApplicable(`${name} runs Windows; the host collector covers Linux`) }
  if (!match)
    return {
      verdict: manual(`${name}: no host report; collect one with: ${COLLECT_COMMAND}`, COLLECT),
    }
  const r = match.report
  if (match.stale)
    return {
      verdict: error(
        match.ageDays === null
          ? `${name}: the host report has no collection time; collect a new one`
          : `${name}: the host report is ${match.ageDays} days old (collected ${r.collectedAt}, limit ${match.maxAgeDays} days); collect a new one`,
      ),
    }
  return {
    report: r,
    name,
    evidence: {
      matchedBy: match.matchedBy,
      collectedAt: r.collectedAt,
      hostname: r.host.hostname,
    },
  }
}

/** `error` naming a report field that is null, with the collector's reason when it gave one. */
export function unknown(name: string, report: HostReport, field: string): Verdict {
  const why = report.errors.find(
    (e) => e.field !== null && (field === e.field || field.startsWith(`${e.field}.`)),
  )
  return error(`${name}: ${field} is unknown in the host report${why ? ` (${why.message})` : ''}`)
}

/** Whole days from `iso` to `ref` (null when either is missing). */
export function daysBetween(iso: string | null, ref: string | Date | null): number | null {
  if (!iso || !ref) return null
  const a = Date.parse(iso)
  const b = typeof ref === 'string' ? Date.parse(ref) : ref.getTime()
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.floor((b - a) / 86_400_000)
}

/** `a, b, c and 4 more`. */
export function listNames(names: readonly string[], max = 5): string {
  const head = names.slice(0, max).join(', ')
  return names.length > max ? `${head} and ${names.length - max} more` : head
}
