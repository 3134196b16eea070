/**
 * The `openstack` world keeps fixed what the scan of a real OpenStack (test/openstack, the Zed
 * devcloud) found: `sphere scan` of it, as its reader, must give the devcloud's verdicts
 * (test/openstack/_expected.ts) and report CBR, Cloud Eye, CTS, RDS and OTC's IAM extensions as
 * not evaluable, never met, never as a collection issue.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  EXPECTED,
  IAM_TYPES,
  MISSING_SERVICES,
  MISSING_TYPES,
  type SeedRef,
} from '../../../test/openstack/_expected.ts'
import { captureIO } from '../../cli/_capture.ts'
import { runCli } from '../../cli/main.ts'
import { parseErrorBody } from '../../clients/core/errors.ts'
import type { JsonReport } from '../../reports/json-schema.ts'
import { get, NOW, ORIGIN, passwordAuth, postToken } from '../_test-kit.ts'
import { createEmulator } from '../app.ts'
import { loginFor, writeCloudsYaml } from '../clouds-yaml.ts'
import { type RunningEmulator, startEmulator } from '../server.ts'
import { loadWorld } from '../world/load.ts'

const world = loadWorld('openstack', { now: NOW })

/** The world's name of a seeded resource (floating IPs have no name: their address). */
const FIP_ADDRESS: Record<string, string> = {
  'web-1 public': '203.0.113.10',
  'spare, unbound': '203.0.113.11',
}
const nameOf = ([section, name]: SeedRef) => (section === 'floatingIps' ? FIP_ADDRESS[name]! : name)

describe('the openstack world over HTTP (what the devcloud answers)', () => {
  const app = createEmulator(world, { clock: () => NOW })
  const pid = world.projects[0]!.id
  const token = async (scope: 'project' | 'domain', user = 'sphere-scanner') =>
    postToken(app, passwordAuth(world, user, 'devcloud-scanner-pw', scope))

  it('catalog: Keystone, Nova, Glance, Neutron, Cinder v3; no OTC-only type', async () => {
    const res = await token('project')
    assert.equal(res.status, 201)
    const body = (await res.json()) as { token: { catalog: { type: string }[] } }
    assert.deepEqual(body.token.catalog.map((c) => c.type).sort(), [
      'block-storage',
      'compute',
      'identity',
      'image',
      'network',
      'volumev3',
    ])
  })

  it('a domain-scoped token for the reader: 401, as Keystone answers', async () => {
    const res = await token('domain')
    assert.equal(res.status, 401)
    assert.deepEqual(await res.json(), {
      error: {
        code: 401,
        message: 'The request you have made requires authentication.',
        title: 'Unauthorized',
      },
    })
    const admin = await postToken(app, passwordAuth(world, 'admin', 'devcloud-admin-pw', 'domain'))
    assert.equal(admin.status, 201)
  })

  it("no /v3.0 IAM extensions (Keystone's HTML 404), no Cinder v2 (webob 404)", async () => {
    const t = (await token('project')).headers.get('X-Subject-Token')!
    const iam = await get(app, '/identity/v3.0/OS-USER/users/x', t)
    assert.equal(iam.status, 404)
    assert.match(iam.headers.get('Content-Type') ?? '', /text\/html/)
    assert.match(await iam.text(), /<title>404 Not Found<\/title>/)
    const v2 = await app.request(`${ORIGIN}/volume/v2/${pid}/volumes/detail`, {
      headers: { 'X-Auth-Token': t, Accept: 'application/json' },
    })
    assert.equal(v2.status, 404)
    const text = await v2.text()
    assert.deepEqual(JSON.parse(text), {
      message: 'The resource could not be found.<br /><br />\n\n\n',
      code: '404 Not Found',
      title: 'Not Found',
    })
    // What the client makes of it: the sentence once, no status-like code, no markup.
    const info = parseErrorBody(text)
    assert.equal(info.message, 'The resource could not be found.')
    assert.equal(info.code, undefined)
    const v3 = await get(app, `/volume/v3/${pid}/volumes/detail`, t)
    assert.equal(v3.status, 200)
  })

  it('bound floating IPs stay DOWN (no L3 agent); port_id shows the binding', async () => {
    const t = (await token('project')).headers.get('X-Subject-Token')!
    const res = await get(app, '/network/v2.0/floatingips', t)
    const { floatingips } = (await res.json()) as {
      floatingips: { floating_ip_address: string; status: string; port_id: string | null }[]
    }
    const bound = floatingips.find((f) => f.floating_ip_address === '203.0.113.10')!
    assert.equal(bound.status, 'DOWN')
    assert.notEqual(bound.port_id, null)
  })

  it('plain Glance images: os_distro / os_version, no IMS fields', async () => {
    const t = (await token('project')).headers.get('X-Subject-Token')!
    const { images } = (await (await get(app, '/image/v2/images', t)).json()) as {
      images: Record<string, unknown>[]
    }
    const u18 = images.find((i) => i.name === 'ubuntu-18.04')!
    assert.equal(u18.os_distro, 'ubuntu')
    assert.equal(u18.os_version, '18.04')
    for (const k of ['__imagetype', '__os_version', '__platform', 'virtual_env_type'])
      assert.ok(!(k in u18), k)
  })
})

