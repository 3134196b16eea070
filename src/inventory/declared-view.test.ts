import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { declaredView, UndeclaredReadError } from './declared-view.ts'
import {
  accessKey,
  cbrBackup,
  evsBackup,
  inventory,
  issue,
  port,
  securityGroup,
  server,
  user,
  volume,
} from './testing.ts'
import type { ResourceType } from './types.ts'

const inv = inventory(
  [
    server({ id: 's1' }),
    port({ id: 'p1', deviceId: 's1', securityGroupIds: ['sg-d'] }),
    securityGroup({ id: 'sg-d', name: 'default' }),
    volume({ id: 'v1', attachments: ['s1'] }),
    cbrBackup({ resourceId: 's1' }),
    evsBackup({ volumeId: 'v1' }),
    user({ id: 'u1' }),
    accessKey({ userId: 'u1' }),
  ],
  { issues: [issue('vpc.eip')] },
)

const view = (...declared: ResourceType[]) =>
  declaredView(inv, { reader: 'check test-check', declared, hint: 'add it to requires' })

/** The error `fn` throws (asserting it is an UndeclaredReadError). */
function undeclared(fn: () => unknown): UndeclaredReadError {
  try {
    fn()
  } catch (err) {
    assert.ok(err instanceof UndeclaredReadError, `expected UndeclaredReadError, got ${err}`)
    return err
  }
  assert.fail('expected an undeclared read to throw')
}

describe(declaredView.name, () => {
  it('reads declared types', () => {
    const v = view('ecs.server', 'vpc.security-group', 'vpc.port')
    assert.equal(v.byId('vpc.security-group', 'sg-d')?.name, 'default')
    assert.deepEqual(
      v.all('vpc.port').map((p) => p.id),
      ['p1'],
    )
    assert.deepEqual(v.byId('ecs.server', 's1')?.securityGroupIds, ['sg-d'])
  })

  it('throws on a type not declared, naming the reader, the type and how', () => {
    const e = undeclared(() => view('ecs.server').byId('vpc.port', 'p1'))
    assert.equal(e.code, 'E_UNDECLARED_READ')
    assert.equal(e.reader, 'check test-check')
    assert.equal(e.resourceType, 'vpc.port')
    assert.equal(
      e.message,
      "check test-check read byId('vpc.port') but does not declare vpc.port (add it to requires)",
    )
    assert.equal(undeclared(() => view('ecs.server').all('evs.volume')).resourceType, 'evs.volume')
  })

  it('throws on a derived field whose source is not declared', () => {
    const v = view('ecs.server', 'vpc.security-group')
    const s = v.resource(inv.byId('ecs.server', 's1')!)
    assert.equal(s.name, 's1')
    assert.equal(s.keyName, 'KeyPair-1')
    const e = undeclared(() => s.securityGroupIds)
    assert.equal(e.resourceType, 'vpc.port')
    assert.match(e.message, /read ecs\.server\.securityGroupIds, which is derived from vpc\.port,/)
    assert.equal(undeclared(() => s.publicIps).resourceType, 'vpc.eip')
    assert.equal(undeclared(() => s.volumeIds).resourceType, 'evs.volume')
    assert.equal(undeclared(() => ({ ...s })).resourceType, 'vpc.port')
  })

  it('hides derived fields on resources it hands out, too', () => {
    const v = view('evs.volume', 'ecs.server', 'cbr.vault')
    const vol = v.byId('evs.volume', 'v1')!
    assert.deepEqual(vol.attachments, ['s1'])
    assert.deepEqual(vol.cbrVaultIds, [])
    const s = v.byId('ecs.server', vol.attachments[0]!)!
    assert.deepEqual(s.cbrVaultIds, [])
    assert.equal(undeclared(() => s.securityGroupIds).resourceType, 'vpc.port')
    assert.equal(undeclared(() => v.all('ecs.server')[0]!.alarmIds).resourceType, 'ces.alarm')
  })

  it('hands out the resource itself when nothing of it is hidden', () => {
    const sg = inv.byId('vpc.security-group', 'sg-d')!
    assert.equal(view('vpc.security-group').resource(sg), sg)
    assert.equal(
      view('vpc.security-group').all('vpc.security-group'),
      inv.all('vpc.security-group'),
    )
    assert.equal(undeclared(() => view('vpc.port').resource(sg)).resourceType, 'vpc.security-group')
  })

  it('answers collection status for every type', () => {
    const v = view('ecs.server')
    assert.equal(v.status('vpc.eip'), 'incomplete')
    assert.equal(v.isComplete('vpc.eip'), false)
    assert.equal(v.isAvailable('vpc.eip'), true)
    assert.equal(v.issuesFor('vpc.eip').length, 1)
  })

  it('guards the indexes by the types they are built from', () => {
    assert.equal(view('cbr.backup').cbrBackupsOf('s1').length, 1)
    assert.equal(undeclared(() => view('ecs.server').cbrBackupsOf('s1')).resourceType, 'cbr.backup')
    assert.equal(view('evs.backup').evsBackupsOf('v1').length, 1)
    assert.equal(undeclared(() => view('evs.volume').evsBackupsOf('v1')).resourceType, 'evs.backup')
    assert.equal(view('iam.access-key').accessKeysOf('u1').length, 1)
    assert.equal(
      undeclared(() => view('iam.user').accessKeysOf('u1')).resourceType,
      'iam.access-key',
    )
    assert.deepEqual(
      view('ecs.server', 'vpc.port')
        .serversInGroup('sg-d')
        .map((s) => s.id),
      ['s1'],
    )
    const e = undeclared(() => view('ecs.server').serversInGroup('sg-d'))
    assert.equal(e.resourceType, 'vpc.port')
    assert.equal(
      undeclared(() => view('vpc.port').serversInGroup('sg-d')).resourceType,
      'ecs.server',
    )
    assert.equal(
      undeclared(() => view('ecs.server', 'vpc.port').serversInGroup('sg-d')[0]!.alarmIds)
        .resourceType,
      'ces.alarm',
    )
  })
})
