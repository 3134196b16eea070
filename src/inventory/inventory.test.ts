import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { Inventory, PendingTypeError } from './inventory.ts'
import {
  accessKey,
  alarm,
  cbrBackup,
  eip,
  evsBackup,
  hoursAgo,
  inventory,
  issue,
  policy,
  port,
  server,
  user,
  vault,
  volume,
} from './testing.ts'
import { GLOBAL_REGION } from './types.ts'

describe(Inventory.name, () => {
  it('looks resources up by type and id', () => {
    const s = server({ id: 's1' })
    const inv = inventory([s, volume({ id: 'v1' })])
    assert.equal(inv.byId('ecs.server', 's1')?.id, 's1')
    assert.equal(inv.byId('evs.volume', 's1'), undefined)
    assert.equal(inv.all('evs.volume').length, 1)
    assert.deepEqual(inv.all('cbr.vault'), [])
  })

  it('tells "could not list" from "nothing to list"', () => {
    const inv = new Inventory({
      resources: [],
      collected: ['ecs.server', 'vpc.eip', 'cbr.vault'],
      issues: [issue('vpc.eip', { region: 'eu-nl' })],
      unavailable: [{ resourceType: 'cbr.vault', service: 'cbr', reason: 'not in catalog' }],
    })
    assert.equal(inv.status('ecs.server'), 'complete')
    assert.equal(inv.status('vpc.eip'), 'incomplete')
    assert.equal(inv.status('vpc.eip', 'eu-de'), 'complete')
    assert.equal(inv.status('vpc.eip', 'eu-nl'), 'incomplete')
    assert.equal(inv.status('cbr.vault'), 'unavailable')
    assert.equal(inv.isAvailable('cbr.vault'), false)
    assert.equal(inv.status('rds.instance'), 'not-collected')
    assert.equal(inv.status('project'), 'complete')
  })

  it('counts global issues for every region', () => {
    const inv = inventory([], { issues: [issue('iam.user', { region: GLOBAL_REGION })] })
    assert.equal(inv.isComplete('iam.user', 'eu-de'), false)
  })

  it('completes server links from ports, EIPs, volumes, vaults and alarms', () => {
    const inv = inventory([
      server({ id: 's1' }),
      port({ id: 'p1', deviceId: 's1', securityGroupIds: ['sg1'] }),
      eip({ address: '80.158.1.1', status: 'ACTIVE', portId: 'p1' }),
      volume({ id: 'v1', attachments: ['s1'] }),
      vault({ id: 'va1', resourceIds: ['s1'] }),
      alarm({ id: 'a1', resourceIds: ['s1'] }),
      alarm({ id: 'a2', allResources: true }),
      alarm({ id: 'a3', allResources: true, namespace: 'SYS.RDS' }),
    ])
    const s = inv.byId('ecs.server', 's1')!
    assert.deepEqual(s.portIds, ['p1'])
    assert.deepEqual(s.securityGroupIds, ['sg1'])
    assert.deepEqual(s.publicIps, ['80.158.1.1'])
    assert.deepEqual(s.volumeIds, ['v1'])
    assert.deepEqual(s.cbrVaultIds, ['va1'])
    assert.deepEqual(s.alarmIds, ['a1', 'a2'])
    assert.deepEqual(
      inv.serversInGroup('sg1').map((x) => x.id),
      ['s1'],
    )
  })

  it('links keep what the resource said first, each value once', () => {
    const ports = ['p2', 'p1', 'p2', ...Array.from({ length: 20 }, (_, i) => `q${i}`)]
    const inv = inventory([
      server({ id: 's1', portIds: ['p2', 'p1', 'p2'], securityGroupIds: ['sg2', 'sg2'] }),
      server({ id: 's2', portIds: ports }),
      port({ id: 'p1', deviceId: 's1', securityGroupIds: ['sg1', 'sg2'] }),
      port({ id: 'p3', deviceId: 's1', securityGroupIds: ['sg3'] }),
    ])
    const s = inv.byId('ecs.server', 's1')!
    assert.deepEqual(s.portIds, ['p2', 'p1', 'p3'])
    assert.deepEqual(s.securityGroupIds, ['sg2', 'sg1', 'sg3'])
    assert.deepEqual(inv.byId('ecs.server', 's2')!.portIds, [...new Set(ports)])
  })

  it('completes volume attachments from servers and vault-policy links both ways', () => {
    const inv = inventory([
      server({ id: 's1', volumeIds: ['v1'] }),
      volume({ id: 'v1' }),
      vault({ id: 'va1', resourceType: 'disk', resourceIds: ['v1'] }),
      policy({ id: 'po1', vaultIds: ['va1'] }),
    ])
    assert.deepEqual(inv.byId('evs.volume', 'v1')?.attachments, ['s1'])
    assert.deepEqual(inv.byId('evs.volume', 'v1')?.cbrVaultIds, ['va1'])
    assert.deepEqual(inv.byId('cbr.vault', 'va1')?.policyIds, ['po1'])
  })

  it('indexes backups newest first and keys by user', () => {
    const inv = inventory([
      cbrBackup({ id: 'old', resourceId: 's1', createdAt: hoursAgo(30) }),
      cbrBackup({ id: 'new', resourceId: 's1', createdAt: hoursAgo(2) }),
      evsBackup({ id: 'e1', volumeId: 'v1' }),
      user({ id: 'u1' }),
      accessKey({ id: 'AK1', userId: 'u1' }),
    ])
    assert.deepEqual(
      inv.cbrBackupsOf('s1').map((b) => b.id),
      ['new', 'old'],
    )
    assert.deepEqual(
      inv.evsBackupsOf('v1').map((b) => b.id),
      ['e1'],
    )
    assert.deepEqual(inv.evsBackupsOf('nope'), [])
    assert.deepEqual(
      inv.accessKeysOf('u1').map((k) => k.id),
      ['AK1'],
    )
  })

  it('a pending type (still being collected) cannot be read, not even its status', () => {
    const inv = new Inventory({
      resources: [server({ id: 's1' }), volume({ id: 'v1' })],
      collected: ['ecs.server', 'evs.volume'],
      pending: ['vpc.port', 'cbr.backup', 'iam.access-key'],
    })
    assert.equal(inv.all('ecs.server').length, 1)
    assert.equal(inv.status('evs.volume'), 'complete')
    assert.equal(inv.status('cbr.vault'), 'not-collected')
    const pending = (fn: () => unknown, type: string) =>
      assert.throws(fn, (e: unknown) => e instanceof PendingTypeError && e.resourceType === type)
    pending(() => inv.all('vpc.port'), 'vpc.port')
    pending(() => inv.byId('vpc.port', 'p1'), 'vpc.port')
    pending(() => inv.status('vpc.port'), 'vpc.port')
    pending(() => inv.isComplete('vpc.port', 'eu-de'), 'vpc.port')
    pending(() => inv.isAvailable('vpc.port'), 'vpc.port')
    pending(() => inv.issuesFor('vpc.port'), 'vpc.port')
    pending(() => inv.wasCollected('vpc.port'), 'vpc.port')
    pending(() => inv.serversInGroup('sg1'), 'vpc.port')
    pending(() => inv.cbrBackupsOf('s1'), 'cbr.backup')
    pending(() => inv.accessKeysOf('u1'), 'iam.access-key')
    assert.deepEqual(inv.evsBackupsOf('v1'), [])
  })

  it('freezes resources and does not touch the input', () => {
    const s = server({ id: 's1', securityGroupIds: [] })
    const inv = inventory([s, port({ deviceId: 's1', securityGroupIds: ['sg1'] })])
    assert.deepEqual(s.securityGroupIds, [])
    assert.ok(Object.isFrozen(inv.byId('ecs.server', 's1')))
    // Nested fields are readonly in the types; only the resource itself is frozen.
  })
})

