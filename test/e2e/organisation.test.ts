/**
 * The whole organisation in one run: several clouds (`--os-cloud a,b`), every project
 * (`--all-projects`), named projects, a cloud that cannot be entered, and a saved inventory of
 * every scope read back offline — each against emulators on real ports.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { stringify } from 'yaml'
import { captureIO } from '../../src/cli/_capture.ts'
import { runCli } from '../../src/cli/main.ts'
import { loginFor, type RunningEmulator, startEmulator } from '../../src/emulator/index.ts'
import type { JsonReport } from '../../src/reports/json-schema.ts'

const dir = mkdtempSync(join(tmpdir(), 'sphere-org-'))
const servers: RunningEmulator[] = []
after(async () => {
  for (const s of servers) await s.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A clouds.yaml with one entry per emulator (`password` overrides the login of one). */
function cloudsYaml(entries: Record<string, { emu: RunningEmulator; password?: string }>) {
  const clouds: Record<string, unknown> = {}
  for (const [name, { emu, password }] of Object.entries(entries)) {
    const login = loginFor(emu.emulator.world)
    clouds[name] = {
      auth: {
        auth_url: emu.authUrl,
        username: login.username,
        password: password ?? login.password,
        project_name: login.projectName,
        user_domain_name: login.domainName,
        project_domain_name: login.domainName,
      },
      region_name: login.region,
    }
  }
  const file = join(dir, `clouds-${Object.keys(entries).join('-')}.yaml`)
  writeFileSync(file, stringify({ clouds }))
  return file
}

async function scan(clouds: string, args: string[]) {
  const c = captureIO({ env: { OS_CLIENT_CONFIG_FILE: clouds }, cwd: dir })
  const code = await runCli(['scan', '--format', 'json', ...args], c.io)
  const out = c.out()
  return {
    code,
    err: c.err(),
    doc: out.startsWith('{') ? (JSON.parse(out) as JsonReport) : undefined,
  }
}

const labels = (d: JsonReport) =>
  d.scopes.map((s) => `${s.scope.cloud} ${s.scope.kind} ${s.scope.region}/${s.scope.projectName}`)

