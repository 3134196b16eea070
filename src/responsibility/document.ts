/**
 * The public JSON form of the responsibility model (`sphere matrix --format json`), its schema
 * (published as `docs/schemas/matrix.schema.json`) and the function that builds it from a view.
 * @module
 */
import { z } from 'zod'
import { EVIDENCE_KINDS, MODEL_IDS, OWNERS } from './schema.ts'
import { dutyOwner, type MatrixView } from './select.ts'

const owner = z.enum(OWNERS)
const ownership = z.object({ owner, reason: z.string() })
const reference = z.object({ id: z.string(), name: z.string() })

/** Schema of the matrix document, version 1. */
export const MatrixDocumentSchema = z
  .object({
    schemaVersion: z.literal(1),
    modelVersion: z.string().describe('version of the responsibility model data'),
    selection: z.object({ model: z.enum(MODEL_IDS).nullable(), service: z.string().nullable() }),
    models: z.array(
      z.object({
        id: z.enum(MODEL_IDS),
        title: z.string(),
        description: z.string(),
        example: z.string(),
        owners: z.record(z.string(), ownership).describe('owner of each layer, by layer id'),
      }),
    ),
    layers: z
      .array(z.object({ id: z.string(), title: z.string(), description: z.string() }))
      .describe('bottom to top'),
    services: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        model: z.enum(MODEL_IDS),
        description: z.string(),
        owners: z
          .record(z.string(), owner)
          .describe('resolved owner of each layer for this service'),
        overrides: z
          .record(z.string(), ownership)
          .describe('layers whose owner differs from the model default'),
      }),
    ),
    duties: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        kind: z.enum(['customer', 'provider']),
        layer: z.string(),
        owner: z.object({ iaas: owner, paas: owner, saas: owner }),
        description: z.string(),
        evidence: z.array(z.enum(EVIDENCE_KINDS)),
        checks: z.array(z.string()),
        attestations: z.array(z.string()),
        references: z.object({ c5: z.array(reference), ccm: z.array(reference) }),
      }),
    ),
  })
  .describe('Sphere responsibility matrix')

/** The JSON matrix document. */
export type MatrixDocument = z.output<typeof MatrixDocumentSchema>

/** JSON Schema (draft 2020-12) of the document, as published in docs/schemas. */
export function matrixJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(MatrixDocumentSchema, { target: 'draft-2020-12' }) as Record<
    string,
    unknown
  >
}

/** Builds the JSON document for a view. For a service, duty owners reflect layers that moved. */
export function toMatrixDocument(view: MatrixView): MatrixDocument {
  const svc = view.service
  return {
    schemaVersion: 1,
    modelVersion: view.version,
    selection: view.selection,
    models: view.models,
    layers: view.layers,
    services: view.services.map((s) => ({
      id: s.id,
      name: s.name,
      model: s.model,
      description: s.description,
      owners: Object.fromEntries(Object.entries(s.owners).map(([k, v]) => [k, v.owner])),
      overrides: s.overrides,
    })),
    duties: view.duties.map((d) =>
      svc ? { ...d, owner: { ...d.owner, [svc.model]: dutyOwner(d, svc.model, svc) } } : d,
    ),
  }
}
