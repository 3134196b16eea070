/**
 * Runs one check on one resource with the uniform guards: a required type the cloud does not
 * offer makes the check `notApplicable`; one that was not collected completely makes it `error`
 * (never `pass`); a check that throws becomes an `error` naming the check.
 * @module
 */
import { RESOURCE_SERVICES, type ResourceMap, type ResourceType } from '../inventory/types.ts'
import {
  type AnyCheck,
  type CheckContext,
  type CheckDefinition,
  error,
  notApplicable,
  type Verdict,
} from './define.ts'

/** Why a check cannot run on a resource, or null if it can. */
export function guardRequires(
  check: Pick<AnyCheck, 'id' | 'requires'>,
  region: string,
  ctx: CheckContext,
): Verdict | null {
  const inv = ctx.inventory
  const unavailable = check.requires.filter((t) => inv.status(t) === 'unavailable')
  if (unavailable.length > 0) {
    const services = [...new Set(unavailable.map((t) => RESOURCE_SERVICES[t].toUpperCase()))]
    return notApplicable(
      `not evaluable on this cloud: ${services.join(', ')} is not offered (needs ${unavailable.join(', ')})`,
    )
  }
  const missing = check.requires.filter((t) => !inv.isComplete(t, region))
  if (missing.length === 0) return null
  const why = missing.map((t) => {
    const issues = inv.issuesFor(t, region)
    return issues.length > 0
      ? `${t} (${issues.map((i) => `${i.region}: ${i.message}`).join('; ')})`
      : `${t} (${inv.status(t, region)})`
  })
  return error(`cannot evaluate ${check.id}: incomplete data for ${why.join(', ')}`, missing)
}

/**
 * Evaluates `check` on `resource`, applying the guards.
 * @example
 * const v = runCheck(evsVolumeEncrypted, volume, { inventory, settings: DEFAULT_SETTINGS, now })
 */
export function runCheck<T extends ResourceType>(
  check: CheckDefinition<T>,
  resource: ResourceMap[T],
  ctx: CheckContext,
): Verdict {
  const guard = guardRequires(check as AnyCheck, resource.region, ctx)
  if (guard) return guard
  try {
    return check.evaluate(resource, ctx)
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err)
    return error(`check ${check.id} failed on ${resource.id}: ${msg}`)
  }
}
