/**
 * Loads the compliance frameworks from their data files, validates each against its schema and
 * cross-checks it: every domain declared with its count and every criterion in a declared domain,
 * ids unique and prefixed by their domain, a customer part exactly where a model gives the customer
 * a share and a provider part where the provider has one, attestations and duties that exist.
 * Every problem names the file, the path in it and what was expected (as the responsibility model).
 * @module
 */
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { InputError, type InputIssue } from '../model/input-error.ts'
import { readYamlFile } from '../model/yaml-file.ts'
import { ATTESTATIONS_FILE, FRAMEWORK_FILES } from './registry.ts'
import {
  type Attestation,
  AttestationsFile,
  type Criterion,
  type Framework,
  FrameworkFile,
  MODEL_IDS,
} from './schema.ts'

/** The folder holding the shipped data files. */
export const COMPLIANCE_DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url))

/** What the loader checks references against (the responsibility model's duties, the checks). */
export interface KnownIds {
  readonly duties?: ReadonlySet<string>
  readonly checks?: ReadonlySet<string>
}

/** Every framework and the attestations they cite. */
export interface ComplianceData {
  readonly attestations: readonly Attestation[]
  readonly frameworks: readonly Framework[]
}

function unknown(id: string, valid: Iterable<string>, what: string): string {
  return `unknown ${what} "${id}"; expected one of: ${[...valid].join(', ')}`
}

/** Reads `attestations.yaml`. */
export function loadAttestations(dir: string = COMPLIANCE_DATA_DIR): Attestation[] {
  const file = join(dir, ATTESTATIONS_FILE)
  const { attestations } = readYamlFile(file, AttestationsFile)
  const seen = new Set<string>()
  const issues: InputIssue[] = []
  attestations.forEach((a, i) => {
    if (seen.has(a.id))
      issues.push({ path: `attestations[${i}].id`, message: `duplicate id "${a.id}"` })
    seen.add(a.id)
  })
  if (issues.length > 0) throw new InputError(file, issues)
  return attestations
}

function criterionIssues(
  c: Criterion,
  base: string,
  attestations: ReadonlySet<string>,
  known: KnownIds,
): InputIssue[] {
  const issues: InputIssue[] = []
  const owners = MODEL_IDS.map((m) => c.owner[m])
  const customerShare = owners.some((o) => o !== 'provider')
  const providerShare = owners.some((o) => o !== 'customer')
  if (!c.id.startsWith(`${c.domain}-`))
    issues.push({
      path: `${base}.id`,
      message: `expected an id of domain ${c.domain}, like ${c.domain}-01`,
    })
  if (customerShare && !c.customer)
    issues.push({
      path: `${base}.customer`,
      message: 'missing: the customer has a share in some model; say what it is',
    })
  if (!customerShare && c.customer)
    issues.push({
      path: `${base}.customer`,
      message: 'the provider owns this in every model; a customer part belongs in `analogue`',
    })
  if (providerShare && !c.provider)
    issues.push({
      path: `${base}.provider`,
      message: 'missing: the provider has a share; name the attestations that cover it',
    })
  if (
    c.customer &&
    c.customer.duties.length === 0 &&
    c.customer.checks.length === 0 &&
    !c.customer.manual
  )
    issues.push({
      path: `${base}.customer`,
      message: 'expected duties, checks or the manual evidence the customer must bring',
    })
  c.provider?.attestations.forEach((a, j) => {
    if (!attestations.has(a))
      issues.push({
        path: `${base}.provider.attestations[${j}]`,
        message: unknown(a, attestations, 'attestation'),
      })
  })
  const duties = known.duties
  if (duties) {
    for (const [key, list] of [
      ['customer.duties', c.customer?.duties ?? []],
      ['analogue', c.analogue],
    ] as const)
      list.forEach((d, j) => {
        if (!duties.has(d))
          issues.push({ path: `${base}.${key}[${j}]`, message: unknown(d, duties, 'duty') })
      })
  }
  const checks = known.checks
  if (checks)
    c.customer?.checks.forEach((k, j) => {
      if (!checks.has(k))
        issues.push({
          path: `${base}.customer.checks[${j}]`,
          message: `unknown check "${k}" (see sphere checks)`,
        })
    })
  return issues
}

/**
 * Reads and validates one framework file.
 * @throws {InputError} naming the file and the path of every problem
 */
export function loadFrameworkFile(
  file: string,
  attestations: readonly Attestation[],
  known: KnownIds = {},
): Framework {
  const doc = readYamlFile(file, FrameworkFile)
  const issues: InputIssue[] = []
  const domains = new Map(doc.framework.domains.map((d) => [d.id, d]))
  const attIds = new Set(attestations.map((a) => a.id))
  const seen = new Set<string>()
  const perDomain = new Map<string, number>()
  const criteria: Criterion[] = doc.criteria.map((raw, i) => {
    const base = `criteria[${i}]`
    const c: Criterion = {
      id: raw.id,
      domain: raw.domain,
      title: raw.title,
      owner: raw.owner,
      lite: raw.lite ?? false,
      customer: raw.customer ? { ...raw.customer, checks: raw.customer.checks ?? [] } : null,
      provider: raw.provider ?? null,
      analogue: raw.analogue ?? [],
    }
    if (seen.has(c.id)) issues.push({ path: `${base}.id`, message: `duplicate id "${c.id}"` })
    seen.add(c.id)
    if (!domains.has(c.domain))
      issues.push({ path: `${base}.domain`, message: unknown(c.domain, domains.keys(), 'domain') })
    perDomain.set(c.domain, (perDomain.get(c.domain) ?? 0) + 1)
    issues.push(...criterionIssues(c, base, attIds, known))
    return c
  })
  doc.framework.domains.forEach((d, i) => {
    const n = perDomain.get(d.id) ?? 0
    if (n !== d.count)
      issues.push({
        path: `framework.domains[${i}].count`,
        message: `domain ${d.id} declares ${d.count} entries but ${n} are listed`,
      })
  })
  if (issues.length > 0) throw new InputError(file, issues)
  const { dutyReferences, ...fw } = doc.framework
  return { ...fw, ...(dutyReferences ? { dutyReferences } : {}), criteria }
}

/**
 * Reads every registered framework and the attestations.
 * @throws {InputError} naming the file and the path of every problem
 */
export function loadCompliance(
  dir: string = COMPLIANCE_DATA_DIR,
  known: KnownIds = {},
): ComplianceData {
  const attestations = loadAttestations(dir)
  const frameworks = FRAMEWORK_FILES.map(({ id, file }) => {
    const fw = loadFrameworkFile(join(dir, file), attestations, known)
    if (fw.id !== id)
      throw new InputError(join(dir, file), [
        { path: 'framework.id', message: `expected "${id}" (the id registered for this file)` },
      ])
    return fw
  })
  return { attestations, frameworks }
}
