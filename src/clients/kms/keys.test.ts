import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeClient } from '../testing/fake-client.ts'
import { keyDetail, listKeysSample, rotationStatusSample } from './fixtures.ts'
import { getKeyRotationStatus, listKeys } from './keys.ts'
import { KeyRotationStatusResponse, ListKeysResponse } from './schemas.ts'

describe('kms wire schemas', () => {
  it('parses the documented samples (string truncated, number total; boolean rotation flag)', () => {
    const list = ListKeysResponse.parse(listKeysSample)
    assert.equal(list.truncated, false)
    assert.equal(list.key_details[0]?.default_key_flag, '0')
    const rot = KeyRotationStatusResponse.parse(rotationStatusSample)
    assert.equal(rot.key_rotation_enabled, true)
    assert.equal(rot.number_of_rotations, 3)
  })

  it('accepts the field tables’ string types too', () => {
    const rot = KeyRotationStatusResponse.parse({
      key_rotation_enabled: 'false',
      rotation_interval: 365,
      number_of_rotations: '0',
    })
    assert.equal(rot.key_rotation_enabled, false)
    assert.equal(rot.number_of_rotations, 0)
    assert.equal(ListKeysResponse.parse({ ...listKeysSample, truncated: true }).truncated, true)
  })
})

describe(listKeys.name, () => {
  it('pages with the body marker while truncated is "true"', async () => {
    const a = keyDetail({ key_id: 'a' })
    const b = keyDetail({ key_id: 'b' })
    const c = fakeClient([
      { keys: ['a'], key_details: [a], next_marker: 'a', truncated: 'true', total: 2 },
      { keys: ['b'], key_details: [b], next_marker: '', truncated: 'false', total: 2 },
    ])
    const keys = await listKeys(c, { limit: 1 })
    assert.deepEqual(
      keys.map((k) => k.key_id),
      ['a', 'b'],
    )
    assert.deepEqual(
      c.calls.map((r) => [r.method, r.path, r.body]),
      [
        ['POST', '/v1.0/{project_id}/kms/list-keys', { limit: '1' }],
        ['POST', '/v1.0/{project_id}/kms/list-keys', { limit: '1', marker: 'a' }],
      ],
    )
  })

  it('stops on a repeated marker', async () => {
    const page = { keys: ['a'], key_details: [keyDetail()], next_marker: 'a', truncated: 'true' }
    await assert.rejects(listKeys(fakeClient([page, page, page])), /endless pagination/)
  })
})

describe(getKeyRotationStatus.name, () => {
  it('asks by key id', async () => {
    const c = fakeClient([rotationStatusSample])
    assert.equal((await getKeyRotationStatus(c, 'k1')).rotation_interval, 30)
    assert.deepEqual(c.calls[0]?.body, { key_id: 'k1' })
  })
})
