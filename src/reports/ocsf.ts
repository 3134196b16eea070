/**
 * OCSF 1.3.0 Detection Findings (class 2004), one JSON object per line, one per finding (passes
 * included, as security lakes expect the full picture). Muted findings are `Suppressed`; our own
 * status is in `status_code`, the duty and its owner in `unmapped`.
 * @module
 */
import type { Severity } from '../checks/define.ts'
import { checkIndex } from '../engine/summary.ts'
import type { Finding, ScanResult } from '../engine/types.ts'

/** The OCSF schema version written. */
export const OCSF_VERSION = '1.3.0'

/** OCSF `severity_id` and caption per severity. */
export const OCSF_SEVERITY: Record<Severity, readonly [number, string]> = {
  critical: [5, 'Critical'],
  high: [4, 'High'],
  medium: [3, 'Medium'],
  low: [2, 'Low'],
  info: [1, 'Informational'],
}

/** The `cloud.provider` value for an auth URL: OTC's domain, else generic OpenStack. */
export function cloudProvider(authUrl: string): string {
  return /\.otc\.t-systems\.com(?::\d+)?(?:\/|$)|\.otc-service\.com(?::\d+)?(?:\/|$)/i.test(authUrl)
    ? 'Open Telekom Cloud'
    : 'OpenStack'
}

function event(r: ScanResult, f: Finding, checks: ReturnType<typeof checkIndex>, time: number) {
  const c = checks.get(f.checkId)
  const [severityId, severity] = OCSF_SEVERITY[f.severity]
  const muted = f.status === 'muted'
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
    time,
    time_dt: r.scan.finishedAt,
    message: f.message,
    finding_info: {
      uid: f.fingerprint,
      title: c?.title ?? f.checkId,
      desc: c?.rationale ?? '',
      types: [f.duty],
      created_time: time,
    },
    metadata: {
      product: { name: 'Sphere', vendor_name: 'Sphere', version: r.tool.version, uid: r.tool.name },
      version: OCSF_VERSION,
      event_code: f.checkId,
      profiles: ['cloud'],
    },
    resources: [
      {
        uid: f.resource.id,
        name: f.resource.name,
        type: f.resource.type,
        region: f.resource.region,
      },
    ],
    cloud: {
      provider: cloudProvider(authUrlOf(r, f)),
      region: f.scope.region,
      account: { uid: f.scope.cloud, name: f.scope.cloud },
      project_uid: f.scope.projectId,
    },
    remediation: { desc: c?.remediation.text ?? '', references: [...(c?.references ?? [])] },
    unmapped: {
      scope: f.scope,
      check_id: f.checkId,
      duty: f.duty,
      owner: f.owner,
      service: f.service,
      evidence: f.evidence,
      ...(f.mute ? { mute: f.mute } : {}),
      ...(f.expiredMute ? { expired_mute: f.expiredMute } : {}),
      ...(f.cause ? { cause: f.cause } : {}),
    },
  }
}

/** The Keystone URL of the scope a finding belongs to. */
function authUrlOf(r: ScanResult, f: Finding): string {
  return (
    r.scopes.find((s) => s.scope.cloud === f.scope.cloud && s.scope.projectId === f.scope.projectId)
      ?.authUrl ?? ''
  )
}

/** Renders one OCSF Detection Finding per line. Pure: the same result gives the same bytes. */
export function renderOcsf(r: ScanResult): string {
  const checks = checkIndex(r)
  const time = Date.parse(r.scan.finishedAt)
  return r.findings.map((f) => `${JSON.stringify(event(r, f, checks, time))}\n`).join('')
}
