import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { InputError } from '../model/input-error.ts'
import { configSecrets } from './cloud-config.ts'
import { resolveCloudConfig } from './clouds.ts'
import { ConfigError } from './config-error.ts'

const CLOUDS = `
clouds:
  otc:
    auth:
      auth_url: https://iam.eu-de.otc.t-systems.com/v3
      username: alice
      user_domain_name: OTC00000000001000000317
      project_name: eu-de
    region_name: eu-de
    compute_endpoint_override: http://127.0.0.1:8774/v2.1/%(project_id)s
  lab:
    auth_type: v3applicationcredential
    auth:
      auth_url: http://127.0.0.1:5000/v3
      application_credential_id: ac-1
      application_credential_secret: ac-secret
    regions: [RegionOne, RegionTwo]
`
const SECURE = `
clouds:
  otc:
    auth:
      password: 123456789
`

/** A temp tree: cwd, home and etc folders; files written where asked. */
function tree(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'sphere-cfg-'))
  const dirs = { cwd: join(root, 'cwd'), home: join(root, 'home'), etc: join(root, 'etc') }
  for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true })
  mkdirSync(join(dirs.home, '.config', 'openstack'), { recursive: true })
  for (const [rel, text] of Object.entries(files)) writeFileSync(join(root, rel), text)
  const searchDirs = [dirs.cwd, join(dirs.home, '.config', 'openstack'), dirs.etc]
  return { root, ...dirs, searchDirs }
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn()
  } catch (err) {
    assert.ok(err instanceof ConfigError, String(err))
    return err
  }
  assert.fail('expected a ConfigError')
}

