/**
 * What changed between two scans: findings that newly fail, were fixed, still fail or changed
 * status otherwise, and duties whose status changed (in the organisation and per scope).
 * Findings are matched by fingerprint. Pure: the sides come from the store or from two JSON
 * reports.
 * @module
 */
import { SEVERITIES, type Severity } from '../checks/define.ts'
import type { DutyStatus, FindingStatus } from '../engine/types.ts'
import { type ScopeRef, scopeKey } from '../inventory/scope.ts'
import type { StoredDuty, StoredFinding } from './read.ts'

/** One side of a diff. */
export interface DiffSide {
  /** `scan 12` or a file name. */
  readonly label: string
  readonly startedAt: string
  readonly findings: readonly StoredFinding[]
  readonly duties: readonly StoredDuty[]
}

/** A finding whose status changed other than into or out of `fail`. */
export interface ChangedFinding {
  readonly from: FindingStatus
  readonly to: FindingStatus
  readonly finding: StoredFinding
}

/** A duty whose status changed; `scope` null: the organisation's roll-up. */
export interface DutyChange {
  readonly id: string
  readonly scope: ScopeRef | null
  readonly from: DutyStatus | null
  readonly to: DutyStatus | null
}

/** The difference from `from` to `to`. */
export interface ScanDiff {
  readonly from: { readonly label: string; readonly startedAt: string }
  readonly to: { readonly label: string; readonly startedAt: string }
  /** Fail in `to`; not fail (or absent) in `from`. */
  readonly newFailures: readonly StoredFinding[]
  /** Fail in `from`; in `to` pass, not applicable, or the resource is gone (then as in `from`). */
  readonly fixed: readonly StoredFinding[]
  /** Fail in both (as in `to`). */
  readonly stillFailing: readonly StoredFinding[]
  /** In both, status changed, neither into nor out of fail as above (e.g. pass → error, fail → muted). */
  readonly changed: readonly ChangedFinding[]
  readonly duties: readonly DutyChange[]
}

const SEVERITY_RANK = new Map(SEVERITIES.map((s, i) => [s, i]))

/** Most severe first, then check, scope and resource. */
function byImportance(a: StoredFinding, b: StoredFinding): number {
  const s = SEVERITY_RANK.get(a.severity)! - SEVERITY_RANK.get(b.severity)!
  if (s !== 0) return s
  const ka = `${a.checkId}\u0000${scopeKey(a.scope)}\u0000${a.resource.type}\u0000${a.resource.id}`
  const kb = `${b.checkId}\u0000${scopeKey(b.scope)}\u0000${b.resource.type}\u0000${b.resource.id}`
  return ka < kb ? -1 : ka > kb ? 1 : 0
}

const dutyKey = (d: StoredDuty) =>
  `${d.scope ? `${scopeKey(d.scope)}/${d.scope.kind}` : ''}\u0000${d.id}`

/** Compares two scans. */
export function diffScans(from: DiffSide, to: DiffSide): ScanDiff {
  const before = new Map(from.findings.map((f) => [f.fingerprint, f]))
  const newFailures: StoredFinding[] = []
  const fixed: StoredFinding[] = []
  const stillFailing: StoredFinding[] = []
  const changed: ChangedFinding[] = []
  const seen = new Set<string>()
  for (const f of to.findings) {
    seen.add(f.fingerprint)
    const old = before.get(f.fingerprint)
    if (f.status === 'fail') {
      if (old?.status === 'fail') stillFailing.push(f)
      else newFailures.push(f)
    } else if (old?.status === 'fail' && (f.status === 'pass' || f.status === 'not_applicable')) {
      fixed.push(f)
    } else if (old && old.status !== f.status) {
      changed.push({ from: old.status, to: f.status, finding: f })
    }
  }
  for (const f of from.findings) if (f.status === 'fail' && !seen.has(f.fingerprint)) fixed.push(f)
  const oldDuties = new Map(from.duties.map((d) => [dutyKey(d), d]))
  const duties: DutyChange[] = []
  const dutySeen = new Set<string>()
  for (const d of to.duties) {
    const key = dutyKey(d)
    dutySeen.add(key)
    const old = oldDuties.get(key)
    if (old?.status !== d.status)
      duties.push({ id: d.id, scope: d.scope, from: old?.status ?? null, to: d.status })
  }
  for (const d of from.duties)
    if (!dutySeen.has(dutyKey(d)))
      duties.push({ id: d.id, scope: d.scope, from: d.status, to: null })
  changed.sort((a, b) => byImportance(a.finding, b.finding))
  return {
    from: { label: from.label, startedAt: from.startedAt },
    to: { label: to.label, startedAt: to.startedAt },
    newFailures: newFailures.sort(byImportance),
    fixed: fixed.sort(byImportance),
    stillFailing: stillFailing.sort(byImportance),
    changed,
    duties: duties.sort((a, b) => (a.scope === null ? 0 : 1) - (b.scope === null ? 0 : 1)),
  }
}

/** New failures at or above `threshold` (`--fail-on-new`). */
export function newFailuresAtOrAbove(d: ScanDiff, threshold: Severity): StoredFinding[] {
  const limit = SEVERITY_RANK.get(threshold)!
  return d.newFailures.filter((f) => SEVERITY_RANK.get(f.severity)! <= limit)
}
