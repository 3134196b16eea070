/**
 * The compliance view: a pure function from a scan's findings (and its checks and collection
 * issues) to every criterion of one framework with its status for one service model. A criterion
 * the provider owns is `inherited` and names the attestations; one with a customer share is judged
 * on the checks that evidence it (`not_met` on any failing resource, `unknown` on an error verdict
 * or a collection issue touching a check's data, `manual` where a person must bring evidence) and
 * `met` only when at least one resource passed and nothing else is open.
 * @module
 */
import type { ScopeRef } from '../inventory/scope.ts'
import { evidenceChecks } from './mapping.ts'
import type { Attestation, Framework, ModelId, Owner } from './schema.ts'

/** Status of one criterion. */
export const CRITERION_STATUSES = ['not_met', 'unknown', 'manual', 'met', 'inherited'] as const
export type CriterionStatus = (typeof CRITERION_STATUSES)[number]

/** What the view reads of a finding (a scan result's or a JSON report's). */
export interface ComplianceFinding {
  readonly checkId: string
  readonly status: string
  readonly scope: ScopeRef
  readonly resource: {
    readonly type: string
    readonly id: string
    readonly name: string
    readonly region: string
  }
  readonly message: string
}

/** What the view reads of a scan: a `ScanResult` and a parsed JSON report both fit. */
export interface ComplianceInput {
  readonly findings: readonly ComplianceFinding[]
  readonly checks: readonly {
    readonly id: string
    readonly title: string
    readonly duty: string
    readonly resourceType: string
    readonly requires: readonly string[]
    readonly references: readonly string[]
  }[]
  readonly issues: readonly {
    readonly resourceType: string
    readonly scope: ScopeRef
    readonly message: string
  }[]
}

/** Finding counts of one check under one criterion. */
export interface CheckTally {
  readonly id: string
  readonly title: string
  readonly duty: string
  /** False when the scan did not run this check (`--checks`, `--duty`). */
  readonly ran: boolean
  readonly pass: number
  readonly fail: number
  readonly error: number
  readonly manual: number
  readonly muted: number
  readonly notApplicable: number
}

/** A resource that fails a check of the criterion. */
export interface FailingResource {
  readonly checkId: string
  readonly scope: ScopeRef
  readonly resource: ComplianceFinding['resource']
  readonly message: string
}

/** One criterion as the view shows it. */
export interface CriterionResult {
  readonly id: string
  readonly domain: string
  readonly title: string
  readonly owner: Owner
  readonly status: CriterionStatus
  /** Why, in one sentence. */
  readonly reason: string
  readonly customerPart: string | null
  readonly duties: readonly string[]
  readonly checks: readonly CheckTally[]
  readonly failing: readonly FailingResource[]
  /** Evidence the customer must bring (a procedure, a record). */
  readonly manualEvidence: string | null
  readonly providerPart: string | null
  readonly attestations: readonly string[]
  /** Customer duties that mirror a provider criterion in the customer's own scope. */
  readonly analogue: readonly string[]
}

/** The whole view of one framework. */
export interface ComplianceView {
  readonly framework: Pick<
    Framework,
    'id' | 'name' | 'title' | 'version' | 'publisher' | 'unit' | 'referencePrefix'
  >
  readonly model: ModelId
  /** What the scan covered and when it was evaluated. */
  readonly source: ComplianceSource
  readonly domains: readonly {
    readonly id: string
    readonly title: string
    readonly counts: Record<CriterionStatus, number>
  }[]
  readonly counts: Record<CriterionStatus, number>
  readonly criteria: readonly CriterionResult[]
  readonly attestations: readonly Attestation[]
}

/** What the scanned data was: `4 projects in 2 regions of 1 cloud`, evaluated at. */
export interface ComplianceSource {
  readonly subject: string
  readonly evaluatedAt: string
}

/** Zero for every status. */
export function emptyCriterionCounts(): Record<CriterionStatus, number> {
  return { not_met: 0, unknown: 0, manual: 0, met: 0, inherited: 0 }
}

type Tally = { -readonly [K in keyof CheckTally]: CheckTally[K] }