describe('sphere scan of the openstack world (as the devcloud is scanned)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sphere-openstack-world-'))
  let emu: RunningEmulator
  let report: JsonReport
  let code: number
  before(async () => {
    // Times relative to the real clock: the scan judges ages against it.
    const live = loadWorld('openstack')
    emu = await startEmulator({ world: live, port: 0 })
    const file = join(dir, 'clouds.yaml')
    const login = loginFor(live)
    assert.equal(login.username, 'sphere-scanner')
    writeFileSync(file, writeCloudsYaml({ authUrl: emu.authUrl, cloudName: 'os', ...login }))
    const c = captureIO({ env: { OS_CLIENT_CONFIG_FILE: file }, cwd: dir })
    code = await runCli(['scan', '--os-cloud', 'os', '--format', 'json'], c.io)
    assert.ok(c.out().startsWith('{'), c.err())
    report = JSON.parse(c.out()) as JsonReport
  })
  after(async () => {
    await emu?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('exits 1 and reads every service the cloud offers without a collection issue', () => {
    assert.equal(code, 1)
    assert.equal(report.scopes[0]!.scope.region, 'RegionOne')
    assert.deepEqual(
      report.issues.map((i) => `${i.resourceType}: ${i.errorKind}: ${i.message}`),
      [],
    )
    for (const type of ['ecs.server', 'ims.image', 'evs.volume', 'evs.backup', 'vpc.eip'])
      assert.equal(report.inventory.status[type], 'complete', type)
    assert.equal(report.inventory.counts['nova.keypair'], 1, "the scanner's own key pair")
  })

  it('CBR, Cloud Eye, CTS and RDS: unavailable, named as missing from the catalog', () => {
    for (const [type, service] of Object.entries(MISSING_TYPES)) {
      const u = report.unavailable.find((x) => x.resourceType === type)
      assert.ok(u, `${type} is not reported as unavailable`)
      assert.match(u.reason, /not in the service catalog/)
      assert.match(u.reason, new RegExp(`\\b${service}\\b`))
      assert.equal(report.inventory.status[type], 'unavailable')
    }
  })

  it("OTC's IAM extensions: unavailable with the reason, never an auth issue", () => {
    for (const type of IAM_TYPES) {
      const u = report.unavailable.find((x) => x.resourceType === type)
      assert.ok(u, `${type} is not reported as unavailable`)
      assert.match(u.reason, /^not evaluable on this cloud: the IAM extension API .* is OTC's/)
      assert.doesNotMatch(u.reason, /credentials/)
      assert.equal(report.inventory.status[type], 'unavailable')
    }
  })

  it('no check of a missing service passes; every such finding is an error, cause unavailable', () => {
    const missing = new Set<string>(MISSING_SERVICES)
    const of = report.findings.filter((f) => missing.has(f.service))
    assert.ok(of.length > 0)
    for (const f of of) {
      assert.equal(f.status, 'error', `${f.checkId}: ${f.message}`)
      assert.equal(f.cause, 'unavailable', `${f.checkId}: ${f.message}`)
    }
  })

  it('no duty with a check of a missing service is met', () => {
    const serviceOf = new Map(report.checks.map((c) => [c.id, c.service]))
    const missing = new Set<string>(MISSING_SERVICES)
    const touched = report.duties.filter((d) =>
      d.checks.some((c) => missing.has(serviceOf.get(c) ?? '')),
    )
    assert.ok(touched.some((d) => d.id === 'monitoring'))
    for (const d of touched) assert.notEqual(d.status, 'met', `${d.id}: ${d.reason}`)
    assert.equal(report.duties.find((d) => d.id === 'monitoring')?.status, 'unknown')
  })

  describe("the devcloud's expected verdicts", () => {
    for (const e of EXPECTED) {
      it(`${e.check} on ${e.on[1]}: ${e.status} (${e.why})`, () => {
        const name = nameOf(e.on)
        const f = report.findings.filter(
          (x) => x.checkId === e.check && (x.resource.name === name || x.resource.id === name),
        )
        assert.equal(f.length, 1, `findings of ${e.check} on ${name}: ${f.length}`)
        assert.equal(f[0]!.status, e.status, f[0]!.message)
      })
    }
    it('a cloud image known only by its name (CentOS-7-x86_64-GenericCloud) fails too', () => {
      const f = report.findings.find(
        (x) => x.checkId === 'ecs-server-image-supported' && x.resource.name === 'gc-1',
      )
      assert.equal(f?.status, 'fail', f?.message)
    })
  })
})
