import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadWorld } from '../../emulator/index.ts'
import { UsageError } from '../command.ts'
import { projectLines, worldFromFlags } from './emulator.ts'

describe(worldFromFlags.name, () => {
  it('generates an organisation from --generate servers=N,projects=P,regions=R,seed=S', () => {
    const w = worldFromFlags({ generate: 'servers=40,projects=4,regions=2,seed=3' }, '/')
    assert.deepEqual(
      w.projects.map((p) => p.name),
      ['eu-de', 'eu-nl', 'eu-de_p01', 'eu-nl_p01'],
    )
    assert.equal(w.servers.length, 40)
    assert.equal(worldFromFlags({ generate: 'servers=5' }, '/').projects.length, 1)
  })

  it('turns counts out of range into usage errors naming --generate', () => {
    for (const spec of [
      'servers=5,projects=2,regions=3',
      'servers=5,regions=40',
      'servers=5,zones=2',
    ])
      assert.throws(
        () => worldFromFlags({ generate: spec }, '/'),
        (err: unknown) => {
          assert.ok(err instanceof UsageError, String(err))
          assert.match(err.message, /^--generate/)
          return true
        },
      )
  })
})

describe(projectLines.name, () => {
  it('lists projects, regions, missing services and where the user may not enter', () => {
    const lines = projectLines(loadWorld('demo'), 'sphere-admin')
    assert.match(lines[0]!, /^ {2}projects: {2}4 in 2 regions$/)
    assert.deepEqual(lines.slice(1), [
      '    eu-de             eu-de',
      '    eu-de_dev         eu-de',
      '    eu-nl             eu-nl   (no cts in eu-nl)',
      '    eu-de_restricted  eu-de   (sphere-admin has no role here)',
      '  scan them all: sphere scan --all-projects --regions all',
    ])
  })

  it('says nothing for one project and counts the rest of a large organisation', () => {
    assert.deepEqual(projectLines(loadWorld('empty'), 'admin'), [])
    const big = worldFromFlags({ generate: 'servers=30,projects=30,regions=3' }, '/')
    const lines = projectLines(big, 'sphere-admin')
    assert.equal(lines.length, 23)
    assert.equal(lines.at(-2), '    … and 10 more')
  })
})
