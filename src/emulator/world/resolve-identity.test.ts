import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { InputError } from '../../model/input-error.ts'
import { worldFromData } from './load.ts'

const base = {
  name: 't',
  domain: { name: 'OTC00000000001000000042' },
  projects: [{ name: 'eu-de' }, { name: 'eu-de_dev' }, { name: 'eu-nl' }],
}

function issues(data: object): string[] {
  try {
    worldFromData(data, { file: 'w.yaml' })
  } catch (err) {
    assert.ok(err instanceof InputError, String(err))
    return err.issues.map((i) => `${i.path}: ${i.message}`)
  }
  return assert.fail('expected an InputError')
}

describe('users[].projects (role assignments)', () => {
  it('defaults to every project; lists the named ones in world order, and none for []', () => {
    const w = worldFromData({
      ...base,
      users: [
        { name: 'all' },
        { name: 'some', projects: ['eu-nl', 'eu-de'] },
        { name: 'none', projects: [] },
      ],
    })
    const ids = (name: string) =>
      w.users
        .find((u) => u.name === name)!
        .projectIds.map((id) => w.projects.find((p) => p.id === id)!.name)
    assert.deepEqual(ids('all'), ['eu-de', 'eu-de_dev', 'eu-nl'])
    assert.deepEqual(ids('some'), ['eu-de', 'eu-nl'])
    assert.deepEqual(ids('none'), [])
  })

  it('reports an unknown project, a repeat and an application credential without a role', () => {
    const found = issues({
      ...base,
      users: [{ name: 'u', projects: ['eu-de', 'eu-ch2', 'eu-de'] }],
      applicationCredentials: [{ name: 'ci', user: 'u', project: 'eu-nl', secret: 'secret-123' }],
    })
    assert.deepEqual(found, [
      'users[0].projects[1]: unknown project "eu-ch2"; expected one of: "eu-de", "eu-de_dev", "eu-nl"',
      'users[0].projects[2]: project "eu-de" is listed twice',
      'applicationCredentials[0].project: user "u" has no role in project "eu-nl" (see users[].projects)',
    ])
    assert.match(
      issues({ ...base, users: [{ name: 'u', projects: 'eu-de' }] })[0]!,
      /^users\[0\]\.projects: /,
    )
  })
})

describe('allowTokenRescope and projects[].region', () => {
  it('allows re-scoping by default; takes false; rejects other values and an empty region', () => {
    assert.equal(worldFromData(base).allowTokenRescope, true)
    assert.equal(worldFromData({ ...base, allowTokenRescope: false }).allowTokenRescope, false)
    assert.match(issues({ ...base, allowTokenRescope: 'no' })[0]!, /^allowTokenRescope: /)
    assert.deepEqual(issues({ ...base, projects: [{ name: 'eu-de', region: '' }] }), [
      'projects[0].region: expected a region name such as eu-de or RegionOne',
    ])
  })
})
