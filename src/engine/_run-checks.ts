/**
 * Runs the checks of one scope: one {@link CheckEnv} per check (context, owner, the project as a
 * resource), the findings of each check in check order, then the host-evidence pseudo-checks.
 * Findings computed earlier (checks run while other types were still being collected, see
 * `staged-scope.ts`) are taken as they are, in the same place, so the result is the same.
 * @module
 */
import type { AnyCheck, CheckContext } from '../checks/define.ts'
import type { EcsServer } from '../inventory/types.ts'
import type { Duty } from '../responsibility/schema.ts'
import { type CheckEnv, checkFindingSteps } from './_check-findings.ts'
import { hostCheckInfo, hostFindings, isHostOnly } from './_host.ts'
import { ownerFor } from './duties.ts'
import type { EvaluateInput } from './evaluate.ts'
import type { CheckInfo, Finding, ResourceRef, ScanNote } from './types.ts'

/** What running the checks of a scope gave, before muting. */
export interface Ran {
  infos: CheckInfo[]
  findings: Finding[]
  notes: ScanNote[]
}

/** Findings of checks that already ran, by check id. */
export type DoneChecks = ReadonlyMap<string, readonly Finding[]>

/** The facts about a check that its findings carry. */
export function checkInfo(c: AnyCheck): CheckInfo {
  const { id, title, duty, service, resourceType, severity } = c
  const { rationale, remediation, references, requires } = c
  return {
    id,
    title,
    duty,
    service,
    resourceType,
    severity,
    rationale,
    remediation,
    references,
    requires,
    synthetic: false,
  }
}

/** The environment of each check of a scope (one context shared by every check). */
export function checkEnvs(input: EvaluateInput): (c: AnyCheck) => CheckEnv {
  const { inventory: inv, model, scope } = input
  const services = new Map(model.services.map((s) => [s.id, s]))
  const dutyById = new Map(model.duties.map((d) => [d.id, d]))
  const ctx: CheckContext = {
    inventory: inv,
    settings: input.settings,
    now: input.now,
    ...(input.hostReports ? { hostReports: input.hostReports } : {}),
  }
  const project = (region = scope.region): ResourceRef => {
    const p = inv.all('project').find((x) => x.region === region && x.id === scope.projectId)
    return { type: 'project', id: scope.projectId, name: p?.name ?? scope.projectName, region }
  }
  return (c) => {
    const duty = dutyById.get(c.duty)
    const owner = duty ? ownerFor(duty, services.get(c.service)) : 'customer'
    return { scope, inventory: inv, ctx, project, owner }
  }
}

/**
 * Findings of every check plus the host-evidence pseudo-checks, before muting, in steps (every
 * few hundred resources), so a caller can let other work (requests in flight) run between.
 */
export function* runChecks(
  input: EvaluateInput,
  checks: readonly AnyCheck[],
  duties: readonly Duty[],
  done: DoneChecks = new Map(),
): Generator<void, Ran> {
  const { inventory: inv, model, scope } = input
  const services = new Map(model.services.map((s) => [s.id, s]))
  const dutyIds = new Set(model.duties.map((d) => d.id))
  const envOf = checkEnvs(input)
  const infos: CheckInfo[] = []
  const findings: Finding[] = []
  const notes: ScanNote[] = []
  for (const c of checks) {
    infos.push(checkInfo(c))
    if (!dutyIds.has(c.duty))
      notes.push({
        level: 'warning',
        code: 'check-unknown-duty',
        message: `check ${c.id} names unknown duty "${c.duty}"`,
      })
    const early = done.get(c.id)
    // Loops, not push(...list): spreading 100k+ findings overflows the call stack.
    if (early) for (const f of early) findings.push(f)
    else yield* checkFindingSteps(c, envOf(c), findings)
    yield
  }
  // A host-only duty no selected check covers still shows, per server, that evidence is missing.
  const servers = inv.all('ecs.server') as readonly EcsServer[]
  const hostDuties =
    servers.length > 0
      ? duties.filter(
          (x) => x.kind === 'customer' && isHostOnly(x) && !checks.some((c) => c.duty === x.id),
        )
      : []
  for (const d of hostDuties) {
    const info = hostCheckInfo(d)
    infos.push(info)
    for (const f of hostFindings(scope, info, d, servers, ownerFor(d, services.get('ecs'))))
      findings.push(f)
  }
  return { infos, findings, notes }
}
