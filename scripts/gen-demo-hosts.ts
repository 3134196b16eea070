/**
 * Writes the demo world's host reports (src/emulator/worlds/demo-hosts/*.json): what
 * `sphere host parse` would write for some of the demo servers, good and bad side by side.
 * Instance ids and addresses come from the demo world itself (ids are derived from names).
 * Dates are written relative to DEMO_HOSTS_ANCHOR; `sphere demo` moves them to the present.
 *
 * Run:  node --import tsx scripts/gen-demo-hosts.ts [--check]
 * With --check it writes nothing and exits 1 when a file differs from what it would write.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_HOSTS_ANCHOR, DEMO_HOSTS_DIR } from '../src/cli/_demo-hosts.ts'
import { loadWorld } from '../src/emulator/index.ts'
import { uuidFor } from '../src/emulator/world/ids.ts'
import { hostReport } from '../src/host/testing.ts'
import { NOW } from '../src/inventory/testing.ts'
import type { HostReport } from '../src/model/host-report.ts'

const anchor = new Date(DEMO_HOSTS_ANCHOR)
// The builder dates its defaults (collected a day ago, …) from the test clock.
if (NOW.getTime() !== anchor.getTime()) throw new Error('DEMO_HOSTS_ANCHOR must equal testing NOW')
const daysAgo = (n: number) => new Date(anchor.getTime() - n * 86_400_000).toISOString()
const world = loadWorld('demo', { now: anchor })
const project = world.projects.find((p) => p.name === 'eu-de')!
const server = (name: string) => {
  const s = world.servers.find((x) => x.name === name && x.projectId === project.id)
  if (!s) throw new Error(`the demo world has no server ${name}`)
  const ips = s.portIds.map((id) => world.ports.find((p) => p.id === id)!.ip)
  return { id: s.id, ips }
}

type Over = NonNullable<Parameters<typeof hostReport>[0]>
type Source = NonNullable<HostReport['repos']['sources']>[number]

const ubuntuSources = (suite: string): Source[] =>
  ['', '-updates', '-security'].map((pocket) => ({
    id: null,
    uri: 'http://debmirror.eu-de.otc-service.com/ubuntu',
    suite: `${suite}${pocket}`,
    enabled: true,
    signed: true,
    fetched: true,
    security: pocket === '-security',
    otcMirror: true,
  }))

const ubuntu = (version: '18.04' | '22.04' | '24.04'): Over => {
  const [codename, kernel] = (
    {
      '18.04': ['bionic', '4.15.0-213-generic'],
      '22.04': ['jammy', '5.15.0-126-generic'],
      '24.04': ['noble', '6.8.0-49-generic'],
    } as const
  )[version]
  const pretty = { '18.04': '18.04.6 LTS', '22.04': '22.04.5 LTS', '24.04': '24.04.1 LTS' }[version]
  return {
    host: { kernel },
    os: {
      id: 'ubuntu',
      versionId: version,
      version: `${pretty} (${codename === 'bionic' ? 'Bionic Beaver' : codename === 'jammy' ? 'Jammy Jellyfish' : 'Noble Numbat'})`,
      prettyName: `Ubuntu ${pretty}`,
      distro: 'ubuntu',
      release: version,
    },
    repos: { sources: ubuntuSources(codename) },
    accounts: [
      {
        user: 'root',
        uid: 0,
        shell: '/bin/bash',
        password: 'locked',
        keys: 0,
        forcedCommandKeys: 1,
        sudo: 'password',
      },
      {
        user: 'ubuntu',
        uid: 1000,
        shell: '/bin/bash',
        password: 'locked',
        keys: 1,
        forcedCommandKeys: 0,
        sudo: 'nopasswd',
      },
    ],
  }
}

/** `over` merged into `base` (objects deeply, arrays and values replaced). */
function deep(base: unknown, over: unknown): unknown {
  if (over === undefined) return base
  if (!over || typeof over !== 'object' || Array.isArray(over)) return over
  if (!base || typeof base !== 'object' || Array.isArray(base)) return over
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [k, v] of Object.entries(over)) out[k] = deep(out[k], v)
  return out
}

/** A report of `name` as a cloud-init-provisioned VM reports itself (instance id on disk). */
function of(name: string, base: Over, over: Over = {}): HostReport {
  const s = server(name)
  const identity: Over = {
    host: { hostname: name, instanceId: s.id, instanceIdSource: 'cloud-init', addresses: s.ips },
  }
  return hostReport(deep(deep(identity, base), over) as Over)
}

const pending = (name: string, installed: string, candidate: string, security = true) => ({
  name,
  installed,
  candidate,
  origin: security ? 'Ubuntu:22.04/jammy-security' : 'Ubuntu:22.04/jammy-updates',
  security,
  advisory: null,
})

const noAgents: HostReport['agents'] = {
  cloudEye: 'absent',
  hss: 'absent',
  monitoring: [],
  processesVisible: true,
}

