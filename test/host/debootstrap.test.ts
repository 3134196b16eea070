/**
 * Integration test: the real collector inside a minimal Debian root made with debootstrap.
 *
 * The root is deliberately outdated: it is bootstrapped from the plain `bookworm` release (no
 * -security, no -updates), then the security source is added and `apt-get update` run inside, so
 * apt sees pending security updates. The collector runs in the root through `unshare` (private
 * mount, pid and network namespaces: it cannot download anything) and `chroot`, with the script on
 * stdin as `ssh host 'sudo sh -s' < collect.sh` would pass it. The report must name exactly the
 * security updates `apt list --upgradable` shows in the same root.
 *
 * The root is cached in /var/tmp/sphere-debootstrap-bookworm (override: SPHERE_DEBOOTSTRAP_ROOT),
 * so only the first run downloads (about 25 s to 2 min). Mirror: SPHERE_DEBIAN_MIRROR (default
 * http://deb.debian.org/debian). Skipped, with the reason, where debootstrap cannot run: not root,
 * no debootstrap/unshare/chroot, no route to the mirror. With CI set it never skips for the
 * mirror: a CI machine that is root and has debootstrap must run it.
 */
import assert from 'node:assert/strict'
import { type SpawnSyncOptions, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { parseHostOutput } from '../../src/host/parse.ts'
import { HOST_SCRIPT_PATH, hostScript } from '../../src/host/script.ts'
import { HostReport } from '../../src/model/host-report.ts'

const RELEASE = 'bookworm'
const ROOT = process.env.SPHERE_DEBOOTSTRAP_ROOT ?? `/var/tmp/sphere-debootstrap-${RELEASE}`
const MIRROR = process.env.SPHERE_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian'
const SECURITY_MIRROR = MIRROR.replace(/\/debian\/?$/, '/debian-security')
const READY = join(ROOT, '.sphere-ready')

function run(cmd: string, args: string[], o: SpawnSyncOptions = {}) {
  const res = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20, ...o })
  return { status: res.status, stdout: String(res.stdout ?? ''), stderr: String(res.stderr ?? '') }
}
const have = (tool: string) => run('sh', ['-c', `command -v ${tool}`]).status === 0

/** Runs `sh -c <script>` inside the root, with a private /proc, pid and (optionally) network. */
function inRoot(script: string, o: { net?: boolean; input?: string } = {}) {
  const ns = ['--mount', '--pid', '--fork', ...(o.net ? [] : ['--net'])]
  return run(
    'unshare',
    [
      ...ns,
      'sh',
      '-c',
      'mount -t proc proc "$1/proc" && shift && exec chroot "$@"',
      'sh',
      ROOT,
      ROOT,
      '/bin/sh',
      '-c',
      script,
    ],
    o.input === undefined ? {} : { input: o.input },
  )
}

async function mirrorReachable(): Promise<boolean> {
  try {
    const res = await fetch(`${MIRROR}/dists/${RELEASE}/Release`, {
      method: 'HEAD',
      signal: AbortSignal.timeout(8000),
    })
    return res.ok
  } catch {
    return false
  }
}

async function whyNot(): Promise<string | false> {
  if (process.platform !== 'linux') return 'debootstrap needs Linux'
  if (process.getuid?.() !== 0) return 'needs root (debootstrap, chroot and unshare)'
  for (const tool of ['debootstrap', 'unshare', 'chroot'])
    if (!have(tool)) return `${tool} is not installed (apt-get install debootstrap util-linux)`
  if (existsSync(READY) || process.env.CI) return false
  return (await mirrorReachable()) ? false : `the Debian mirror ${MIRROR} is not reachable`
}

