/**
 * Refreshes `os-eol.yaml` from local copies of the public data: endoflife.date's
 * `products/<product>.md` front matter (MIT) and Debian's distro-info-data CSVs (ISC). Edits the
 * YAML document in place, so comments, order and hand-curated products (openEuler, EulerOS, HCE)
 * stay as they are. Used by `scripts/refresh-os-eol.ts`.
 * @module
 */
import {
  type Document,
  isMap,
  isSeq,
  parseDocument,
  parse as parseYaml,
  Scalar,
  type YAMLMap,
} from 'yaml'

/** One release's dates as a source gives them. */
export interface SourceRelease {
  version: string
  eol: string | null
  extendedEol: string | null
}

/** Where each of our distro ids is read from (endoflife.date product, distro-info CSV). */
export const REFRESH_SOURCES: Record<
  string,
  { endoflife: string; distroInfo?: 'debian' | 'ubuntu' }
> = {
  debian: { endoflife: 'debian', distroInfo: 'debian' },
  ubuntu: { endoflife: 'ubuntu', distroInfo: 'ubuntu' },
  rhel: { endoflife: 'rhel' },
  centos: { endoflife: 'centos' },
  'centos-stream': { endoflife: 'centos-stream' },
  rocky: { endoflife: 'rocky-linux' },
  almalinux: { endoflife: 'almalinux' },
  ol: { endoflife: 'oracle-linux' },
  fedora: { endoflife: 'fedora' },
  sles: { endoflife: 'sles' },
  'opensuse-leap': { endoflife: 'opensuse' },
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const date = (v: unknown): string | null => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v : null
  return s && DAY.test(s) ? s : null
}

/** Releases from an endoflife.date product page (`eol`, `eoes` or `extendedSupport`). */
export function parseEndoflife(markdown: string): SourceRelease[] {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown)
  if (!m) throw new Error('no YAML front matter')
  const data = parseYaml(m[1]!) as { releases?: Record<string, unknown>[] }
  return (data.releases ?? []).map((r) => ({
    version: String(r.releaseCycle),
    eol: date(r.eol),
    extendedEol: date(r.eoes) ?? date(r.extendedSupport),
  }))
}

/** Releases from distro-info-data's `debian.csv` (eol, eol-lts) or `ubuntu.csv` (eol-server, eol-esm). */
export function parseDistroInfo(csv: string, kind: 'debian' | 'ubuntu'): SourceRelease[] {
  const [head, ...rows] = csv.trim().split('\n')
  const cols = head!.split(',')
  const at = (row: string[], name: string) => row[cols.indexOf(name)] || undefined
  return rows
    .map((l) => l.split(','))
    .filter((r) => /^\d/.test(r[0] ?? ''))
    .map((r) => ({
      version: r[0]!.replace(/ LTS$/, ''),
      eol: date(kind === 'ubuntu' ? (at(r, 'eol-server') ?? at(r, 'eol')) : at(r, 'eol')),
      extendedEol: date(kind === 'ubuntu' ? at(r, 'eol-esm') : at(r, 'eol-lts')),
    }))
}

const quoted = (v: string) => Object.assign(new Scalar(v), { type: Scalar.QUOTE_DOUBLE })

/** Applies one source's releases to a product map; returns what changed. */
function applyProduct(
  doc: Document,
  product: YAMLMap,
  releases: readonly SourceRelease[],
  today: string,
): string[] {
  const distro = String(product.get('distro'))
  const seq = product.get('releases', true)
  if (!isSeq(seq)) return []
  const changes: string[] = []
  const existing = new Map(
    seq.items.filter(isMap).map((r) => [String(r.get('version')), r as YAMLMap]),
  )
  const cutoff = `${Number(today.slice(0, 4)) - 5}${today.slice(4)}`
  for (const s of releases) {
    const r = existing.get(s.version)
    if (!r) {
      if (s.eol !== null && s.eol < cutoff) continue
      const node = doc.createNode({}) as YAMLMap
      node.flow = true
      node.set('version', quoted(s.version))
      node.set('eol', s.eol ? quoted(s.eol) : null)
      if (s.extendedEol) node.set('extendedEol', quoted(s.extendedEol))
      if (s.eol === null) node.set('uncertain', true)
      seq.items.push(node)
      changes.push(`${distro} ${s.version}: added (eol ${s.eol}, extended ${s.extendedEol})`)
      continue
    }
    for (const [key, value] of [
      ['eol', s.eol],
      ['extendedEol', s.extendedEol],
    ] as const) {
      const old = r.get(key) ?? null
      if (value === null || old === value) continue
      r.set(key, quoted(value))
      changes.push(`${distro} ${s.version}: ${key} ${old} → ${value}`)
    }
    // The source may list planned dates too, so a person decides whether `uncertain` can go.
    if (r.get('uncertain') && s.eol !== null)
      changes.push(
        `${distro} ${s.version}: review: the source now dates it, the file marks it uncertain`,
      )
  }
  product.set('retrieved', quoted(today))
  return changes
}

/**
 * Updates the text of `os-eol.yaml` with the given sources (our distro id → releases), setting
 * `retrieved` to `today` on every product refreshed. Releases the sources do not list stay.
 * @example
 * const { text, changes } = refreshOsEol(readFileSync(file, 'utf8'), { rhel: parseEndoflife(md) }, '2026-11-27')
 */
export function refreshOsEol(
  yamlText: string,
  sources: Readonly<Record<string, readonly SourceRelease[]>>,
  today: string,
): { text: string; changes: string[] } {
  const doc = parseDocument(yamlText)
  const products = doc.get('products', true)
  if (!isSeq(products)) throw new Error('os-eol.yaml has no products list')
  const changes: string[] = []
  for (const p of products.items) {
    if (!isMap(p)) continue
    const releases = sources[String(p.get('distro'))]
    if (releases) changes.push(...applyProduct(doc, p, releases, today))
  }
  return { text: doc.toString({ lineWidth: 0 }), changes }
}
