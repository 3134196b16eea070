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
    loaded.forEach((l, i) => assert.equal(again[i], l, 'the same instance, not a second read'))
    assert.ok(defaultOsLifecycle().lookup({ distro: 'ubuntu', version: '24.04' }))
  })
})
