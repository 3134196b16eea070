/**
 * Generates large worlds for paging, performance and throttling tests. A seeded generator fixes
 * every name, relation and age, so the same options give the same world; ratios follow a
 * typical company (per server ~1.5 volumes, 1-2 ports, ~0.3 floating IPs, ~0.6 alarms; one user
 * per 20 servers; security groups shared by ~20 servers with ~5 rules each), with a share of bad
 * practice in every duty.
 * @module
 */
import type { World } from './model.ts'
import { createRng, type Rng } from './prng.ts'
import { resolveWorld } from './resolve.ts'
import { WorldFile, type WorldFileInput } from './schema.ts'

/** Options of {@link generateWorld}. */
export interface GenerateOptions {
  /** Number of servers (default 1000); everything else scales with it. */
  servers?: number
  /** PRNG seed (default 1). */
  seed?: number
  /** Relative ages count from here (epoch ms); default: now. */
  now?: number
}

type Doc = Required<
  Omit<
    WorldFileInput,
    'now' | 'description' | 'cloud' | 'apiVersions' | 'regions' | 'allowTokenRescope'
  >
>
type Item<K extends keyof Doc> = Doc[K] extends (infer T)[] | undefined ? T : never

const AZS = ['eu-de-01', 'eu-de-02', 'eu-de-03']
const FLAVORS = [
  's3.medium.2',
  's3.large.2',
  's3.xlarge.2',
  's3.2xlarge.4',
  'c4.large.2',
  'c4.xlarge.2',
  'm3.xlarge.8',
]
/** Public image lineages; `eol` ones are unsupported operating systems. */
const LINEAGES = [
  { os: 'Ubuntu_24.04', v: 'Ubuntu 24.04 server 64bit', p: 'Ubuntu', eol: false },
  { os: 'Ubuntu_22.04', v: 'Ubuntu 22.04 server 64bit', p: 'Ubuntu', eol: false },
  { os: 'Ubuntu_18.04', v: 'Ubuntu 18.04 server 64bit', p: 'Ubuntu', eol: true },
  { os: 'CentOS_7', v: 'CentOS 7.9 64bit', p: 'CentOS', eol: true },
  { os: 'Debian_12', v: 'Debian GNU/Linux 12 64bit', p: 'Debian', eol: false },
  { os: 'Oracle_Linux_9', v: 'Oracle Linux 9 64bit', p: 'Oracle Linux', eol: false },
  { os: 'Windows_2022_DC', v: 'Windows Server 2022 Datacenter 64bit', p: 'Windows', eol: false },
] as const
const ADMIN_PORTS = [22, 3389, 3306, 5432, 1433]
const pad = (n: number, w = 5) => String(n).padStart(w, '0')
const ago = (days: number) => `-${Math.max(0, Math.round(days))}d`

function identity(
  rng: Rng,
  users: number,
): Pick<Doc, 'groups' | 'users' | 'agencies' | 'applicationCredentials'> {
  const groups = [
    'developers',
    'ops',
    'auditors',
    ...Array.from({ length: Math.ceil(users / 25) }, (_, i) => `team-${pad(i, 3)}`),
  ]
  const list: Item<'users'>[] = [
    {
      name: 'sphere-admin',
      password: 'Sphere-Generated-1',
      groups: ['admin'],
      mfa: true,
      lastLogin: '-1d',
      accessKeys: [
        {
          access: 'SPHEREGENAK000000001',
          secret: 'SphereGeneratedSecretKey000000000000001',
          createdAt: '-10d',
          lastUsed: '-1h',
        },
      ],
    },
  ]
  for (let i = 1; i < users; i++) {
    const keys = rng.chance(0.7) ? (rng.chance(0.2) ? 2 : 1) : 0
    list.push({
      name: `user-${pad(i)}`,
      password: `Generated-${pad(i)}!`,
      enabled: rng.chance(0.95),
      groups: [rng.pick(groups)],
      mfa: rng.chance(0.6),
      ...(rng.chance(0.3)
        ? { loginProtection: { method: rng.pick(['vmfa', 'sms', 'email'] as const) } }
        : {}),
      createdAt: ago(rng.int(30, 1500)),
      lastLogin: rng.chance(0.1) ? null : ago(rng.int(0, 400)),
      accessKeys: Array.from({ length: keys }, () => {
        const age = rng.int(1, 700)
        return {
          status: rng.chance(0.9) ? ('active' as const) : ('inactive' as const),
          createdAt: ago(age),
          lastUsed: rng.chance(0.15) ? null : ago(rng.int(0, Math.min(age, 300))),
        }
      }),
    })
  }
  return {
    groups: groups.map((name) => ({ name })),
    users: list,
    agencies: [{ name: 'partner-support', trustDomain: 'OTC00000000001000000999' }],
    applicationCredentials: [
      { name: 'ci', user: 'sphere-admin', secret: 'generated-app-cred-secret' },
    ],
  }
}

