import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checks } from '../checks/index.ts'
import { DEFAULT_SETTINGS } from '../checks/settings.ts'
import { CloudApiError } from '../clients/core/errors.ts'
import { createSession, type SessionDeps } from '../clients/core/session.ts'
import { passwordCloudConfig } from '../config/cloud-config.ts'
import { createEmulator, loginFor } from '../emulator/index.ts'
import { loadWorld } from '../emulator/world/load.ts'
import type { ScopeInventory } from '../inventory/saved.ts'
import { loadResponsibilityModel } from '../responsibility/load.ts'
import { planCloud, regionOfProjectName } from './plan-scopes.ts'
import { collectScopes, RegionError, ScanEvaluator } from './run-scan.ts'
import { scanClouds } from './scan-clouds.ts'

const NOW = new Date('2025-06-01T12:00:00Z')
const world = loadWorld('demo', { now: NOW })
const TOOL = { name: 'sphere', version: '0.0.0-test' }

/** A session of the demo world's scanning user, talking to the emulator in-process. */
function demoSession(over: Partial<ReturnType<typeof loginFor>> = {}) {
  const app = createEmulator(world, { clock: () => NOW.getTime() })
  const deps: SessionDeps = {
    fetch: async (input, init) => app.fetch(new Request(input, init)),
    now: () => NOW.getTime(),
    sleep: async () => {},
    random: () => 0,
  }
  const login = { authUrl: 'http://127.0.0.1:8443/identity/v3', ...loginFor(world), ...over }
  return createSession(passwordCloudConfig(login), deps)
}

const names = (p: readonly { scope: { projectName: string; kind: string; region: string } }[]) =>
  p.map((x) => `${x.scope.kind}:${x.scope.region}/${x.scope.projectName}`).sort()

describe(planCloud.name, () => {
  it('plans the configured project and the account by default', async () => {
    const plan = await planCloud({ name: 'demo', session: demoSession() }, {}, [
      'project',
      'ecs.server',
      'iam.user',
    ])
    assert.deepEqual(names(plan.planned), [
      'account:global/OTC00000000001000000501',
      'project:eu-de/eu-de',
    ])
    const account = plan.planned.find((p) => p.scope.kind === 'account')!
    assert.deepEqual(account.types, ['iam.user'])
    assert.equal(account.scope.projectId, world.domain.id)
  })

  it('--all-projects: every project the user reaches, each with its own session', async () => {
    const inRegion = await planCloud(
      { name: 'demo', session: demoSession() },
      { allProjects: true },
      ['project', 'ecs.server'],
    )
    // The configured region only: eu-nl's project is left out, and a note says so.
    assert.ok(!names(inRegion.planned).includes('project:eu-nl/eu-nl'))
    assert.match(inRegion.notes.map((n) => n.message).join('\n'), /project eu-nl .* not scanned/)
    const plan = await planCloud(
      { name: 'demo', session: demoSession() },
      { allProjects: true, regions: 'all' },
      ['project', 'ecs.server'],
    )
    const projects = plan.planned.filter((p) => p.scope.kind === 'project')
    assert.deepEqual(names(plan.planned), [
      'project:eu-de/eu-de',
      'project:eu-de/eu-de_dev',
      'project:eu-de/eu-de_restricted',
      'project:eu-nl/eu-nl',
    ])
    assert.equal(new Set(projects.map((p) => p.scope.projectId)).size, projects.length)
    // The domain lists a project the user has no role in: a scope that says so, not silence.
    const restricted = projects.find((p) => p.scope.projectName === 'eu-de_restricted')!
    assert.equal(restricted.failure?.errorKind, 'auth')
    assert.ok(projects.filter((p) => p !== restricted).every((p) => p.session && !p.failure))
  })

  it('--projects by name or id; an unknown one is a failed scope, not a crash', async () => {
    const dev = world.projects.find((p) => p.name === 'eu-de_dev')!
    const plan = await planCloud(
      { name: 'demo', session: demoSession() },
      { projects: [dev.id, 'eu-de', 'eu-de_nope'] },
      ['project', 'ecs.server'],
    )
    assert.deepEqual(names(plan.planned), [
      'project:eu-de/eu-de',
      'project:eu-de/eu-de_dev',
      'project:eu-de/eu-de_nope',
    ])
    const nope = plan.planned.find((p) => p.scope.projectName === 'eu-de_nope')!
    assert.equal(nope.failure?.errorKind, 'not_found')
    assert.match(nope.failure!.message, /not among the projects these credentials can see/)
  })

  it('a region no catalog serves is a configuration error naming the regions there are', async () => {
    await assert.rejects(
      planCloud({ name: 'demo', session: demoSession() }, { regions: ['eu-dee'] }, ['ecs.server']),
      (e: RegionError) =>
        e instanceof RegionError &&
        /"eu-dee" is not in the service catalog .* has: eu-de/.test(e.message),
    )
  })

  it('a configured project that cannot be entered throws (nothing could be scanned)', async () => {
    await assert.rejects(
      planCloud({ name: 'demo', session: demoSession({ password: 'wrong' }) }, {}, ['ecs.server']),
      (e: unknown) => e instanceof CloudApiError && e.kind === 'auth',
    )
  })

  it('names the region of an OTC project', () => {
    assert.equal(regionOfProjectName('eu-de_prod'), 'eu-de')
    assert.equal(regionOfProjectName('eu-nl'), 'eu-nl')
    assert.equal(regionOfProjectName('admin'), undefined)
  })
})

