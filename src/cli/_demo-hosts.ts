/**
 * The demo world's host reports (`src/emulator/worlds/demo-hosts/*.json`, written by
 * `scripts/gen-demo-hosts.ts`): plain host reports a user can read, dated relative to
 * {@link DEMO_HOSTS_ANCHOR}. `sphere demo` moves their dates so the anchor is "now", the way the
 * demo world's own relative times (`createdAt: -19d`) count from the moment it is loaded.
 * @module
 */
import { fileURLToPath } from 'node:url'
import type { LoadedHostEvidence } from '../engine/host-evidence.ts'
import { type HostReport, loadHostReports } from '../host/index.ts'

/** Where the demo world's host reports are. */
export const DEMO_HOSTS_DIR = fileURLToPath(
  new URL('../emulator/worlds/demo-hosts/', import.meta.url),
)

/** The instant the demo reports' dates are written relative to. */
export const DEMO_HOSTS_ANCHOR = '2026-06-01T12:00:00.000Z'

function shift(iso: string | null, ms: number): string | null {
  if (iso === null) return null
  const t = Date.parse(iso)
  return Number.isNaN(t) ? iso : new Date(t + ms).toISOString()
}

/** `report` with every date moved by `ms`. */
export function redate(report: HostReport, ms: number): HostReport {
  return {
    ...report,
    collectedAt: shift(report.collectedAt, ms),
    patching: {
      ...report.patching,
      listsRefreshedAt: shift(report.patching.listsRefreshedAt, ms),
      lastPatchAt: shift(report.patching.lastPatchAt, ms),
    },
  }
}

/**
 * The demo host reports, dated as if the anchor were `now`. File names are shown relative to the
 * package (`demo-hosts/web-01.json`).
 */
export function loadDemoHostReports(now: Date): LoadedHostEvidence {
  const loaded = loadHostReports(DEMO_HOSTS_DIR)
  // Whole seconds (rounded down, so no report gets younger), as collector output has them.
  const ms = Math.floor((now.getTime() - Date.parse(DEMO_HOSTS_ANCHOR)) / 1000) * 1000
  const short = (f: string) => `demo-hosts/${f.slice(DEMO_HOSTS_DIR.length).replace(/^\/+/, '')}`
  return {
    reports: loaded.reports.map((r) => redate(r, ms)),
    files: loaded.files.map(short),
    errors: loaded.errors,
  }
}
