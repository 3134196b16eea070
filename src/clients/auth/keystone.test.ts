import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { TokenRequest } from '../identity/auth-schemas.ts'
import { parseExpiry, tokenRequestBody } from './keystone.ts'

const user = {
  type: 'password' as const,
  username: 'alice',
  password: 'pw',
  userDomain: { name: 'OTC0001' },
  domain: { name: 'OTC0001' },
}

describe('tokenRequestBody', () => {
  it('password, project-scoped by name + domain (otc-api.md §1.2)', () => {
    const body = tokenRequestBody(user, { project: { name: 'eu-de', domain: { name: 'OTC0001' } } })
    assert.deepEqual(body, {
      auth: {
        identity: {
          methods: ['password'],
          password: { user: { name: 'alice', domain: { name: 'OTC0001' }, password: 'pw' } },
        },
        scope: { project: { name: 'eu-de', domain: { name: 'OTC0001' } } },
      },
    })
    assert.ok(TokenRequest.safeParse(body).success)
  })
  it('password by user id needs no domain; domain scope by id', () => {
    const body = tokenRequestBody(
      { ...user, userId: 'u1', username: undefined },
      { domain: { id: 'd1' } },
    )
    assert.deepEqual(body.auth.identity.password?.user, { id: 'u1', password: 'pw' })
    assert.deepEqual(body.auth.scope, { domain: { id: 'd1' } })
  })
  it('application credential by id, and by name with its user', () => {
    const byId = tokenRequestBody(
      { type: 'application_credential', id: 'a1', secret: 's', userDomain: {} },
      { project: { id: 'p' } },
    )
    assert.deepEqual(byId, {
      auth: {
        identity: {
          methods: ['application_credential'],
          application_credential: { id: 'a1', secret: 's' },
        },
      },
    })
    const byName = tokenRequestBody(
      {
        type: 'application_credential',
        name: 'scan',
        secret: 's',
        username: 'bob',
        userDomain: { id: 'default' },
      },
      undefined,
    )
    assert.deepEqual(byName.auth.identity.application_credential, {
      name: 'scan',
      secret: 's',
      user: { name: 'bob', domain: { id: 'default' } },
    })
    assert.ok(TokenRequest.safeParse(byName).success)
  })
})

describe('parseExpiry', () => {
  it('reads Keystone timestamps with microseconds, with or without a zone', () => {
    assert.equal(parseExpiry('2019-05-24T15:11:11.815000Z'), Date.UTC(2019, 4, 24, 15, 11, 11, 815))
    assert.equal(parseExpiry('2019-05-24T15:11:11.815000'), Date.UTC(2019, 4, 24, 15, 11, 11, 815))
    assert.equal(parseExpiry('2019-05-24T17:11:11+02:00'), Date.UTC(2019, 4, 24, 15, 11, 11))
  })
})
