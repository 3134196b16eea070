/**
 * Credentials in URLs, end to end: a password written into `auth_url` (and an endpoint override)
 * appears in no report format, not in the saved inventory, not in `--debug` logs and not in the
 * authentication error; the scan's auth URL is shown without it.
 */
import assert from 'node:assert/strict'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { assertNoLeaks, assertOneProblem, emulatorCloud, sphere, tempDir } from './_kit.ts'

const dir = tempDir('urlcred')
const URL_SECRET = 'Url-Only-Secret-7f3a'

describe('a password in auth_url', () => {
  let origin: string
  let login: Awaited<ReturnType<typeof emulatorCloud>>['login']
  /** A clouds.yaml whose auth_url holds `userinfo`, with `password` set (or not). */
  function clouds(name: string, userinfo: string, password?: string): string {
    const file = join(dir, `${name}.yaml`)
    const url = `${origin.replace('://', `://${userinfo}@`)}/identity/v3`
    writeFileSync(
      file,
      `clouds:
  ${name}:
    auth:
      auth_url: "${url}"
      username: ${login.username}
${password === undefined ? '' : `      password: "${password}"\n`}      project_name: ${login.projectName}
      user_domain_name: ${login.domainName}
    region_name: ${login.region}
    cts_endpoint_override: "${origin.replace('://', `://svc:${URL_SECRET}@`)}/cts/v3/%(project_id)s"
`,
    )
    return file
  }
  const scan = (file: string, name: string, ...args: string[]) =>
    sphere(['scan', '--os-cloud', name, ...args], {
      cwd: dir,
      env: { OS_CLIENT_CONFIG_FILE: file },
    })

  before(async () => {
    const c = await emulatorCloud(dir, 'demo')
    origin = c.emu.url
    login = c.login
  })

  for (const format of ['text', 'json', 'sarif', 'ocsf', 'csv', 'html', 'markdown'])
    it(`${format}: the scan runs and the URL's password shows nowhere`, async () => {
      const file = clouds(`ok-${format}`, `${login.username}:${URL_SECRET}`, login.password)
      const r = await scan(
        file,
        `ok-${format}`,
        '--format',
        format,
        ...(format === 'text' ? ['--debug'] : []),
      )
      assert.equal(r.code, 1, r.err)
      assertNoLeaks(r, [URL_SECRET, login.password])
      if (format === 'json')
        assert.equal(JSON.parse(r.out).scopes[0].authUrl, `${origin}/identity/v3`)
    })

  it('the saved inventory carries the auth URL without it', async () => {
    const file = clouds('saved', `${login.username}:${URL_SECRET}`, login.password)
    const inv = join(dir, 'inventory.json')
    const r = await scan(file, 'saved', '--format', 'json', '--save-inventory', inv)
    assert.equal(r.code, 1, r.err)
    const text = readFileSync(inv, 'utf8')
    assert.ok(!text.includes(URL_SECRET))
    assert.equal(JSON.parse(text).scopes[0].authUrl, `${origin}/identity/v3`)
  })

  it('with a wrong password: the authentication error shows neither password', async () => {
    const file = clouds('wrong', `${login.username}:${URL_SECRET}`, 'Wrong-Password-9')
    const r = await scan(file, 'wrong')
    assertOneProblem(r, {
      code: 2,
      message: new RegExp(
        `cannot scan ${origin.replace(/[.]/g, '\\.')}/identity/v3: .*authentication failed`,
      ),
      secrets: [URL_SECRET, 'Wrong-Password-9'],
    })
  })

  it('with the password only in the URL: exit 2 saying to move it into "password"', async () => {
    const file = clouds('only-url', `${login.username}:${login.password}`)
    const r = await scan(file, 'only-url')
    assert.equal(r.code, 2, r.err)
    assertNoLeaks(r, [login.password, URL_SECRET])
    assert.match(r.err, /clouds\.only-url\.auth\.password: missing/)
    assert.match(
      r.err,
      /clouds\.only-url\.auth\.auth_url: the URL holds a user name and password; .*move the password into "password"/,
    )
  })
})
