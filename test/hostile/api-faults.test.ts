/**
 * A cloud that misbehaves behind a gateway: HTML 502s, truncated and mistyped bodies, empty
 * objects, silence, redirects and links to other hosts, paging that never ends, hostile error
 * text. Each becomes a collection issue (the scan says it is incomplete) or, for authentication,
 * one clear error; never a stack trace, a secret, a raw control character or a silent pass.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { loadWorld, loginFor, writeCloudsYaml } from '../../src/emulator/index.ts'
import { type FaultyCloud, HTML_502, type Rule, startFaultyCloud } from './_faulty-cloud.ts'
import { assertClean, type Run, sphere } from './_kit.ts'

const dir = mkdtempSync(join(tmpdir(), 'sphere-hostile-api-'))
const clouds: FaultyCloud[] = []
after(async () => {
  for (const c of clouds) await c.close()
  rmSync(dir, { recursive: true, force: true })
})
const login = loginFor(loadWorld('demo'))
const SECRETS = [login.password]

let n = 0
/** Starts the demo world behind `rules` and scans it; returns the run and the JSON report. */
async function scanBehind(rules: Rule[], args: string[] = []) {
  const cloud = await startFaultyCloud('demo', rules)
  clouds.push(cloud)
  const name = `c${++n}`
  const file = join(dir, `${name}.yaml`)
  writeFileSync(file, writeCloudsYaml({ authUrl: cloud.authUrl, cloudName: name, ...login }))
  const report = join(dir, `${name}.json`)
  const r = await sphere(
    ['scan', '--os-cloud', name, '--format', 'json', '--output', report, ...args],
    { cwd: dir, env: { OS_CLIENT_CONFIG_FILE: file } },
  )
  let doc: Report | undefined
  try {
    doc = JSON.parse(readFileSync(report, 'utf8')) as Report
  } catch {
    doc = undefined
  }
  /** The same scan again, as text on stdout (a terminal's view). */
  const asText = () =>
    sphere(['scan', '--os-cloud', name], { cwd: dir, env: { OS_CLIENT_CONFIG_FILE: file } })
  return { r, doc, cloud, asText }
}

interface Report {
  issues: { resourceType: string; errorKind: string; message: string }[]
  findings: { checkId: string; status: string; duty: string; cause?: string }[]
  duties: { id: string; status: string }[]
}

/** The scan went on, listed the issue for `type` and judged nothing that needs it as a pass. */
function assertIssue(r: Run, doc: Report | undefined, type: string, kind: RegExp, msg?: RegExp) {
  assert.ok(r.code === 1 || r.code === 3, `exit ${r.code}: ${r.err}`)
  assertClean(r, { code: r.code ?? -1, secrets: SECRETS })
  assert.ok(doc, 'the report was written')
  const issue = doc.issues.find((i) => i.resourceType === type)
  assert.ok(issue, `an issue for ${type}: ${JSON.stringify(doc.issues)}`)
  assert.match(issue.errorKind, kind)
  if (msg) assert.match(issue.message, msg)
  return issue
}

const mangle = (path: RegExp, transform: (s: string, url: string) => string): Rule => ({
  path,
  fault: { kind: 'mangle', transform },
})

