/**
 * The JSON report, schema version 2 (see `docs/report-json.md` and `json-schema.ts`): the whole
 * scan result with a summary, every scope, and each finding carrying its scope and its check's
 * title, remediation and references so a consumer needs no second lookup.
 * @module
 */
import { checkIndex, summarize } from '../engine/summary.ts'
import type { Finding, InventorySummary, ScanResult } from '../engine/types.ts'
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
    scope: { ...f.scope },
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

function inventoryOf(i: InventorySummary): JsonReport['inventory'] {
  return {
    counts: { ...i.counts },
    status: { ...i.status },
    services: [...i.services],
    models: [...i.models],
  }
}

/** The report as a value (before serialisation). */
export function toJsonReport(r: ScanResult): JsonReport {
  const checks = checkIndex(r)
  return {
    schemaVersion: 2,
    tool: { ...r.tool },
    modelVersion: r.modelVersion,
    scan: { ...r.scan },
    scopes: r.scopes.map((s) => ({
      scope: { ...s.scope },
      authUrl: s.authUrl,
      ...(s.apiVersions ? { apiVersions: { ...s.apiVersions } } : {}),
      inventory: inventoryOf(s.inventory),
      duties: s.duties.map((d) => ({ ...d, counts: { ...d.counts } })),
      issues: s.issues,
    })),
    summary: summarize(r),
    inventory: inventoryOf(r.inventory),
    issues: r.issues.map((i) => ({ ...i, scope: { ...i.scope } })),
    unavailable: r.unavailable.map((u) => ({ ...u, scope: { ...u.scope } })),
    notes: r.notes.map((n) => ({ ...n, ...(n.scope ? { scope: { ...n.scope } } : {}) })),
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
