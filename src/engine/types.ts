/**
 * The result of one scan: what the engine hands to every report, the store and the CLI. Plain,
 * JSON-serialisable data, fully sorted, so the same inputs always give the same result.
 * @module
 */
import type { Evidence, Remediation, Severity } from '../checks/define.ts'
import type { ScopeRef } from '../inventory/scope.ts'
import type {
  CollectionIssue,
  CollectionStatus,
  ResourceType,
  UnavailableType,
} from '../inventory/types.ts'
import type { EvidenceKind, ModelId, Owner, Reference } from '../responsibility/schema.ts'

/** Status of one check on one resource. */
export const FINDING_STATUSES = [
  'fail',
  'error',
  'manual',
  'muted',
  'pass',
  'not_applicable',
] as const
export type FindingStatus = (typeof FINDING_STATUSES)[number]

/**
 * Why a finding is `error`: the service is not offered by this cloud (`unavailable`), data it
 * needs was collected only in part (`incomplete`) or not at all (`not-collected`), the check threw
 * (`check-threw`) or the check itself reported missing data (`data`).
 */
export type ErrorCause = 'unavailable' | 'incomplete' | 'not-collected' | 'check-threw' | 'data'

/** The resource a finding is about. */
export interface ResourceRef {
  readonly type: ResourceType
  readonly id: string
  readonly name: string
  readonly region: string
}

/** The mutelist entry that muted a finding. */
export interface MuteRef {
  readonly reason: string
  /** Last day (UTC) the entry mutes, `YYYY-MM-DD`, or null for no expiry. */
  readonly expires: string | null
  /** Where the entry is: `mutes[3]`. */
  readonly entry: string
}

/** One check on one resource. */
export interface Finding {
  /**
   * sha256 of the scope (cloud, region, project id), check id, resource type and resource id:
   * stable across scans of the same clouds.yaml entry (see `fingerprint.ts`).
   */
  readonly fingerprint: string
  /** The project (or account) the resource belongs to. */
  readonly scope: ScopeRef
  readonly checkId: string
  readonly duty: string
  readonly service: string
  /** Owner of the duty for this service's model (or the service's own override). */
  readonly owner: Owner
  readonly severity: Severity
  readonly status: FindingStatus
  /** For `muted` findings: the status the mutelist covered. */
  readonly mutedStatus?: 'fail' | 'manual'
  readonly mute?: MuteRef
  /** For `fail` / `manual` findings: a mutelist entry that covered it but has expired. */
  readonly expiredMute?: MuteRef
  /** For `error` findings: why it could not be evaluated. */
  readonly cause?: ErrorCause
  readonly resource: ResourceRef
  readonly message: string
  readonly evidence: Evidence | null
}

/** Check metadata as reports need it (a check without its code). */
export interface CheckInfo {
  readonly id: string
  readonly title: string
  readonly duty: string
  readonly service: string
  readonly resourceType: ResourceType
  readonly severity: Severity
  readonly rationale: string
  readonly remediation: Remediation
  readonly references: readonly string[]
  readonly requires: readonly ResourceType[]
  /** True for the engine's "evidence required" pseudo-checks of host-evidenced duties. */
  readonly synthetic: boolean
}

/** Status of a duty for this project. */
export const DUTY_STATUSES = ['not_met', 'unknown', 'met', 'inherited'] as const
export type DutyStatus = (typeof DUTY_STATUSES)[number]

/** Finding counts by status. */
export type StatusCounts = Record<FindingStatus, number>

/** Who owns a duty for the services found in the project, grouped by model and owner. */
export interface DutyOwnerPart {
  readonly model: ModelId
  readonly owner: Owner
  /** Service ids present in the project, sorted. */
  readonly services: readonly string[]
}

/** One duty of the responsibility model, rolled up over its findings. */
export interface DutyResult {
  readonly id: string
  readonly title: string
  readonly kind: 'customer' | 'provider'
  readonly layer: string
  /** The most demanding owner over the services present: customer > shared > provider. */
  readonly owner: Owner
  readonly owners: readonly DutyOwnerPart[]
  readonly status: DutyStatus
  /** Why the status is what it is, in one sentence. */
  readonly reason: string
  readonly counts: StatusCounts
  readonly checks: readonly string[]
  /** Evidence kinds this duty needs that the scan could not supply (`host`, `manual`). */
  readonly evidenceRequired: readonly EvidenceKind[]
  /** Provider attestations (for inherited duties). */
  readonly attestations: readonly string[]
  readonly references: { readonly c5: readonly Reference[]; readonly ccm: readonly Reference[] }
}

