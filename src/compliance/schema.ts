/**
 * Schemas of the compliance framework data (`data/<framework>.yaml`, `data/attestations.yaml`) and
 * the resolved types. A framework file lists every criterion of one catalogue with its owner per
 * service model, the customer part (duties and checks that evidence it, or the evidence a person
 * must bring) and the provider part (the attestations that cover it).
 * @module
 */
import { z } from 'zod'
import { MODEL_IDS, type ModelId, OWNERS, type Owner } from '../responsibility/schema.ts'

const text = z.string().trim().min(1, 'expected a non-empty text')
const kebab = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id')
const code = z.string().regex(/^[A-Z][A-Z&]{0,4}$/, 'expected a domain code like OPS or A&A')
const ownerByModel = z.strictObject({
  iaas: z.enum(OWNERS),
  paas: z.enum(OWNERS),
  saas: z.enum(OWNERS),
})

/** `data/attestations.yaml` */
export const AttestationsFile = z.strictObject({
  attestations: z
    .array(
      z.strictObject({
        id: kebab,
        title: text,
        issuer: text,
        /** False when no source we could read lists it for the provider. */
        verified: z.boolean(),
        note: text.optional(),
      }),
    )
    .min(1),
})

/** The customer part of a criterion. */
const customerPart = z.strictObject({
  /** What the customer does, in one sentence. */
  part: text,
  /** Customer duties (responsibility model) that evidence it. */
  duties: z.array(kebab),
  /** Checks beyond those that cite the criterion in their own references. */
  checks: z.array(kebab).optional(),
  /** What the customer must bring where no check can show it (a procedure, a record). */
  manual: text.optional(),
})

/** The provider part of a criterion. */
const providerPart = z.strictObject({
  part: text,
  /** Ids from `attestations.yaml`. */
  attestations: z.array(kebab).min(1, 'expected at least one attestation'),
})

/** `data/<framework>.yaml` */
export const FrameworkFile = z.strictObject({
  framework: z.strictObject({
    id: kebab,
    name: text,
    title: text,
    publisher: text,
    version: text,
    /** How checks cite it: `C5` in `C5:OPS-06`. */
    referencePrefix: z.string().regex(/^[A-Z0-9]+$/, 'expected upper-case letters like C5'),
    /** The key of `references` on duties (`c5`), when duties cite this framework. */
    dutyReferences: z.string().optional(),
    /** What one entry is called: criterion, control, requirement. */
    unit: z.enum(['criterion', 'control', 'requirement']),
    domains: z
      .array(z.strictObject({ id: code, title: text, count: z.number().int().min(1) }))
      .min(1),
  }),
  criteria: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[A-Z][A-Z&]{0,4}-\d{2}$/, 'expected an id like OPS-06 or A&A-01'),
        domain: code,
        title: text,
        owner: ownerByModel,
        /** In CSA's CCM-Lite subset. */
        lite: z.boolean().optional(),
        customer: customerPart.optional(),
        provider: providerPart.optional(),
        /** Customer duties that mirror this provider criterion in the customer's own scope. */
        analogue: z.array(kebab).optional(),
      }),
    )
    .min(1),
})

/** An attestation or certificate of the provider. */
export interface Attestation {
  id: string
  title: string
  issuer: string
  verified: boolean
  note?: string
}

/** One criterion (C5) or control (CCM) of a framework. */
export interface Criterion {
  id: string
  domain: string
  title: string
  owner: Record<ModelId, Owner>
  lite: boolean
  customer: {
    part: string
    duties: string[]
    checks: string[]
    manual?: string
  } | null
  provider: { part: string; attestations: string[] } | null
  analogue: string[]
}

/** A framework's domain (area) with its declared number of criteria. */
export interface Domain {
  id: string
  title: string
  count: number
}

/** A framework, validated and cross-checked. */
export interface Framework {
  id: string
  name: string
  title: string
  publisher: string
  version: string
  referencePrefix: string
  dutyReferences?: string
  unit: 'criterion' | 'control' | 'requirement'
  domains: Domain[]
  criteria: Criterion[]
}

export type { ModelId, Owner }
export { MODEL_IDS }
