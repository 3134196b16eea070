/**
 * End-of-support data of operating systems (`os-eol.yaml`: Linux distributions and Windows Server):
 * schema, loader and lookup. Kept free of cloud notions so the in-VM host checks can use it with
 * `/etc/os-release` values.
 * @module
 */
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { InputError, type InputIssue } from '../model/input-error.ts'
import { readYamlFile } from '../model/yaml-file.ts'

/** The shipped data file. */
export const DEFAULT_OS_EOL_FILE = fileURLToPath(new URL('./os-eol.yaml', import.meta.url))

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD (quoted)')
const text = z.string().trim().min(1)

const Release = z.strictObject({
  version: z
    .string()
    .regex(
      /^\d+(\.\d+)*(-r2)?(-sp\d+)?$/,
      'expected a version like 12, 22.04, 22.03-sp4 or 2012-r2',
    ),
  codename: z.string().optional(),
  eol: day.nullable(),
  extendedEol: day.nullable().optional(),
  uncertain: z.boolean().optional(),
  note: text.optional(),
})

/** Schema of `os-eol.yaml`. */
export const OsEolFile = z.strictObject({
  products: z.array(
    z.strictObject({
      distro: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a lower-case id'),
      name: text,
      source: text,
      url: z.url().nullable(),
      retrieved: day,
      standard: text,
      extended: text.optional(),
      /** A rolling release (Fedora CoreOS): no release has an end date; `releases` stays empty. */
      rolling: z.boolean().optional(),
      releases: z.array(Release),
    }),
  ),
})

/** An OS and release, as detected from an image or read from `/etc/os-release`. */
export interface OsId {
  /** Our distro id, e.g. `ubuntu`, `rhel`, `openeuler`, `windows-server`, `fedora-coreos`. */
  distro: string
  /**
   * Version as detected, e.g. `22.04`, `7.9`, `15.5`, `22.03-sp3`, `2012-r2`; `rolling` for a
   * rolling release whose image names none.
   */
  version: string
}

/** One release's support dates, with where they come from. */
export interface OsRelease {
  distro: string
  /** The product's display name. */
  name: string
  /** The release cycle the lookup matched (`7` for a detected `7.9`). */
  version: string
  eol: string | null
  extendedEol: string | null
  /** What the product's extended phase is (`Ubuntu ESM …`), null when it has none. */
  extended: string | null
  uncertain: boolean
  /** A rolling release: judged by its updates, never by a date (phase `rolling`). */
  rolling: boolean
  note: string | null
  source: string
  url: string | null
  retrieved: string
}

/**
 * Where a release stands on a day; `rolling` for a rolling release, which has no end date and
 * is supported only while it keeps updating itself.
 */
export type SupportPhase = 'standard' | 'extended' | 'ended' | 'unknown' | 'rolling'

type Product = z.output<typeof OsEolFile>['products'][number]
type ReleaseData = z.output<typeof Release>

function release(p: Product, r: Pick<ReleaseData, 'version'> & Partial<ReleaseData>): OsRelease {
  return {
    distro: p.distro,
    name: p.name,
    version: r.version,
    eol: r.eol ?? null,
    extendedEol: r.extendedEol ?? null,
    extended: p.extended ?? null,
    uncertain: r.uncertain ?? false,
    rolling: p.rolling ?? false,
    note: r.note ?? null,
    source: p.source,
    url: p.url,
    retrieved: p.retrieved,
  }
}

/** Loaded end-of-support data. */
export class OsLifecycle {
  private readonly releases = new Map<string, OsRelease>()
  private readonly rolling = new Map<string, Product>()

  constructor(readonly data: z.output<typeof OsEolFile>) {
    for (const p of data.products) {
      if (p.rolling) this.rolling.set(p.distro, p)
      for (const r of p.releases) this.releases.set(`${p.distro} ${r.version}`, release(p, r))
    }
  }

