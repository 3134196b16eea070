/**
 * CSV (RFC 4180): a header row, then one row per finding; fields quoted when they hold a comma,
 * quote or line break; lines end in CRLF. Cells that a spreadsheet would run as a formula (they
 * start with `=`, `+`, `-`, `@`, a tab or a carriage return) get a leading `'`.
 * @module
 */
import { checkIndex, firstLine } from '../engine/summary.ts'
import type { ScanResult } from '../engine/types.ts'

/** The columns, in order. */
export const CSV_COLUMNS = [
  'status',
  'severity',
  'duty',
  'owner',
  'check_id',
  'check_title',
  'service',
  'resource_type',
  'resource_id',
  'resource_name',
  'region',
  'message',
  'muted_status',
  'mute_reason',
  'mute_expires',
  'expired_mute',
  'error_cause',
  'remediation',
  'fingerprint',
] as const

/** Neutralises a formula, then quotes per RFC 4180 where needed. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}

/** Renders the findings as CSV. Pure: the same result gives the same bytes. */
export function renderCsv(r: ScanResult): string {
  const checks = checkIndex(r)
  const rows: string[][] = [[...CSV_COLUMNS]]
  for (const f of r.findings) {
    const c = checks.get(f.checkId)
    rows.push([
      f.status,
      f.severity,
      f.duty,
      f.owner,
      f.checkId,
      c?.title ?? '',
      f.service,
      f.resource.type,
      f.resource.id,
      f.resource.name,
      f.resource.region,
      f.message,
      f.mutedStatus ?? '',
      f.mute?.reason ?? '',
      f.mute?.expires ?? '',
      f.expiredMute
        ? `expired ${f.expiredMute.expires}: ${f.expiredMute.reason} (${f.expiredMute.entry})`
        : '',
      f.cause ?? '',
      firstLine(c?.remediation.text ?? ''),
      f.fingerprint,
    ])
  }
  return rows.map((row) => `${row.map(csvCell).join(',')}\r\n`).join('')
}
