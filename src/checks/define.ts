/**
 * How a check is declared (`defineCheck`) and what it returns (verdicts). A check is data plus one
 * pure function: it reads the inventory through `ctx`, never a client, and never the wall clock.
 * @module
 */
import type { InventoryView } from '../inventory/inventory.ts'
import type { ResourceMap, ResourceType } from '../inventory/types.ts'
import type { HostReportLookup } from '../model/host-report.ts'
import type { CheckSettings } from './settings.ts'

/** Severities, highest first. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const
export type Severity = (typeof SEVERITIES)[number]

/** A JSON value (evidence must serialise deterministically). */
export type Json =
  | string
  | number
  | boolean
  | null
  | readonly Json[]
  | { readonly [k: string]: Json }

/** Facts that back a verdict, e.g. `{ ruleId: 'r1', port: 22, remote: '0.0.0.0/0' }`. */
export type Evidence = { readonly [k: string]: Json }

/** The outcome of one check on one resource. The engine turns it into a finding. */
export type Verdict =
  | { readonly status: 'pass'; readonly message: string; readonly evidence?: Evidence }
  | { readonly status: 'fail'; readonly message: string; readonly evidence: Evidence }
  /** A person has to decide (unknown OS, a value the API does not report). */
  | { readonly status: 'manual'; readonly message: string; readonly evidence?: Evidence }
  /** The check does not apply to this resource, or the cloud does not offer what it needs. */
  | { readonly status: 'notApplicable'; readonly message: string }
  /** The check could not be evaluated: data it needs is missing. Never a silent pass. */
  | {
      readonly status: 'error'
      readonly message: string
      readonly missing?: readonly ResourceType[]
    }

export type VerdictStatus = Verdict['status']

/** The resource passes. */
export const pass = (message: string, evidence?: Evidence): Verdict =>
  evidence ? { status: 'pass', message, evidence } : { status: 'pass', message }
/** The resource fails; `evidence` names the object that makes it fail. */
export const fail = (message: string, evidence: Evidence): Verdict => ({
  status: 'fail',
  message,
  evidence,
})
/** A person must judge. */
export const manual = (message: string, evidence?: Evidence): Verdict =>
  evidence ? { status: 'manual', message, evidence } : { status: 'manual', message }
/** Not applicable, with the reason. */
export const notApplicable = (message: string): Verdict => ({ status: 'notApplicable', message })
/** Not evaluable, naming the missing data. */
export const error = (message: string, missing?: readonly ResourceType[]): Verdict =>
  missing ? { status: 'error', message, missing } : { status: 'error', message }

/** What a check may use besides the resource: read-only lookups, its settings, the scan time. */
export interface CheckContext {
  readonly inventory: InventoryView
  readonly settings: Readonly<CheckSettings>
  /** The scan's "now"; checks never call `Date.now()`. */
  readonly now: Date
  /**
   * In-VM host reports matched to servers, by server id (`sphere scan --host-reports DIR`).
   * Absent when the scan was given none; host checks then ask for a report (`manual`).
   */
  readonly hostReports?: HostReportLookup
}

/** Remediation steps. */
export interface Remediation {
  /** Console steps. */
  readonly text: string
  /** OpenStack / OTC CLI commands. */
  readonly cli?: string
  /** Terraform (opentelekomcloud provider) snippet. */
  readonly terraform?: string
}

/** A check on resources of type `T`. */
export interface CheckDefinition<T extends ResourceType = ResourceType> {
  /** `<service>-<resource>-<secure-state>`, equal to the file name. */
  readonly id: string
  /** The secure condition, ≤120 characters, never starting with "Ensure". */
  readonly title: string
  /** The one duty (in `responsibility/data/duties.yaml`) this check evidences. */
  readonly duty: string
  /** Service id as in `responsibility/data/services.yaml`. */
  readonly service: string
  readonly resourceType: T
  readonly severity: Severity
  /** Why it matters (the risk). */
  readonly rationale: string
  readonly remediation: Remediation
  /** `C5:OPS-06`, `CCM:BCR-08` (from the duty's references) or documentation URLs. */
  readonly references: readonly string[]
  /**
   * Other resource types the check reads through `ctx.inventory` or through derived fields of
   * the resources it reads (`server.securityGroupIds` is data of `vpc.port`). If any was not
   * collected completely the check is not run and reports `error`; if the cloud does not offer
   * one, the check is `notApplicable`.
   */
  readonly requires: readonly ResourceType[]
  /**
   * Types the check reads only for some resources and guards itself: it asks
   * `ctx.inventory.status` first and returns `error` when one it needs is not complete (e.g.
   * the boot volume of a server without an image id). The engine does not guard them.
   */
  readonly alsoReads?: readonly ResourceType[]
  /**
   * The verdict on one resource. It may read only the types it declares (its own,
   * {@link requires}, {@link alsoReads}), including derived fields (`derived-fields.ts`):
   * `server.securityGroupIds` is data of `vpc.port`. Any other read throws.
   */
  evaluate(resource: ResourceMap[T], ctx: CheckContext): Verdict
}

/** Any check, whatever its resource type. */
export type AnyCheck = { [T in ResourceType]: CheckDefinition<T> }[ResourceType]

/**
 * Declares a check (an identity function that exists for type inference).
 * @example
 * export default defineCheck({ id: 'evs-volume-encrypted', resourceType: 'evs.volume', …,
 *   evaluate: (v) => v.encrypted ? pass(`${v.name} is encrypted`) : fail(`${v.name} is not encrypted`, { kmsKeyId: null }) })
 */
export function defineCheck<T extends ResourceType>(def: CheckDefinition<T>): CheckDefinition<T> {
  return def
}

/** The kind of each resource type as messages name it (`security group`), computed once. */
const KINDS = new Map<string, string>()

/**
 * Labels made, per type and id, with the name each was made for: a resource's label is made once
 * and shared by the messages of its findings (three per resource on average; one label per finding
 * was ~8 % of evaluating a 10,000-server inventory). Pure: the text depends on type, id and name.
 */
const LABELS = new Map<string, Map<string, { readonly name: string; readonly text: string }>>()
/** Labels kept before the cache starts over, so a long-running dashboard does not grow with it. */
export const LABELS_MAX = 200_000
let labelCount = 0

/** How many labels are remembered (for tests). */
export function labelsCached(): number {
  return labelCount
}

/** `server "web-1" (3f2a…)`: how messages name a resource. */
export function label(r: { type: string; id: string; name: string }): string {
  const { type, id, name } = r
  let byId = LABELS.get(type)
  if (byId === undefined) {
    byId = new Map()
    LABELS.set(type, byId)
  }
  const hit = byId.get(id)
  if (hit !== undefined && hit.name === name) return hit.text
  let kind = KINDS.get(type)
  if (kind === undefined) {
    kind = type.slice(type.indexOf('.') + 1).replace('-', ' ')
    KINDS.set(type, kind)
  }
  // One flat string (join): a template made ~5 linked pieces per label.
  const text =
    name && name !== id ? [kind, ' "', name, '" (', id, ')'].join('') : [kind, ' ', id].join('')
  if (labelCount >= LABELS_MAX) {
    LABELS.clear()
    labelCount = 0
    byId = new Map()
    LABELS.set(type, byId)
  }
  if (hit === undefined) labelCount++
  byId.set(id, { name, text })
  return text
}

/** Whole days between an ISO time and `now` (negative if in the future); null for null. */
export function ageDays(iso: string | null, now: Date): number | null {
  if (!iso) return null
  const t = Date.parse(iso)
  return Number.isNaN(t) ? null : Math.floor((now.getTime() - t) / 86_400_000)
}