describe('resolveCloudConfig: files', () => {
  const t = tree({
    'cwd/clouds.yaml': CLOUDS,
    'cwd/secure.yaml': SECURE,
    'etc/clouds.yaml': 'clouds: { other: {} }',
  })
  const base = { cwd: t.cwd, home: t.home, searchDirs: t.searchDirs }

  it('reads the cloud named by OS_CLOUD, merging secure.yaml over clouds.yaml', () => {
    const cfg = resolveCloudConfig({ ...base, env: { OS_CLOUD: 'otc' } })
    assert.equal(cfg.authUrl, 'https://iam.eu-de.otc.t-systems.com/v3')
    assert.deepEqual(cfg.auth, {
      type: 'password',
      username: 'alice',
      userId: undefined,
      password: '123456789',
      userDomain: { name: 'OTC00000000001000000317' },
      domain: { name: 'OTC00000000001000000317' },
    })
    assert.deepEqual(cfg.project, {
      id: undefined,
      name: 'eu-de',
      domain: { name: 'OTC00000000001000000317' },
    })
    assert.equal(cfg.region, 'eu-de')
    assert.equal(cfg.interface, 'public')
    assert.deepEqual(cfg.endpointOverrides, {
      compute: 'http://127.0.0.1:8774/v2.1/%(project_id)s',
    })
    assert.equal(cfg.concurrency, 4)
    assert.equal(cfg.timeoutMs, 30_000)
    assert.deepEqual(cfg.source, {
      cloud: 'otc',
      files: [join(t.cwd, 'clouds.yaml'), join(t.cwd, 'secure.yaml')],
      env: [],
      flags: [],
    })
    assert.ok(
      Object.isFrozen(cfg) && Object.isFrozen(cfg.auth) && Object.isFrozen(cfg.project.domain),
    )
    assert.deepEqual(configSecrets(cfg), ['123456789'])
  })
  it('flags > env > file', () => {
    const env = { OS_CLOUD: 'otc', OS_REGION_NAME: 'eu-nl', OS_PASSWORD: 'from-env' }
    assert.equal(resolveCloudConfig({ ...base, env }).region, 'eu-nl')
    const cfg = resolveCloudConfig({
      ...base,
      env,
      flags: { osCloud: 'lab', region: 'eu-ch2', concurrency: '8', rps: '2.5', apiTimeout: '10' },
    })
    assert.equal(cfg.region, 'eu-ch2')
    assert.equal(cfg.auth.type, 'application_credential')
    assert.equal(cfg.concurrency, 8)
    assert.equal(cfg.rps, 2.5)
    assert.equal(cfg.timeoutMs, 10_000)
    assert.deepEqual(cfg.source.flags, [
      '--os-cloud',
      '--region',
      '--concurrency',
      '--rps',
      '--api-timeout',
    ])
    assert.deepEqual(cfg.source.env, ['OS_PASSWORD', 'OS_REGION_NAME'])
  })
  it('application credentials; the first of `regions` is the default region', () => {
    const cfg = resolveCloudConfig({ ...base, env: {}, flags: { osCloud: 'lab' } })
    assert.deepEqual(cfg.auth, {
      type: 'application_credential',
      id: 'ac-1',
      name: undefined,
      secret: 'ac-secret',
      username: undefined,
      userId: undefined,
      userDomain: {},
    })
    assert.equal(cfg.region, 'RegionOne')
  })
  it('unknown cloud: lists the names available', () => {
    const e = errorOf(() => resolveCloudConfig({ ...base, env: { OS_CLOUD: 'nope' } }))
    assert.equal(
      e.message,
      `${join(t.cwd, 'clouds.yaml')}: clouds: no cloud named "nope" (from OS_CLOUD); available: lab, otc`,
    )
    assert.equal(e.exitCode, 2)
    assert.ok(e instanceof InputError)
  })
  it('no cloud selected and no OS_AUTH_URL: says how to pick one', () => {
    const e = errorOf(() => resolveCloudConfig({ ...base, env: {} }))
    assert.match(
      e.message,
      /no cloud selected: pass --os-cloud or set OS_CLOUD to one of: lab, otc/,
    )
  })
  it('search order: ./ before ~/.config/openstack before /etc/openstack', () => {
    const u = tree({
      'home/.config/openstack/clouds.yaml': 'clouds: { h: { auth: { auth_url: "http://h/v3" } } }',
      'etc/clouds.yaml': 'clouds: { h: { auth: { auth_url: "http://etc/v3" } } }',
    })
    const env = {
      OS_CLOUD: 'h',
      OS_USERNAME: 'u',
      OS_PASSWORD: 'p',
      OS_USER_DOMAIN_ID: 'default',
      OS_PROJECT_ID: 'p1',
    }
    assert.equal(
      resolveCloudConfig({
        env,
        cwd: u.cwd,
        home: u.home,
        searchDirs: [u.cwd, join(u.home, '.config/openstack'), u.etc],
      }).authUrl,
      'http://h/v3',
    )
    assert.equal(
      resolveCloudConfig({ env, cwd: u.cwd, searchDirs: [u.cwd, u.etc] }).authUrl,
      'http://etc/v3',
    )
  })
  it('OS_CLIENT_CONFIG_FILE: only that file; a missing one is an error', () => {
    const u = tree({
      'only.yaml':
        'clouds: { x: { auth_type: aksk, ak: AK1, sk: SK1, auth: { auth_url: "http://k/v3", project_id: p1 } } }',
    })
    const cfg = resolveCloudConfig({
      env: { OS_CLIENT_CONFIG_FILE: join(u.root, 'only.yaml'), OS_CLOUD: 'x' },
      cwd: t.cwd,
      searchDirs: t.searchDirs,
    })
    assert.deepEqual(cfg.auth, {
      type: 'aksk',
      ak: 'AK1',
      sk: 'SK1',
      securityToken: undefined,
      domain: {},
    })
    const e = errorOf(() =>
      resolveCloudConfig({
        env: { OS_CLIENT_CONFIG_FILE: 'missing.yaml', OS_CLOUD: 'x' },
        cwd: t.cwd,
        searchDirs: t.searchDirs,
      }),
    )
    assert.equal(e.message, `${join(t.cwd, 'missing.yaml')}: file not found`)
  })
  it('malformed YAML names line and column', () => {
    const u = tree({ 'cwd/clouds.yaml': 'clouds:\n  otc:\n    auth: [unclosed\n' })
    const e = errorOf(() =>
      resolveCloudConfig({ env: { OS_CLOUD: 'otc' }, cwd: u.cwd, searchDirs: [u.cwd] }),
    )
    assert.match(e.message, /clouds\.yaml: line \d+, column \d+: YAML syntax/)
  })
})

