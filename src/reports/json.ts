/**
 * The JSON report, schema version 2 (see `docs/report-json.md` and `json-schema.ts`): the whole
 * scan result with a summary, every scope, and each finding carrying its scope and its check's
 * title, remediation and references so a consumer needs no second lookup.
 * @module
 */
import { toComplianceDocument } from '../compliance/document.ts'
import type { ComplianceView } from '../compliance/evaluate.ts'
import { checkIndex, summarize } from '../engine/summary.ts'
import type { Finding, InventorySummary, ScanResult } from '../engine/types.ts'
import { batched, indentedJson, joinChunks } from './_chunks.ts'
import { type FindingFilter, isOpen, selectFindings } from './_filter.ts'
import type { JsonReport } from './json-schema.ts'

/** Options of {@link renderJson}. */
export interface JsonOptions {
  /** Indent with two spaces (default true); false gives one line. */
  pretty?: boolean
  /** Which findings `findings` lists (`--severity`, `--status`); every count is over all. */
  filter?: FindingFilter
  /** Compliance views to include as `compliance` (`sphere scan --compliance`). */
  compliance?: readonly ComplianceView[]
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

/** The report without its findings: everything that is small whatever the scan's size. */
function head(
  r: ScanResult,
  filter: FindingFilter | undefined,
  listed: number,
  compliance?: readonly ComplianceView[],
) {
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
    ...(isOpen(filter)
      ? {}
      : {
          filter: {
            ...(filter?.severities ? { severities: [...filter.severities] } : {}),
            ...(filter?.statuses ? { statuses: [...filter.statuses] } : {}),
            listed,
            total: r.findings.length,
          },
        }),
    ...(compliance && compliance.length > 0
      ? { compliance: compliance.map(toComplianceDocument) }
      : {}),
  } satisfies Omit<JsonReport, 'findings'>
}

/** The report as a value (before serialisation; for tests and small results). */
export function toJsonReport(
  r: ScanResult,
  opts: Pick<JsonOptions, 'filter' | 'compliance'> = {},
): JsonReport {
  const checks = checkIndex(r)
  const listed = selectFindings(r.findings, opts.filter)
  return {
    ...head(r, opts.filter, listed.length, opts.compliance),
    findings: listed.map((f) => finding(f, checks)),
  }
}

/**
 * Renders the JSON report chunk by chunk: the head, then the findings a few hundred at a time,
 * byte for byte what `JSON.stringify` of the whole report gives. Pure: the same result gives the
 * same bytes.
 */
export function* renderJsonChunks(r: ScanResult, opts: JsonOptions = {}): Generator<string> {
  const pretty = opts.pretty !== false
  const checks = checkIndex(r)
  const listed = selectFindings(r.findings, opts.filter)
  const top = JSON.stringify(
    head(r, opts.filter, listed.length, opts.compliance),
    null,
    pretty ? 2 : undefined,
  )
  const open = top.slice(0, -1).replace(/\n$/, '')
  if (listed.length === 0) {
    yield `${open},${pretty ? '\n  ' : ''}"findings":${pretty ? ' []\n' : '[]'}}\n`
    return
  }
  yield `${open},${pretty ? '\n  ' : ''}"findings":${pretty ? ' [\n' : '['}`
  yield* batched(
    listed,
    (f) => (pretty ? indentedJson(finding(f, checks), 2) : JSON.stringify(finding(f, checks))),
    pretty ? ',\n' : ',',
  )
  yield pretty ? '\n  ]\n}\n' : ']}\n'
}

/** Renders the JSON report as one string (small results; the CLI writes {@link renderJsonChunks}). */
export function renderJson(r: ScanResult, opts: JsonOptions = {}): string {
  return joinChunks(renderJsonChunks(r, opts))
}
