import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RequestOptions } from '../clients/core/types.ts'
import { credentialWire, iamCredentialSample } from '../clients/iam/fixtures.ts'
import { CredentialWire } from '../clients/iam/schemas.ts'
import { userWire } from '../clients/identity/fixtures.ts'
import { GLOBAL_REGION } from '../inventory/types.ts'
import { collectInventory } from './collect.ts'
import { toIamAccessKey } from './iam-access-key.ts'
import { apiError, CTX, clientsFor, fakeService } from './testing.ts'

describe(toIamAccessKey.name, () => {
  it('maps the single-key doc sample', () => {
    const k = toIamAccessKey(CredentialWire.parse(iamCredentialSample.credential))
    assert.equal(k.id, 'LOSZM4YRVLKOY9E8X...')
    assert.equal(k.userId, '07609fb9358010e21f7bc0037...')
    assert.equal(k.status, 'active')
    assert.equal(k.region, GLOBAL_REGION)
    assert.equal(k.createdAt, '2020-01-08T06:26:08.123Z')
    assert.equal(k.lastUsedAt, '2020-01-08T06:26:08.123Z')
  })

  it('leaves the last use unknown for a listed key', () => {
    assert.equal(toIamAccessKey(credentialWire()).lastUsedAt, null)
  })
})

describe('iamAccessKeyCollector', () => {
  const alice = userWire({ name: 'alice' })
  const bob = userWire({ name: 'bob' })
  const keyA = credentialWire({ user_id: alice.id, description: 'ci' })
  const keyB = credentialWire({ user_id: bob.id, description: 'laptop' })
  const listCredentials = (req: RequestOptions) => ({
    credentials: [keyA, keyB].filter((k) => k.user_id === req.query?.user_id),
  })

  it('lists keys per user and reads each key for its last use', async () => {
    const iam = fakeService('iam', {
      ListCredentials: listCredentials,
      ShowCredential: (req) => ({
        credential: {
          ...(req.path.endsWith(keyA.access) ? keyA : keyB),
          last_use_time: '2024-05-01T10:00:00.000000Z',
        },
      }),
    })
    const input = await collectInventory({
      ...CTX,
      clientFor: clientsFor({
        identity: fakeService('identity', { ListUsers: [alice, bob] }),
        iam,
      }),
      types: ['iam.access-key'],
    })
    assert.deepEqual(input.issues, [])
    assert.deepEqual(input.resources.map((r) => r.id).sort(), [keyA.access, keyB.access].sort())
    for (const r of input.resources)
      assert.ok(r.type === 'iam.access-key' && r.lastUsedAt === '2024-05-01T10:00:00.000Z')
  })

  it('keeps a key whose detail fails (last use unknown) and records the issue', async () => {
    const iam = fakeService('iam', {
      ListCredentials: listCredentials,
      ShowCredential: () => apiError('iam', 'ShowCredential'),
    })
    const input = await collectInventory({
      ...CTX,
      clientFor: clientsFor({
        identity: fakeService('identity', { ListUsers: [alice, bob] }),
        iam,
      }),
      types: ['iam.access-key'],
    })
    assert.equal(input.resources.length, 2)
    for (const r of input.resources) assert.ok(r.type === 'iam.access-key' && r.lastUsedAt === null)
    assert.equal(input.issues?.length, 1)
    assert.match(input.issues?.[0]?.message ?? '', /ShowCredential.*2 of 2 failed/)
  })
})
