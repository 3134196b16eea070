/**
 * `sphere diff [A] [B]`: what changed between two stored scans (default: the last two of the
 * same scopes) or two JSON reports; `--fail-on-new` makes new failures fail a CI job.
 * @module
 */
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import { SEVERITIES } from '../../checks/define.ts'
import { diffScans, newFailuresAtOrAbove, type ScanDiff } from '../../store/diff.ts'
import { DIFF_FORMATS, renderDiff } from '../../store/diff-render.ts'
import { diffStored } from '../../store/diff-stored.ts'
import type { ScanRow } from '../../store/read.ts'
import { readReportSide } from '../../store/report-side.ts'
import type { Store } from '../../store/store.ts'
import { DB_HELP, openStore, StoreError, storeSpec } from '../_store.ts'
import { defineCommand, EXIT, oneOf, UsageError } from '../command.ts'

/** The two stored scans the arguments name (ids; none: the last two of the same scopes). */
async function pickScans(store: Store, ids: number[]): Promise<[ScanRow, ScanRow]> {
  const scans = await store.scans()
  const byId = (id: number) => {
    const s = scans.find((x) => x.id === id)
    if (!s) throw new StoreError(`no scan ${id} in ${store.where} (sphere history lists them)`)
    return s
  }
  if (ids.length === 2) return [byId(ids[0]!), byId(ids[1]!)]
  if (ids.length === 1) {
    const a = byId(ids[0]!)
    const later = scans.filter(
      (s) => s.scopeSet === a.scopeSet && s.id !== a.id && s.startedAt >= a.startedAt,
    )
    const b = later[later.length - 1]
    if (!b)
      throw new StoreError(`no later scan of the same scopes as scan ${a.id} in ${store.where}`)
    return [a, b]
  }
  const b = scans[scans.length - 1]
  const a = b && scans.filter((s) => s.scopeSet === b.scopeSet && s.id !== b.id).pop()
  if (!b || !a)
    throw new StoreError(
      `${store.where} holds ${scans.length === 0 ? 'no scans' : 'no two scans of the same scopes'}; run sphere scan --store twice, or name two scans or JSON reports`,
    )
  return [a, b]
}

export default defineCommand({
  name: 'diff',
  summary: 'Compare two scans: new failures, fixed, still failing, status and duty changes',
  usage:
    'sphere diff [A] [B] [--format text|json|markdown] [--fail-on-new SEVERITY] [--db FILE|URL]',
  help: `Compares two scans by finding fingerprint. A and B are stored scan ids (sphere history) or JSON
reports (sphere scan --format json). Without arguments: the last two stored scans of the same
scopes; with one id: that scan and the latest scan of the same scopes.

Sections: new failures (fail now, not before), fixed (failed before, pass / not applicable now, or
the resource is gone), still failing (counted in text), other status changes (e.g. pass → error,
fail → muted) and duty status changes (organisation and per scope).

Options:
  --format <fmt>           ${DIFF_FORMATS.join(', ')} (default text); JSON has one key per section,
                           each finding as in the JSON report (docs/store.md)
  --fail-on-new <severity> exit 1 when a new failure is at or above: ${SEVERITIES.join(', ')}
${DB_HELP}
  -h, --help               show this help

Exit codes: 0 compared (and no new failure at or above --fail-on-new); 1 new failures at or
above --fail-on-new; 2 usage error, unreadable report, no such scan or no store.

Examples:
  sphere diff
  sphere diff 12 15 --format markdown
  sphere diff before.json after.json --fail-on-new high`,
  options: {
    format: { type: 'string' },
    'fail-on-new': { type: 'string' },
    db: { type: 'string' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const format = oneOf('format', values.format, DIFF_FORMATS) ?? 'text'
    const failOnNew = oneOf('fail-on-new', values['fail-on-new'], SEVERITIES)
    if (positionals.length > 2)
      throw new UsageError(`expected at most two scans, got ${positionals.length}`)
    const isId = (a: string) => /^\d+$/.test(a)
    const files = positionals.filter((a) => !isId(a)).map((a) => resolve(io.cwd, a))
    for (const f of files)
      if (!existsSync(f)) throw new UsageError(`"${f}" is neither a scan id nor a file`)
    let d: ScanDiff
    if (files.length === 2) {
      d = diffScans(readReportSide(files[0]!), readReportSide(files[1]!))
    } else if (files.length === 1) {
      throw new UsageError('compare two JSON reports, or two stored scans (ids)')
    } else {
      const store = await openStore(storeSpec(values.db, io))
      try {
        const [a, b] = await pickScans(store, positionals.map(Number))
        d = (await diffStored(store.db, a, b, { stillFailing: true })).diff
      } finally {
        await store.close()
      }
    }
    io.stdout.write(renderDiff(d, format))
    if (failOnNew && newFailuresAtOrAbove(d, failOnNew).length > 0) return EXIT.findings
    return EXIT.ok
  },
})
