/**
 * SARIF 2.1.0 for GitHub code scanning. By default the results are the `fail` and `error`
 * findings (`--status` chooses others): a fail is a result of kind `fail` with a level from its
 * severity; an error (the check could not be evaluated) is of kind `open`; `manual` is `review`;
 * muted findings keep their result with an accepted external suppression. Every result has a
 * physical location (GitHub needs one): `--sarif-location FILE`, else a stable URI per scope
 * (`sphere/<cloud>/<region>/<project>`, `sphere/<cloud>/account/<domain>`), and the resource as a
 * logical location. Collection issues and scan notes are tool execution notifications. When the
 * results would pass GitHub's limits (25,000 results per run, 10 MB gzipped), they are grouped:
 * one result per check, scope and status with the resources in its properties ({@link planSarif}).
 * @module
 */
import { gzipSync } from 'node:zlib'
import type { ComplianceView } from '../compliance/evaluate.ts'
import { criteriaByCheck } from '../compliance/mapping.ts'
import type { CheckInfo, Finding, FindingStatus, ScanResult } from '../engine/types.ts'
import { type ScopeRef, scopeKey, scopeLabel } from '../inventory/scope.ts'
import { batched, joinChunks } from './_chunks.ts'
import { type FindingFilter, selectFindings } from './_filter.ts'
import {
  NOTIFICATIONS,
  type NotificationId,
  notificationDescriptors,
  SARIF_LEVEL,
  sarifRule,
} from './_sarif-rules.ts'

export { SARIF_LEVEL, SECURITY_SEVERITY } from './_sarif-rules.ts'

/** The key of our fingerprint in `partialFingerprints` (grouped results: {@link GROUP_KEY}). */
export const FINGERPRINT_KEY = 'sphereFinding/v2'
/** The key of a grouped result's fingerprint: check, scope and status. */
export const GROUP_KEY = 'sphereGroup/v1'

/** GitHub code scanning's documented limits on an uploaded SARIF file. */
export const GITHUB_LIMITS = {
  runsPerFile: 20,
  resultsPerRun: 25_000,
  rulesPerRun: 25_000,
  locationsPerResult: 1_000,
  tagsPerRule: 20,
  /** The gzip-compressed file. */
  gzipBytes: 10 * 1024 * 1024,
} as const

/** Statuses written when `--status` does not say. */
export const SARIF_DEFAULT_STATUSES: readonly FindingStatus[] = ['fail', 'error']

/** Options of {@link renderSarif}. */
export interface SarifOptions {
  /** `--severity` and `--status` (statuses default to {@link SARIF_DEFAULT_STATUSES}). */
  filter?: FindingFilter
  /** `--sarif-location`: the artifact URI of every result, relative to the repository root. */
  location?: string
  /** Limits to group at (tests); default GitHub's. */
  limits?: { resultsPerRun: number; gzipBytes: number }
  /** A plan made beforehand (the CLI makes it to tell the user); default {@link planSarif}. */
  plan?: SarifPlan
  /** Compliance views (`sphere scan --compliance`): each rule's `properties.compliance`. */
  compliance?: readonly ComplianceView[]
}

/** Whether the results are grouped, and why. */
export interface SarifPlan {
  /** Findings the file covers. */
  readonly findings: number
  /** Results written. */
  readonly results: number
  readonly grouped: boolean
  /** Why they are grouped, in words, when they are. */
  readonly reason?: string
  /** The gzip-compressed size of one result per finding, when it was measured. */
  readonly gzipBytes?: number
}

/** The stable artifact URI of a scope. */
export function scopeUri(s: ScopeRef): string {
  const e = encodeURIComponent
  return s.kind === 'account'
    ? `sphere/${e(s.cloud)}/account/${e(s.projectName || s.projectId)}`
    : `sphere/${e(s.cloud)}/${e(s.region)}/${e(s.projectName || s.projectId)}`
}

function listed(r: ScanResult, filter: FindingFilter | undefined): readonly Finding[] {
  return selectFindings(r.findings, {
    ...filter,
    statuses: filter?.statuses ?? SARIF_DEFAULT_STATUSES,
  })
}

const KIND: Record<FindingStatus, string> = {
  fail: 'fail',
  error: 'open',
  manual: 'review',
  muted: 'fail',
  pass: 'pass',
  not_applicable: 'notApplicable',
}

/** Kind and level of a finding (a muted one keeps those of the status it muted). */
function kindLevel(f: Finding): { kind: string; level: string } {
  const status = f.status === 'muted' ? (f.mutedStatus === 'manual' ? 'manual' : 'fail') : f.status
  const kind = KIND[status]
  return { kind, level: kind === 'fail' ? SARIF_LEVEL[f.severity] : 'none' }
}

function physical(uri: string) {
  return { physicalLocation: { artifactLocation: { uri }, region: { startLine: 1 } } }
}