function images(rng: Rng, privateCount: number): Item<'images'>[] {
  const out: Item<'images'>[] = LINEAGES.flatMap((l) => [
    {
      name: `Standard_${l.os}_latest`,
      osVersion: l.v,
      platform: l.p,
      createdAt: ago(l.eol ? rng.int(400, 900) : rng.int(1, 30)),
    },
    {
      name: `Standard_${l.os}_prev`,
      osVersion: l.v,
      platform: l.p,
      createdAt: ago(l.eol ? rng.int(900, 1200) : rng.int(31, 60)),
    },
  ])
  for (let i = 0; i < privateCount; i++) {
    const l = rng.pick(LINEAGES)
    out.push({
      name: `golden-${pad(i, 4)}`,
      imageType: 'private',
      osVersion: l.v,
      platform: l.p,
      createdAt: ago(rng.int(5, 700)),
    })
  }
  return out
}

function securityGroups(rng: Rng, count: number): Item<'securityGroups'>[] {
  return Array.from({ length: count }, (_, i) => {
    const rules: NonNullable<Item<'securityGroups'>['rules']> = [
      { protocol: 'tcp', ports: 443, remote: '0.0.0.0/0' },
      { protocol: 'tcp', ports: 22, remote: '10.0.0.0/8' },
      { protocol: 'tcp', ports: `${8000 + (i % 100)}-${8080 + (i % 100)}`, remote: '10.0.0.0/8' },
      { protocol: 'icmp', remote: '10.0.0.0/8' },
    ]
    if (rng.chance(0.1))
      rules.push({ protocol: 'tcp', ports: rng.pick(ADMIN_PORTS), remote: '0.0.0.0/0' })
    else if (rng.chance(0.03)) rules.push({ protocol: 'any', remote: '0.0.0.0/0' })
    else rules.push({ protocol: 'udp', ports: 53, remote: '10.0.0.0/8' })
    return { name: `sg-${pad(i, 4)}`, createdAt: ago(rng.int(10, 1000)), rules }
  })
}

