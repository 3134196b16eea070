/**
 * The parser against recorded collector outputs (`test/host/fixtures/`, written from the
 * documented formats of each distribution, plus one real run in a debootstrapped Debian 12).
 */
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { HostReport } from '../model/host-report.ts'
import { parseHostOutput } from './parse.ts'

const FIXTURES = new URL('../../test/host/fixtures/', import.meta.url)
const parse = (name: string) => parseHostOutput(readFileSync(new URL(name, FIXTURES), 'utf8'))
const errorFields = (r: HostReport) => r.errors.map((e) => e.field)
const security = (r: HostReport) => r.patching.updates?.filter((u) => u.security).map((u) => u.name)

describe(parseHostOutput.name, () => {
  const all = [
    'debian-12.txt',
    'debian-12-debootstrap.txt',
    'debian-12-truncated.txt',
    'ubuntu-22.04.txt',
    'ubuntu-24.04.txt',
    'rocky-9.txt',
    'openeuler-22.03.txt',
    'sles-15.txt',
    'not-collector-output.txt',
  ]
  for (const f of all)
    it(`gives a valid report for ${f}`, () => {
      const res = HostReport.safeParse(parse(f))
      assert.ok(res.success, res.success ? '' : JSON.stringify(res.error.issues))
    })

  it('Debian 12 on OTC: security updates, mirror, reboot from needrestart, effective sshd', () => {
    const r = parse('debian-12.txt')
    assert.deepEqual(r.errors, [])
    assert.equal(r.collectedAt, '2026-05-31T08:00:05.000Z')
    assert.deepEqual(r.host, {
      hostname: 'web-1',
      instanceId: '3f2a9c1e-5b7d-4e8f-9a01-b2c3d4e5f601',
      instanceIdSource: 'cloud-init',
      addresses: ['192.168.0.10'],
      kernel: '6.1.0-28-cloud-amd64',
    })
    assert.deepEqual([r.os.distro, r.os.release], ['debian', '12'])
    assert.deepEqual([r.patching.pending, r.patching.pendingSecurity], [5, 4])
    assert.deepEqual(security(r), [
      'libgnutls30',
      'openssl',
      'linux-image-6.1.0-29-cloud-amd64',
      'linux-image-cloud-amd64',
    ])
    assert.equal(r.patching.updates?.[2]?.installed, null, 'a new package has no installed version')
    assert.equal(
      r.patching.lastPatchAt,
      '2026-05-28T04:30:02.000Z',
      'dpkg.log is local time (+0200)',
    )
    assert.equal(r.patching.listsRefreshedAt, '2026-05-30T08:00:00.000Z')
    assert.equal(r.patching.rebootRequired, true)
    assert.deepEqual(r.patching.autoUpdates, { tool: 'unattended-upgrades', enabled: true })
    assert.ok(r.repos.sources?.every((s) => s.otcMirror && s.signed && s.fetched))
    assert.deepEqual(
      r.repos.sources?.filter((s) => s.security).map((s) => s.suite),
      ['bookworm-security'],
    )
    assert.equal(r.ssh.effective, true)
    assert.equal(r.ssh.permitRootLogin, 'without-password')
    assert.deepEqual(
      r.accounts?.map((a) => [a.user, a.password, a.keys, a.forcedCommandKeys, a.sudo]),
      [
        ['root', 'locked', 0, 1, 'password'],
        ['linux', 'hash', 1, 0, 'nopasswd'],
      ],
    )
    assert.equal(r.agents.cloudEye, 'running')
    assert.deepEqual(r.time, {
      synced: true,
      servers: ['ntp01.eu-de.otc-service.com', 'ntp02.eu-de.otc-service.com'],
    })
  })

  it('real debootstrap run: no sshd, no systemd, no upgrades yet', () => {
    const r = parse('debian-12-debootstrap.txt')
    assert.equal(r.patching.pendingSecurity, 6)
    assert.equal(r.ssh.installed, false)
    assert.equal(r.patching.lastPatchAt, null)
    assert.deepEqual(errorFields(r).sort(), [
      'host.instanceId',
      'patching.lastPatchAt',
      'patching.rebootRequired',
      'time.synced',
    ])
    assert.match(r.errors.find((e) => e.field === 'time.synced')!.message, /timedatectl/)
  })

  it('Ubuntu 22.04: security pocket, unsigned third-party source, sshd -T failing → files', () => {
    const r = parse('ubuntu-22.04.txt')
    assert.deepEqual(security(r), ['libssl3', 'openssl'])
    assert.equal(r.patching.rebootRequired, true)
    assert.deepEqual(r.patching.autoUpdates, { tool: 'unattended-upgrades', enabled: false })
    const example = r.repos.sources?.find((s) => s.uri === 'http://repo.example.com/apt')
    assert.equal(example?.signed, false, '[trusted=yes] turns signature checks off')
    assert.equal(r.ssh.effective, false)
    assert.equal(
      r.ssh.passwordAuthentication,
      true,
      'the drop-in wins (first value), Match is skipped',
    )
    assert.match(
      r.errors.find((e) => e.field === 'ssh.effective')!.message,
      /Missing privilege separation/,
    )
    assert.equal(r.accounts?.find((a) => a.user === 'deploy')?.password, 'empty')
    assert.equal(r.accounts?.find((a) => a.user === 'ubuntu')?.sudo, 'password')
    assert.deepEqual(r.agents.monitoring, [{ name: 'node_exporter', state: 'running' }])
    assert.equal(r.time.synced, false)
  })

  it('Ubuntu 24.04: failing apt, missing sshd, unreadable shadow, invisible processes', () => {
    const r = parse('ubuntu-24.04.txt')
    assert.equal(r.host.instanceId, '8d0c52e4-1f2a-4b3c-9d8e-7f6a5b4c3d2e')
    assert.equal(r.patching.pendingSecurity, null)
    assert.match(
      r.errors.find((e) => e.field === 'patching.pendingSecurity')!.message,
      /rc 100.*Could not open file/,
    )
    assert.equal(r.ssh.installed, false)
    assert.equal(r.accounts?.[0]?.password, null)
    assert.ok(errorFields(r).includes('accounts[].password'))
    assert.equal(r.agents.cloudEye, 'installed')
    assert.equal(r.agents.processesVisible, false)
    assert.equal(r.patching.rebootRequired, false, 'Ubuntu always writes the flag')
  })

  it('Rocky 9: advisories, wrapped check-update rows, history, needs-restarting, OTC smt mirror', () => {
    const r = parse('rocky-9.txt')
    assert.deepEqual(r.errors, [])
    assert.equal(r.patching.manager, 'dnf')
    assert.deepEqual([r.patching.pending, r.patching.pendingSecurity], [5, 3])
    assert.equal(r.patching.updates?.find((u) => u.name === 'libxml2')?.advisory, 'RLSA-2024:2679')
    assert.ok(
      r.patching.updates?.some(
        (u) => u.name === 'python3-dnf-plugin-versionlock-and-a-very-long-name',
      ),
    )
    assert.equal(r.patching.lastPatchAt, '2026-04-12T03:00:00.000Z')
    assert.equal(r.patching.rebootRequired, true)
    assert.deepEqual(r.patching.autoUpdates, { tool: 'dnf-automatic', enabled: true })
    const baseos = r.repos.sources?.find((s) => s.id === 'baseos')
    assert.deepEqual([baseos?.otcMirror, baseos?.fetched, baseos?.security], [true, true, true])
    assert.equal(r.repos.sources?.find((s) => s.id === 'baseos-debuginfo')?.security, false)
    assert.equal(r.agents.hss, 'running')
  })

  it('openEuler 22.03 SP3: no dnf cache, missing needs-restarting, chrony not synchronised', () => {
    const r = parse('openeuler-22.03.txt')
    assert.deepEqual([r.os.distro, r.os.release], ['openeuler', '22.03-sp3'])
    assert.equal(r.host.instanceIdSource, 'metadata')
    assert.deepEqual([r.patching.pending, r.patching.pendingSecurity], [null, null])
    assert.match(
      r.errors.find((e) => e.field === 'patching.pendingSecurity')!.message,
      /no cache for 'OS'/,
    )
    assert.match(r.patching.lastPatchSource ?? '', /rpm install time/)
    assert.equal(r.patching.rebootRequired, null)
    assert.ok(r.repos.sources?.every((s) => s.fetched === false))
    assert.deepEqual([r.ssh.permitRootLogin, r.ssh.passwordAuthentication], ['yes', true])
    assert.equal(r.agents.cloudEye, 'running')
    assert.equal(r.time.synced, false)
  })

  it('SLES 15 SP5: patches from XML, reboot rc 102, zypp history, update repo', () => {
    const r = parse('sles-15.txt')
    assert.deepEqual(r.errors, [])
    assert.deepEqual(
      [r.patching.manager, r.patching.pending, r.patching.pendingSecurity],
      ['zypper', 3, 1],
    )
    assert.equal(security(r)?.[0], 'SUSE-SLE-Module-Basesystem-15-SP5-2026-1234')
    assert.equal(r.patching.rebootRequired, true)
    assert.equal(r.patching.lastPatchAt, '2026-04-30T01:10:45.000Z')
    assert.deepEqual(
      r.repos.sources?.filter((s) => s.security).map((s) => s.id),
      ['SLE-Module-Basesystem15-SP5-Updates'],
    )
    assert.equal(r.ssh.kbdInteractiveAuthentication, true)
    assert.deepEqual(
      r.accounts?.map((a) => a.sudo),
      ['password', 'password'],
    )
    assert.deepEqual(r.agents.monitoring, [{ name: 'zabbix-agent', state: 'running' }])
  })

  it('truncated output: what was cut off is unknown, with errors', () => {
    const r = parse('debian-12-truncated.txt')
    assert.equal(r.host.hostname, 'web-1')
    assert.equal(r.patching.pendingSecurity, null, 'a section without rc is not trusted')
    assert.equal(r.ssh.passwordAuthentication, null)
    assert.ok(r.errors.some((e) => /truncated/.test(e.message)))
  })

  it('text that is no collector output gives a report of nulls and errors, not a crash', () => {
    const r = parse('not-collector-output.txt')
    assert.equal(r.collectedAt, null)
    assert.equal(r.patching.pending, null)
    assert.match(r.errors[0]!.message, /no collector sections found/)
    assert.doesNotThrow(() => parseHostOutput(''))
    assert.doesNotThrow(() => parseHostOutput('<<<os_release>>>\r\nID=debian\r\n<<<rc=0>>>\r\n'))
  })
})
