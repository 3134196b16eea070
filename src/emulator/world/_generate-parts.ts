/**
 * The parts of a generated world that do not depend on its projects: identity, images, the
 * catalogue of flavors and operating systems, and security groups with their share of open
 * rules. Used by `generate.ts`.
 * @module
 */
import type { Rng } from './prng.ts'
import type { WorldFileInput } from './schema.ts'

/** A generated world document with every list present. */
export type Doc = Required<
  Omit<
    WorldFileInput,
    'now' | 'description' | 'cloud' | 'apiVersions' | 'regions' | 'allowTokenRescope'
  >
>
/** One item of a list of {@link Doc}. */
export type Item<K extends keyof Doc> = Doc[K] extends (infer T)[] | undefined ? T : never

export const FLAVORS = [
  's3.medium.2',
  's3.large.2',
  's3.xlarge.2',
  's3.2xlarge.4',
  'c4.large.2',
  'c4.xlarge.2',
  'm3.xlarge.8',
]
/** Public image lineages; `eol` ones are unsupported operating systems. */
export const LINEAGES = [
  { os: 'Ubuntu_24.04', v: 'Ubuntu 24.04 server 64bit', p: 'Ubuntu', eol: false },
  { os: 'Ubuntu_22.04', v: 'Ubuntu 22.04 server 64bit', p: 'Ubuntu', eol: false },
  { os: 'Ubuntu_18.04', v: 'Ubuntu 18.04 server 64bit', p: 'Ubuntu', eol: true },
  { os: 'CentOS_7', v: 'CentOS 7.9 64bit', p: 'CentOS', eol: true },
  { os: 'Debian_12', v: 'Debian GNU/Linux 12 64bit', p: 'Debian', eol: false },
  { os: 'Oracle_Linux_9', v: 'Oracle Linux 9 64bit', p: 'Oracle Linux', eol: false },
  { os: 'Windows_2022_DC', v: 'Windows Server 2022 Datacenter 64bit', p: 'Windows', eol: false },
] as const
const ADMIN_PORTS = [22, 3389, 3306, 5432, 1433]
/** `n` zero-padded to `w` digits. */
export const pad = (n: number, w = 5) => String(n).padStart(w, '0')
/** A relative time `days` ago. */
export const ago = (days: number) => `-${Math.max(0, Math.round(days))}d`

/** The account's groups, users (sphere-admin first), an agency and an application credential. */
export function identity(
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

/** Public image lineages (`_latest`, `_prev`) and `privateCount` private golden images. */
export function images(rng: Rng, privateCount: number): Item<'images'>[] {
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

/** `count` security groups named from `sg-<first>` on (~5 ingress rules; some open to all). */
export function securityGroups(rng: Rng, count: number, first = 0): Item<'securityGroups'>[] {
  return Array.from({ length: count }, (_, k) => {
    const i = first + k
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
