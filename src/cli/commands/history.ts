/**
 * `sphere history`: the scans in the store (date, scopes, duties, fails by severity), and
 * `sphere history prune --keep 90d`.
 * @module
 */
import { SEVERITIES } from '../../checks/define.ts'
import { scopeLabel } from '../../inventory/scope.ts'
import { safeText } from '../../reports/_terminal.ts'
import type { ScanRow } from '../../store/read.ts'
import { durationFlag } from '../_duration.ts'
import { DB_HELP, openStore, storeSpec } from '../_store.ts'
import { defineCommand, EXIT, oneOf, UsageError } from '../command.ts'

const SCOPES_SHOWN = 3

function scopesText(s: ScanRow): string {
  const names = s.scopes.map(scopeLabel).sort()
  const more = names.length - SCOPES_SHOWN
  return `${names.slice(0, SCOPES_SHOWN).join(', ')}${more > 0 ? ` +${more} more` : ''}`
}

/** The scans as a table, oldest first. */
export function historyText(scans: readonly ScanRow[], where: string): string {
  if (scans.length === 0)
    return `No scans stored in ${where} yet (sphere scan --store saves one).\n`
  const head = `${'id'.padStart(5)}  ${'started (UTC)'.padEnd(20)}  duties met/not met/unknown  fails crit/high/med/low/info  scopes`
  const lines = scans.map((s) => {
    const d = s.summary.duties
    const f = s.summary.failsBySeverity
    return `${String(s.id).padStart(5)}  ${s.startedAt.replace('T', ' ').slice(0, 19).padEnd(20)}  ${`${d.met}/${d.not_met}/${d.unknown}`.padEnd(26)}  ${SEVERITIES.map(
      (x) => f[x],
    )
      .join('/')
      .padEnd(28)}  ${safeText(scopesText(s))}`
  })
  return `${[`Scans in ${safeText(where)}:`, head, ...lines].join('\n')}\n`
}

export default defineCommand({
  name: 'history',
  summary: 'List the scans in the history store; prune old ones',
  usage: 'sphere history [--format text|json] [--db FILE|URL] | sphere history prune --keep 90d',
  help: `Lists every stored scan (sphere scan --store), oldest first: its id (for sphere diff), when it
started, the duties met / not met / unknown, non-muted fails by severity and the scopes it covered.

Options:
  --format <text|json>     text (default) or JSON (one object per scan)
${DB_HELP}
  --keep <duration>        with prune: keep the scans of this long (90d, 12h, 2w), delete older
  -h, --help               show this help

Examples:
  sphere history
  sphere history --format json --db postgres://sphere@db.example/sphere
  sphere history prune --keep 90d`,
  options: {
    format: { type: 'string' },
    db: { type: 'string' },
    keep: { type: 'string' },
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const [sub, ...extra] = positionals
    if (extra.length > 0 || (sub !== undefined && sub !== 'prune'))
      throw new UsageError(
        `unexpected argument "${positionals.join(' ')}"; the only subcommand is prune`,
      )
    if (sub !== 'prune' && values.keep !== undefined)
      throw new UsageError('--keep belongs to sphere history prune')
    const format = oneOf('format', values.format, ['text', 'json'] as const) ?? 'text'
    const keepMs = sub === 'prune' ? durationFlag('keep', values.keep) : undefined
    const store = await openStore(storeSpec(values.db, io))
    try {
      if (keepMs !== undefined) {
        const cutoff = new Date(Date.now() - keepMs)
        const n = await store.prune(cutoff)
        io.stdout.write(
          `deleted ${n} scan${n === 1 ? '' : 's'} started before ${cutoff.toISOString()}\n`,
        )
        return EXIT.ok
      }
      const scans = await store.scans()
      io.stdout.write(
        format === 'json' ? `${JSON.stringify(scans, null, 2)}\n` : historyText(scans, store.where),
      )
      return EXIT.ok
    } finally {
      await store.close()
    }
  },
})
