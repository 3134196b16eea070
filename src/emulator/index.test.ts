import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as emulator from './index.ts'

describe('emulator public API', () => {
  it('exports the documented names', () => {
    for (const name of [
      'createEmulator',
      'startEmulator',
      'openEmulatorPort',
      'loadWorld',
      'worldFromData',
      'BUILT_IN_WORLDS',
      'generateWorld',
      'generateWorldDocument',
      'writeCloudsYaml',
      'loginFor',
      'SERVICE_PREFIX',
      'WorldFile',
      'builtInWorldFile',
    ])
      assert.ok(name in emulator, name)
    assert.deepEqual([...emulator.BUILT_IN_WORLDS], ['demo', 'empty', 'openstack'])
  })
})
