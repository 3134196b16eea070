import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { findingFingerprint } from './fingerprint.ts'

describe(findingFingerprint.name, () => {
  it('is a 64-digit hex sha256, stable for the same triple', () => {
    const a = findingFingerprint('evs-volume-encrypted', 'evs.volume', 'vol-1')
    assert.match(a, /^[0-9a-f]{64}$/)
    assert.equal(a, findingFingerprint('evs-volume-encrypted', 'evs.volume', 'vol-1'))
  })

  it('differs when any part differs, and parts cannot run into each other', () => {
    const base = findingFingerprint('a', 'b.c', 'd')
    assert.notEqual(base, findingFingerprint('a', 'b.c', 'e'))
    assert.notEqual(base, findingFingerprint('x', 'b.c', 'd'))
    assert.notEqual(findingFingerprint('ab', 'c', 'd'), findingFingerprint('a', 'bc', 'd'))
  })
})
