/**
 * A real OpenStack client against the emulator: Debian's `openstack` command (python-openstackclient,
 * keystoneauth, openstacksdk) logs in through a clouds.yaml and lists the world's resources. Its
 * counts and ids must equal the world file's, as the scanning user sees them.
 */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { promisify } from 'node:util'
import {
  loginFor,
  type RunningEmulator,
  startEmulator,
  writeCloudsYaml,
} from '../../src/emulator/index.ts'

const run = promisify(execFile)
const HAVE_OSC = await run('openstack', ['--version']).then(
  () => true,
  () => false,
)
const skip = HAVE_OSC
  ? false
  : 'the openstack CLI is not installed (bash scripts/setup.sh installs python3-openstackclient)'
if (!HAVE_OSC && process.env.CI) throw new Error(`CI: ${skip}`)

describe('openstack CLI against the emulator', { skip }, () => {
  let emu: RunningEmulator
  let dir: string
  let env: NodeJS.ProcessEnv

  before(async () => {
    emu = await startEmulator({ world: 'demo', port: 0 })
    dir = mkdtempSync(join(tmpdir(), 'sphere-osc-'))
    writeFileSync(
      join(dir, 'clouds.yaml'),
      writeCloudsYaml({ authUrl: emu.authUrl, cloudName: 'emu', ...loginFor(emu.emulator.world) }),
    )
    // Only what the CLI needs: no OS_* from the caller's shell may leak into the login.
    env = {
      PATH: process.env.PATH,
      HOME: dir,
      OS_CLIENT_CONFIG_FILE: join(dir, 'clouds.yaml'),
      OS_CLOUD: 'emu',
    }
  })
  after(async () => {
    await emu?.close()
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  async function osc(...args: string[]): Promise<Array<Record<string, unknown>>> {
    const { stdout } = await run('openstack', [...args, '-f', 'json'], { env, timeout: 60_000 })
    return JSON.parse(stdout)
  }
  const sorted = (xs: unknown[]) => xs.map(String).sort()

  function scope() {
    const world = emu.emulator.world
    const login = loginFor(world)
    const project = world.projects.find((p) => p.name === login.projectName)!
    const user = world.users.find((u) => u.name === login.username)!
    const mine = <T extends { projectId: string }>(xs: readonly T[]) =>
      xs.filter((x) => x.projectId === project.id)
    return { world, project, user, mine }
  }

  it('server list --long: same servers', async () => {
    const { world, mine } = scope()
    const rows = await osc('server', 'list', '--long')
    assert.deepEqual(sorted(rows.map((r) => r.ID)), sorted(mine(world.servers).map((s) => s.id)))
    const web = rows.find((r) => r.Name === 'web-01')
    assert.ok(web, 'web-01 listed')
    assert.equal(web.Status, 'ACTIVE')
  })

  it('image list: public images and the project’s own', async () => {
    const { world, project } = scope()
    const visible = world.images.filter((i) => i.visibility !== 'private' || i.owner === project.id)
    assert.deepEqual(
      sorted((await osc('image', 'list')).map((r) => r.ID)),
      sorted(visible.map((i) => i.id)),
    )
  })

  it('security group list and rule list', async () => {
    const { world, mine } = scope()
    const groups = mine(world.securityGroups)
    assert.deepEqual(
      sorted((await osc('security', 'group', 'list')).map((r) => r.ID)),
      sorted(groups.map((g) => g.id)),
    )
    const rules = await osc('security', 'group', 'rule', 'list')
    assert.deepEqual(
      sorted(rules.map((r) => r.ID)),
      sorted(groups.flatMap((g) => g.rules.map((r) => r.id))),
    )
  })

  it('port list and floating ip list', async () => {
    const { world, mine } = scope()
    assert.deepEqual(
      sorted((await osc('port', 'list')).map((r) => r.ID)),
      sorted(mine(world.ports).map((p) => p.id)),
    )
    assert.deepEqual(
      sorted((await osc('floating', 'ip', 'list')).map((r) => r.ID)),
      sorted(mine(world.floatingIps).map((f) => f.id)),
    )
  })

  it('volume list and volume backup list', async () => {
    const { world, mine } = scope()
    assert.deepEqual(
      sorted((await osc('volume', 'list')).map((r) => r.ID)),
      sorted(mine(world.volumes).map((v) => v.id)),
    )
    assert.deepEqual(
      sorted((await osc('volume', 'backup', 'list')).map((r) => r.ID)),
      sorted(mine(world.volumeBackups).map((b) => b.id)),
    )
  })

  it('keypair list: the user’s own key pairs', async () => {
    const { world, user } = scope()
    const rows = await osc('keypair', 'list')
    assert.deepEqual(
      sorted(rows.map((r) => r.Name)),
      sorted(world.keyPairs.filter((k) => k.userId === user.id).map((k) => k.name)),
    )
    assert.ok(rows.length >= 1)
  })
})
