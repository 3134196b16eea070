/**
 * How far Sphere's checks reach into a framework (`sphere frameworks`, the README table): per
 * service model, how many criteria there are, how many give the customer a part, how many of
 * those checks evidence, how many only the customer's own evidence can show, and how many are
 * inherited from the provider.
 * @module
 */
import { evidenceChecks } from './mapping.ts'
import { type Framework, MODEL_IDS, type ModelId } from './schema.ts'

/** Coverage of one framework in one model. */
export interface Coverage {
  readonly framework: string
  readonly model: ModelId
  readonly total: number
  /** Criteria whose owner is the customer or shared. */
  readonly customerPart: number
  /** Of those, evidenced by at least one check. */
  readonly evidenced: number
  /** Of those, no check: the customer brings the evidence (`manual`). */
  readonly manual: number
  /** The provider's alone (inherited). */
  readonly inherited: number
}

/** Coverage of `fw` in every model (or one). */
export function frameworkCoverage(
  fw: Framework,
  checks: readonly { readonly id: string; readonly references: readonly string[] }[],
  models: readonly ModelId[] = MODEL_IDS,
): Coverage[] {
  return models.map((model) => {
    const customer = fw.criteria.filter((c) => c.owner[model] !== 'provider' && c.customer)
    const evidenced = customer.filter((c) => evidenceChecks(fw, c, checks).length > 0).length
    return {
      framework: fw.id,
      model,
      total: fw.criteria.length,
      customerPart: customer.length,
      evidenced,
      manual: customer.length - evidenced,
      inherited: fw.criteria.length - customer.length,
    }
  })
}