describe('resolveCloudConfig: every problem at once', () => {
  it('names file and key for each, with the env variable to use instead', () => {
    const t = tree({
      'cwd/clouds.yaml': `
clouds:
  bad:
    interface: sideways
    concurrency: 0
    auth_type: password
    network_endpoint_override: not a url
    auth:
      username: alice
      project_name: eu-de
`,
    })
    const file = join(t.cwd, 'clouds.yaml')
    const e = errorOf(() =>
      resolveCloudConfig({
        env: { OS_CLOUD: 'bad', OS_RPS: 'x' },
        cwd: t.cwd,
        searchDirs: [t.cwd],
        flags: { rps: 'fast' },
      }),
    )
    assert.deepEqual(e.message.split('\n'), [
      `${file}: clouds.bad.auth.auth_url: missing (or set OS_AUTH_URL)`,
      `${file}: clouds.bad.auth.password: missing (or set OS_PASSWORD)`,
      `${file}: clouds.bad.auth.user_domain_name: missing (a user name needs its domain; set one of user_domain_name, user_domain_id, domain_name; or set OS_USER_DOMAIN_NAME / OS_USER_DOMAIN_ID / OS_DOMAIN_NAME)`,
      `${file}: clouds.bad.interface: "sideways" is not valid; expected one of: public, internal, admin`,
      `${file}: clouds.bad.concurrency: "0" is not a whole number between 1 and 64`,
      'command line: --rps: "fast" is not a number between 0.01 and 10000',
      `${file}: clouds.bad.network_endpoint_override: "not a url" is not an http(s) URL`,
    ])
    assert.equal(e.issues.length, 7)
  })
  it('wrong types in the file name the path', () => {
    const t = tree({ 'cwd/clouds.yaml': 'clouds:\n  x:\n    auth: "oops"\n    region_name: [1]\n' })
    const e = errorOf(() =>
      resolveCloudConfig({ env: { OS_CLOUD: 'x' }, cwd: t.cwd, searchDirs: [t.cwd] }),
    )
    assert.match(e.message, /clouds\.x\.auth: /)
    assert.match(e.message, /clouds\.x\.region_name: /)
  })
  it('env-only configuration reports missing variables by name', () => {
    const e = errorOf(() =>
      resolveCloudConfig({
        env: { OS_USERNAME: 'alice', OS_INTERFACE: 'bogus', OS_AUTH_TYPE: 'token' },
        cwd: '/nonexistent',
        searchDirs: [],
      }),
    )
    assert.deepEqual(e.message.split('\n'), [
      'environment: OS_AUTH_URL: missing',
      'environment: OS_AUTH_TYPE: "token" is not supported; expected one of: password, v3password, v3applicationcredential, aksk',
      'environment: OS_INTERFACE: "bogus" is not valid; expected one of: public, internal, admin',
    ])
  })
  it('OS_CLOUD without any clouds.yaml', () => {
    const e = errorOf(() =>
      resolveCloudConfig({
        env: { OS_CLOUD: 'x' },
        cwd: '/nonexistent',
        searchDirs: ['/nonexistent'],
      }),
    )
    assert.match(
      e.message,
      /^environment: OS_CLOUD: cloud "x" requested, but no clouds.yaml was found \(looked in \/nonexistent\)$/,
    )
  })
})

describe('resolveCloudConfig: environment', () => {
  const env = {
    OS_AUTH_URL: 'http://127.0.0.1:5000/v3',
    OS_USERNAME: 'demo',
    OS_PASSWORD: 'pw',
    OS_PROJECT_NAME: 'demo',
    OS_TENANT_NAME: 'old',
    OS_USER_DOMAIN_ID: 'default',
    OS_PROJECT_DOMAIN_ID: 'default',
    OS_INTERFACE: 'internalURL',
    OS_VOLUME_ENDPOINT_OVERRIDE: 'http://127.0.0.1:8776/v3',
  }
  it('builds a password config from OS_* variables', () => {
    const cfg = resolveCloudConfig({ env, cwd: '/nonexistent', searchDirs: [] })
    assert.equal(cfg.auth.type, 'password')
    assert.deepEqual(cfg.project, { id: undefined, name: 'demo', domain: { id: 'default' } })
    assert.equal(cfg.interface, 'internal')
    assert.deepEqual(cfg.endpointOverrides, { volume: 'http://127.0.0.1:8776/v3' })
    assert.equal(cfg.source.cloud, undefined)
  })
  it('AK/SK from OS_ACCESS_KEY/OS_SECRET_KEY when there is no password', () => {
    const cfg = resolveCloudConfig({
      env: {
        OS_AUTH_URL: 'https://iam.example/v3',
        OS_ACCESS_KEY: 'AK',
        OS_SECRET_KEY: 'SK-long',
        OS_PROJECT_NAME: 'eu-de',
        OS_DOMAIN_NAME: 'OTC1',
      },
      cwd: '/x',
      searchDirs: [],
    })
    assert.deepEqual(cfg.auth, {
      type: 'aksk',
      ak: 'AK',
      sk: 'SK-long',
      securityToken: undefined,
      domain: { name: 'OTC1' },
    })
    assert.deepEqual(configSecrets(cfg), ['SK-long'])
  })
  it('ak/sk alongside a password: the password wins unless auth_type says aksk', () => {
    const both = { ...env, OS_ACCESS_KEY: 'AK', OS_SECRET_KEY: 'SK' }
    assert.equal(resolveCloudConfig({ env: both, cwd: '/x', searchDirs: [] }).auth.type, 'password')
    assert.equal(
      resolveCloudConfig({ env: both, cwd: '/x', searchDirs: [], flags: { authType: 'aksk' } }).auth
        .type,
      'aksk',
    )
  })
})
