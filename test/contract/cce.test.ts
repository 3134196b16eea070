/**
 * The CCE client, collectors and checks against the emulator on a real loopback port: the three
 * documented shapes of `status.endpoints`, Go creation times, and one cluster whose node list
 * fails, which must give one issue naming it and `error` findings for the node check of its
 * region, never a silent pass, while the other clusters' nodes are judged.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { checkById } from '../../src/checks/index.ts'
import { listClusters, listNodes } from '../../src/clients/cce/clusters.ts'
import { CloudApiError } from '../../src/clients/core/errors.ts'
import { createSession, type Session } from '../../src/clients/core/session.ts'
import { collectInventory } from '../../src/collectors/collect.ts'
import { passwordCloudConfig } from '../../src/config/cloud-config.ts'
import {
  loginFor,
  type RunningEmulator,
  startEmulator,
  type World,
  worldFromData,
} from '../../src/emulator/index.ts'
import { evaluateScope } from '../../src/engine/evaluate.ts'
import { scanInput } from '../../src/engine/testing.ts'
import { Inventory } from '../../src/inventory/inventory.ts'

const NOW = Date.parse('2026-11-01T00:00:00Z')

const world: World = worldFromData(
  {
    name: 'cce-contract',
    now: '2026-11-01T00:00:00Z',
    domain: { name: 'OTC00000000001000000099' },
    projects: [{ name: 'eu-de' }],
    users: [{ name: 'scanner', password: 'Sphere-Cce-1', groups: ['admin'] }],
    networks: [{ name: 'subnet-k8s', vpc: 'vpc-k8s', cidr: '10.60.1.0/24' }],
    cceClusters: [
      {
        name: 'object-style',
        version: 'v1.31.4-r0',
        network: 'subnet-k8s',
        endpointStyle: 'otc',
        nodes: [{ name: 'a-1', os: 'Ubuntu 22.04' }],
        createdAt: '2025-01-02T03:04:05Z',
      },
      {
        name: 'array-style',
        version: 'v1.28.15-r0',
        network: 'subnet-k8s',
        publicApi: '80.158.90.7',
        endpointStyle: 'huawei',
        nodes: [{ name: 'b-1', os: 'CentOS 7.6' }],
      },
      {
        name: 'doc-style',
        network: 'subnet-k8s',
        publicApi: true,
        endpointStyle: 'otc-doc',
        nodes: [{ name: 'c-1', os: 'EulerOS 2.9' }],
      },
      { name: 'locked', network: 'subnet-k8s', nodesError: 403, nodes: [{ name: 'd-1' }] },
    ],
  },
  { now: NOW },
)

describe('CCE client ↔ emulator on a real port', () => {
  let emu: RunningEmulator
  let session: Session
  before(async () => {
    emu = await startEmulator({ world, port: 0 })
    session = createSession(
      passwordCloudConfig({ authUrl: emu.authUrl, ...loginFor(world) }, { timeoutMs: 10_000 }),
    )
  })
  after(() => emu?.close())

  it('lists every cluster in one request, whatever shape its endpoints come in', async () => {
    const cce = await session.client('cce')
    const clusters = await listClusters(cce)
    assert.deepEqual(
      clusters.map((c) => c.metadata.name),
      ['object-style', 'array-style', 'doc-style', 'locked'],
    )
    assert.equal(session.stats().cce?.pages, 1)
    assert.ok(Array.isArray(clusters[1]!.status.endpoints))
    assert.equal(clusters[0]!.metadata.creationTimestamp, '2025-01-02 03:04:05.000000000 +0000 UTC')
  })

  it("answers a failed node list with CCE's camelCase error, read as code and message", async () => {
    const cce = await session.client('cce')
    const locked = world.cceClusters.find((c) => c.name === 'locked')!
    const err = await listNodes(cce, locked.id).catch((e: unknown) => e)
    assert.ok(err instanceof CloudApiError)
    assert.equal(err.status, 403)
    assert.equal(err.code, 'CCE.01403001')
    assert.equal(err.kind, 'forbidden')
  })

  it('collects clusters and nodes; the locked cluster is one issue and an error, never a pass', async () => {
    const info = await session.info()
    const input = await collectInventory({
      region: info.region ?? 'eu-de',
      projectId: info.projectId,
      clientFor: (k) => session.client(k),
      types: ['cce.cluster', 'cce.node'],
    })
    assert.equal(input.issues.length, 1)
    assert.equal(input.issues[0]!.resourceType, 'cce.node')
    assert.match(input.issues[0]!.message, /^nodes of cluster locked \(ListNodes\): .*403/)
    const inv = new Inventory(input)
    const byName = new Map(inv.all('cce.cluster').map((c) => [c.name, c]))
    assert.deepEqual(byName.get('object-style')?.externalEndpoints, [])
    assert.deepEqual(byName.get('array-style')?.externalEndpoints, ['https://80.158.90.7:5443'])
    assert.equal(byName.get('doc-style')?.externalEndpoints.length, 1)
    assert.equal(byName.get('object-style')?.createdAt, '2025-01-02T03:04:05.000Z')
    assert.deepEqual(
      inv
        .all('cce.node')
        .map((n) => n.name)
        .sort(),
      ['a-1', 'b-1', 'c-1'],
    )

    const checks = [
      'cce-cluster-version-supported',
      'cce-cluster-api-not-public',
      'cce-node-os-supported',
    ].map((id) => checkById(id)!)
    const scope = evaluateScope({ ...scanInput({ checks }), inventory: inv, now: new Date(NOW) })
    const verdicts = (check: string) =>
      scope.findings
        .filter((f) => f.checkId === check)
        .map((f) => `${f.resource.type === 'project' ? 'project' : f.resource.name}:${f.status}`)
        .sort()
    assert.deepEqual(verdicts('cce-node-os-supported'), [
      'a-1:pass',
      'b-1:fail',
      'c-1:fail',
      'project:error',
    ])
    const error = scope.findings.find(
      (f) => f.checkId === 'cce-node-os-supported' && f.status === 'error',
    )!
    assert.match(error.message, /nodes of cluster locked/)
    assert.deepEqual(verdicts('cce-cluster-api-not-public'), [
      'array-style:fail',
      'doc-style:fail',
      'locked:pass',
      'object-style:pass',
    ])
    assert.deepEqual(verdicts('cce-cluster-version-supported'), [
      'array-style:fail',
      'doc-style:pass',
      'locked:pass',
      'object-style:pass',
    ])
    const guestOs = scope.duties.find((d) => d.id === 'guest-os')
    assert.ok(guestOs)
    assert.equal(guestOs.owner, 'customer', "CCE moves the nodes' guest OS to the customer")
    assert.notEqual(guestOs.status, 'met')
  })
})

describe('a region without CCE (regions.<r>.missingServices: [cce])', () => {
  const bare = worldFromData(
    {
      name: 'no-cce',
      domain: { name: 'OTC00000000001000000098' },
      regions: { 'eu-de': { missingServices: ['cce'] } },
      projects: [{ name: 'eu-de' }],
      users: [{ name: 'scanner', password: 'Sphere-Cce-2', groups: ['admin'] }],
      cceClusters: [{ name: 'hidden', version: 'v1.25.16-r10' }],
    },
    { now: NOW },
  )
  let emu: RunningEmulator
  before(async () => {
    emu = await startEmulator({ world: bare, port: 0 })
  })
  after(() => emu?.close())

  it('makes the CCE types unavailable and their checks not evaluable: never a pass or a fail', async () => {
    const session = createSession(
      passwordCloudConfig({ authUrl: emu.authUrl, ...loginFor(bare) }, { timeoutMs: 10_000 }),
    )
    const info = await session.info()
    const input = await collectInventory({
      region: info.region ?? 'eu-de',
      projectId: info.projectId,
      clientFor: (k) => session.client(k),
      types: ['cce.cluster', 'cce.node'],
    })
    assert.deepEqual(input.issues, [])
    assert.deepEqual(input.unavailable.map((u) => u.resourceType).sort(), [
      'cce.cluster',
      'cce.node',
    ])
    const checks = ['cce-cluster-version-supported', 'cce-node-os-supported'].map(
      (id) => checkById(id)!,
    )
    const scope = evaluateScope({
      ...scanInput({ checks }),
      inventory: new Inventory(input),
      now: new Date(NOW),
    })
    const cce = scope.findings.filter((f) => f.checkId.startsWith('cce-'))
    assert.deepEqual(
      cce.map((f) => [f.status, f.cause]),
      [
        ['error', 'unavailable'],
        ['error', 'unavailable'],
      ],
    )
    assert.equal(scope.duties.find((d) => d.id === 'software-updates')?.status, 'unknown')
  })
})
