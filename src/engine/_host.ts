/**
 * Duties that only evidence from inside a machine can show (installed patches, updated software).
 * The host checks (`checks/host/`, ids `host-…`) read host reports and say `manual` for a server
 * without one. When a scan selects no check for such a duty, the engine still gives every server
 * a `manual` "evidence required" finding from a pseudo-check, so the gap stays visible in every
 * report and a customer can mute it with a reason.
 * @module
 */

import type { ScopeRef } from '../inventory/scope.ts'
import type { EcsServer } from '../inventory/types.ts'
import type { Duty, Owner } from '../responsibility/schema.ts'
import { makeFinding, refOf } from './_check-findings.ts'
import type { CheckInfo, Finding } from './types.ts'

/** True for duties evidenced only from inside machines (`evidence: [host]`). */
export function isHostOnly(duty: Pick<Duty, 'evidence'>): boolean {
  return duty.evidence.length > 0 && duty.evidence.every((e) => e === 'host')
}

/** True for checks that read in-VM host reports (by the `host-` id prefix of `checks/host/`). */
export function isHostCheckId(id: string): boolean {
  return id.startsWith('host-')
}

/** The id of the pseudo-check that stands for a host-only duty's evidence. */
export function hostCheckId(dutyId: string): string {
  return `${dutyId}-host-evidence`
}

/** The pseudo-check of a host-only duty, shown in reports like any check. */
export function hostCheckInfo(duty: Duty): CheckInfo {
  return {
    id: hostCheckId(duty.id),
    title: `Each server has host evidence that ${duty.title.toLowerCase()}`,
    duty: duty.id,
    service: 'ecs',
    resourceType: 'ecs.server',
    severity: 'medium',
    rationale: `${duty.description} No cloud API shows this; only evidence from inside the server does.`,
    remediation: {
      text: 'Run the Sphere host collector on the server and scan again with its evidence, or mute this finding with a reason that names where the evidence is kept.',
    },
    references: [
      ...duty.references.c5.map((r) => `C5:${r.id}`),
      ...duty.references.ccm.map((r) => `CCM:${r.id}`),
    ],
    requires: [],
    synthetic: true,
  }
}

/** One `manual` "evidence required" finding per server. */
export function hostFindings(
  scope: ScopeRef,
  info: CheckInfo,
  duty: Duty,
  servers: readonly EcsServer[],
  owner: Owner,
): Finding[] {
  return servers.map((s) =>
    makeFinding(
      scope,
      info,
      owner,
      refOf(s),
      'manual',
      `evidence required: run the host collector on ${s.name || s.id} to show that ${duty.title.toLowerCase()}`,
      null,
    ),
  )
}
