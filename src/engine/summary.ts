/**
 * Read-only views over a {@link ScanResult} that several reports share: counts, the failing
 * findings in reading order, check lookup and the one-line summary.
 * @module
 */
import { SEVERITIES, type Severity } from '../checks/define.ts'
import { cmpKeys } from './order.ts'
import {
  type CheckInfo,
  DUTY_STATUSES,
  type DutyStatus,
  emptyCounts,
  type Finding,
  type ScanResult,
  type StatusCounts,
} from './types.ts'

/** Display labels of finding statuses. */
export const STATUS_LABEL: Record<Finding['status'], string> = {
  fail: 'fail',
  error: 'error',
  manual: 'manual',
  muted: 'muted',
  pass: 'pass',
  not_applicable: 'n/a',
}

/** Display labels of duty statuses. */
export const DUTY_STATUS_LABEL: Record<DutyStatus, string> = {
  not_met: 'not met',
  unknown: 'unknown',
  met: 'met',
  inherited: 'inherited',
}

/** Counts over a whole result. */
export interface ResultSummary {
  readonly duties: Record<DutyStatus, number>
  readonly findings: StatusCounts
  /** Non-muted fails by severity. */
  readonly failsBySeverity: Record<Severity, number>
  readonly issues: number
}

/** Counts duties, findings and fails by severity. */
export function summarize(r: Pick<ScanResult, 'duties' | 'findings' | 'issues'>): ResultSummary {
  const duties = Object.fromEntries(DUTY_STATUSES.map((s) => [s, 0])) as Record<DutyStatus, number>
  for (const d of r.duties) duties[d.status]++
  const findings = emptyCounts()
  const failsBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<
    Severity,
    number
  >
  for (const f of r.findings) {
    findings[f.status]++
    if (f.status === 'fail') failsBySeverity[f.severity]++
  }
  return { duties, findings, failsBySeverity, issues: r.issues.length }
}

/** Checks by id. */
export function checkIndex(r: Pick<ScanResult, 'checks'>): Map<string, CheckInfo> {
  return new Map(r.checks.map((c) => [c.id, c]))
}

/** Findings with a status, in reading order: duty (model order), severity, check, resource. */
export function findingsWithStatus(
  r: Pick<ScanResult, 'duties' | 'findings'>,
  status: Finding['status'],
): Finding[] {
  const dutyOrder = new Map(r.duties.map((d, i) => [d.id, String(i).padStart(4, '0')]))
  const key = (f: Finding) => [
    dutyOrder.get(f.duty) ?? `9999${f.duty}`,
    String(SEVERITIES.indexOf(f.severity)),
    f.checkId,
    f.resource.name,
    f.resource.id,
    f.resource.region,
  ]
  return r.findings.filter((f) => f.status === status).sort((a, b) => cmpKeys(key(a), key(b)))
}

/** The first line of a (multi-line) text. */
export function firstLine(text: string): string {
  return text.split(/\r?\n/, 1)[0] ?? ''
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * One line for humans, e.g. `16 duties: 4 not met, 5 unknown, 0 met, 7 inherited · 13 fail
 * (2 critical, 5 high, 4 medium, 2 low) · 1 muted · 2 error · 4 manual · 24 pass · 1 collection issue`.
 */
export function summaryLine(r: Pick<ScanResult, 'duties' | 'findings' | 'issues'>): string {
  const s = summarize(r)
  const duties = DUTY_STATUSES.map((d) => `${s.duties[d]} ${DUTY_STATUS_LABEL[d]}`).join(', ')
  const sev = SEVERITIES.filter((x) => s.failsBySeverity[x] > 0)
    .map((x) => `${s.failsBySeverity[x]} ${x}`)
    .join(', ')
  const f = s.findings
  return [
    `${plural(r.duties.length, 'duty').replace('dutys', 'duties')}: ${duties}`,
    `${f.fail} fail${sev ? ` (${sev})` : ''}`,
    `${f.muted} muted`,
    `${f.error} error`,
    `${f.manual} manual`,
    `${f.pass} pass`,
    `${f.not_applicable} n/a`,
    plural(s.issues, 'collection issue'),
  ].join(' · ')
}

/**
 * What a scan covered, in a few words: `project eu-de_prod (eu-de) of cloud otc-prod`, or
 * `6 projects in 2 regions of 2 clouds` for an organisation.
 */
export function scanSubject(r: Pick<ScanResult, 'scopes'>): string {
  const projects = r.scopes.filter((s) => s.scope.kind === 'project')
  const clouds = [...new Set(r.scopes.map((s) => s.scope.cloud))]
  const regions = [...new Set(projects.map((s) => s.scope.region))]
  const ids = new Set(projects.map((s) => `${s.scope.cloud}/${s.scope.projectId}`))
  const only = projects[0]?.scope
  if (ids.size === 1 && regions.length === 1 && only)
    return `project ${only.projectName} (${only.region}) of cloud ${only.cloud}`
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`
  if (projects.length === 0) return `the account of ${plural(clouds.length, 'cloud')}`
  return `${plural(ids.size, 'project')} in ${plural(regions.length, 'region')} of ${plural(clouds.length, 'cloud')}`
}

/** The Keystone URLs the scan read from, sorted. */
export function scanOrigins(r: Pick<ScanResult, 'scopes'>): string[] {
  return [...new Set(r.scopes.map((s) => s.authUrl))].sort()
}