function result(f: Finding, ruleIndex: number, uri: string) {
  const r = f.resource
  const s = f.scope
  return {
    ruleId: f.checkId,
    ruleIndex,
    ...kindLevel(f),
    message: { text: f.message || f.checkId },
    locations: [
      {
        ...physical(uri),
        logicalLocations: [
          {
            name: r.name || r.id,
            fullyQualifiedName: `${s.cloud}/${s.region}/${s.projectName || s.projectId}/${r.type}/${r.id}`,
            kind: 'resource',
          },
        ],
      },
    ],
    partialFingerprints: { [FINGERPRINT_KEY]: f.fingerprint },
    ...(f.mute
      ? {
          suppressions: [
            {
              kind: 'external',
              status: 'accepted',
              justification: `${f.mute.reason} (${f.mute.entry})`,
            },
          ],
        }
      : {}),
    properties: {
      scope: { ...s },
      duty: f.duty,
      owner: f.owner,
      severity: f.severity,
      status: f.status,
      resource: { ...r },
      ...(f.cause ? { cause: f.cause } : {}),
      ...(f.evidence ? { evidence: f.evidence } : {}),
      ...(f.expiredMute ? { expiredMute: { ...f.expiredMute } } : {}),
    },
  }
}

/** The findings of one check in one scope with one status, as one result. */
function groupResult(
  list: readonly Finding[],
  c: CheckInfo | undefined,
  ruleIndex: number,
  uri: string,
) {
  const f = list[0]!
  const s = f.scope
  const what = f.status === 'error' ? 'could not be evaluated on' : `${f.status} on`
  return {
    ruleId: f.checkId,
    ruleIndex,
    ...kindLevel(f),
    message: {
      text: `${c?.title ?? f.checkId}: ${what} ${list.length} resource${list.length === 1 ? '' : 's'} in ${scopeLabel(s)} (listed in properties.resources)`,
    },
    locations: [
      {
        ...physical(uri),
        logicalLocations: [
          {
            name: s.projectName || s.projectId,
            fullyQualifiedName: `${s.cloud}/${s.region}/${s.projectName || s.projectId}`,
            kind: 'namespace',
          },
        ],
      },
    ],
    partialFingerprints: { [GROUP_KEY]: `${f.checkId}@${scopeKey(s)}#${f.status}` },
    properties: {
      scope: { ...s },
      duty: f.duty,
      severity: f.severity,
      status: f.status,
      count: list.length,
      resources: list.map((x) => ({
        type: x.resource.type,
        id: x.resource.id,
        name: x.resource.name,
        region: x.resource.region,
        fingerprint: x.fingerprint,
      })),
    },
  }
}

/** Findings by check, scope and status, in the order they come. */
function groups(findings: readonly Finding[]): Finding[][] {
  const by = new Map<string, Finding[]>()
  for (const f of findings) {
    const key = `${f.checkId}\u0000${scopeKey(f.scope)}\u0000${f.status}`
    const list = by.get(key)
    if (list) list.push(f)
    else by.set(key, [f])
  }
  return [...by.values()]
}

function notifications(r: ScanResult) {
  const ref = (id: NotificationId) => ({ id, index: NOTIFICATIONS.findIndex((n) => n.id === id) })
  return [
    ...r.issues.map((i) => ({
      level: 'error',
      message: {
        text: `${scopeLabel(i.scope)}: ${i.service} ${i.resourceType} in ${i.region}: ${i.errorKind}: ${i.message}`,
      },
      descriptor: ref('collection-issue'),
      properties: { ...i, scope: { ...i.scope } },
    })),
    ...r.notes.map((n) => ({
      level: n.level === 'warning' ? 'warning' : 'note',
      message: { text: n.source ? `${n.source}: ${n.message}` : n.message },
      descriptor: ref('scan-note'),
      properties: { code: n.code, ...(n.scope ? { scope: { ...n.scope } } : {}) },
    })),
  ]
}

/** A stable id of what was scanned: the one project scope, or the sorted clouds of an organisation. */
function automationScope(r: ScanResult): string {
  const projects = r.scopes.filter((s) => s.scope.kind === 'project')
  if (projects.length === 1) return `${projects[0]!.scope.projectId}/${projects[0]!.scope.region}`
  return [...new Set(r.scopes.map((s) => s.scope.cloud))].sort().join('+')
}

/** Every result line of the file, in order (one per finding, or one per group). */
function* resultLines(r: ScanResult, opts: SarifOptions, grouped: boolean): Generator<string> {
  const ruleIndex = new Map(r.checks.map((c, i) => [c.id, i]))
  const checks = new Map(r.checks.map((c) => [c.id, c]))
  const uri = (s: ScopeRef) => opts.location ?? scopeUri(s)
  const findings = listed(r, opts.filter)
  const line = (x: unknown) => `        ${JSON.stringify(x)}`
  if (!grouped) {
    for (const f of findings) yield line(result(f, ruleIndex.get(f.checkId) ?? -1, uri(f.scope)))
    return
  }
  for (const g of groups(findings)) {
    const id = g[0]!.checkId
    yield line(groupResult(g, checks.get(id), ruleIndex.get(id) ?? -1, uri(g[0]!.scope)))
  }
}

