/**
 * Runs one check over its resources and turns the verdicts into findings, with the uniform rules:
 * a resource type the cloud does not offer, or that was not (fully) collected, becomes an `error`
 * naming why, never a pass; a check that throws becomes an `error` naming the check, and so
 * does a check that reads a type (or a derived field of one) it does not declare.
 * @module
 */
import type { AnyCheck, CheckContext, Evidence, Verdict } from '../checks/define.ts'
import { label } from '../checks/define.ts'
import { checkScope, guardRequires } from '../checks/run.ts'
import { type Inventory, PendingTypeError } from '../inventory/inventory.ts'
import type { ScopeRef } from '../inventory/scope.ts'
import type { AnyResource, ResourceType, UnavailableType } from '../inventory/types.ts'
import type { Owner } from '../responsibility/schema.ts'
import { type FingerprintPrefix, fingerprintPrefix, fingerprintWith } from './fingerprint.ts'
import type { ErrorCause, Finding, FindingStatus, ResourceRef } from './types.ts'

/** What the per-check evaluation needs besides the check. */
export interface CheckEnv {
  readonly scope: ScopeRef
  readonly inventory: Inventory
  readonly ctx: CheckContext
  /** The project as a resource in a region, by default the scan's (for project-level findings). */
  readonly project: (region?: string) => ResourceRef
  readonly owner: Owner
}

/** The last prefix used: findings come check by check, so it nearly always fits the next one. */
let last: { scope: ScopeRef; checkId: string; type: string; prefix: FingerprintPrefix } | undefined

function fingerprint(scope: ScopeRef, checkId: string, type: string, id: string): string {
  if (last?.scope !== scope || last.checkId !== checkId || last.type !== type)
    last = { scope, checkId, type, prefix: fingerprintPrefix(scope, checkId, type) }
  return fingerprintWith(last.prefix, id)
}

/** Builds a finding; optional fields are left out when empty so JSON stays minimal. */
export function makeFinding(
  scope: ScopeRef,
  check: Pick<AnyCheck, 'id' | 'duty' | 'service' | 'severity'>,
  owner: Owner,
  resource: ResourceRef,
  status: FindingStatus,
  message: string,
  evidence: Evidence | null,
  cause?: ErrorCause,
): Finding {
  const f: Finding = {
    fingerprint: fingerprint(scope, check.id, resource.type, resource.id),
    scope,
    checkId: check.id,
    duty: check.duty,
    service: check.service,
    owner,
    severity: check.severity,
    status,
    resource,
    message,
    evidence,
  }
  return cause ? { ...f, cause } : f
}

const REFS = new WeakMap<AnyResource, ResourceRef>()
const LIST_REFS = new WeakMap<readonly AnyResource[], readonly ResourceRef[]>()

/** The reference of a resource: one object per resource, shared by all its findings. */
export function refOf(r: AnyResource): ResourceRef {
  let ref = REFS.get(r)
  if (!ref) {
    ref = Object.freeze({ type: r.type, id: r.id, name: r.name, region: r.region })
    REFS.set(r, ref)
  }
  return ref
}

/**
 * The references of a type's list, by position: one lookup per check instead of one per
 * resource (a `WeakMap` lookup per resource was 8% of evaluation at 10,000 servers).
 */
function refsOf(list: readonly AnyResource[]): readonly ResourceRef[] {
  let refs = LIST_REFS.get(list)
  if (!refs) {
    refs = list.map(refOf)
    LIST_REFS.set(list, refs)
  }
  return refs
}

const ORDERS = new WeakMap<readonly AnyResource[], Uint32Array | null>()

/**
 * The positions of a type's list in the order findings are reported (region, type, id; ties in
 * list order), or null when the list is in that order already: computed once per list, so each
 * check's findings come out sorted instead of being sorted check by check.
 */
export function reportOrder(list: readonly AnyResource[]): Uint32Array | null {
  let order = ORDERS.get(list)
  if (order === undefined) {
    // One string per resource, sorted natively (no comparator call per comparison): region,
    // type and id separated by U+0000, which sorts before every other code unit (as `cmp` puts
    // a prefix first), then the position as a tie-break.
    const keys = new Array<string>(list.length)
    for (let i = 0; i < list.length; i++) {
      const r = list[i]!
      keys[i] = `${r.region}\u0000${r.type}\u0000${r.id}\u0000${i.toString(36).padStart(8, '0')}`
    }
    keys.sort()
    let sorted = true
    const positions = new Uint32Array(list.length)
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k]!
      const i = Number.parseInt(key.slice(key.lastIndexOf('\u0000') + 1), 36)
      positions[k] = i
      if (i !== k) sorted = false
    }
    order = sorted ? null : positions
    ORDERS.set(list, order)
  }
  return order
}

function unavailableText(list: readonly UnavailableType[]): string {
  const services = [...new Set(list.map((u) => u.service.toUpperCase()))].join(', ')
  const reasons = [...new Set(list.map((u) => u.reason))].join('; ')
  return `not evaluable on this cloud: ${services} is not offered (${reasons})`
}