/** A layer of the stack with its owner per model present and the duties on it. */
export interface LayerResult {
  readonly id: string
  readonly title: string
  readonly owners: Partial<Record<ModelId, Owner>>
  readonly duties: readonly string[]
}

/** A warning or remark about the scan itself (expired mute, unknown check in a mutelist, host report …). */
export interface ScanNote {
  /** The scope it concerns, when it concerns one (a host report matched in one project). */
  readonly scope?: ScopeRef
  readonly level: 'warning' | 'info'
  readonly code:
    | 'mute-expired'
    | 'mute-unknown-check'
    | 'mute-unused'
    | 'check-unknown-duty'
    /** Host reports (`sphere scan --host-reports`): one note per file, `source` names it. */
    | 'host-report-matched'
    | 'host-report-stale'
    | 'host-report-superseded'
    | 'host-report-unmatched'
    | 'host-report-invalid'
    /** A project the selection left out (not in the selected regions). */
    | 'scope-skipped'
  readonly message: string
  /** Where it comes from, e.g. `mutelist.yaml: mutes[2]`. */
  readonly source?: string
}

/** When the scan ran. */
export interface ScanMeta {
  readonly startedAt: string
  readonly finishedAt: string
  /** The engine's `now` (evaluation time). */
  readonly evaluatedAt: string
}

/** Inventory summary: how many resources of each type and how well each type was collected. */
export interface InventorySummary {
  readonly counts: Partial<Record<ResourceType, number>>
  readonly status: Partial<Record<ResourceType, CollectionStatus>>
  /** Service ids with at least one resource, sorted. */
  readonly services: readonly string[]
  /** Service models of those services, in model order. */
  readonly models: readonly ModelId[]
}

/** A collection issue and the scope it happened in. */
export interface ScopedIssue extends CollectionIssue {
  readonly scope: ScopeRef
}

/** A resource type a scope's cloud does not offer, and the scope. */
export interface ScopedUnavailable extends UnavailableType {
  readonly scope: ScopeRef
}

/** A duty as one scope has it. */
export interface ScopeDuty {
  readonly id: string
  readonly owner: Owner
  readonly status: DutyStatus
  readonly reason: string
  readonly counts: StatusCounts
}

/** What one scope was, where it was read from, and how its duties stand. */
export interface ScopeResult {
  readonly scope: ScopeRef
  /** Keystone URL of its cloud (without user info). */
  readonly authUrl: string
  /** The API version that served each service read in several (`{ ces: 'v1' }`), when known. */
  readonly apiVersions?: Readonly<Record<string, string>>
  readonly inventory: InventorySummary
  /** The duties that apply in this scope (account scopes: those with account-wide checks). */
  readonly duties: readonly ScopeDuty[]
  readonly issues: number
}

/**
 * The whole result of one scan of one or many scopes. `duties` are the organisation's: a duty is
 * met only when every scope it applies to meets it; `scopes[].duties` have each scope's own.
 */
export interface ScanResult {
  readonly tool: { readonly name: string; readonly version: string }
  readonly modelVersion: string
  readonly scan: ScanMeta
  readonly scopes: readonly ScopeResult[]
  /** Totals over every scope. */
  readonly inventory: InventorySummary
  readonly issues: readonly ScopedIssue[]
  readonly unavailable: readonly ScopedUnavailable[]
  readonly checks: readonly CheckInfo[]
  readonly duties: readonly DutyResult[]
  readonly layers: readonly LayerResult[]
  readonly findings: readonly Finding[]
  readonly notes: readonly ScanNote[]
}

/** Zero counts for every status. */
export function emptyCounts(): StatusCounts {
  return { fail: 0, error: 0, manual: 0, muted: 0, pass: 0, not_applicable: 0 }
}
