import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { applyChange, ChangeError } from './change.ts'
import { loadWorld } from './load.ts'

describe('applyChange', () => {
  it('open-port adds one ingress rule from the internet to the named group', () => {
    const world = loadWorld('demo')
    const g = world.securityGroups.find((x) => x.name === 'sg-app')!
    const before = g.rules.length
    assert.match(applyChange(world, 'open-port=sg-app:22'), /opened TCP 22 .* sg-app/)
    assert.equal(g.rules.length, before + 1)
    const r = g.rules.at(-1)!
    assert.deepEqual(
      [r.direction, r.protocol, r.portMin, r.portMax, r.remoteIpPrefix],
      ['ingress', 'tcp', 22, 22, '0.0.0.0/0'],
    )
  })

  it('close-port removes the rules that open the port to the internet, and only those', () => {
    const world = loadWorld('demo')
    const g = world.securityGroups.find((x) => x.name === 'sg-web')!
    applyChange(world, 'close-port=sg-web:443')
    assert.deepEqual(
      g.rules
        .filter((r) => r.direction === 'ingress')
        .map((r) => r.portMin)
        .sort(),
      [22, 80],
    )
  })

  it('refuses unknown kinds, groups, ports and a close that changes nothing', () => {
    const world = loadWorld('demo')
    assert.throws(() => applyChange(world, 'drop-table=sg-app:22'), /expected open-port=GROUP:PORT/)
    assert.throws(() => applyChange(world, 'open-port=nope:22'), /no security group named "nope"/)
    assert.throws(() => applyChange(world, 'open-port=sg-app:70000'), ChangeError)
    assert.throws(() => applyChange(world, 'close-port=sg-db:5432'), /no rule of sg-db opens 5432/)
  })
})
