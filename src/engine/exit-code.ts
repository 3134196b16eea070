/**
 * The CLI's exit code for a scan result: 1 for findings at or above `--fail-on`, 3 when the scan
 * was incomplete, 0 otherwise. Usage and configuration errors (2) are decided before a scan runs.
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

/**
 * 1 if any non-muted `fail` is at or above `failOn`; else 3 if any resource type could not be
 * collected completely; else 0. Muted findings never fail a build.
 * @example
 * process.exitCode = exitCodeFor(result, 'high')
 */
export function exitCodeFor(
  result: Pick<ScanResult, 'findings' | 'issues'>,
  failOn: Severity,
): 0 | 1 | 3 {
  if (result.findings.some((f) => f.status === 'fail' && atOrAbove(f.severity, failOn)))
    return SCAN_EXIT.findings
  if (result.issues.length > 0) return SCAN_EXIT.incomplete
  return SCAN_EXIT.ok
}
