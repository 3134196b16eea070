import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { FINGERPRINT_VERSION, findingFingerprint } from './fingerprint.ts'

const scope = { cloud: 'otc-prod', region: 'eu-de', projectId: '0391e4486e864c26be5654c522f440f2' }

describe(findingFingerprint.name, () => {
  it('keeps its known values: stored history depends on them (change only with a new version)', () => {
    assert.equal(FINGERPRINT_VERSION, 'sphere-fp-2')
    assert.equal(
      findingFingerprint(scope, 'evs-volume-encrypted', 'evs.volume', 'vol-1'),
      KNOWN.volume,
    )
    assert.equal(
      findingFingerprint(
        { cloud: 'demo', region: 'global', projectId: 'd1' },
        'iam-user-mfa-enabled',
        'iam.user',
        'ü-ñ',
      ),
      KNOWN.user,
    )
  })

  it('keeps its known values where a half starts with zeros (the digits are padded, not dropped)', () => {
    for (const [id, fp] of Object.entries(KNOWN_PADDED))
      assert.equal(findingFingerprint(scope, 'ecs-server-image-current', 'ecs.server', id), fp, id)
  })

  it('is 28 hex digits, stable for the same fields', () => {
    const a = findingFingerprint(scope, 'evs-volume-encrypted', 'evs.volume', 'vol-1')
    assert.match(a, /^[0-9a-f]{28}$/)
    assert.equal(a, findingFingerprint({ ...scope }, 'evs-volume-encrypted', 'evs.volume', 'vol-1'))
  })

  it('differs when any field differs, and fields cannot run into each other', () => {
    const base = findingFingerprint(scope, 'a', 'b.c', 'd')
    assert.notEqual(base, findingFingerprint(scope, 'a', 'b.c', 'e'))
    assert.notEqual(base, findingFingerprint(scope, 'x', 'b.c', 'd'))
    assert.notEqual(base, findingFingerprint({ ...scope, cloud: 'otc-test' }, 'a', 'b.c', 'd'))
    assert.notEqual(base, findingFingerprint({ ...scope, region: 'eu-nl' }, 'a', 'b.c', 'd'))
    assert.notEqual(base, findingFingerprint({ ...scope, projectId: 'p2' }, 'a', 'b.c', 'd'))
    assert.notEqual(
      findingFingerprint(scope, 'ab', 'c', 'd'),
      findingFingerprint(scope, 'a', 'bc', 'd'),
    )
  })

  it('does not collide over 200,000 findings', () => {
    const seen = new Set<string>()
    for (let i = 0; i < 200_000; i++)
      seen.add(findingFingerprint(scope, `check-${i % 37}`, 'ecs.server', `srv-${i}`))
    assert.equal(seen.size, 200_000)
  })
})

/** Computed once by the definition in fingerprint.ts; a change here breaks every stored history. */
const KNOWN = {
  volume: '0c678ba9aeda8213a4d80ddc930f',
  user: '1c1ad1666a0c700f4e29d8f46fba',
}

/** Known values (computed by sphere-fp-2 before its hex digits were formatted by table). */
const KNOWN_PADDED: Record<string, string> = {
  'srv-103': '00de9d568e55820feea5cc123dbf',
  'srv-22': '0b71e502e5bf841cae7d63fbb48c',
  'srv-29': '11fc0cf955878b00b4a817494fae',
  'srv-12': '0211947d7b9ec404373a013310d1',
  'srv-530': '000d636367a32c03e610a007fd77',
}
