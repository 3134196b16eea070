import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { AnyCheck } from '../checks/define.ts'
import { checks } from '../checks/index.ts'
import { declaredTypes } from '../checks/run.ts'
import { DEFAULT_SETTINGS } from '../checks/settings.ts'
import { loadDemoHostReports } from '../cli/_demo-hosts.ts'
import { createSession, type SessionDeps } from '../clients/core/session.ts'
import { passwordCloudConfig } from '../config/cloud-config.ts'
import {
  createEmulator,
  type FaultOptions,
  generateWorld,
  loginFor,
  type World,
} from '../emulator/index.ts'
import { loadWorld } from '../emulator/world/load.ts'
import type { ResourceType } from '../inventory/types.ts'
import { loadResponsibilityModel } from '../responsibility/load.ts'
import type { LoadedHostEvidence } from './host-evidence.ts'
import { parseMutelist } from './mutelist.ts'
import { ScanEvaluator } from './run-scan.ts'
import { scanClouds } from './scan-clouds.ts'
import { FIXTURE_MUTELIST } from './testing.ts'
import type { ScanResult } from './types.ts'

const NOW = new Date('2025-06-01T12:00:00Z')
const TOOL = { name: 'sphere', version: '0.0.0-test' }
const model = loadResponsibilityModel()

/** Every request through the in-process emulator; `hold` may delay some (a slow collector). */
function session(
  world: World,
  hold?: (url: string) => Promise<void> | undefined,
  failServices?: FaultOptions['failServices'],
) {
  const app = createEmulator(world, { clock: () => NOW.getTime(), failServices })
  const deps: SessionDeps = {
    fetch: async (input, init) => {
      await hold?.(String(input instanceof Request ? input.url : input))
      return app.fetch(new Request(input, init))
    },
    now: () => NOW.getTime(),
    sleep: async () => {},
    random: () => 0,
  }
  const login = { authUrl: 'http://127.0.0.1:8443/identity/v3', ...loginFor(world) }
  return createSession(passwordCloudConfig(login), deps)
}

interface Run {
  readonly result: ScanResult
  /** Types reported done, per scope kind, in order. */
  readonly done: string[]
}

/** One scan of every project and region, with or without checks run while types are read. */
async function scan(
  world: World,
  o: {
    staged: boolean
    checks?: readonly AnyCheck[]
    hostReports?: LoadedHostEvidence
    hold?: (url: string) => Promise<void> | undefined
    onCollected?: (kind: string, type: ResourceType) => void
    /** Default: every project and region. */
    configuredOnly?: boolean
    failServices?: FaultOptions['failServices']
  },
): Promise<Run> {
  const evaluator = new ScanEvaluator({
    checks: o.checks ?? checks,
    model,
    settings: DEFAULT_SETTINGS,
    mutelist: parseMutelist(FIXTURE_MUTELIST, 'mutelist.yaml'),
    tool: TOOL,
    startedAt: NOW,
    now: NOW,
    ...(o.hostReports ? { hostReports: o.hostReports } : {}),
  })
  const done: string[] = []
  const notes = await scanClouds(
    [{ name: 'demo', session: session(world, o.hold, o.failServices) }],
    {
      selection: o.configuredOnly ? {} : { allProjects: true, regions: 'all' },
      onCollected: (p, t) => {
        done.push(`${p.scope.kind}:${t.type}`)
        o.onCollected?.(p.scope.kind, t.type)
        if (o.staged) evaluator.collected(p, t)
      },
    },
    (s) => evaluator.addAsync(s),
  )
  return { result: evaluator.finish(NOW, notes), done }
}

/** The result as a report sees it: every finding in order, with its fingerprint. */
/**
 * The result as JSON, with the emulator's request ids (numbered in arrival order, which time
 * slices may change from one scan to the next) left out of messages.
 */
const text = (r: ScanResult) => JSON.stringify(r).replace(/ \([0-9a-f]{32}\):/g, ' (request id):')