/** The world document for the options (validated and resolved by {@link generateWorld}). */
export function generateWorldDocument(opts: GenerateOptions = {}): WorldFileInput {
  const n = opts.servers ?? 1000
  const rng = createRng(opts.seed ?? 1)
  const nets = Math.max(2, Math.ceil(n / 200))
  const sgs = Math.max(2, Math.ceil(n / 20))
  const privateImages = Math.ceil(n / 100)
  const keyPairs = Math.max(1, Math.ceil(n / 50))
  const doc: Doc = {
    name: `generated-${n}-${opts.seed ?? 1}`,
    domain: { name: 'OTC00000000001000000777' },
    projects: [{ name: 'eu-de' }],
    ...identity(rng, Math.max(3, Math.ceil(n / 20))),
    flavors: FLAVORS.map((name, i) => ({ name, vcpus: 1 + (i % 4) * 2, ram: 2048 * (1 + i) })),
    images: images(rng, privateImages),
    keyPairs: Array.from({ length: keyPairs }, (_, i) => ({
      name: `key-${pad(i, 4)}`,
      createdAt: ago(rng.int(1, 900)),
    })),
    networks: Array.from({ length: nets }, (_, i) => ({
      name: `net-${pad(i, 3)}`,
      vpc: `vpc-${Math.floor(i / 8)}`,
      cidr: `10.${Math.floor(i / 16)}.${(i % 16) * 16}.0/20`,
    })),
    securityGroups: securityGroups(rng, sgs),
    servers: [],
    volumes: [],
    volumeBackups: [],
    floatingIps: [],
    vaults: [],
    backupPolicies: [],
    backups: [],
    alarms: [],
    trackers: [{ name: 'system', status: 'enabled', bucket: 'generated-cts', createdAt: '-500d' }],
    rdsInstances: [],
    rdsBackups: [],
  }
  fillServers(rng, doc, n, { nets, sgs, privateImages, keyPairs })
  fillOps(rng, doc, n)
  return doc
}

function fillServers(
  rng: Rng,
  doc: Doc,
  n: number,
  c: { nets: number; sgs: number; privateImages: number; keyPairs: number },
): void {
  const sgName = () => `sg-${pad(rng.int(0, c.sgs - 1), 4)}`
  for (let i = 0; i < n; i++) {
    const name = `srv-${pad(i)}`
    const net = `net-${pad(Math.floor((i / n) * c.nets), 3)}`
    const r = rng()
    const l = rng.pick(LINEAGES)
    const image =
      r < 0.05
        ? `golden-${pad(rng.int(0, c.privateImages - 1), 4)}`
        : `Standard_${l.os}_${r < 0.15 ? 'prev' : 'latest'}`
    const sgsOf = () =>
      rng.chance(0.1) ? ['default'] : rng.chance(0.3) ? [sgName(), sgName()] : [sgName()]
    const twoPorts = rng.chance(0.3)
    doc.servers.push({
      name,
      az: rng.pick(AZS),
      flavor: rng.pick(FLAVORS),
      image,
      ...(rng.chance(0.85) ? { systemDisk: { size: 40, encrypted: rng.chance(0.6) } } : {}),
      keyPair: rng.chance(0.85) ? `key-${pad(rng.int(0, c.keyPairs - 1), 4)}` : null,
      ports: twoPorts
        ? [
            { network: net, securityGroups: [...new Set(sgsOf())] },
            { network: net, securityGroups: [...new Set(sgsOf())] },
          ]
        : [{ network: net, securityGroups: [...new Set(sgsOf())] }],
      createdAt: ago(rng.int(1, 1500)),
    })
    const dataDisks = rng.chance(0.55) ? (rng.chance(0.2) ? 2 : 1) : 0
    for (let d = 0; d < dataDisks; d++)
      doc.volumes.push({
        name: `${name}-data-${d}`,
        size: rng.pick([20, 50, 100, 200, 500]),
        attachedTo: name,
        encrypted: rng.chance(0.5),
        createdAt: ago(rng.int(1, 1000)),
      })
    if (rng.chance(0.3)) doc.floatingIps.push({ server: name, port: twoPorts ? rng.int(0, 1) : 0 })
    if (rng.chance(0.6))
      doc.alarms.push({
        name: `${name}-cpu`,
        server: name,
        notifications: rng.chance(0.8) ? ['ops-alerts'] : [],
      })
  }
  const spare = Math.ceil(n * 0.1)
  for (let i = 0; i < spare; i++) {
    doc.volumes.push({
      name: `spare-${pad(i)}`,
      size: rng.pick([10, 50, 100]),
      az: rng.pick(AZS),
      encrypted: rng.chance(0.4),
      createdAt: ago(rng.int(1, 900)),
    })
    if (i % 2 === 0) doc.floatingIps.push({ createdAt: ago(rng.int(1, 600)) })
  }
  for (let i = 0; i < Math.ceil(n / 20); i++)
    doc.volumeBackups.push({
      name: `vb-${pad(i)}`,
      volume: doc.volumes[rng.int(0, doc.volumes.length - 1)]!.name,
      createdAt: ago(rng.int(0, 90)),
    })
}

