/**
 * Refreshes src/lifecycle/os-eol.yaml from local copies of the public data (no network):
 *   - endoflife.date: a checkout of github.com/endoflife-date/endoflife.date (its `products/` dir)
 *   - Debian distro-info-data: /usr/share/distro-info/{debian,ubuntu}.csv (apt install distro-info-data)
 *
 * Run:  node --import tsx scripts/refresh-os-eol.ts --endoflife ../endoflife.date/products \
 *         [--distro-info /usr/share/distro-info] [--today YYYY-MM-DD] [--write]
 * Without --write it prints the changes only. Review the diff and the `source` lines afterwards;
 * openEuler, EulerOS and HCE have no public machine-readable source and stay hand-curated, as does
 * Fedora CoreOS (a rolling release, no dates). Windows Server reads endoflife.date's
 * `windows-server.md` with mainstream support (`eoas`) as `eol` and extended support as `extendedEol`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { DEFAULT_OS_EOL_FILE, loadOsLifecycle } from '../src/lifecycle/os-eol.ts'
import {
  parseDistroInfo,
  parseEndoflife,
  REFRESH_SOURCES,
  refreshOsEol,
  type SourceRelease,
} from '../src/lifecycle/refresh.ts'

const { values } = parseArgs({
  options: {
    endoflife: { type: 'string' },
    'distro-info': { type: 'string', default: '/usr/share/distro-info' },
    file: { type: 'string', default: DEFAULT_OS_EOL_FILE },
    today: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    write: { type: 'boolean', default: false },
  },
})

const sources: Record<string, SourceRelease[]> = {}
for (const [distro, src] of Object.entries(REFRESH_SOURCES)) {
  const csv = src.distroInfo && join(values['distro-info']!, `${src.distroInfo}.csv`)
  const md = values.endoflife && join(values.endoflife, `${src.endoflife}.md`)
  if (csv && existsSync(csv))
    sources[distro] = parseDistroInfo(readFileSync(csv, 'utf8'), src.distroInfo!)
  else if (md && existsSync(md)) sources[distro] = parseEndoflife(readFileSync(md, 'utf8'), src)
  else console.error(`skip ${distro}: no ${md ?? '(no --endoflife given)'}`)
}

const file = values.file!
const { text, changes } = refreshOsEol(readFileSync(file, 'utf8'), sources, values.today!)
for (const c of changes) console.log(c)
console.log(`${changes.length} change(s) from ${Object.keys(sources).length} product(s)`)
if (values.write) {
  writeFileSync(file, text)
  loadOsLifecycle(file) // validates the result; throws naming the bad entry
  console.log(`wrote ${file}`)
}
