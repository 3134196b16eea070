/**
 * Schema of the JSON report, version 2 (`sphere scan --format json`), documented field by field in
 * `docs/report-json.md` (with what changed from version 1). The renderer's output is tested
 * against it.
 * @module
 */
import { z } from 'zod'
import { SEVERITIES } from '../checks/define.ts'
import { ComplianceDocumentSchema } from '../compliance/document.ts'
import { DUTY_STATUSES, FINDING_STATUSES } from '../engine/types.ts'
import { RESOURCE_TYPES } from '../inventory/types.ts'
import { EVIDENCE_KINDS, MODEL_IDS, OWNERS } from '../responsibility/schema.ts'

const owner = z.enum(OWNERS)
const severity = z.enum(SEVERITIES)
const resourceType = z.enum(RESOURCE_TYPES as [string, ...string[]])
const counts = z.strictObject(
  Object.fromEntries(FINDING_STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<
    (typeof FINDING_STATUSES)[number],
    z.ZodNumber
  >,
)
const reference = z.strictObject({ id: z.string(), name: z.string() })
const remediation = z.strictObject({
  text: z.string(),
  cli: z.string().optional(),
  terraform: z.string().optional(),
})
const iso = z.iso.datetime({ offset: true })

/** Where a finding, issue or note belongs. */
export const JsonScope = z
  .strictObject({
    cloud: z.string().describe('clouds.yaml entry name (envvars: configured by OS_* alone)'),
    region: z.string().describe('region; "global" for an account scope'),
    projectId: z.string().describe('project id; the domain id for an account scope'),
    projectName: z.string().describe('project name; the domain name for an account scope'),
    kind: z.enum(['project', 'account']),
  })
  .describe('a project in a region of a cloud, or the account (IAM) of a cloud')

/** One check on one resource. */
export const JsonFinding = z.strictObject({
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{28}$/)
    .describe('sphere-fp-2: hash of cloud, region, project id, check id, resource type and id'),
  scope: JsonScope,
  checkId: z.string(),
  title: z.string(),
  duty: z.string(),
  owner,
  service: z.string(),
  severity,
  status: z.enum(FINDING_STATUSES),
  mutedStatus: z
    .enum(['fail', 'manual'])
    .optional()
    .describe('for muted findings: the status muted'),
  mute: z
    .strictObject({ reason: z.string(), expires: z.string().nullable(), entry: z.string() })
    .optional(),
  expiredMute: z
    .strictObject({ reason: z.string(), expires: z.string().nullable(), entry: z.string() })
    .optional()
    .describe('an expired mutelist entry that would cover this finding'),
  cause: z
    .enum(['unavailable', 'incomplete', 'not-collected', 'check-threw', 'data'])
    .optional()
    .describe('for error findings: why the check could not be evaluated'),
  resource: z.strictObject({
    type: resourceType,
    id: z.string(),
    name: z.string(),
    region: z.string(),
  }),
  message: z.string(),
  evidence: z.record(z.string(), z.json()).nullable(),
  remediation,
  references: z.array(z.string()),
})

const statusCounts = z.record(
  z.string(),
  z.enum(['complete', 'incomplete', 'unavailable', 'not-collected']),
)
const inventory = z.strictObject({
  counts: z.record(z.string(), z.number().int().min(0)).describe('resources by type'),
  status: statusCounts,
  services: z.array(z.string()),
  models: z.array(z.enum(MODEL_IDS)),
})

/** Schema of the JSON report, version 2. */
export const JsonReportSchema = z
  .strictObject({
    schemaVersion: z.literal(2),
    tool: z.strictObject({ name: z.string(), version: z.string() }),
    modelVersion: z.string().describe('version of the responsibility model'),
    scan: z.strictObject({ startedAt: iso, finishedAt: iso, evaluatedAt: iso }),
    scopes: z.array(
      z.strictObject({
        scope: JsonScope,
        authUrl: z.string(),
        apiVersions: z
          .record(z.string(), z.string())
          .optional()
          .describe('per service read in several API versions, the version that served it'),
        inventory,
        duties: z.array(
          z.strictObject({
            id: z.string(),
            owner,
            status: z.enum(DUTY_STATUSES),
            reason: z.string(),
            counts,
          }),
        ),
        issues: z.number().int().min(0),
      }),
    ),
    summary: z.strictObject({
      duties: z.strictObject(
        Object.fromEntries(DUTY_STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<
          (typeof DUTY_STATUSES)[number],
          z.ZodNumber
        >,
      ),
      findings: counts,
      failsBySeverity: z.record(severity, z.number().int().min(0)),
      issues: z.number().int().min(0),
    }),
    inventory: inventory.describe('totals over every scope'),
    issues: z.array(
      z.strictObject({
        scope: JsonScope,
        service: z.string(),
        resourceType,
        region: z.string(),
        errorKind: z.string(),
        message: z.string(),
      }),
    ),
    unavailable: z.array(
      z.strictObject({ scope: JsonScope, resourceType, service: z.string(), reason: z.string() }),
    ),
    notes: z.array(
      z.strictObject({
        scope: JsonScope.optional(),
        level: z.enum(['warning', 'info']),
        code: z.string(),
        message: z.string(),
        source: z.string().optional(),
      }),
    ),
    layers: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        owners: z.record(z.string(), owner).describe('owner of the layer per model present'),
        duties: z.array(z.string()),
      }),
    ),
    duties: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        kind: z.enum(['customer', 'provider']),
        layer: z.string(),
        owner: owner,
        owners: z.array(
          z.strictObject({ model: z.enum(MODEL_IDS), owner, services: z.array(z.string()) }),
        ),
        status: z.enum(DUTY_STATUSES),
        reason: z.string(),
        counts,
        checks: z.array(z.string()),
        evidenceRequired: z.array(z.enum(EVIDENCE_KINDS)),
        attestations: z.array(z.string()),
        references: z.strictObject({ c5: z.array(reference), ccm: z.array(reference) }),
      }),
    ),
    checks: z.array(
      z.strictObject({
        id: z.string(),
        title: z.string(),
        duty: z.string(),
        service: z.string(),
        resourceType,
        severity,
        rationale: z.string(),
        remediation,
        references: z.array(z.string()),
        requires: z.array(resourceType),
        synthetic: z.boolean(),
      }),
    ),
    filter: z
      .strictObject({
        severities: z.array(severity).optional(),
        statuses: z.array(z.enum(FINDING_STATUSES)).optional(),
        listed: z.number().int().min(0).describe('findings in `findings`'),
        total: z.number().int().min(0).describe('findings of the scan'),
      })
      .optional()
      .describe('present when --severity or --status limited `findings`; counts are over all'),
    compliance: z
      .array(ComplianceDocumentSchema)
      .optional()
      .describe('compliance views of the scan, one per framework (sphere scan --compliance)'),
    findings: z.array(JsonFinding),
  })
  .describe('Sphere scan report')

/** The JSON report. */
export type JsonReport = z.output<typeof JsonReportSchema>

/** JSON Schema (draft 2020-12) of the report, for publishing beside `docs/report-json.md`. */
export function reportJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(JsonReportSchema, { target: 'draft-2020-12' }) as Record<string, unknown>
}
