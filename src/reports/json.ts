/**
 * The JSON report, schema version 1 (see `docs/report-json.md` and `json-schema.ts`): the whole
 * scan result with a summary, and each finding carrying its check's title, remediation and
 * references so a consumer needs no second lookup.
 * @module
 */
import { checkIndex, summarize } from '../engine/summary.ts'
import type { Finding, ScanResult } from '../engine/types.ts'
import type { JsonReport } from './json-schema.ts'

/** Options of {@link renderJson}. */
export interface JsonOptions {
  /** Indent with two spaces (default true); false gives one line. */
  pretty?: boolean
}

function finding(
  f: Finding,
  checks: ReturnType<typeof checkIndex>,
): JsonReport['findings'][number] {
  const c = checks.get(f.checkId)
  return {
    fingerprint: f.fingerprint,
    checkId: f.checkId,
    title: c?.title ?? f.checkId,
    duty: f.duty,
    owner: f.owner,
    service: f.service,
    severity: f.severity,
    status: f.status,
    ...(f.mutedStatus ? { mutedStatus: f.mutedStatus } : {}),
    ...(f.mute ? { mute: { ...f.mute } } : {}),
    ...(f.expiredMute ? { expiredMute: { ...f.expiredMute } } : {}),
    ...(f.cause ? { cause: f.cause } : {}),
    resource: { ...f.resource },
    message: f.message,
    evidence: (f.evidence as JsonReport['findings'][number]['evidence']) ?? null,
    remediation: { ...(c?.remediation ?? { text: '' }) },
    references: [...(c?.references ?? [])],
  }
}

/** The report as a value (before serialisation). */
export function toJsonReport(r: ScanResult): JsonReport {
  const checks = checkIndex(r)
  return {
    schemaVersion: 1,
    tool: { ...r.tool },
    modelVersion: r.modelVersion,
    scan: {
      ...r.scan,
      cloud: { ...r.scan.cloud },
      ...(r.scan.apiVersions ? { apiVersions: { ...r.scan.apiVersions } } : {}),
    },
    summary: summarize(r),
    inventory: {
      counts: { ...r.inventory.counts },
      status: { ...r.inventory.status },
      services: [...r.inventory.services],
      models: [...r.inventory.models],
    },
    issues: r.issues.map((i) => ({ ...i })),
    unavailable: r.unavailable.map((u) => ({ ...u })),
    notes: r.notes.map((n) => ({ ...n })),
    layers: r.layers.map((l) => ({ ...l, owners: { ...l.owners }, duties: [...l.duties] })),
    duties: r.duties.map((d) => ({
      ...d,
      owners: d.owners.map((o) => ({ ...o, services: [...o.services] })),
      counts: { ...d.counts },
      checks: [...d.checks],
      evidenceRequired: [...d.evidenceRequired],
      attestations: [...d.attestations],
      references: { c5: [...d.references.c5], ccm: [...d.references.ccm] },
    })),
    checks: r.checks.map((c) => ({
      ...c,
      remediation: { ...c.remediation },
      references: [...c.references],
      requires: [...c.requires],
    })),
    findings: r.findings.map((f) => finding(f, checks)),
  }
}

/** Renders the JSON report. Pure: the same result gives the same bytes. */
export function renderJson(r: ScanResult, opts: JsonOptions = {}): string {
  return `${JSON.stringify(toJsonReport(r), null, opts.pretty === false ? undefined : 2)}\n`
}
