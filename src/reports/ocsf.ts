/**
 * OCSF 1.3.0 Detection Findings (class 2004) as SIEMs and Prowler's users expect them: one JSON
 * array (written to `.ocsf.json`), one object per finding (passes included, as security lakes
 * want the full picture), each on its own line. Profiles `cloud` and `datetime` are declared in
 * `metadata.profiles`. The account is the cloud's domain (`cloud.account`), the project and region
 * are `cloud.project_uid` and `cloud.region`; the C5:2020 and CCM v4 ids of the check are in
 * `unmapped.compliance` (Prowler's place for them) and `remediation.references` holds links only.
 * Muted findings are `Suppressed`; our own status is `status_code`.
 * @module
 */
import type { Severity } from '../checks/define.ts'
import type { ComplianceView } from '../compliance/evaluate.ts'
import { criteriaByCheck } from '../compliance/mapping.ts'
import { checkIndex } from '../engine/summary.ts'
import type { CheckInfo, Finding, ScanResult } from '../engine/types.ts'
import { scopeKey } from '../inventory/scope.ts'
import { batched, joinChunks } from './_chunks.ts'
import { type FindingFilter, selectFindings } from './_filter.ts'

/** The OCSF schema version written. */
export const OCSF_VERSION = '1.3.0'

/** Profiles every event declares (`datetime`: each `time` has its RFC 3339 `*_dt` twin). */
export const OCSF_PROFILES = ['cloud', 'datetime'] as const

/** Keys of `unmapped.compliance` for the check references `C5:…` and `CCM:…`. */
export const COMPLIANCE_FRAMEWORKS: Readonly<Record<string, string>> = {
  C5: 'C5-2020',
  CCM: 'CCM-4.0',
}

/** OCSF `severity_id` and caption per severity. */
export const OCSF_SEVERITY: Record<Severity, readonly [number, string]> = {
  critical: [5, 'Critical'],
  high: [4, 'High'],
  medium: [3, 'Medium'],
  low: [2, 'Low'],
  info: [1, 'Informational'],
}

/** Options of {@link renderOcsf}. */
export interface OcsfOptions {
  /** Which findings become events (`--severity`, `--status`). */
  filter?: FindingFilter
  /**
   * Compliance views (`sphere scan --compliance`): `unmapped.compliance` then lists, per
   * framework, every criterion the check evidences in the framework data, under the key the
   * check references use (`C5-2020`, `CCM-4.0`; else the framework id).
   */
  compliance?: readonly ComplianceView[]
}

/** The `cloud.provider` value for an auth URL: OTC's domain, else generic OpenStack. */
export function cloudProvider(authUrl: string): string {
  return /\.otc\.t-systems\.com(?::\d+)?(?:\/|$)|\.otc-service\.com(?::\d+)?(?:\/|$)/i.test(authUrl)
    ? 'Open Telekom Cloud'
    : 'OpenStack'
}

/** `{ "C5-2020": ["OPS-06"], "CCM-4.0": ["BCR-08"] }` from a check's references. */
export function complianceOf(c: CheckInfo | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {}
  for (const ref of c?.references ?? []) {
    const m = /^([A-Z0-9]+):(.+)$/.exec(ref)
    const framework = m && COMPLIANCE_FRAMEWORKS[m[1]!]
    if (framework) out[framework] = [...(out[framework] ?? []), m[2]!]
  }
  return out
}

/** Per scope key: the cloud's Keystone URL and its account (the domain). */
interface Where {
  readonly authUrl: string
  readonly account: { uid: string; name: string }
}

function whereOf(r: ScanResult): Map<string, Where> {
  const accounts = new Map(
    r.scopes
      .filter((s) => s.scope.kind === 'account')
      .map((s) => [s.scope.cloud, { uid: s.scope.projectId, name: s.scope.projectName }]),
  )
  return new Map(
    r.scopes.map((s) => [
      scopeKey(s.scope),
      {
        authUrl: s.authUrl,
        // Without an account scope (a selection without IAM checks) the cloud's name stands in.
        account: accounts.get(s.scope.cloud) ?? { uid: s.scope.cloud, name: s.scope.cloud },
      },
    ]),
  )
}

const CONFIDENT = new Set<Finding['status']>(['fail', 'pass', 'muted', 'not_applicable'])

/** `unmapped.compliance` of a check: its references, or the views' mapping where given. */
function complianceFor(
  c: CheckInfo | undefined,
  checkId: string,
  views: readonly ComplianceView[],
  byCheck: ReturnType<typeof criteriaByCheck>,
): Record<string, string[]> {
  const out = complianceOf(c)
  for (const v of views) {
    const key = COMPLIANCE_FRAMEWORKS[v.framework.referencePrefix] ?? v.framework.id
    const ids = byCheck.get(checkId)?.[v.framework.id] ?? []
    if (ids.length > 0) out[key] = ids
    else delete out[key]
  }
  return out
}

