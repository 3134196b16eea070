/**
 * SARIF 2.1.0 for code-scanning dashboards. Rules come from check metadata. Failing findings are
 * results of kind `fail` with a level from their severity; findings that need a person are
 * results of kind `review` (level `none`), as the spec defines for "requires review"; muted
 * findings keep their result with an external, accepted suppression and its justification.
 * Findings that could not be evaluated, collection issues and scan notes are tool execution
 * notifications: they describe the run, not the resource. Cloud resources are logical locations.
 * @module
 */
import type { Severity } from '../checks/define.ts'
import type { CheckInfo, Finding, ScanResult } from '../engine/types.ts'

/** SARIF result level per severity. */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
}

/** GitHub's `security-severity` score per severity (none for info). */
export const SECURITY_SEVERITY: Record<Severity, string | null> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: null,
}

/** The key of our fingerprint in `partialFingerprints`. */
export const FINGERPRINT_KEY = 'sphereFinding/v2'

const NOTIFICATIONS = [
  { id: 'not-evaluated', text: 'A check could not be evaluated on a resource.' },
  { id: 'collection-issue', text: 'A resource type could not be listed completely.' },
  { id: 'scan-note', text: 'A remark about the scan, e.g. an expired mutelist entry.' },
] as const

const pascal = (id: string) =>
  id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')

function rule(c: CheckInfo) {
  const urls = c.references.filter((r) => /^https:\/\//.test(r))
  const fix = [c.remediation.text, c.remediation.cli && `CLI:\n${c.remediation.cli}`]
  const sev = SECURITY_SEVERITY[c.severity]
  return {
    id: c.id,
    name: pascal(c.id),
    shortDescription: { text: c.title },
    fullDescription: { text: c.rationale },
    help: {
      text: fix.filter(Boolean).join('\n\n'),
      markdown: `${c.remediation.text}${c.remediation.cli ? `\n\n\`\`\`sh\n${c.remediation.cli}\n\`\`\`` : ''}`,
    },
    ...(urls[0] ? { helpUri: urls[0] } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[c.severity] },
    properties: {
      duty: c.duty,
      service: c.service,
      resourceType: c.resourceType,
      severity: c.severity,
      tags: ['security', 'cloud', `duty:${c.duty}`, `service:${c.service}`],
      ...(sev ? { 'security-severity': sev } : {}),
      references: [...c.references],
    },
  }
}

function location(f: Finding) {
  const r = f.resource
  return {
    logicalLocations: [
      {
        name: r.name || r.id,
        fullyQualifiedName: `${r.region}/${r.type}/${r.id}`,
        kind: 'resource',
      },
    ],
  }
}

function result(f: Finding, ruleIndex: number) {
  const original = f.status === 'muted' ? f.mutedStatus : f.status
  const review = original === 'manual'
  return {
    ruleId: f.checkId,
    ruleIndex,
    kind: review ? 'review' : 'fail',
    level: review ? 'none' : SARIF_LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f)],
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
      duty: f.duty,
      owner: f.owner,
      severity: f.severity,
      status: f.status,
      resource: { ...f.resource },
      ...(f.evidence ? { evidence: f.evidence } : {}),
      ...(f.expiredMute ? { expiredMute: { ...f.expiredMute } } : {}),
    },
  }
}

function notifications(r: ScanResult, ruleIndex: Map<string, number>) {
  const ref = (id: (typeof NOTIFICATIONS)[number]['id']) => ({
    id,
    index: NOTIFICATIONS.findIndex((n) => n.id === id),
  })
  return [
    ...r.findings
      .filter((f) => f.status === 'error')
      .map((f) => ({
        level: 'error',
        message: { text: f.message },
        descriptor: ref('not-evaluated'),
        associatedRule: { id: f.checkId, index: ruleIndex.get(f.checkId) ?? -1 },
        locations: [location(f)],
        properties: { cause: f.cause ?? 'data', duty: f.duty, fingerprint: f.fingerprint },
      })),
    ...r.issues.map((i) => ({
      level: 'error',
      message: {
        text: `${i.service} ${i.resourceType} in ${i.region}: ${i.errorKind}: ${i.message}`,
      },
      descriptor: ref('collection-issue'),
      properties: { ...i },
    })),
    ...r.notes.map((n) => ({
      level: n.level === 'warning' ? 'warning' : 'note',
      message: { text: n.source ? `${n.source}: ${n.message}` : n.message },
      descriptor: ref('scan-note'),
      properties: { code: n.code },
    })),
  ]
}

/** A stable id of what was scanned: the one project scope, or the sorted clouds of an organisation. */
function automationScope(r: ScanResult): string {
  const projects = r.scopes.filter((s) => s.scope.kind === 'project')
  if (projects.length === 1) return `${projects[0]!.scope.projectId}/${projects[0]!.scope.region}`
  return [...new Set(r.scopes.map((s) => s.scope.cloud))].sort().join('+')
}

/** Renders SARIF 2.1.0. Pure: the same result gives the same bytes. */
export function renderSarif(r: ScanResult): string {
  const ruleIndex = new Map(r.checks.map((c, i) => [c.id, i]))
  const results = r.findings
    .filter((f) => f.status === 'fail' || f.status === 'manual' || f.status === 'muted')
    .map((f) => result(f, ruleIndex.get(f.checkId) ?? -1))
  const sarif = {
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
            rules: r.checks.map(rule),
            notifications: NOTIFICATIONS.map((n) => ({
              id: n.id,
              shortDescription: { text: n.text },
            })),
          },
        },
        automationDetails: { id: `sphere/${automationScope(r)}/` },
        invocations: [
          {
            executionSuccessful: r.issues.length === 0,
            startTimeUtc: r.scan.startedAt,
            endTimeUtc: r.scan.finishedAt,
            toolExecutionNotifications: notifications(r, ruleIndex),
          },
        ],
        results,
        properties: {
          modelVersion: r.modelVersion,
          scopes: r.scopes.map((s) => ({ ...s.scope, authUrl: s.authUrl })),
          duties: r.duties.map((d) => ({ id: d.id, owner: d.owner, status: d.status })),
        },
      },
    ],
  }
  return `${JSON.stringify(sarif, null, 2)}\n`
}
