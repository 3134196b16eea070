/**
 * Refreshes `os-eol.yaml` from local copies of the public data: endoflife.date's
 * `products/<product>.md` front matter (MIT) and Debian's distro-info-data CSVs (ISC). Edits the
 * YAML document in place, so comments, order and hand-curated products (openEuler, EulerOS, HCE,
 * Fedora CoreOS) stay as they are. Used by `scripts/refresh-os-eol.ts`.
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

/** How one endoflife.date product page is read. */
export interface EndoflifeOptions {
  /**
   * The front-matter fields that give our `eol` and `extendedEol`. Default `eol` and
   * `eoes` / `extendedSupport`; Windows Server: `eoas` (end of mainstream support) and `eol`
   * (end of extended support), its Extended Security Updates (`eoes`) not counted.
   */
  fields?: { eol: string; extendedEol: readonly string[] }
  /** Release cycles to keep (Windows Server: the LTSC releases, not `23h2-ac` or `1809-sac`). */
  cycles?: RegExp
}

/** Where one of our distro ids is read from: an endoflife.date product, or a distro-info CSV. */
export interface RefreshSource extends EndoflifeOptions {
  endoflife: string
  distroInfo?: 'debian' | 'ubuntu'
}

/** Where each of our distro ids is read from. */
export const REFRESH_SOURCES: Record<string, RefreshSource> = {
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
  'windows-server': {
    endoflife: 'windows-server',
    // Security updates end with Extended Support (`eol`); paid ESU after it (`eoes`).
    fields: { eol: 'eol', extendedEol: ['eoes'] },
    cycles: /^\d{4}(-r2)?$/,
  },
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const date = (v: unknown): string | null => {
  const s = v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v : null
  return s && DAY.test(s) ? s : null
}

const DEFAULT_FIELDS = { eol: 'eol', extendedEol: ['eoes', 'extendedSupport'] } as const

/**
 * Releases from an endoflife.date product page: `eol` and `eoes` / `extendedSupport` unless
 * `o.fields` names others; only the cycles `o.cycles` matches, if given.
 */
export function parseEndoflife(markdown: string, o: EndoflifeOptions = {}): SourceRelease[] {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(markdown)
  if (!m) throw new Error('no YAML front matter')
  const data = parseYaml(m[1]!) as { releases?: Record<string, unknown>[] }
  const f = o.fields ?? DEFAULT_FIELDS
  return (data.releases ?? [])
    .map((r) => ({
      version: String(r.releaseCycle),
      eol: date(r[f.eol]),
      extendedEol: f.extendedEol.map((k) => date(r[k])).find((d) => d !== null) ?? null,
    }))
    .filter((r) => !o.cycles || o.cycles.test(r.version))
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
const byVersion = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true })

/** A new flow-style release entry (`eol: null` written out, marked uncertain). */
function newRelease(doc: Document, s: SourceRelease): YAMLMap {
  const node = doc.createNode({}) as YAMLMap
  node.flow = true
  node.set('version', quoted(s.version))
  node.set('eol', s.eol ? quoted(s.eol) : new Scalar(null))
  if (s.extendedEol) node.set('extendedEol', quoted(s.extendedEol))
  if (s.eol === null) node.set('uncertain', true)
  return node
}

/** Inserts `node` before the first release of a later version, so the list stays in order. */
function insertInOrder(items: unknown[], node: YAMLMap, version: string): void {
  const at = items.findIndex((r) => isMap(r) && byVersion(String(r.get('version')), version) > 0)
  items.splice(at < 0 ? items.length : at, 0, node)
}

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
      insertInOrder(seq.items, newRelease(doc, s), s.version)
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
