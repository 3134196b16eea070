/**
 * Rendering a scan result in the format the user asked for, and the progress line on stderr.
 * @module
 */
import type { ScopeProgress } from '../engine/run-scan.ts'
import type { ScanResult } from '../engine/types.ts'
import { safeText } from '../reports/_terminal.ts'
import { renderCsv } from '../reports/csv.ts'
import { renderHtml } from '../reports/html.ts'
import { renderJson } from '../reports/json.ts'
import { renderMarkdown } from '../reports/markdown.ts'
import { renderOcsf } from '../reports/ocsf.ts'
import { renderSarif } from '../reports/sarif.ts'
import { renderText } from '../reports/text.ts'
import type { CliIO } from './command.ts'

/** Output formats of `sphere scan`. */
export const SCAN_FORMATS = ['text', 'json', 'sarif', 'ocsf', 'csv', 'html', 'markdown'] as const
export type ScanFormat = (typeof SCAN_FORMATS)[number]

/** Renders `result` as `format`. */
export function renderScan(result: ScanResult, format: ScanFormat, color: boolean): string {
  switch (format) {
    case 'json':
      return renderJson(result)
    case 'sarif':
      return renderSarif(result)
    case 'ocsf':
      return renderOcsf(result)
    case 'csv':
      return renderCsv(result)
    case 'html':
      return renderHtml(result)
    case 'markdown':
      return renderMarkdown(result)
    default:
      return renderText(result, { color })
  }
}

/** A progress reporter that rewrites one stderr line, only when stderr is a terminal. */
export function progressLine(io: CliIO): {
  update(p: ScopeProgress, retries: number): void
  done(): void
} {
  if (!io.stderr.isTTY) return { update() {}, done() {} }
  let shown = false
  return {
    update(p, retries) {
      shown = true
      io.stderr.write(
        `\r\u001b[2Kreading: ${p.scopesDone}/${p.scopesTotal} scopes, ${p.resources} resources, ${retries} retries (last: ${safeText(p.scope)})`,
      )
    },
    done() {
      if (shown) io.stderr.write('\r\u001b[2K')
    },
  }
}
