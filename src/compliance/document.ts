/**
 * The public JSON form of a compliance view (`sphere compliance --format json`, and each entry of
 * `compliance` in the scan's JSON report), its schema (published as
 * `docs/schemas/compliance.schema.json`) and the function that builds it.
 * @module
 */
import { z } from 'zod'
import { OWNERS } from '../responsibility/schema.ts'
import { type ComplianceView, CRITERION_STATUSES } from './evaluate.ts'
import { MODEL_IDS } from './schema.ts'

const status = z.enum(CRITERION_STATUSES)
const counts = z.object(
  Object.fromEntries(CRITERION_STATUSES.map((s) => [s, z.number().int().min(0)])) as Record<
    (typeof CRITERION_STATUSES)[number],
    z.ZodNumber
  >,
)
const scope = z.object({
  kind: z.string(),
  cloud: z.string(),
  region: z.string(),
  projectId: z.string(),
  projectName: z.string(),
})

/** Schema of the compliance document, version 1. */
export const ComplianceDocumentSchema = z
  .object({
    schemaVersion: z.literal(1),
    framework: z.object({
      id: z.string(),
      name: z.string(),
      title: z.string(),
      version: z.string(),
      publisher: z.string(),
      unit: z.enum(['criterion', 'control', 'requirement']),
      referencePrefix: z.string().describe('how checks cite it: C5 in C5:OPS-06'),
    }),
    model: z.enum(MODEL_IDS).describe('the service model whose ownership the view applies'),
    source: z.object({ subject: z.string(), evaluatedAt: z.string() }),
    counts,
    domains: z.array(z.object({ id: z.string(), title: z.string(), counts })),
    criteria: z.array(
      z.object({
        id: z.string().describe('as the framework writes it, e.g. OPS-06, BCR-08'),
        domain: z.string(),
        title: z.string().describe('our own short wording, not the framework text'),
        owner: z.enum(OWNERS),
        status,
        reason: z.string(),
        customerPart: z.string().nullable(),
        duties: z.array(z.string()),
        checks: z.array(
          z.object({
            id: z.string(),
            title: z.string(),
            duty: z.string(),
            ran: z.boolean(),
            pass: z.number().int(),
            fail: z.number().int(),
            error: z.number().int(),
            manual: z.number().int(),
            muted: z.number().int(),
            notApplicable: z.number().int(),
          }),
        ),
        failing: z.array(
          z.object({
            checkId: z.string(),
            scope,
            resource: z.object({
              type: z.string(),
              id: z.string(),
              name: z.string(),
              region: z.string(),
            }),
            message: z.string(),
          }),
        ),
        manualEvidence: z.string().nullable(),
        providerPart: z.string().nullable(),
        attestations: z.array(z.string()).describe('ids of `attestations`'),
        analogue: z.array(z.string()),
      }),
    ),
    attestations: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        issuer: z.string(),
        verified: z.boolean(),
        note: z.string().optional(),
      }),
    ),
  })
  .describe('Sphere compliance view of one framework')

/** The JSON compliance document. */
export type ComplianceDocument = z.output<typeof ComplianceDocumentSchema>

/** JSON Schema (draft 2020-12) of the document, as published in docs/schemas. */
export function complianceJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(ComplianceDocumentSchema, { target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >
}

/** The document of a view (plain data, scopes copied without their extra fields). */
export function toComplianceDocument(v: ComplianceView): ComplianceDocument {
  return {
    schemaVersion: 1,
    framework: { ...v.framework },
    model: v.model,
    source: { ...v.source },
    counts: { ...v.counts },
    domains: v.domains.map((d) => ({ ...d, counts: { ...d.counts } })),
    criteria: v.criteria.map((c) => ({
      ...c,
      duties: [...c.duties],
      checks: c.checks.map((t) => ({ ...t })),
      failing: c.failing.map((f) => ({
        checkId: f.checkId,
        scope: {
          kind: f.scope.kind,
          cloud: f.scope.cloud,
          region: f.scope.region,
          projectId: f.scope.projectId,
          projectName: f.scope.projectName,
        },
        resource: { ...f.resource },
        message: f.message,
      })),
      attestations: [...c.attestations],
      analogue: [...c.analogue],
    })),
    attestations: v.attestations.map((a) => ({ ...a })),
  }
}
