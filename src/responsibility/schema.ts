/**
 * Schemas of the responsibility model's data files (`data/*.yaml`) and of the resolved model.
 * @module
 */
import { z } from 'zod'

/** Who answers for a layer or duty. */
export const OWNERS = ['provider', 'customer', 'shared'] as const
export type Owner = (typeof OWNERS)[number]

/** The service models, in the order they are shown. */
export const MODEL_IDS = ['iaas', 'paas', 'saas'] as const
export type ModelId = (typeof MODEL_IDS)[number]

/** How a duty can be shown to be done. */
export const EVIDENCE_KINDS = ['api', 'host', 'attestation', 'manual'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id')
const text = z.string().trim().min(1, 'expected a non-empty text')
const ownership = z.strictObject({ owner: z.enum(OWNERS), reason: text })
export type Ownership = z.output<typeof ownership>

const reference = z.strictObject({
  id: z.string().regex(/^[A-Z]{2,4}-\d{2}$/, 'expected an id like OPS-06'),
  name: text,
})
export type Reference = z.output<typeof reference>

/** `data/layers.yaml` */
export const LayersFile = z.strictObject({
  layers: z.array(z.strictObject({ id, title: text, description: text })).min(1),
})

/** `data/models.yaml` */
export const ModelsFile = z.strictObject({
  version: z.string().regex(/^\d+\.\d+\.\d+$/, 'expected a semantic version like 1.0.0'),
  models: z
    .array(
      z.strictObject({
        id: z.enum(MODEL_IDS),
        title: text,
        description: text,
        example: text,
        owners: z.record(z.string(), ownership),
      }),
    )
    .min(1),
})

/** `data/services.yaml` */
export const ServicesFile = z.strictObject({
  services: z.array(
    z.strictObject({
      id,
      name: text,
      model: z.string(),
      description: text,
      overrides: z.record(z.string(), ownership).optional(),
    }),
  ),
})

/** `data/duties.yaml` */
export const DutiesFile = z.strictObject({
  duties: z.array(
    z.strictObject({
      id,
      title: text,
      kind: z.enum(['customer', 'provider']),
      layer: z.string(),
      owner: z.record(z.string(), z.enum(OWNERS)),
      description: text,
      evidence: z.array(z.enum(EVIDENCE_KINDS)).min(1),
      checks: z.array(id),
      attestations: z.array(text).optional(),
      references: z.strictObject({ c5: z.array(reference).min(1), ccm: z.array(reference).min(1) }),
    }),
  ),
})

/** A layer of the stack, bottom (index 0) to top. */
export interface Layer {
  id: string
  title: string
  description: string
}

/** A service model with the owner of every layer. */
export interface ServiceModel {
  id: ModelId
  title: string
  description: string
  example: string
  owners: Record<string, Ownership>
}

/** An OTC service, its model and the resolved owner of every layer. */
export interface Service {
  id: string
  name: string
  model: ModelId
  description: string
  /** Only the layers whose owner differs from the model's default. */
  overrides: Record<string, Ownership>
  /** Every layer's owner for this service: the model's default with the overrides applied. */
  owners: Record<string, Ownership>
}

/** A unit of responsibility that checks point into. */
export interface Duty {
  id: string
  title: string
  kind: 'customer' | 'provider'
  layer: string
  owner: Record<ModelId, Owner>
  description: string
  evidence: EvidenceKind[]
  checks: string[]
  attestations: string[]
  references: { c5: Reference[]; ccm: Reference[] }
}

/** The whole responsibility model, validated and cross-referenced. */
export interface ResponsibilityModel {
  version: string
  layers: Layer[]
  models: ServiceModel[]
  services: Service[]
  duties: Duty[]
}