describe('hostile cloud answers become collection issues, never passes', () => {
  it('an HTML 502 from a proxy on ports: issue, and the security-group check on servers is not a pass', async () => {
    const { r, doc } = await scanBehind([{ path: /\/network\/v2\.0\/ports/, fault: HTML_502 }])
    assertIssue(r, doc, 'vpc.port', /transient/, /502/)
    const sg = doc!.findings.filter((f) => f.checkId === 'ecs-server-not-default-sg')
    assert.ok(sg.length > 0)
    assert.ok(
      sg.every((f) => f.status !== 'pass'),
      'no server passes on data that was never read',
    )
    assert.notEqual(doc!.duties.find((d) => d.id === 'resource-combination')?.status, 'met')
  })

  it('truncated JSON on volumes: a schema issue, the data-protection duty is not met', async () => {
    const { r, doc } = await scanBehind([
      mangle(/\/volumes\/detail$/, (s) => s.slice(0, Math.floor(s.length / 2))),
    ])
    assertIssue(r, doc, 'evs.volume', /schema/, /not JSON/)
    assert.notEqual(doc!.duties.find((d) => d.id === 'data-protection')?.status, 'met')
  })

  it('wrong types (a size that is text) on volumes: a schema issue naming the field', async () => {
    const { r, doc } = await scanBehind([
      mangle(/\/volumes\/detail$/, (s) => s.replace(/"size":\s*\d+/, '"size":"forty"')),
    ])
    assertIssue(r, doc, 'evs.volume', /schema/, /volumes\[0\]\.size/)
  })

  it('an empty object for CBR vaults: a schema issue, backup duty not met', async () => {
    const { r, doc } = await scanBehind([mangle(/\/cbr\/v3\/[^/]+\/vaults$/, () => '{}')])
    assertIssue(r, doc, 'cbr.vault', /schema/)
    assert.notEqual(doc!.duties.find((d) => d.id === 'backup-restore')?.status, 'met')
  })

  it('a 200 with an HTML login page for servers: a schema issue', async () => {
    const { r, doc } = await scanBehind([
      {
        path: /\/servers\/detail$/,
        fault: { kind: 'replace', status: 200, type: 'text/html', body: '<html>Sign in</html>' },
      },
    ])
    assertIssue(r, doc, 'ecs.server', /schema/, /not JSON/)
  })

  it('a silent RDS endpoint: a timeout issue after --api-timeout, the rest is read', async () => {
    const { r, doc } = await scanBehind(
      [{ path: /^\/rds\//, fault: { kind: 'silent' } }],
      ['--api-timeout', '0.5'],
    )
    assertIssue(
      r,
      doc,
      'rds.instance',
      /timeout/,
      /no response from http:\/\/127\.0\.0\.1:\d+ within 0\.5 s/,
    )
    assert.ok(
      doc!.findings.some((f) => f.checkId === 'evs-volume-encrypted' && f.status === 'pass'),
    )
  })

  it('a redirect to another host on images: not followed, an issue', async () => {
    const { r, doc } = await scanBehind([
      {
        path: /\/image\/v2\/images$/,
        fault: { kind: 'replace', status: 302, type: 'text/plain', body: '' },
      },
    ])
    assertIssue(r, doc, 'ims.image', /client/)
  })

  it('a next link to another origin: refused (the token is not sent there), an issue', async () => {
    const { r, doc } = await scanBehind([
      mangle(/\/servers\/detail$/, (s) =>
        s.replace(
          /"servers_links":\s*\[[^\]]*\]|}$/,
          (m) =>
            `${m === '}' ? ',' : ''}"servers_links":[{"rel":"next","href":"http://203.0.113.9/compute/v2.1/x/servers/detail?marker=a"}]${m === '}' ? '}' : ''}`,
        ),
      ),
    ])
    assertIssue(r, doc, 'ecs.server', /client/, /refusing to follow a link to another origin/)
  })

  it('paging that never ends (the same next link again and again): an issue, no endless loop', async () => {
    const { r, doc } = await scanBehind([
      mangle(/\/volume\/v\d\/[^/]+\/volumes\/detail$/, (s, url) => {
        const body = JSON.parse(s) as Record<string, unknown>
        return JSON.stringify({ ...body, volumes_links: [{ rel: 'next', href: url }] })
      }),
    ])
    assertIssue(r, doc, 'evs.volume', /.+/, /endless pagination detected/)
  })

  it('hostile text in an error body reaches no terminal raw', async () => {
    const { r, doc, asText } = await scanBehind([
      {
        path: /\/cbr\/v3\/[^/]+\/policies$/,
        fault: {
          kind: 'replace',
          status: 403,
          type: 'application/json',
          body: JSON.stringify({
            error_code: 'CBR.0001',
            error_msg: 'denied \u001b]52;c;ZWNobyBoYWNrZWQ=\u0007\u001b[2J\u202eevil',
          }),
        },
      },
    ])
    assertIssue(r, doc, 'cbr.policy', /forbidden/)
    // The same scan as text on stdout: the terminal gets visible escapes, not the sequences.
    const text = await asText()
    assertClean(text, { code: text.code === 1 ? 1 : 3, secrets: SECRETS })
    assert.match(text.out, /CBR\.0001/)
  })
})

describe('hostile authentication answers: one clear error, exit 2', () => {
  it('an HTML 502 on the token request', async () => {
    const { r } = await scanBehind([{ path: /\/auth\/tokens$/, fault: HTML_502 }])
    assertClean(r, { code: 2, message: /cannot scan .*502/, secrets: SECRETS })
  })

  it('a token response without X-Subject-Token', async () => {
    const cloud = await startFaultyCloud('demo', [
      mangle(/\/auth\/tokens$/, (s) => s), // headers are copied; the token header is dropped below
    ])
    clouds.push(cloud)
    // The mangle keeps headers; a replace with the real body but no header stands for a broken gateway.
    const res = await fetch(`${cloud.authUrl}/auth/tokens`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        auth: {
          identity: {
            methods: ['password'],
            password: {
              user: {
                name: login.username,
                password: login.password,
                domain: { name: login.domainName },
              },
            },
          },
          scope: { project: { name: login.projectName, domain: { name: login.domainName } } },
        },
      }),
    })
    const body = await res.text()
    const { r } = await scanBehind([
      {
        path: /\/auth\/tokens$/,
        method: 'POST',
        fault: { kind: 'replace', status: 201, type: 'application/json', body },
      },
    ])
    assertClean(r, { code: 2, message: /cannot scan .*X-Subject-Token/, secrets: SECRETS })
  })

  it('a Keystone that accepts connections and never answers: given up within --auth-timeout', async () => {
    const { r } = await scanBehind(
      [{ path: /\/auth\/tokens$/, fault: { kind: 'silent' } }],
      ['--auth-timeout', '1'],
    )
    // The message names the 1 s budget (not the 30 s default), so the flag is what ended the wait;
    // a hang would be killed by the harness's timeout and fail assertClean. No wall-clock bound:
    // tests never assert timing.
    assertClean(r, { code: 2, message: /no response from .* within 1 s/, secrets: SECRETS })
  })

  it('a wrong password: authentication failed, the password is not printed', async () => {
    const cloud = await startFaultyCloud('demo', [])
    clouds.push(cloud)
    const file = join(dir, 'wrong.yaml')
    writeFileSync(
      file,
      writeCloudsYaml({
        authUrl: cloud.authUrl,
        cloudName: 'wrong',
        ...login,
        password: 'Wrong-Pass-77!',
      }),
    )
    const r = await sphere(['scan', '--os-cloud', 'wrong'], {
      cwd: dir,
      env: { OS_CLIENT_CONFIG_FILE: file },
    })
    assertClean(r, { code: 2, message: /authentication failed/, secrets: ['Wrong-Pass-77!'] })
  })
})