describe(collectScopes.name, () => {
  it('reads every planned scope at most `parallel` at a time and hands each over once', async () => {
    const plan = await planCloud({ name: 'demo', session: demoSession() }, { allProjects: true }, [
      'project',
      'ecs.server',
      'evs.volume',
      'iam.user',
    ])
    const seen: ScopeInventory[] = []
    const progress: number[] = []
    await collectScopes(
      plan.planned,
      { parallel: 2, onProgress: (p) => progress.push(p.scopesDone) },
      async (s) => {
        seen.push(s)
      },
    )
    assert.equal(seen.length, plan.planned.length)
    assert.equal(progress.at(-1), plan.planned.length)
    for (const s of seen)
      assert.deepEqual(
        s.input.issues?.map((i) => i.errorKind),
        s.scope.projectName === 'eu-de_restricted' ? ['auth'] : [],
      )
    assert.deepEqual(
      seen.map((s) => s.scope.projectId).sort(),
      plan.planned.map((p) => p.scope.projectId).sort(),
    )
  })
})

describe(ScanEvaluator.name, () => {
  it('evaluates scopes as they arrive; the organisation duty is met only if every scope meets it', async () => {
    const ev = new ScanEvaluator({
      checks,
      model: loadResponsibilityModel(),
      settings: DEFAULT_SETTINGS,
      tool: TOOL,
      startedAt: NOW,
      now: NOW,
    })
    const notes = await scanClouds(
      [{ name: 'demo', session: demoSession() }],
      { selection: { allProjects: true }, parallel: 3 },
      (s) => ev.add(s),
    )
    const r = ev.finish(NOW, notes)
    assert.ok(r.scopes.length >= 3)
    const kinds = new Set(r.scopes.map((s) => s.scope.kind))
    assert.deepEqual([...kinds].sort(), ['account', 'project'])
    for (const f of r.findings)
      assert.ok(r.scopes.some((s) => s.scope.projectId === f.scope.projectId))
    // IAM findings belong to the account scope, servers to their project.
    assert.ok(
      r.findings
        .filter((f) => f.resource.type === 'iam.user')
        .every((f) => f.scope.kind === 'account'),
    )
    assert.ok(
      r.findings
        .filter((f) => f.resource.type === 'ecs.server')
        .every((f) => f.scope.kind === 'project'),
    )
    for (const d of r.duties) {
      const per = r.scopes.flatMap((s) =>
        s.duties.filter((x) => x.id === d.id).map((x) => x.status),
      )
      if (per.includes('not_met')) assert.equal(d.status, 'not_met', d.id)
      else if (per.includes('unknown')) assert.equal(d.status, 'unknown', d.id)
    }
  })
})
