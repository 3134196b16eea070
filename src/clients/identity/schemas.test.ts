import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { issuePaths, REMOVE, withValueAt } from '../testing/schema-assert.ts'
import {
  groupWire,
  keystoneGroupsSample,
  keystoneProjectsSample,
  keystoneUsersSample,
  projectWire,
  userWire,
} from './fixtures.ts'
import {
  GroupWire,
  ListGroupsResponse,
  ListProjectsResponse,
  ListUsersResponse,
  ProjectWire,
  UserWire,
} from './schemas.ts'

describe('identity wire schemas', () => {
  it('parses the projects sample', () => {
    const body = ListProjectsResponse.parse(keystoneProjectsSample)
    assert.equal(body.projects[0]?.name, 'eu-de')
    assert.equal(body.projects[0]?.domain_id, 'c9f5525d9d24c5bbf91e74d86772029')
    assert.equal(body.links.next, null)
  })

  it('parses the users sample with the OTC extras', () => {
    const u = ListUsersResponse.parse(keystoneUsersSample).users[0]!
    assert.equal(u.enabled, false)
    assert.equal(u.pwd_status, true)
    assert.equal(u.password_expires_at, '2016-12-07T00:00:00.000000Z')
  })

  it('parses the groups sample', () => {
    const g = ListGroupsResponse.parse(keystoneGroupsSample).groups[0]!
    assert.equal(g.name, 'group123')
    assert.equal(g.create_time, 1482566254983)
  })

  it('names the field of a broken body', () => {
    const noLinks = withValueAt(keystoneProjectsSample, ['links'], REMOVE)
    assert.deepEqual(issuePaths(ListProjectsResponse, noLinks), ['links'])
    const badEnabled = withValueAt(keystoneUsersSample, ['users', 0, 'enabled'], 'false')
    assert.deepEqual(issuePaths(ListUsersResponse, badEnabled), ['users.0.enabled'])
  })

  it('builds valid items with stable ids', () => {
    assert.deepEqual(issuePaths(ProjectWire, projectWire({ name: 'eu-de_dev' })), [])
    const alice = userWire({ name: 'alice', enabled: true })
    assert.deepEqual(issuePaths(UserWire, alice), [])
    assert.notEqual(alice.id, userWire({ name: 'bob' }).id)
    assert.deepEqual(issuePaths(GroupWire, groupWire({ name: 'admin' })), [])
  })
})