describe('sphere scan: the organisation in one run', () => {
  let a: RunningEmulator
  let b: RunningEmulator
  before(async () => {
    a = await startEmulator({ world: 'demo', port: 0 })
    b = await startEmulator({ world: 'demo', port: 0 })
    servers.push(a, b)
  })

  it('--os-cloud a,b merges two clouds into one report; every finding keeps its cloud', async () => {
    const file = cloudsYaml({ alpha: { emu: a }, beta: { emu: b } })
    const r = await scan(file, ['--os-cloud', 'alpha,beta'])
    assert.equal(r.code, 1, r.err)
    const d = r.doc!
    assert.deepEqual(
      labels(d).filter((l) => l.includes(' project ')),
      ['alpha project eu-de/eu-de', 'beta project eu-de/eu-de'],
    )
    assert.equal(d.scopes.filter((s) => s.scope.kind === 'account').length, 2)
    const clouds = new Set(d.findings.map((f) => f.scope.cloud))
    assert.deepEqual([...clouds].sort(), ['alpha', 'beta'])
    // The same world twice: the same resources, yet every finding is its own.
    assert.equal(new Set(d.findings.map((f) => f.fingerprint)).size, d.findings.length)
    assert.deepEqual(
      d.scopes.map((s) => s.authUrl).sort(),
      [a.authUrl, a.authUrl, b.authUrl, b.authUrl].sort(),
    )
  })

  it('the organisation duty is met only when every scope meets it', async () => {
    const file = cloudsYaml({ alpha: { emu: a }, beta: { emu: b } })
    const d = (await scan(file, ['--os-cloud', 'alpha,beta', '--all-projects'])).doc!
    for (const duty of d.duties) {
      const per = d.scopes.flatMap((s) => s.duties.filter((x) => x.id === duty.id))
      const met = per.every((x) => x.status === 'met' || x.status === 'inherited')
      if (duty.status === 'met') assert.ok(met, duty.id)
      if (per.some((x) => x.status === 'not_met')) assert.equal(duty.status, 'not_met', duty.id)
    }
  })

  it('--all-projects reads every project the user reaches, each with its own scope', async () => {
    const file = cloudsYaml({ alpha: { emu: a } })
    const d = (await scan(file, ['--os-cloud', 'alpha', '--all-projects'])).doc!
    const projects = d.scopes.filter((s) => s.scope.kind === 'project')
    assert.ok(
      projects.some((s) => s.scope.projectName === 'eu-de_dev'),
      labels(d).join('; '),
    )
    assert.equal(new Set(projects.map((s) => s.scope.projectId)).size, projects.length)
    for (const f of d.findings.filter((x) => x.resource.type === 'ecs.server'))
      assert.equal(f.scope.kind, 'project')
  })

  it('--projects with a project that does not exist: a collection issue for it, exit 3', async () => {
    const file = cloudsYaml({ alpha: { emu: a } })
    const r = await scan(file, [
      '--os-cloud',
      'alpha',
      '--projects',
      'eu-de,eu-de_nowhere',
      '--duty',
      'data-protection',
      '--fail-on',
      'critical',
    ])
    assert.equal(r.code, 3, r.err)
    const issue = r.doc!.issues.find((i) => i.scope.projectName === 'eu-de_nowhere')
    assert.ok(issue, JSON.stringify(r.doc!.issues))
    assert.match(issue.message, /not among the projects these credentials can see/)
    assert.equal(
      r.doc!.scopes.find((s) => s.scope.projectName === 'eu-de_nowhere')?.duties[0]?.status,
      'unknown',
    )
  })

  it('a cloud that cannot be entered does not stop the other: its scope carries the issue, exit 3', async () => {
    const file = cloudsYaml({ alpha: { emu: a }, broken: { emu: b, password: 'Wrong-Pass-0' } })
    const r = await scan(file, [
      '--os-cloud',
      'alpha,broken',
      '--duty',
      'data-protection',
      '--fail-on',
      'critical',
    ])
    assert.equal(r.code, 3, r.err)
    assert.ok(r.doc!.scopes.some((s) => s.scope.cloud === 'alpha' && s.issues === 0))
    const broken = r.doc!.issues.filter((i) => i.scope.cloud === 'broken')
    assert.equal(broken.length, 1)
    assert.equal(broken[0]!.errorKind, 'auth')
    assert.ok(!r.err.includes('Wrong-Pass-0') && !JSON.stringify(r.doc).includes('Wrong-Pass-0'))
  })

  it('a saved organisation inventory evaluates offline to the same findings', async () => {
    const file = cloudsYaml({ alpha: { emu: a }, beta: { emu: b } })
    const inv = join(dir, 'org-inventory.json')
    const online = await scan(file, [
      '--os-cloud',
      'alpha,beta',
      '--all-projects',
      '--save-inventory',
      inv,
    ])
    assert.equal(JSON.parse(readFileSync(inv, 'utf8')).schemaVersion, 2)
    const offline = await scan(file, ['--inventory', inv])
    const key = (d: JsonReport) => d.findings.map((f) => `${f.fingerprint} ${f.status}`).sort()
    assert.deepEqual(key(offline.doc!), key(online.doc!))
    assert.deepEqual(labels(offline.doc!), labels(online.doc!))
  })

  it('--all-projects --regions all on the organisation world: every project the user can enter, the other one an issue, exit 3', async () => {
    const file = cloudsYaml({ org: { emu: a } })
    const full = await scan(file, ['--os-cloud', 'org', '--all-projects', '--regions', 'all'])
    // Failing findings exist in the demo organisation: exit 1 says so first.
    assert.equal(full.code, 1, full.err)
    assert.deepEqual(
      labels(full.doc!).filter((l) => l.includes(' project ')),
      [
        'org project eu-de/eu-de',
        'org project eu-de/eu-de_dev',
        'org project eu-de/eu-de_restricted',
        'org project eu-nl/eu-nl',
      ],
    )
    const issues = full.doc!.issues.filter((i) => i.scope.projectName === 'eu-de_restricted')
    assert.equal(issues.length, 1)
    assert.equal(issues[0]!.errorKind, 'auth')
    // eu-nl has no CTS: its trackers are not offered there, never a pass.
    const nl = full.doc!.findings.filter(
      (f) => f.checkId === 'cts-tracker-enabled' && f.scope.region === 'eu-nl',
    )
    assert.ok(nl.length > 0 && nl.every((f) => f.status !== 'pass'))
    // With nothing failing at or above the threshold, the project it cannot enter makes it 3.
    const r = await scan(file, [
      '--os-cloud',
      'org',
      '--all-projects',
      '--regions',
      'all',
      '--duty',
      'data-protection',
      '--fail-on',
      'critical',
    ])
    assert.equal(r.code, 3, r.err)
    assert.match(r.err, /scan incomplete: 1 collection issue/)
  })
})