/** Builds the outdated root once; later runs reuse it. */
function ensureRoot(log: (msg: string) => void): void {
  if (existsSync(READY)) return
  const partial = `${ROOT}.partial`
  rmSync(partial, { recursive: true, force: true })
  mkdirSync(partial, { recursive: true })
  const t0 = Date.now()
  const boot = run('debootstrap', ['--variant=minbase', RELEASE, partial, MIRROR], {
    timeout: 900_000,
  })
  assert.equal(boot.status, 0, `debootstrap failed:\n${boot.stderr.slice(-2000)}`)
  writeFileSync(
    join(partial, 'etc/apt/sources.list.d/security.sources'),
    `Types: deb\nURIs: ${SECURITY_MIRROR}\nSuites: ${RELEASE}-security\nComponents: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n`,
  )
  rmSync(ROOT, { recursive: true, force: true })
  renameSync(partial, ROOT)
  const update = inRoot('apt-get update -qq', { net: true })
  assert.equal(update.status, 0, `apt-get update in the root failed:\n${update.stderr}`)
  writeFileSync(READY, `${new Date().toISOString()} ${MIRROR}\n`)
  log(`built ${ROOT} in ${((Date.now() - t0) / 1000).toFixed(1)} s`)
}

/** Security updates apt itself reports: `pkg/bookworm-security 2.6.2 amd64 [upgradable from: 2.6.1]`. */
function aptSecurityUpdates(): { all: string[]; security: string[] } {
  const res = inRoot('apt list --upgradable 2>/dev/null')
  assert.equal(res.status, 0, res.stderr)
  const rows = res.stdout.split('\n').filter((l) => /^\S+\/\S+ /.test(l))
  const name = (l: string) => l.slice(0, l.indexOf('/'))
  return {
    all: rows.map(name).sort(),
    security: rows
      .filter((l) => /^\S+\/[^ ]*-security[ ,]/.test(l))
      .map(name)
      .sort(),
  }
}

const skip = await whyNot()

describe('host collector in a debootstrapped Debian root', { skip }, () => {
  it('finds the pending security updates apt reports there', { timeout: 1_200_000 }, (t) => {
    ensureRoot((m) => t.diagnostic(m))
    const expected = aptSecurityUpdates()
    const before = statSync(join(ROOT, 'var/lib/dpkg/status')).mtimeMs

    const t0 = Date.now()
    const res = inRoot('exec /bin/sh -s', { input: hostScript() })
    const seconds = (Date.now() - t0) / 1000
    assert.equal(res.status, 0, `collector failed (${HOST_SCRIPT_PATH}):\n${res.stderr}`)

    const report = parseHostOutput(res.stdout)
    assert.ok(HostReport.safeParse(report).success)
    const found = (report.patching.updates ?? [])
      .filter((u) => u.security)
      .map((u) => u.name)
      .sort()
    t.diagnostic(
      `collector ran in ${seconds.toFixed(1)} s; pending ${report.patching.pending}, security ${report.patching.pendingSecurity} (${found.join(', ')}); apt list --upgradable: ${expected.all.length} upgradable, ${expected.security.length} from -security`,
    )
    assert.equal(report.patching.manager, 'apt')
    assert.deepEqual(found, expected.security)
    assert.equal(report.patching.pendingSecurity, expected.security.length)
    assert.deepEqual(
      (report.patching.updates ?? []).map((u) => u.name).sort(),
      expected.all,
      'every upgradable package is reported',
    )
    assert.deepEqual([report.os.distro, report.os.release], ['debian', '12'])
    const security = report.repos.sources?.find((s) => s.suite === `${RELEASE}-security`)
    assert.deepEqual([security?.security, security?.signed, security?.fetched], [true, true, true])
    assert.equal(report.ssh.installed, false, 'minbase has no SSH server')
    assert.ok(
      !report.errors.some((e) => e.section?.startsWith('apt')),
      JSON.stringify(report.errors),
    )
    assert.equal(
      statSync(join(ROOT, 'var/lib/dpkg/status')).mtimeMs,
      before,
      'the collector changed nothing',
    )
  })
})