describe('Inventory.build (in steps)', () => {
  it('gives the same inventory as new Inventory: lists, links and indexes', async () => {
    // More than one step of linking and storing (1,024 and 2,048 resources per step).
    const resources = [
      ...Array.from({ length: 2500 }, (_, i) => server({ id: `s${i}` })),
      ...Array.from({ length: 2500 }, (_, i) =>
        port({ id: `p${i}`, deviceId: `s${i}`, securityGroupIds: [`sg${i % 7}`] }),
      ),
      ...Array.from({ length: 3000 }, (_, i) =>
        volume({ id: `v${i}`, attachments: [`s${i % 2500}`] }),
      ),
      vault({ id: 'va1', resourceIds: ['s1', 'v2'], policyIds: ['po1'] }),
      policy({ id: 'po1' }),
      cbrBackup({ id: 'b1', resourceId: 's1', createdAt: hoursAgo(2) }),
      cbrBackup({ id: 'b2', resourceId: 's1', createdAt: hoursAgo(1) }),
      evsBackup({ id: 'eb1', volumeId: 'v1' }),
      user({ id: 'u1' }),
      accessKey({ id: 'k1', userId: 'u1' }),
    ]
    const input = {
      resources,
      collected: [...new Set(resources.map((r) => r.type))],
      issues: [issue('vpc.eip', { region: 'eu-nl' })],
    }
    const whole = new Inventory(input)
    const built = await Inventory.build(input)
    for (const type of input.collected) {
      assert.deepEqual(built.all(type), whole.all(type), type)
      assert.equal(built.status(type), whole.status(type), type)
    }
    assert.deepEqual(built.issues, whole.issues)
    assert.deepEqual(built.byId('ecs.server', 's1'), whole.byId('ecs.server', 's1'))
    assert.deepEqual(built.byId('ecs.server', 's1')?.securityGroupIds, ['sg1'])
    assert.deepEqual(
      built.cbrBackupsOf('s1').map((b) => b.id),
      ['b2', 'b1'],
    )
    assert.deepEqual(built.evsBackupsOf('v1'), whole.evsBackupsOf('v1'))
    assert.deepEqual(built.serversInGroup('sg3'), whole.serversInGroup('sg3'))
    assert.equal(built.serversInGroup('sg3').length, whole.serversInGroup('sg3').length)
    assert.ok(built.serversInGroup('sg3').length > 300)
    assert.deepEqual(built.accessKeysOf('u1'), whole.accessKeysOf('u1'))
  })
})
