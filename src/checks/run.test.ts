import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issue, port, server, volume } from '../inventory/testing.ts'
import { defineCheck, pass } from './define.ts'
import { declaredTypes, runCheck } from './run.ts'
import { ctx } from './testing.ts'

const needsGroups = defineCheck({
  id: 'test-server-groups',
  title: 'Test',
  duty: 'network-access',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'low',
  rationale: 'test',
  remediation: { text: 'test' },
  references: [],
  requires: ['vpc.security-group', 'cbr.vault'],
  evaluate: (s) => pass(`${s.id} ok`),
})

describe(runCheck.name, () => {
  it('runs the check when its data is complete', () => {
    const s = server({ id: 's1' })
    assert.deepEqual(runCheck(needsGroups, s, ctx([s])), { status: 'pass', message: 's1 ok' })
  })

  it('reports error, naming the missing type and the issue, when data is incomplete', () => {
    const s = server()
    const v = runCheck(needsGroups, s, ctx([s], { issues: [issue('vpc.security-group')] }))
    assert.equal(v.status, 'error')
    assert.deepEqual(v.status === 'error' && v.missing, ['vpc.security-group'])
    assert.match(v.message, /vpc\.security-group \(eu-de: 403 Forbidden/)
  })

  it('reports error for a type the scan did not collect', () => {
    const s = server()
    const v = runCheck(needsGroups, s, ctx([s], { collected: ['ecs.server', 'cbr.vault'] }))
    assert.equal(v.status, 'error')
    assert.match(v.message, /not-collected/)
  })

  it('ignores issues in other regions', () => {
    const s = server()
    const v = runCheck(
      needsGroups,
      s,
      ctx([s], { issues: [issue('vpc.security-group', { region: 'eu-nl' })] }),
    )
    assert.equal(v.status, 'pass')
  })

  it('is not applicable when the cloud does not offer a required service', () => {
    const s = server()
    const unavailable = [
      { resourceType: 'cbr.vault' as const, service: 'cbr', reason: 'not in catalog' },
    ]
    const v = runCheck(needsGroups, s, ctx([s], { unavailable }))
    assert.deepEqual(v, {
      status: 'notApplicable',
      message: 'not evaluable on this cloud: CBR is not offered (needs cbr.vault)',
    })
  })

  it('turns a throwing check into an error naming the check', () => {
    const boom = defineCheck({
      ...needsGroups,
      requires: [],
      resourceType: 'evs.volume',
      evaluate: () => {
        throw new Error('bad data')
      },
    })
    const v = runCheck(boom, volume({ id: 'v1' }), ctx())
    assert.deepEqual(v, {
      status: 'error',
      message: 'check test-server-groups failed on v1: bad data',
    })
  })

  it('reads only what the check declares: another type, or a derived field of one, is an error', () => {
    const s = server({ id: 's1' })
    const c = ctx([s, port({ id: 'p1', deviceId: 's1', securityGroupIds: ['sg1'] })])
    const linked = c.inventory.byId('ecs.server', 's1')!
    const readsPorts = defineCheck({
      ...needsGroups,
      evaluate: (x, k) => pass(`${k.inventory.all('vpc.port').length} ports of ${x.id}`),
    })
    assert.deepEqual(runCheck(readsPorts, linked, c), {
      status: 'error',
      message:
        "check test-server-groups failed on s1: check test-server-groups read all('vpc.port') but does not declare vpc.port (add it to requires)",
    })
    const readsGroups = defineCheck({
      ...needsGroups,
      evaluate: (x) => pass(`${x.securityGroupIds.join()}`),
    })
    const v = runCheck(readsGroups, linked, c)
    assert.equal(v.status, 'error')
    assert.match(v.message, /read ecs\.server\.securityGroupIds, which is derived from vpc\.port,/)
    const declared = defineCheck({ ...readsGroups, requires: ['vpc.security-group', 'vpc.port'] })
    assert.deepEqual(runCheck(declared, linked, c), { status: 'pass', message: 'sg1' })
  })

  it('declares the own type, requires and alsoReads, once each', () => {
    assert.deepEqual(
      declaredTypes({
        resourceType: 'ecs.server',
        requires: ['ims.image', 'ecs.server'],
        alsoReads: ['evs.volume'],
      }),
      ['ecs.server', 'ims.image', 'evs.volume'],
    )
  })
})
