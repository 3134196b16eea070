/**
 * The compliance view as CSV (`sphere compliance --format csv`): one row per criterion with its
 * owner, status, the checks with their counts, the failing resources, the evidence to bring and
 * the attestations. Cells are made safe as in the scan's CSV (formulas, control characters).
 * @module
 */
import type { ComplianceView } from '../compliance/evaluate.ts'
import { csvCell } from './csv.ts'

/** The columns, in order. */
export const COMPLIANCE_CSV_COLUMNS = [
  'framework',
  'model',
  'domain',
  'id',
  'title',
  'owner',
  'status',
  'reason',
  'checks',
  'failing_count',
  'failing_resources',
  'manual_evidence',
  'attestations',
] as const

/** Renders the view as CSV (CRLF line ends, RFC 4180 quoting). */
export function renderComplianceCsv(v: ComplianceView): string {
  const rows = v.criteria.map((c) => [
    v.framework.id,
    v.model,
    c.domain,
    c.id,
    c.title,
    c.owner,
    c.status,
    c.reason,
    c.checks.map((t) => `${t.id}:${t.pass}/${t.fail}`).join(' '),
    String(c.failing.length),
    c.failing
      .map((f) => `${f.scope.projectName}/${f.resource.type}/${f.resource.name || f.resource.id}`)
      .join('; '),
    c.manualEvidence ?? '',
    c.attestations.join(' '),
  ])
  return [COMPLIANCE_CSV_COLUMNS as readonly string[], ...rows]
    .map((r) => `${r.map(csvCell).join(',')}\r\n`)
    .join('')
}
