/**
 * End of support of the Kubernetes versions of CCE clusters (`cce-version-eol.yaml`): OTC's
 * published "EOS of CCE Clusters" months, per minor version, with their source.
 * @module
 */
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { InputError, type InputIssue } from '../model/input-error.ts'
import { readYamlFile } from '../model/yaml-file.ts'

/** The shipped data file. */
export const DEFAULT_CCE_VERSION_EOL_FILE = fileURLToPath(
  new URL('./cce-version-eol.yaml', import.meta.url),
)

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD (quoted)')

/** Schema of `cce-version-eol.yaml`. */
export const CceVersionEolFile = z.strictObject({
  source: z.string().min(1),
  url: z.url().nullable(),
  retrieved: day,
  versions: z.array(
    z.strictObject({
      version: z.string().regex(/^1\.\d+$/, 'expected a Kubernetes minor version like 1.30'),
      commercialUse: day.optional(),
      eos: day,
      verified: z.boolean(),
      note: z.string().min(1).optional(),
    }),
  ),
})

/** What the data says about one Kubernetes minor version on CCE. */
export interface CceVersionRelease {
  /** `1.30`. */
  version: string
  /** Last supported day. */
  eos: string
  verified: boolean
  note: string | null
  source: string
  retrieved: string
}

/**
 * The Kubernetes minor version of a CCE version string, or null when it names none:
 * `v1.30.4-r0` → `1.30`, `v1.7.3-r10` → `1.7`, `1.29` → `1.29`.
 */
export function kubernetesMinor(version: string): string | null {
  const m = /^\s*v?(\d+)\.(\d+)(?:[.-]|\s*$)/i.exec(version)
  return m ? `${Number(m[1])}.${Number(m[2])}` : null
}

/** The CCE Kubernetes lifecycle data. */
export class CceVersionLifecycle {
  constructor(private readonly data: z.output<typeof CceVersionEolFile>) {}

  /** The release of a CCE version string (`v1.30.4-r0`), or undefined when not in the data. */
  lookup(version: string): CceVersionRelease | undefined {
    const minor = kubernetesMinor(version)
    const r = minor === null ? undefined : this.data.versions.find((x) => x.version === minor)
    if (!r) return undefined
    return {
      version: r.version,
      eos: r.eos,
      verified: r.verified,
      note: r.note ?? null,
      source: this.data.source,
      retrieved: this.data.retrieved,
    }
  }
}

function crossCheck(data: z.output<typeof CceVersionEolFile>): InputIssue[] {
  const seen = new Set<string>()
  const issues: InputIssue[] = []
  data.versions.forEach((v, i) => {
    if (seen.has(v.version))
      issues.push({ path: `versions[${i}].version`, message: `duplicate "${v.version}"` })
    seen.add(v.version)
    if (v.commercialUse && v.commercialUse > v.eos)
      issues.push({ path: `versions[${i}].eos`, message: 'earlier than commercialUse' })
  })
  return issues
}

/** Reads and validates a CCE version lifecycle file. @throws {InputError} naming file and path */
export function loadCceVersionLifecycle(
  file: string = DEFAULT_CCE_VERSION_EOL_FILE,
): CceVersionLifecycle {
  const data = readYamlFile(file, CceVersionEolFile)
  const issues = crossCheck(data)
  if (issues.length > 0) throw new InputError(file, issues)
  return new CceVersionLifecycle(data)
}

let shipped: CceVersionLifecycle | undefined

/** The shipped data, loaded once on first use. */
export function defaultCceVersionLifecycle(): CceVersionLifecycle {
  shipped ??= loadCceVersionLifecycle()
  return shipped
}