/** The document around the results, split where the results go. */
function frame(
  r: ScanResult,
  plan: SarifPlan,
  compliance: readonly ComplianceView[] = [],
): [string, string] {
  const byCheck = criteriaByCheck(compliance)
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Sphere',
            version: r.tool.version,
            semanticVersion: r.tool.version,
            fullDescription: {
              text: 'Shared responsibility scanner for Open Telekom Cloud and OpenStack',
            },
            rules: r.checks.map((c) => {
              const rule = sarifRule(c)
              if (compliance.length === 0) return rule
              const ids = byCheck.get(c.id) ?? {}
              const per = Object.fromEntries(
                compliance.map((v) => [v.framework.id, ids[v.framework.id] ?? []]),
              )
              return { ...rule, properties: { ...rule.properties, compliance: per } }
            }),
            notifications: notificationDescriptors(),
          },
        },
        automationDetails: { id: `sphere/${automationScope(r)}/` },
        invocations: [
          {
            executionSuccessful: r.issues.length === 0,
            startTimeUtc: r.scan.startedAt,
            endTimeUtc: r.scan.finishedAt,
            toolExecutionNotifications: notifications(r),
          },
        ],
        properties: {
          modelVersion: r.modelVersion,
          scopes: r.scopes.map((s) => ({ ...s.scope, authUrl: s.authUrl, uri: scopeUri(s.scope) })),
          duties: r.duties.map((d) => ({ id: d.id, owner: d.owner, status: d.status })),
          findings: plan.findings,
          grouped: plan.grouped,
        },
        results: 0,
      },
    ],
  }
  const text = JSON.stringify(doc, null, 2)
  // `results` is the document's last key: everything before its value, and after.
  const at = text.lastIndexOf('"results": 0')
  return [
    `${text.slice(0, at)}"results": [`,
    `\n      ]${text.slice(at + '"results": 0'.length)}\n`,
  ]
}

/**
 * Decides whether the results must be grouped to stay within GitHub's limits: more results than
 * a run takes, or a file whose gzip-compressed size (measured on the results as written) passes
 * the upload limit.
 */
export function planSarif(r: ScanResult, opts: SarifOptions = {}): SarifPlan {
  const limits = opts.limits ?? GITHUB_LIMITS
  const findings = listed(r, opts.filter)
  const grouped = () => groups(findings).length
  const limitText = `GitHub takes ${limits.resultsPerRun.toLocaleString('en')} results per run and ${(limits.gzipBytes / 1024 ** 2).toLocaleString('en', { maximumFractionDigits: 1 })} MB gzipped`
  if (findings.length > limits.resultsPerRun)
    return {
      findings: findings.length,
      results: grouped(),
      grouped: true,
      reason: `${findings.length.toLocaleString('en')} results; ${limitText}`,
    }
  let gzipBytes = gzipSync(
    frame(r, { findings: findings.length, results: 0, grouped: false }, opts.compliance).join(''),
  ).length
  let batch: string[] = []
  const flush = () => {
    gzipBytes += gzipSync(batch.join(',\n')).length
    batch = []
  }
  for (const l of resultLines(r, opts, false)) {
    batch.push(l)
    if (batch.length >= 2000) flush()
  }
  flush()
  if (gzipBytes > limits.gzipBytes)
    return {
      findings: findings.length,
      results: grouped(),
      grouped: true,
      gzipBytes,
      reason: `${(gzipBytes / 1024 ** 2).toFixed(1)} MB gzipped; ${limitText}`,
    }
  return { findings: findings.length, results: findings.length, grouped: false, gzipBytes }
}

/** Renders SARIF 2.1.0 chunk by chunk, one result per line. Pure: the same result gives the same bytes. */
export function* renderSarifChunks(r: ScanResult, opts: SarifOptions = {}): Generator<string> {
  const plan = opts.plan ?? planSarif(r, opts)
  const [open, close] = frame(r, plan, opts.compliance)
  yield open
  let any = false
  for (const chunk of batched(resultLines(r, opts, plan.grouped), (l) => l, ',\n')) {
    yield `${any ? '' : '\n'}${chunk}`
    any = true
  }
  yield any ? close : close.replace(/^\n {6}/, '')
}

/** The SARIF file as one string (small results; the CLI writes {@link renderSarifChunks}). */
export function renderSarif(r: ScanResult, opts: SarifOptions = {}): string {
  return joinChunks(renderSarifChunks(r, opts))
}
