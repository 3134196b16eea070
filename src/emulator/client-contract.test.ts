/**
 * The real Sphere client against the emulator, in-process: a session per auth method, every
 * registry list operation with small pages, and the throttling and outage faults surfacing as
 * the client's own errors.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type ListDef, listItems } from '../clients/_operation.ts'
import { createSession } from '../clients/core/session.ts'
import { OPERATIONS, type OperationDef } from '../clients/operations.ts'
import type { CloudAuth, CloudConfig } from '../config/cloud-config.ts'
import { demoWorld, NOW, ORIGIN } from './_test-kit.ts'
import { createEmulator, type Emulator, type EmulatorOptions } from './app.ts'

const world = demoWorld()
const domain = { name: world.domain.name }

function config(auth: CloudAuth): CloudConfig {
  return {
    authUrl: `${ORIGIN}/identity/v3`,
    auth,
    region: 'eu-de',
    interface: 'public',
    project: { name: 'eu-de', domain },
    endpointOverrides: {},
    concurrency: 4,
    timeoutMs: 5_000,
    source: { files: [], env: [], flags: [] },
  }
}

const PASSWORD: CloudAuth = {
  type: 'password',
  username: 'sphere-admin',
  password: 'Sphere-Demo-2024!',
  userDomain: domain,
  domain,
}
const AKSK: CloudAuth = {
  type: 'aksk',
  ak: 'SPHEREDEMOAK00000001',
  sk: 'SphereDemoSecretKey00000000000000000001',
  domain,
}
const APP_CRED: CloudAuth = {
  type: 'application_credential',
  name: 'ci-pipeline',
  secret: 'ci-pipeline-demo-secret',
  username: 'ci-deploy',
  userDomain: domain,
}

/** A session whose sleeps advance the clock the emulator reads, so waits cost no time. */
function sessionOn(app: Emulator, auth: CloudAuth, clock = { now: NOW }) {
  return createSession(config(auth), {
    fetch: (input, init) => Promise.resolve(app.fetch(new Request(input, init))),
    now: () => clock.now,
    sleep: async (ms) => {
      clock.now += ms
    },
    random: () => 0,
  })
}

function params(op: OperationDef): {
  params?: Record<string, string>
  query?: Record<string, string>
} {
  if (op.key === 'identity.ListGroupUsers')
    return { params: { group_id: world.groups.find((g) => g.name === 'admin')!.id } }
  if (op.key === 'rds.ListBackups') return { query: { instance_id: world.rdsInstances[0]!.id } }
  if (op.key === 'iam.ListAgencies') return { query: { domain_id: world.domain.id } }
  if (op.key === 'cce.ListNodes') return { params: { cluster_id: world.cceClusters[0]!.id } }
  return {}
}

// Octavia's /v2/lbaas is not served by OTC (the demo world): test/contract/elb.test.ts reads it.
const LISTS = OPERATIONS.filter(
  (o): o is ListDef => o.items !== undefined && !(o.service === 'elb' && o.apiVersion === 'v2'),
)

for (const [name, auth] of [
  ['password', PASSWORD],
  ['AK/SK', AKSK],
] as const) {
  describe(`client session (${name}) against the emulator`, () => {
    const clock = { now: NOW }
    const session = sessionOn(createEmulator(world, { clock: () => clock.now }), auth, clock)
    for (const op of LISTS) {
      it(`${op.key}: pages of 2 give the same items as one page`, async () => {
        const client = await session.client(op.service)
        const all = await listItems(client, op, params(op))
        const paged = await listItems(client, op, { ...params(op), limit: 2 })
        assert.ok(all.length > 0, `${op.key}: no items`)
        assert.deepEqual(paged, all)
      })
    }
  })
}

describe('client session (application credential)', () => {
  it('authenticates and reads servers of the credential project', async () => {
    const clock = { now: NOW }
    const session = sessionOn(createEmulator(world, { clock: () => clock.now }), APP_CRED, clock)
    const info = await session.info()
    assert.equal(info.projectId, world.projects[0]!.id)
    const compute = await session.client('compute')
    const servers = await listItems(
      compute,
      LISTS.find((o) => o.key === 'compute.ListServersDetail')!,
      {},
    )
    assert.equal(servers.length, 10)
  })
})

describe('client session under faults', () => {
  const failing = (opts: EmulatorOptions) => {
    const clock = { now: NOW }
    return sessionOn(createEmulator(world, { ...opts, clock: () => clock.now }), PASSWORD, clock)
  }

  it('reports a failed service as an error, never as an empty list', async () => {
    const session = failing({ failServices: ['cts'] })
    const cts = await session.client('cts')
    await assert.rejects(
      listItems(cts, LISTS.find((o) => o.key === 'cts.ListTrackers')!, {}),
      (err: Error) => {
        assert.match(String(err), /503/)
        return true
      },
    )
  })

  it('rides out throttling by honouring Retry-After', async () => {
    const session = failing({ throttleRps: 1 })
    const network = await session.client('network')
    const sgs = await listItems(
      network,
      LISTS.find((o) => o.key === 'network.ListSecurityGroups')!,
      { limit: 2 },
    )
    assert.equal(sgs.length, 8)
  })
})