const reports: Record<string, HostReport> = {
  // Good: patched yesterday, OTC mirror, keys only, Cloud Eye and HSS running.
  'web-01': of('web-01', ubuntu('22.04')),
  // Bad: four security updates pending and nothing upgraded for two months.
  'web-02': of('web-02', ubuntu('22.04'), {
    patching: {
      pending: 6,
      pendingSecurity: 4,
      updates: [
        pending('openssh-server', '1:8.9p1-3ubuntu0.10', '1:8.9p1-3ubuntu0.11'),
        pending('openssl', '3.0.2-0ubuntu1.18', '3.0.2-0ubuntu1.19'),
        pending('libssl3', '3.0.2-0ubuntu1.18', '3.0.2-0ubuntu1.19'),
        pending('sudo', '1.9.9-1ubuntu2.4', '1.9.9-1ubuntu2.5'),
        pending('tzdata', '2024a-0ubuntu0.22.04.1', '2024b-0ubuntu0.22.04.1', false),
        pending('ubuntu-advantage-tools', '32.3.1~22.04', '34~22.04', false),
      ],
      lastPatchAt: daysAgo(64),
      autoUpdates: { tool: null, enabled: false },
    },
  }),
  // Matched by hostname + private IP: cloud-init left no instance id. Bad: SSH takes passwords.
  'app-01': of('app-01', ubuntu('24.04'), {
    host: { instanceId: null, instanceIdSource: null, addresses: [server('app-01').ips[0]!] },
    ssh: { passwordAuthentication: true, kbdInteractiveAuthentication: false },
  }),
  // Bad: root may log in over SSH (with a key), and no monitoring agent at all.
  'db-01': of('db-01', ubuntu('24.04'), {
    ssh: { permitRootLogin: 'yes' },
    accounts: [
      {
        user: 'root',
        uid: 0,
        shell: '/bin/bash',
        password: 'hash',
        keys: 2,
        forcedCommandKeys: 0,
        sudo: 'password',
      },
      {
        user: 'ubuntu',
        uid: 1000,
        shell: '/bin/bash',
        password: 'locked',
        keys: 1,
        forcedCommandKeys: 0,
        sudo: 'nopasswd',
      },
    ],
    agents: noAgents as HostReport['agents'],
  }),
  // Bad: CentOS 7 (end of life), a dead mirror, unclassified updates, passwords over SSH.
  'legacy-01': of(
    'legacy-01',
    {},
    {
      host: { kernel: '3.10.0-1160.119.1.el7.x86_64' },
      os: {
        id: 'centos',
        versionId: '7',
        version: '7 (Core)',
        prettyName: 'CentOS Linux 7 (Core)',
        distro: 'centos',
        release: '7',
      },
      patching: {
        manager: 'yum',
        pending: 37,
        pendingSecurity: null,
        securityClassified: false,
        updates: null,
        listsRefreshedAt: daysAgo(412),
        lastPatchAt: daysAgo(540),
        lastPatchSource: 'yum history',
        rebootRequired: null,
        autoUpdates: { tool: null, enabled: false },
      },
      repos: {
        sources: ['base', 'updates', 'extras'].map((id) => ({
          id,
          uri: `http://mirror.centos.org/centos/7/${id === 'base' ? 'os' : id}/x86_64/`,
          suite: null,
          enabled: true,
          signed: true,
          fetched: false,
          security: id === 'updates',
          otcMirror: false,
        })),
      },
      ssh: {
        permitRootLogin: 'yes',
        passwordAuthentication: true,
        kbdInteractiveAuthentication: false,
      },
      accounts: [
        {
          user: 'root',
          uid: 0,
          shell: '/bin/bash',
          password: 'hash',
          keys: 0,
          forcedCommandKeys: 0,
          sudo: 'password',
        },
      ],
      agents: noAgents as HostReport['agents'],
      time: { synced: false, servers: ['0.centos.pool.ntp.org'] },
      errors: [
        {
          field: 'patching.pendingSecurity',
          section: 'rpm_security',
          rc: 0,
          message: 'the repositories publish no security classification (no updateinfo)',
        },
        {
          field: 'patching.rebootRequired',
          section: 'rpm_reboot',
          rc: 127,
          message: 'needs-restarting: command not found',
        },
      ],
    },
  ),
  // Stale: collected a month ago; its checks give error until a new one is collected.
  'build-01': of('build-01', ubuntu('18.04'), {
    collectedAt: daysAgo(31),
    patching: { listsRefreshedAt: daysAgo(32), lastPatchAt: daysAgo(90) },
  }),
  // Good: Cloud Eye, HSS and node_exporter running.
  'monitor-01': of('monitor-01', ubuntu('24.04'), {
    agents: {
      cloudEye: 'running',
      hss: 'running',
      monitoring: [{ name: 'node_exporter', state: 'running' }],
      processesVisible: true,
    } as HostReport['agents'],
  }),
  // Matches no server: a VM deleted since (its instance id names no server of the project).
  'old-web-03': of('web-01', ubuntu('22.04'), {
    host: {
      hostname: 'old-web-03',
      instanceId: uuidFor('server', 'eu-de', 'old-web-03'),
      addresses: ['192.168.1.203'],
    },
  }),
}

const check = process.argv.includes('--check')
mkdirSync(DEMO_HOSTS_DIR, { recursive: true })
let differs = false
const names = new Set(Object.keys(reports).map((n) => `${n}.json`))
for (const [name, report] of Object.entries(reports)) {
  const file = join(DEMO_HOSTS_DIR, `${name}.json`)
  const text = `${JSON.stringify(report, null, 2)}\n`
  let old = ''
  try {
    old = readFileSync(file, 'utf8')
  } catch {}
  if (old === text) continue
  differs = true
  if (check) console.error(`differs: ${file}`)
  else writeFileSync(file, text)
}
for (const f of readdirSync(DEMO_HOSTS_DIR).filter((f) => f.endsWith('.json') && !names.has(f))) {
  differs = true
  if (check) console.error(`not generated: ${f}`)
  else rmSync(join(DEMO_HOSTS_DIR, f))
}
if (check && differs) process.exit(1)
if (!check) console.log(`wrote ${names.size} host reports to ${DEMO_HOSTS_DIR}`)
