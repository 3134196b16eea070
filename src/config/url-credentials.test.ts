import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { configSecrets } from './cloud-config.ts'
import { resolveCloudConfig } from './clouds.ts'
import type { Settings } from './clouds-settings.ts'
import { ConfigError } from './config-error.ts'
import { stripUrlCredentials } from './url-credentials.ts'

const PASSWORD = 'Hunter2-Url!'

function cloudsYaml(authUrl: string, password?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sphere-urlcred-'))
  const file = join(dir, 'clouds.yaml')
  writeFileSync(
    file,
    `clouds:
  otc:
    auth:
      auth_url: "${authUrl}"
      username: alice
      user_domain_name: OTC0001${password ? `\n      password: "${password}"` : ''}
      project_name: eu-de
    compute_endpoint_override: "http://svc:${PASSWORD}@127.0.0.1:8774/v2.1"
`,
  )
  return file
}

const resolve = (file: string) =>
  resolveCloudConfig({ env: { OS_CLIENT_CONFIG_FILE: file, OS_CLOUD: 'otc' }, cwd: '/' })

describe(stripUrlCredentials.name, () => {
  it('removes user info from auth_url and endpoint overrides, one warning each', () => {
    const s: Settings = new Map([
      [
        'auth_url',
        {
          value: `https://bob:${PASSWORD}@iam.example/v3`,
          source: { kind: 'env', name: 'OS_AUTH_URL' },
        },
      ],
      ['username', { value: 'bob', source: { kind: 'env', name: 'OS_USERNAME' } }],
    ])
    const out = stripUrlCredentials(s)
    assert.equal(s.get('auth_url')?.value, 'https://iam.example/v3')
    assert.equal(s.get('username')?.value, 'bob')
    assert.deepEqual(out.secrets, [PASSWORD])
    assert.equal(out.warnings.length, 1)
    assert.match(
      out.warnings[0]!,
      /^environment: OS_AUTH_URL: the URL holds a user name and password; .*move the password into "password"/,
    )
    assert.ok(!out.warnings[0]!.includes(PASSWORD))
  })

  it('changes nothing when no URL holds user info', () => {
    const s: Settings = new Map([
      ['auth_url', { value: 'https://iam.example/v3', source: { kind: 'default' } }],
    ])
    assert.deepEqual(stripUrlCredentials(s), { issues: [], warnings: [], secrets: [] })
  })
})

describe('resolveCloudConfig with credentials in URLs', () => {
  it('keeps the URLs without user info, warns, and redacts the removed password', () => {
    const file = cloudsYaml(
      `https://alice:${PASSWORD}@iam.eu-de.otc.t-systems.com/v3`,
      'real-password',
    )
    const cfg = resolve(file)
    assert.equal(cfg.authUrl, 'https://iam.eu-de.otc.t-systems.com/v3')
    assert.equal(cfg.endpointOverrides.compute, 'http://127.0.0.1:8774/v2.1')
    assert.equal(cfg.warnings?.length, 2)
    assert.match(
      cfg.warnings![0]!,
      /clouds\.yaml: clouds\.otc\.auth\.auth_url: the URL holds a user name and password/,
    )
    assert.match(cfg.warnings![1]!, /clouds\.otc\.compute_endpoint_override: /)
    assert.ok(configSecrets(cfg).includes(PASSWORD))
    assert.ok(!JSON.stringify({ ...cfg, urlSecrets: [] }).includes(PASSWORD))
  })

  it('without a password setting: the error says where to move it and never shows it', () => {
    const file = cloudsYaml(`https://alice:${PASSWORD}@iam.eu-de.otc.t-systems.com/v3`)
    assert.throws(
      () => resolve(file),
      (e: unknown) =>
        e instanceof ConfigError &&
        /clouds\.otc\.auth\.password: missing/.test(e.message) &&
        /auth_url: the URL holds a user name and password/.test(e.message) &&
        !e.message.includes(PASSWORD),
    )
  })

  it('an invalid URL with user info is named without its password', () => {
    const file = cloudsYaml(`ftp://alice:${PASSWORD}@iam.example/v3`, 'real-password')
    assert.throws(
      () => resolve(file),
      (e: unknown) =>
        e instanceof ConfigError &&
        /"ftp:\/\/iam\.example\/v3" is not an http\(s\) URL/.test(e.message) &&
        !e.message.includes(PASSWORD),
    )
  })
})
