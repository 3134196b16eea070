/**
 * Runs one check on one resource with the uniform guards: a required type the cloud does not
 * offer makes the check `notApplicable`; one that was not collected completely makes it `error`
 * (never `pass`); a check that throws becomes an `error` naming the check. A check reads only
 * what it declares ({@link checkScope}); an undeclared read throws, and so becomes that `error`.
 * @module
 */
import { type DeclaredView, declaredView } from '../inventory/declared-view.ts'
import {
  type AnyResource,
  RESOURCE_SERVICES,
  type ResourceMap,
  type ResourceType,
} from '../inventory/types.ts'
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

/** The types a check may read: its own, `requires` and `alsoReads`. */
export function declaredTypes(
  check: Pick<AnyCheck, 'resourceType' | 'requires' | 'alsoReads'>,
): ResourceType[] {
  return [...new Set([check.resourceType, ...check.requires, ...(check.alsoReads ?? [])])]
}

/** A check's context with an inventory limited to what it declares (see {@link checkScope}). */
export interface CheckScope {
  readonly ctx: CheckContext
  /** A resource as the check may see it (undeclared derived fields throw when read). */
  readonly resource: DeclaredView['resource']
}

/**
 * The context `check` runs in: `ctx` whose inventory exposes only the check's declared types
 * ({@link declaredTypes}); reading anything else, derived fields included, throws an
 * `UndeclaredReadError` naming the check and the type. Build it once per check, not per resource.
 */
export function checkScope(
  check: Pick<AnyCheck, 'id' | 'resourceType' | 'requires' | 'alsoReads'>,
  ctx: CheckContext,
): CheckScope {
  const view = declaredView(ctx.inventory, {
    reader: `check ${check.id}`,
    declared: declaredTypes(check),
    hint: 'add it to requires',
  })
  return { ctx: { ...ctx, inventory: view }, resource: (r) => view.resource(r) }
}

/**
 * Evaluates `check` on `resource`, applying the guards and the declared-reads view.
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
    const scope = checkScope(check as AnyCheck, ctx)
    return check.evaluate(scope.resource(resource as AnyResource) as ResourceMap[T], scope.ctx)
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err)
    return error(`check ${check.id} failed on ${resource.id}: ${msg}`)
  }
}