function fillOps(rng: Rng, doc: Doc, n: number): void {
  const perVault = 20
  const serverVaults: string[] = []
  const diskVaults: string[] = []
  const backups = (resource: string, vault: string) => {
    const stale = rng.chance(0.2)
    for (let b = rng.int(1, 3); b > 0; b--)
      doc.backups.push({
        resource,
        vault,
        createdAt: ago(stale ? rng.int(10, 200) : rng.int(0, 6) + b),
        status: rng.chance(0.03) ? 'error' : 'available',
      })
  }
  let current: string[] = []
  for (const s of doc.servers) {
    if (!rng.chance(0.7)) continue
    current.push(s.name)
    backups(s.name, `vault-srv-${pad(serverVaults.length, 4)}`)
    if (current.length === perVault) {
      doc.vaults.push({
        name: `vault-srv-${pad(serverVaults.length, 4)}`,
        type: 'server',
        resources: current,
      })
      serverVaults.push(`vault-srv-${pad(serverVaults.length, 4)}`)
      current = []
    }
  }
  if (current.length > 0) {
    doc.vaults.push({
      name: `vault-srv-${pad(serverVaults.length, 4)}`,
      type: 'server',
      resources: current,
    })
    serverVaults.push(`vault-srv-${pad(serverVaults.length, 4)}`)
  }
  current = []
  for (const v of doc.volumes) {
    if (!v.attachedTo || !rng.chance(0.4)) continue
    current.push(v.name)
    backups(v.name, `vault-disk-${pad(diskVaults.length, 4)}`)
    if (current.length === perVault) {
      doc.vaults.push({
        name: `vault-disk-${pad(diskVaults.length, 4)}`,
        type: 'disk',
        resources: current,
      })
      diskVaults.push(`vault-disk-${pad(diskVaults.length, 4)}`)
      current = []
    }
  }
  if (current.length > 0) {
    doc.vaults.push({
      name: `vault-disk-${pad(diskVaults.length, 4)}`,
      type: 'disk',
      resources: current,
    })
    diskVaults.push(`vault-disk-${pad(diskVaults.length, 4)}`)
  }
  const all = [...serverVaults, ...diskVaults]
  for (let i = 0; i * 3 < all.length; i++)
    doc.backupPolicies.push({
      name: `policy-${pad(i, 4)}`,
      enabled: rng.chance(0.8),
      retentionDays: rng.pick([3, 7, 14, 30, 90]),
      vaults: all.slice(i * 3, i * 3 + 3),
    })
  for (let i = 0; i < Math.max(1, Math.ceil(n / 50)); i++) {
    const name = `rds-${pad(i, 4)}`
    doc.rdsInstances.push({
      name,
      engine: rng.pick(['MySQL', 'PostgreSQL', 'SQLServer'] as const),
      type: rng.chance(0.4) ? 'Ha' : 'Single',
      publicIp: rng.chance(0.2) ? `80.159.${Math.floor(i / 250)}.${(i % 250) + 2}` : null,
      keepDays: rng.pick([0, 1, 3, 7, 14, 30]),
      network: 'net-000',
      createdAt: ago(rng.int(10, 1000)),
    })
    for (let b = 0; b < 2; b++)
      doc.rdsBackups.push({ instance: name, createdAt: ago(b + rng.int(0, 3)) })
  }
}

/**
 * A deterministic large world: same options, same world.
 * @example
 * const world = generateWorld({ servers: 10_000, seed: 42, now: Date.parse('2025-06-01T00:00:00Z') })
 */
export function generateWorld(opts: GenerateOptions = {}): World {
  const doc = generateWorldDocument(opts)
  return resolveWorld(WorldFile.parse(doc), {
    now: opts.now,
    file: `generated world "${doc.name}"`,
  })
}
