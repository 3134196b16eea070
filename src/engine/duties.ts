/**
 * Rolls findings up into the duties of the responsibility model: who owns each duty for the
 * services found in the project, and whether the customer's part is done (`met`), not done
 * (`not_met`), cannot be told (`unknown`) or is the provider's (`inherited`).
 * @module
 */

import {
  type Duty,
  MODEL_IDS,
  type ModelId,
  type Owner,
  type ResponsibilityModel,
  type Service,
} from '../responsibility/schema.ts'
import { dutyOwner } from '../responsibility/select.ts'
import {
  type DutyOwnerPart,
  type DutyResult,
  type DutyStatus,
  emptyCounts,
  type Finding,
  type LayerResult,
  type StatusCounts,
} from './types.ts'

const OWNER_WEIGHT: Record<Owner, number> = { customer: 2, shared: 1, provider: 0 }

/** The most demanding of some owners (customer > shared > provider). */
export function strongestOwner(owners: Iterable<Owner>): Owner {
  let best: Owner = 'provider'
  for (const o of owners) if (OWNER_WEIGHT[o] > OWNER_WEIGHT[best]) best = o
  return best
}

/** Owner of a duty for one service (its model, with the service's layer overrides). */
export function ownerFor(duty: Duty, service: Service | undefined): Owner {
  if (!service) return strongestOwner(Object.values(duty.owner))
  return dutyOwner(duty, service.model, service)
}

/** Owner parts of a duty over the present services, grouped by model and owner. */
export function ownerParts(duty: Duty, present: readonly Service[]): DutyOwnerPart[] {
  const groups = new Map<string, { model: ModelId; owner: Owner; services: string[] }>()
  for (const s of present) {
    const owner = ownerFor(duty, s)
    const key = `${s.model}/${owner}`
    const g = groups.get(key) ?? { model: s.model, owner, services: [] }
    g.services.push(s.id)
    groups.set(key, g)
  }
  return [...groups.values()]
    .map((g) => ({ ...g, services: g.services.sort() }))
    .sort(
      (a, b) =>
        MODEL_IDS.indexOf(a.model) - MODEL_IDS.indexOf(b.model) ||
        OWNER_WEIGHT[b.owner] - OWNER_WEIGHT[a.owner],
    )
}

/** What the rollup needs to know beyond the findings. */
export interface RollupInput {
  readonly duty: Duty
  readonly findings: readonly Finding[]
  /** Check ids (real and pseudo) evaluated for the duty. */
  readonly checks: readonly string[]
  readonly present: readonly Service[]
  /** The project has servers whose inside no evidence covers yet. */
  readonly hostGap: boolean
}

function countsOf(findings: readonly Finding[]): StatusCounts {
  const c = emptyCounts()
  for (const f of findings) c[f.status]++
  return c
}

function statusOf(i: RollupInput, c: StatusCounts, owner: Owner): [DutyStatus, string] {
  if (i.duty.kind === 'provider')
    return ['inherited', "the provider's duty, evidenced by its attestations"]
  if (c.fail > 0) return ['not_met', `${c.fail} failing finding${c.fail === 1 ? '' : 's'}`]
  if (c.error > 0 || c.manual > 0) {
    const parts = [
      c.error && `${c.error} not evaluable`,
      c.manual && `${c.manual} need a person or evidence`,
    ]
    return ['unknown', parts.filter(Boolean).join(', ')]
  }
  if (owner === 'provider')
    return ['inherited', 'the provider owns this duty for the services in this project']
  const host = i.hostGap && i.duty.evidence.includes('host')
  if (i.checks.length === 0)
    return [
      'unknown',
      `no automated check covers this duty yet${host ? '; the in-VM part needs host evidence' : ''}`,
    ]
  if (host)
    return [
      'unknown',
      'the API checks pass; the in-VM part needs host evidence (run the host collector)',
    ]
  const manual = i.duty.evidence.includes('manual')
    ? '; the manual part needs your own evidence'
    : ''
  if (c.pass + c.not_applicable + c.muted === 0) return ['met', `no resources in scope${manual}`]
  const muted = c.muted > 0 ? `all pass or muted (${c.muted} muted)` : 'all findings pass'
  return ['met', muted + manual]
}

/** Rolls one duty up. */
export function rollupDuty(i: RollupInput): DutyResult {
  const { duty } = i
  const owners = duty.kind === 'provider' ? [] : ownerParts(duty, i.present)
  const owner =
    duty.kind === 'provider'
      ? 'provider'
      : owners.length > 0
        ? strongestOwner(owners.map((o) => o.owner))
        : ownerFor(duty, undefined)
  const counts = countsOf(i.findings)
  const [status, reason] = statusOf(i, counts, owner)
  const evidenceRequired = duty.evidence.filter(
    (e) => e === 'manual' || (e === 'host' && i.hostGap),
  )
  return {
    id: duty.id,
    title: duty.title,
    kind: duty.kind,
    layer: duty.layer,
    owner,
    owners,
    status,
    reason,
    counts,
    checks: [...i.checks].sort(),
    evidenceRequired: duty.kind === 'provider' ? [] : evidenceRequired,
    attestations: duty.attestations,
    references: duty.references,
  }
}

/** The layers of the model with their owners for the models present (all if none). */
export function layerResults(
  model: ResponsibilityModel,
  models: readonly ModelId[],
  duties: readonly Pick<DutyResult, 'id' | 'layer'>[],
): LayerResult[] {
  const shown = models.length > 0 ? models : MODEL_IDS
  return model.layers.map((l) => ({
    id: l.id,
    title: l.title,
    owners: Object.fromEntries(
      model.models.filter((m) => shown.includes(m.id)).map((m) => [m.id, m.owners[l.id]!.owner]),
    ),
    duties: duties.filter((d) => d.layer === l.id).map((d) => d.id),
  }))
}
