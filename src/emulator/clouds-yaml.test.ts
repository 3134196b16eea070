import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parse } from 'yaml'
import { demoWorld } from './_test-kit.ts'
import { loginFor, writeCloudsYaml } from './clouds-yaml.ts'
import { loadWorld, worldFromData } from './world/load.ts'

describe(writeCloudsYaml.name, () => {
  it('writes one cloud with the emulator auth URL and the world login', () => {
    const text = writeCloudsYaml({
      authUrl: 'http://127.0.0.1:8443/identity/v3',
      cloudName: 'sphere-demo',
      ...loginFor(demoWorld()),
    })
    assert.deepEqual(parse(text), {
      clouds: {
        'sphere-demo': {
          auth: {
            auth_url: 'http://127.0.0.1:8443/identity/v3',
            username: 'sphere-admin',
            password: 'Sphere-Demo-2024!',
            project_name: 'eu-de',
            user_domain_name: 'OTC00000000001000000501',
            project_domain_name: 'OTC00000000001000000501',
          },
          region_name: 'eu-de',
          interface: 'public',
          identity_api_version: 3,
        },
      },
    })
  })

  it('quotes values YAML would misread', () => {
    const text = writeCloudsYaml({
      authUrl: 'http://x/v3',
      cloudName: 'c',
      username: 'u',
      password: 'yes: #1',
      projectName: 'eu-de',
      domainName: 'D',
      region: 'eu-de',
    })
    assert.equal(parse(text).clouds.c.auth.password, 'yes: #1')
  })

  it('logs in to the empty world as its administrator', () => {
    assert.equal(loginFor(loadWorld('empty')).username, 'admin')
  })

  it('logs in to the first project the administrator has a role in', () => {
    const world = worldFromData({
      name: 'w',
      domain: { name: 'OTC00000000001000000042' },
      projects: [{ name: 'eu-de_locked' }, { name: 'eu-nl' }],
      users: [{ name: 'scan', password: 'pw', groups: ['admin'], projects: ['eu-nl'] }],
    })
    const login = loginFor(world)
    assert.deepEqual([login.projectName, login.region], ['eu-nl', 'eu-nl'])
  })
})