function event(
  r: ScanResult,
  f: Finding,
  c: CheckInfo | undefined,
  where: Where | undefined,
  compliance: Record<string, string[]> = complianceOf(c),
) {
  const [severityId, severity] = OCSF_SEVERITY[f.severity]
  const muted = f.status === 'muted'
  const time = Date.parse(r.scan.finishedAt)
  const account = where?.account ?? { uid: f.scope.cloud, name: f.scope.cloud }
  return {
    activity_id: 1,
    activity_name: 'Create',
    category_uid: 2,
    category_name: 'Findings',
    class_uid: 2004,
    class_name: 'Detection Finding',
    type_uid: 200401,
    type_name: 'Detection Finding: Create',
    severity_id: severityId,
    severity,
    status_id: muted ? 3 : 1,
    status: muted ? 'Suppressed' : 'New',
    status_code: (muted ? (f.mutedStatus ?? 'fail') : f.status).toUpperCase(),
    status_detail: f.message,
    confidence_id: CONFIDENT.has(f.status) ? 3 : 0,
    confidence: CONFIDENT.has(f.status) ? 'High' : 'Unknown',
    time,
    time_dt: r.scan.finishedAt,
    timezone_offset: 0,
    message: f.message,
    finding_info: {
      uid: f.fingerprint,
      title: c?.title ?? f.checkId,
      desc: c?.rationale ?? '',
      types: [f.duty],
      created_time: time,
      created_time_dt: r.scan.finishedAt,
      analytic: { uid: f.checkId, name: f.checkId, type_id: 1, type: 'Rule' },
    },
    metadata: {
      product: { name: 'Sphere', vendor_name: 'Sphere', version: r.tool.version, uid: r.tool.name },
      version: OCSF_VERSION,
      event_code: f.checkId,
      profiles: [...OCSF_PROFILES],
      log_name: 'sphere-scan',
      log_provider: 'Sphere',
      original_time: r.scan.finishedAt,
      tenant_uid: account.uid,
    },
    resources: [
      {
        uid: f.resource.id,
        name: f.resource.name,
        type: f.resource.type,
        region: f.resource.region,
        group: { uid: f.scope.projectId, name: f.scope.projectName },
        data: { service: f.service },
      },
    ],
    observables: [
      { name: 'resources[0].uid', type: 'Resource UID', type_id: 10, value: f.resource.id },
    ],
    ...(f.evidence ? { evidences: [{ data: f.evidence }] } : {}),
    cloud: {
      provider: cloudProvider(where?.authUrl ?? ''),
      region: f.scope.region,
      account: { ...account, type_id: 99, type: 'OpenStack Domain' },
      project_uid: f.scope.projectId,
    },
    remediation: {
      desc: c?.remediation.text ?? '',
      references: (c?.references ?? []).filter((x) => /^https?:\/\//.test(x)),
    },
    unmapped: {
      scope: f.scope,
      check_id: f.checkId,
      duty: f.duty,
      owner: f.owner,
      service: f.service,
      compliance,
      ...(f.mute ? { mute: f.mute } : {}),
      ...(f.expiredMute ? { expired_mute: f.expiredMute } : {}),
      ...(f.cause ? { cause: f.cause } : {}),
    },
  }
}

/** One OCSF event of `r` per finding, as values (for tests). */
export function ocsfEvents(r: ScanResult, opts: OcsfOptions = {}): ReturnType<typeof event>[] {
  const checks = checkIndex(r)
  const where = whereOf(r)
  const compliance = complianceCache(checks, opts.compliance ?? [])
  return selectFindings(r.findings, opts.filter).map((f) =>
    event(r, f, checks.get(f.checkId), where.get(scopeKey(f.scope)), compliance(f.checkId)),
  )
}

/** `unmapped.compliance` per check id, worked out once per check. */
function complianceCache(
  checks: ReturnType<typeof checkIndex>,
  views: readonly ComplianceView[],
): (checkId: string) => Record<string, string[]> {
  const byCheck = criteriaByCheck(views)
  const cache = new Map<string, Record<string, string[]>>()
  return (id) => {
    let v = cache.get(id)
    if (!v) {
      v = complianceFor(checks.get(id), id, views, byCheck)
      cache.set(id, v)
    }
    return v
  }
}

/**
 * Renders the events as one JSON array, one event per line, a few hundred per chunk. Pure: the
 * same result gives the same bytes.
 */
export function* renderOcsfChunks(r: ScanResult, opts: OcsfOptions = {}): Generator<string> {
  const checks = checkIndex(r)
  const where = whereOf(r)
  const compliance = complianceCache(checks, opts.compliance ?? [])
  const findings = selectFindings(r.findings, opts.filter)
  if (findings.length === 0) {
    yield '[]\n'
    return
  }
  yield '[\n'
  yield* batched(
    findings,
    (f) =>
      JSON.stringify(
        event(r, f, checks.get(f.checkId), where.get(scopeKey(f.scope)), compliance(f.checkId)),
      ),
    ',\n',
  )
  yield '\n]\n'
}

/** The OCSF array as one string (small results; the CLI writes {@link renderOcsfChunks}). */
export function renderOcsf(r: ScanResult, opts: OcsfOptions = {}): string {
  return joinChunks(renderOcsfChunks(r, opts))
}
