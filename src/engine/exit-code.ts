/**
 * The CLI's exit code for a scan result. 0 means everything selected was read and judged and
 * nothing failed at or above `--fail-on`; 1 a failing finding at or above it; 3 the scan is
 * incomplete (a collection issue, or a selected customer duty that ends `unknown`) unless the
 * user accepted that with `--allow-incomplete`. Usage and configuration errors (2) are decided
 * before a scan runs.
 * @module
 */
import { SEVERITIES, type Severity } from '../checks/define.ts'
import type { ScanResult } from './types.ts'

/** Exit codes of `sphere scan`. */
export const SCAN_EXIT = { ok: 0, findings: 1, usage: 2, incomplete: 3 } as const

/** True if `s` is at least as severe as `threshold`. */
export function atOrAbove(s: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(s) <= SEVERITIES.indexOf(threshold)
}

/** What makes a result incomplete; empty when it is complete. */
export interface Incompleteness {
  readonly issues: number
  /** Customer duties whose status is `unknown`, with the reason. */
  readonly unknownDuties: readonly { readonly id: string; readonly reason: string }[]
}

/** Why a result is incomplete (collection issues, unknown customer duties). */
export function incompleteness(result: Pick<ScanResult, 'issues' | 'duties'>): Incompleteness {
  return {
    issues: result.issues.length,
    unknownDuties: result.duties
      .filter((d) => d.kind === 'customer' && d.status === 'unknown')
      .map((d) => ({ id: d.id, reason: d.reason })),
  }
}

/** Options of {@link exitCodeFor}. */
export interface ExitOptions {
  /** Exit 0 instead of 3 for an incomplete scan (`--allow-incomplete`). */
  readonly allowIncomplete?: boolean
}

/**
 * 1 if any non-muted `fail` is at or above `failOn`; else 3 if the scan is incomplete (and that
 * was not allowed); else 0. Muted findings never fail a build.
 * @example
 * process.exitCode = exitCodeFor(result, 'high')
 */
export function exitCodeFor(
  result: Pick<ScanResult, 'findings' | 'issues' | 'duties'>,
  failOn: Severity,
  opts: ExitOptions = {},
): 0 | 1 | 3 {
  if (result.findings.some((f) => f.status === 'fail' && atOrAbove(f.severity, failOn)))
    return SCAN_EXIT.findings
  const inc = incompleteness(result)
  if (!opts.allowIncomplete && (inc.issues > 0 || inc.unknownDuties.length > 0))
    return SCAN_EXIT.incomplete
  return SCAN_EXIT.ok
}
