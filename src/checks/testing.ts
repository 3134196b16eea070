/**
 * Helpers for check tests: a context over an inventory built from resources, and a one-call
 * runner that applies the same guards as the engine.
 * @module
 */
import type { InventoryInput } from '../inventory/inventory.ts'
import { inventory, NOW } from '../inventory/testing.ts'
import type { AnyResource, ResourceMap, ResourceType } from '../inventory/types.ts'
import type { CheckContext, CheckDefinition, Verdict } from './define.ts'
import { runCheck } from './run.ts'
import { type CheckSettings, resolveSettings } from './settings.ts'

/** Options of {@link ctx}. */
export interface CtxOptions extends Partial<Omit<InventoryInput, 'resources'>> {
  settings?: Partial<CheckSettings>
  now?: Date
}

/** A check context over `resources` (all types complete unless `issues` etc. say otherwise). */
export function ctx(resources: readonly AnyResource[] = [], o: CtxOptions = {}): CheckContext {
  const { settings, now, ...inv } = o
  return {
    inventory: inventory(resources, inv),
    settings: resolveSettings(settings),
    now: now ?? NOW,
  }
}

/**
 * Runs `check` on `resource`, with `others` in the inventory beside it.
 * @example
 * assert.equal(check(serverNotDefaultSg, server({ securityGroupIds: ['sg1'] }), [sg]).status, 'fail')
 */
export function check<T extends ResourceType>(
  def: CheckDefinition<T>,
  resource: ResourceMap[T],
  others: readonly AnyResource[] = [],
  o: CtxOptions = {},
): Verdict {
  const c = ctx([resource, ...others], o)
  // Evaluate the inventory's copy: it carries the links completed from the other resources.
  const linked = (c.inventory.byId(resource.type, resource.id) ?? resource) as ResourceMap[T]
  return runCheck(def, linked, c)
}
