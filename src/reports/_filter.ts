/**
 * `--severity` and `--status`: which findings a report lists. The filter applies to the finding
 * lists of every format, never to the duty roll-ups, the scope table or the summary counts: those
 * always use every finding.
 * @module
 */
import type { Severity } from '../checks/define.ts'
import type { Finding, FindingStatus } from '../engine/types.ts'

/** Findings to list; an absent field lets every value through. */
export interface FindingFilter {
  readonly severities?: readonly Severity[]
  readonly statuses?: readonly FindingStatus[]
}

/** True when the filter lets `f` through. */
export function passes(f: Finding, filter: FindingFilter | undefined): boolean {
  if (!filter) return true
  if (filter.severities && !filter.severities.includes(f.severity)) return false
  if (filter.statuses && !filter.statuses.includes(f.status)) return false
  return true
}

/** True when the filter lets everything through. */
export function isOpen(filter: FindingFilter | undefined): boolean {
  return !filter?.severities && !filter?.statuses
}

/** The findings the filter lets through, in their order (the same array when nothing is filtered). */
export function selectFindings(
  findings: readonly Finding[],
  filter: FindingFilter | undefined,
): readonly Finding[] {
  return isOpen(filter) ? findings : findings.filter((f) => passes(f, filter))
}

/** The filter in words: `severity high, critical; status fail, error`, or '' when open. */
export function filterLabel(filter: FindingFilter | undefined): string {
  return [
    filter?.severities && `severity ${filter.severities.join(', ')}`,
    filter?.statuses && `status ${filter.statuses.join(', ')}`,
  ]
    .filter(Boolean)
    .join('; ')
}
