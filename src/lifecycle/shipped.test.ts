import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { defaultCceVersionLifecycle } from './cce-version-eol.ts'
import { defaultEngineLifecycle } from './engine-eol.ts'
import { defaultOsLifecycle } from './os-eol.ts'
import { loadShippedLifecycles } from './shipped.ts'

describe('loadShippedLifecycles', () => {
  it('loads each shipped file once: the checks then reuse what start-up read', () => {
    loadShippedLifecycles()
    const loaded = [defaultOsLifecycle(), defaultEngineLifecycle(), defaultCceVersionLifecycle()]
    loadShippedLifecycles()
    const again = [defaultOsLifecycle(), defaultEngineLifecycle(), defaultCceVersionLifecycle()]
    for (const [i, l] of loaded.entries())
      assert.equal(again[i], l, 'the same instance, not re-read')
    assert.ok(defaultOsLifecycle().lookup({ distro: 'ubuntu', version: '24.04' }))
  })
})