describe('checks run while the scope is read (staged-scope.ts)', () => {
  it('give the same result as after it on the demo world, host reports and mutes included', async () => {
    const world = loadWorld('demo', { now: NOW })
    const hostReports = loadDemoHostReports(NOW)
    const plain = await scan(world, { staged: false, hostReports })
    const staged = await scan(world, { staged: true, hostReports })
    assert.ok(plain.result.findings.length > 100)
    assert.ok(plain.result.findings.some((f) => f.checkId.startsWith('host-')))
    assert.equal(text(staged.result), text(plain.result))
  })

  it('give the same result on a generated world, with collection issues', async () => {
    const world = generateWorld({ servers: 120, seed: 7, now: NOW.getTime() })
    // CES and KMS fail: their types have issues, and every check that requires them says so.
    const failServices = ['ces', 'kms'] as const
    const plain = await scan(world, { staged: false, failServices })
    const staged = await scan(world, { staged: true, failServices })
    assert.ok(plain.result.findings.length > 1000)
    assert.ok(plain.result.issues.length >= 2)
    assert.ok(plain.result.findings.some((f) => f.cause === 'incomplete'))
    assert.deepEqual(
      staged.result.findings.map((f) => f.fingerprint),
      plain.result.findings.map((f) => f.fingerprint),
    )
    assert.equal(text(staged.result), text(plain.result))
  })

  it('start a check only once its declared types are in, while a slow IAM chain still reads', async () => {
    const world = loadWorld('demo', { now: NOW })
    // Which types were reported done (per scope kind), when each check first evaluated.
    const done = new Set<string>()
    const startedWith = new Map<string, Set<string>>()
    let release: () => void = () => {}
    const gate = new Promise<void>((resolve) => {
      release = resolve
    })
    const watched = checks.map((c): AnyCheck => {
      const evaluate = c.evaluate as (...args: unknown[]) => unknown
      const wrapped = (...args: unknown[]) => {
        if (!startedWith.has(c.id)) startedWith.set(c.id, new Set(done))
        // A user check that needs no keys ran: the key collector may go on.
        if (c.id === 'iam-user-mfa-enabled') release()
        return evaluate.apply(c, args)
      }
      return { ...c, evaluate: wrapped } as unknown as AnyCheck
    })
    // Without checks running early the gate would never open: after the other account types
    // are in, it opens anyway once the event loop has turned 200 times (and the test fails).
    const fallback = async () => {
      for (let i = 0; i < 200; i++) await new Promise<void>((r) => setImmediate(r))
      release()
    }
    let held = false
    const staged = await scan(world, {
      staged: true,
      configuredOnly: true,
      checks: watched,
      // A slow collector: its first request (of 4 in flight on the endpoint) waits at the gate.
      hold: (url) => {
        if (!url.includes('/OS-CREDENTIAL/credentials') || held) return undefined
        held = true
        return gate
      },
      onCollected: (kind, type) => {
        done.add(`${kind}:${type}`)
        if (done.has('account:iam.user') && done.has('account:iam.password-policy')) void fallback()
      },
    })
    const keysDone = staged.done.indexOf('account:iam.access-key')
    assert.ok(keysDone >= 0)
    const early = startedWith.get('iam-user-mfa-enabled')
    assert.ok(early, 'the MFA check ran')
    assert.ok(!early.has('account:iam.access-key'), 'it ran while the keys were still being read')
    for (const c of checks) {
      const at = startedWith.get(c.id)
      if (!at) continue
      const kinds = c.resourceType.startsWith('iam.') ? ['account'] : ['project']
      for (const t of declaredTypes(c))
        for (const k of kinds)
          if (staged.done.includes(`${k}:${t}`))
            assert.ok(at.has(`${k}:${t}`), `${c.id} started before ${k} ${t} was in`)
    }
    const keyChecks = checks.filter((c) => declaredTypes(c).includes('iam.access-key'))
    assert.ok(keyChecks.length > 1)
    for (const c of keyChecks)
      assert.ok(startedWith.get(c.id)?.has('account:iam.access-key') ?? true, c.id)
    const plain = await scan(world, { staged: false, configuredOnly: true })
    assert.equal(text(staged.result), text(plain.result))
  })
})
