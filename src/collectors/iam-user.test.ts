import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { RequestOptions } from '../clients/core/types.ts'
import {
  iamUserDetailSample,
  loginProtectWire,
  userDetailWire,
  virtualMfaDeviceWire,
} from '../clients/iam/fixtures.ts'
import { UserDetailWire } from '../clients/iam/schemas.ts'
import { userWire } from '../clients/identity/fixtures.ts'
import type { UserWire } from '../clients/identity/schemas.ts'
import { GLOBAL_REGION } from '../inventory/types.ts'
import { collectInventory } from './collect.ts'
import { consoleAccess, loginProtection, toIamUser } from './iam-user.ts'
import { apiError, CTX, clientsFor, fakeService, type Reply } from './testing.ts'

const alice = userWire({ name: 'alice', enabled: true })
const bob = userWire({ name: 'bob', enabled: true })
const detailOf = (u: UserWire, o: Partial<UserDetailWire> = {}) =>
  userDetailWire({ id: u.id, name: u.name, ...o })
const showUser = (req: RequestOptions) => {
  const u = [alice, bob].find((x) => req.path.endsWith(x.id))!
  return { user: detailOf(u, { last_login_time: '2024-01-02 03:04:05.0' }) }
}

async function collectUsers(iamReplies: Record<string, Reply>) {
  const identity = fakeService('identity', { ListUsers: [alice, bob] })
  const iam = fakeService('iam', {
    ShowUser: showUser,
    ListVirtualMfaDevices: [virtualMfaDeviceWire({ user_id: alice.id })],
    ListLoginProtects: [loginProtectWire({ user_id: bob.id, verification_method: 'none' })],
    ...iamReplies,
  })
  const input = await collectInventory({
    ...CTX,
    clientFor: clientsFor({ identity, iam }),
    types: ['iam.user'],
  })
  return { ...input, iam }
}

describe(toIamUser.name, () => {
  it('maps the doc sample (never logged in)', () => {
    const detail = UserDetailWire.parse(iamUserDetailSample.user)
    const user = userWire({ id: detail.id, name: detail.name, enabled: true })
    const u = toIamUser({ user, detail }, { mfaDevices: [], loginProtects: [] })
    assert.equal(u.region, GLOBAL_REGION)
    assert.equal(u.enabled, true)
    assert.equal(u.createdAt, '2020-07-08T02:19:03.000Z')
    assert.equal(u.lastLoginAt, null)
    assert.equal(u.consoleAccess, null, 'OTC does not return access_mode: unknown, not false')
    assert.equal(u.mfa, false)
    assert.equal(u.loginProtection, false)
    assert.equal(u.isDomainOwner, false)
  })

  it('leaves MFA and login protection unknown when their lists could not be read', () => {
    const u = toIamUser(
      { user: alice, detail: detailOf(alice) },
      { mfaDevices: null, loginProtects: null },
    )
    assert.equal(u.mfa, null)
    assert.equal(u.loginProtection, null)
  })
})

describe(consoleAccess.name, () => {
  it('maps access_mode', () => {
    assert.equal(consoleAccess('default'), true)
    assert.equal(consoleAccess('console'), true)
    assert.equal(consoleAccess('programmatic'), false)
    assert.equal(consoleAccess(undefined), null)
    assert.equal(consoleAccess('something-new'), null)
  })
})

describe(loginProtection.name, () => {
  it('is on only when enabled with a real method; absent from a read list is off', () => {
    const list = [
      loginProtectWire({ user_id: 'a' }),
      loginProtectWire({ user_id: 'b', verification_method: 'none' }),
      loginProtectWire({ user_id: 'c', enabled: false }),
    ]
    assert.equal(loginProtection('a', list), true)
    assert.equal(loginProtection('b', list), false)
    assert.equal(loginProtection('c', list), false)
    assert.equal(loginProtection('d', list), false)
    assert.equal(loginProtection('a', null), null)
  })
})

describe('iamUserCollector', () => {
  it('joins details, MFA devices and login protection', async () => {
    const { resources, issues } = await collectUsers({})
    assert.deepEqual(issues, [])
    const byName = new Map(resources.map((r) => [r.name, r]))
    assert.deepEqual([...byName.keys()].sort(), ['alice', 'bob'])
    const a = byName.get('alice')
    assert.ok(a?.type === 'iam.user')
    assert.equal(a.mfa, true)
    assert.equal(a.lastLoginAt, '2024-01-02T03:04:05.000Z')
    const b = byName.get('bob')
    assert.ok(b?.type === 'iam.user')
    assert.equal(b.mfa, false)
    assert.equal(b.loginProtection, false)
  })

  it('keeps the users whose details loaded and records the failed one as an issue', async () => {
    const { resources, issues } = await collectUsers({
      ShowUser: (req) =>
        req.path.endsWith(bob.id) ? apiError('iam', 'ShowUser', 'transient', 503) : showUser(req),
    })
    assert.deepEqual(
      resources.map((r) => r.name),
      ['alice'],
    )
    assert.equal(issues.length, 1)
    assert.equal(issues[0]?.resourceType, 'iam.user')
    assert.equal(issues[0]?.region, GLOBAL_REGION)
    assert.equal(issues[0]?.errorKind, 'transient')
    assert.match(issues[0]?.message ?? '', /ShowUser.*1 of 2 failed/)
  })

  it('a failed MFA list makes mfa unknown for every user and is an issue', async () => {
    const { resources, issues } = await collectUsers({
      ListVirtualMfaDevices: apiError('iam', 'ListVirtualMfaDevices'),
    })
    assert.equal(resources.length, 2)
    for (const r of resources) assert.ok(r.type === 'iam.user' && r.mfa === null)
    assert.equal(issues.length, 1)
    assert.equal(issues[0]?.errorKind, 'forbidden')
    assert.match(issues[0]?.message ?? '', /virtual MFA devices/)
  })
})