  /**
   * The release matching `os`, trying the exact version first and then shorter ones
   * (`22.03-sp3` → `22.03`, `7.9` → `7`, `12.0.0` → `12.0` → `12`, `2012-r2` → `2012`). Any
   * version of a rolling product matches it. Null if none matches.
   */
  lookup(os: OsId): OsRelease | null {
    const rolling = this.rolling.get(os.distro)
    if (rolling) return release(rolling, { version: os.version })
    let v = os.version.toLowerCase()
    for (;;) {
      const hit = this.releases.get(`${os.distro} ${v}`)
      if (hit) return hit
      const cut = Math.max(v.lastIndexOf('-'), v.lastIndexOf('.'))
      if (cut <= 0) return null
      v = v.slice(0, cut)
    }
  }
}

/**
 * A release as people write it: `Microsoft Windows Server 2012 R2`, `openEuler 22.03 SP3`.
 * @example
 * releaseLabel(lifecycle.lookup({ distro: 'ubuntu', version: '24.04' })!) // 'Ubuntu 24.04'
 */
export function releaseLabel(release: Pick<OsRelease, 'name' | 'version'>): string {
  const v = release.version.replace(/-r2\b/i, ' R2').replace(/-sp(\d+)$/i, ' SP$1')
  return `${release.name} ${v}`
}

/** The dates and source of `release` as a finding's evidence carries them. */
export function lifecycleDates(release: Pick<OsRelease, 'eol' | 'extendedEol' | 'source'>): {
  eol: string | null
  extendedEol: string | null
  lifecycleSource: string
} {
  return { eol: release.eol, extendedEol: release.extendedEol, lifecycleSource: release.source }
}

/** Where `release` stands on `now`'s day (UTC); a release is supported on its `eol` day. */
export function supportPhase(release: OsRelease, now: Date): SupportPhase {
  if (release.rolling) return 'rolling'
  if (release.eol === null) return 'unknown'
  const today = now.toISOString().slice(0, 10)
  if (today <= release.eol) return 'standard'
  if (release.extendedEol && today <= release.extendedEol) return 'extended'
  return 'ended'
}

function crossCheck(data: z.output<typeof OsEolFile>): InputIssue[] {
  const issues: InputIssue[] = []
  const distros = new Set<string>()
  data.products.forEach((p, i) => {
    if (distros.has(p.distro))
      issues.push({ path: `products[${i}].distro`, message: `duplicate "${p.distro}"` })
    distros.add(p.distro)
    if (p.rolling && p.releases.length > 0)
      issues.push({
        path: `products[${i}].releases`,
        message: 'a rolling product lists no releases',
      })
    if (!p.rolling && p.releases.length === 0)
      issues.push({ path: `products[${i}].releases`, message: 'expected at least one release' })
    const seen = new Set<string>()
    p.releases.forEach((r, j) => {
      const path = `products[${i}].releases[${j}]`
      if (seen.has(r.version)) issues.push({ path, message: `duplicate version "${r.version}"` })
      seen.add(r.version)
      if (r.eol && r.extendedEol && r.extendedEol < r.eol)
        issues.push({ path: `${path}.extendedEol`, message: 'earlier than eol' })
      if (r.eol === null && !r.uncertain)
        issues.push({
          path: `${path}.uncertain`,
          message: 'an unknown eol must be marked uncertain',
        })
    })
  })
  return issues
}

/**
 * Reads and validates an end-of-support file.
 * @throws {InputError} naming the file and the path of every problem
 */
export function loadOsLifecycle(file: string = DEFAULT_OS_EOL_FILE): OsLifecycle {
  const data = readYamlFile(file, OsEolFile)
  const issues = crossCheck(data)
  if (issues.length > 0) throw new InputError(file, issues)
  return new OsLifecycle(data)
}

let shipped: OsLifecycle | undefined

/** The shipped data, loaded once on first use. */
export function defaultOsLifecycle(): OsLifecycle {
  shipped ??= loadOsLifecycle()
  return shipped
}