function tallies(
  ids: readonly string[],
  input: ComplianceInput,
  byCheck: Map<string, ComplianceFinding[]>,
) {
  const info = new Map(input.checks.map((c) => [c.id, c]))
  return ids.map((id) => {
    const c = info.get(id)
    const t: Tally = {
      id,
      title: c?.title ?? id,
      duty: c?.duty ?? '',
      ran: c !== undefined,
      pass: 0,
      fail: 0,
      error: 0,
      manual: 0,
      muted: 0,
      notApplicable: 0,
    }
    for (const f of byCheck.get(id) ?? []) {
      if (f.status === 'not_applicable') t.notApplicable++
      else if (f.status in t) (t[f.status as 'pass'] as number)++
    }
    return t
  })
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`
}

/** Status and reason of a criterion with a customer share. */
function judge(
  checks: readonly CheckTally[],
  issues: number,
  manualEvidence: string | null,
): [CriterionStatus, string] {
  const sum = (k: 'pass' | 'fail' | 'error' | 'manual' | 'muted') =>
    checks.reduce((n, t) => n + t[k], 0)
  const notRun = checks.filter((t) => !t.ran).map((t) => t.id)
  if (sum('fail') > 0) {
    const failing = checks.filter((t) => t.fail > 0).map((t) => t.id)
    return ['not_met', `${plural(sum('fail'), 'failing resource')} (${failing.join(', ')})`]
  }
  if (sum('error') > 0 || issues > 0) {
    const parts = [
      sum('error') > 0 && `${plural(sum('error'), 'check result')} could not be evaluated`,
      issues > 0 && `${plural(issues, 'collection issue')} touch the checks' data`,
    ].filter(Boolean)
    return ['unknown', parts.join('; ')]
  }
  if (checks.length === 0)
    return ['manual', 'no check can show this; the customer brings the evidence listed']
  if (sum('manual') > 0)
    return [
      'manual',
      `${plural(sum('manual'), 'resource')} need evidence a person supplies (e.g. host reports)`,
    ]
  if (notRun.length > 0 && sum('pass') === 0)
    return ['unknown', `the scan did not run ${notRun.join(', ')}`]
  if (sum('pass') === 0)
    return manualEvidence
      ? ['manual', 'no resource in scope for the checks; the customer brings the evidence listed']
      : ['unknown', 'no resource in scope was evaluated by the checks']
  if (notRun.length > 0) return ['unknown', `the scan did not run ${notRun.join(', ')}`]
  const muted = sum('muted')
  return [
    'met',
    `${plural(sum('pass'), 'passing resource')}${muted > 0 ? `, ${muted} muted` : ''}${manualEvidence ? '; bring the manual evidence too' : ''}`,
  ]
}

/**
 * Builds the view of `framework` for `model` from a scan.
 * @param attestations every attestation, for the titles the view names
 * @param registry every check Sphere has, so that checks the scan did not run show as not run
 */
export function evaluateCompliance(
  framework: Framework,
  model: ModelId,
  input: ComplianceInput,
  attestations: readonly Attestation[],
  source: ComplianceSource,
  registry: readonly { readonly id: string; readonly references: readonly string[] }[] = [],
): ComplianceView {
  // Checks cite criteria: the scan's own, and the registry's (a check the scan did not run is
  // then shown as not run rather than silently left out).
  const citing = [
    ...input.checks,
    ...registry.filter((k) => !input.checks.some((c) => c.id === k.id)),
  ]
  const byCheck = new Map<string, ComplianceFinding[]>()
  for (const f of input.findings) {
    const list = byCheck.get(f.checkId)
    if (list) list.push(f)
    else byCheck.set(f.checkId, [f])
  }
  const checkInfo = new Map(input.checks.map((c) => [c.id, c]))
  const criteria = framework.criteria.map((c): CriterionResult => {
    const owner = c.owner[model]
    const common = {
      id: c.id,
      domain: c.domain,
      title: c.title,
      owner,
      providerPart: c.provider?.part ?? null,
      attestations: c.provider?.attestations ?? [],
      analogue: c.analogue,
    }
    if (owner === 'provider' || !c.customer) {
      return {
        ...common,
        status: 'inherited',
        reason: `the provider owns this in ${model}; its attestations cover it`,
        customerPart: null,
        duties: [],
        checks: [],
        failing: [],
        manualEvidence: null,
      }
    }
    const ids = evidenceChecks(framework, c, citing)
    const checks = tallies(ids, input, byCheck)
    const types = new Set(
      ids.flatMap((id) => {
        const k = checkInfo.get(id)
        return k ? [k.resourceType, ...k.requires] : []
      }),
    )
    const issues = input.issues.filter((i) => types.has(i.resourceType)).length
    const manualEvidence = c.customer.manual ?? null
    const [status, reason] = judge(checks, issues, manualEvidence)
    const failing = ids.flatMap((id) =>
      (byCheck.get(id) ?? [])
        .filter((f) => f.status === 'fail')
        .map((f) => ({ checkId: id, scope: f.scope, resource: f.resource, message: f.message })),
    )
    return {
      ...common,
      status,
      reason,
      customerPart: c.customer.part,
      duties: c.customer.duties,
      checks,
      failing,
      manualEvidence,
    }
  })
  const counts = emptyCriterionCounts()
  for (const c of criteria) counts[c.status]++
  const domains = framework.domains.map((d) => {
    const dc = emptyCriterionCounts()
    for (const c of criteria) if (c.domain === d.id) dc[c.status]++
    return { id: d.id, title: d.title, counts: dc }
  })
  const used = new Set(criteria.flatMap((c) => c.attestations))
  const { id, name, title, version, publisher, unit, referencePrefix } = framework
  return {
    framework: { id, name, title, version, publisher, unit, referencePrefix },
    model,
    source,
    domains,
    counts,
    criteria,
    attestations: attestations.filter((a) => used.has(a.id)),
  }
}