/** Findings about the check's own resource type when it could not be listed (fully). */
function typeFindings(check: AnyCheck, env: CheckEnv): Finding[] {
  const inv = env.inventory
  const type = check.resourceType
  const at = (
    region: string | undefined,
    message: string,
    cause: ErrorCause,
    evidence: Evidence | null,
  ) =>
    makeFinding(env.scope, check, env.owner, env.project(region), 'error', message, evidence, cause)
  const status = inv.status(type)
  if (status === 'unavailable') {
    const list = inv.unavailable.filter((u) => u.resourceType === type)
    return [at(undefined, unavailableText(list), 'unavailable', { resourceType: type })]
  }
  if (status === 'not-collected')
    return [
      at(
        undefined,
        `cannot evaluate ${check.id}: ${type} was not collected by this scan`,
        'not-collected',
        { resourceType: type },
      ),
    ]
  const byRegion = new Map<string, string[]>()
  for (const i of inv.issuesFor(type)) {
    const l = byRegion.get(i.region) ?? []
    l.push(`${i.errorKind}: ${i.message}`)
    byRegion.set(i.region, l)
  }
  return [...byRegion].map(([region, msgs]) =>
    at(
      region,
      `cannot evaluate ${check.id} completely: ${type} could not be listed in ${region} (${msgs.join('; ')})`,
      'incomplete',
      { resourceType: type, region },
    ),
  )
}

/** The finding of one verdict (no tuple, no closure: it runs once per resource). */
function verdictFinding(env: CheckEnv, check: AnyCheck, ref: ResourceRef, v: Verdict): Finding {
  const { scope, owner } = env
  switch (v.status) {
    case 'notApplicable':
      return makeFinding(scope, check, owner, ref, 'not_applicable', v.message, null)
    case 'error':
      return v.missing
        ? makeFinding(
            scope,
            check,
            owner,
            ref,
            'error',
            v.message,
            { missing: [...v.missing] },
            'incomplete',
          )
        : makeFinding(scope, check, owner, ref, 'error', v.message, null, 'data')
    default:
      return makeFinding(scope, check, owner, ref, v.status, v.message, v.evidence ?? null)
  }
}

/** Resources a check evaluates between two steps of {@link checkFindingSteps}. */
const STEP = 256

/** Every finding of `check` in the inventory. */
export function checkFindings(check: AnyCheck, env: CheckEnv): Finding[] {
  const out: Finding[] = []
  const steps = checkFindingSteps(check, env, out)
  while (!steps.next().done);
  return out
}

/**
 * {@link checkFindings} in steps of {@link STEP} resources, appending to `out`, so a caller can
 * give the event loop a turn inside a long check (requests still in flight are answered).
 * A {@link PendingTypeError} (a read of a type still being collected) is not a finding: it is
 * thrown, and the caller runs the check again when every type is in.
 */
export function* checkFindingSteps(
  check: AnyCheck,
  env: CheckEnv,
  out: Finding[],
): Generator<void, void> {
  const inv = env.inventory
  for (const f of typeFindings(check, env)) out.push(f)
  if (inv.status(check.resourceType) === 'unavailable') return
  const unavailable = inv.unavailable.filter((u) => check.requires.includes(u.resourceType))
  const unavailableMessage = unavailable.length > 0 ? unavailableText(unavailable) : undefined
  const resources = inv.all(check.resourceType as ResourceType) as readonly AnyResource[]
  // The check sees only the types it declares; an undeclared read throws (→ `check-threw`).
  const scope = checkScope(check, env.ctx)
  const evaluate = check.evaluate as (x: AnyResource, c: CheckContext) => Verdict
  // The guard depends on the region only (the inventory does not change during a scan).
  const guards = new Map<string, Verdict | null>()
  const refs = refsOf(resources)
  // In report order, so the findings need (almost) no sorting afterwards.
  const order = reportOrder(resources)
  for (let k = 0; k < resources.length; k++) {
    if (k % STEP === STEP - 1) yield
    const i = order ? order[k]! : k
    const r = resources[i]!
    const ref = refs[i]!
    if (unavailableMessage !== undefined) {
      const missing = { missing: unavailable.map((u) => u.resourceType) }
      out.push(
        makeFinding(
          env.scope,
          check,
          env.owner,
          ref,
          'error',
          unavailableMessage,
          missing,
          'unavailable',
        ),
      )
      continue
    }
    let guard = guards.get(r.region)
    if (guard === undefined) {
      guard = guardRequires(check, r.region, env.ctx)
      guards.set(r.region, guard)
    }
    if (guard) {
      out.push(verdictFinding(env, check, ref, guard))
      continue
    }
    let verdict: Verdict
    try {
      verdict = evaluate.call(check, scope.resource(r), scope.ctx)
    } catch (err) {
      if (err instanceof PendingTypeError) throw err
      const msg = err instanceof Error ? err.message : String(err)
      const text = `check ${check.id} failed on ${label(r)}: ${msg}`
      out.push(makeFinding(env.scope, check, env.owner, ref, 'error', text, null, 'check-threw'))
      continue
    }
    out.push(verdictFinding(env, check, ref, verdict))
  }
}
