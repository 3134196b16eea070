/**
 * Resolves flavors, images, key pairs, networks and security groups (with the implicit
 * `default` group and Neutron's egress rules).
 * @module
 */
import { createHash } from 'node:crypto'
import type { NameTable, ResolveContext } from './_context.ts'
import { uuidFor } from './ids.ts'
import {
  type Flavor,
  type Image,
  type KeyPair,
  type Network,
  PUBLIC_IMAGE_OWNER,
  type SecurityGroup,
  type SecurityGroupRule,
  type User,
} from './model.ts'
import type { WorldFileData } from './schema.ts'

type FileRule = WorldFileData['securityGroups'][number]['rules'][number]

export function resolveFlavors(f: WorldFileData, table: NameTable<Flavor>): Flavor[] {
  return f.flavors.map((fl, i) => {
    const flavor = { id: fl.name, ...fl }
    table.add(flavor, `flavors[${i}].name`)
    return flavor
  })
}

export function resolveImages(
  f: WorldFileData,
  ctx: ResolveContext,
  table: NameTable<Image>,
): Image[] {
  return f.images.map((im, i) => {
    const path = `images[${i}]`
    const owner =
      im.imageType === 'gold' && im.project === undefined
        ? PUBLIC_IMAGE_OWNER
        : ctx.project(im.project, `${path}.project`).id
    const image: Image = {
      id: ctx.uuid(im.id, 'image', im.name),
      name: im.name,
      owner,
      osVersion: im.osVersion ?? null,
      platform: im.platform ?? null,
      osDistro: im.osDistro ?? null,
      osDistroVersion: im.osDistroVersion ?? null,
      osType:
        im.osType ?? (im.platform === 'Windows' || im.osDistro === 'windows' ? 'Windows' : 'Linux'),
      osBit: im.osBit,
      imageType: im.imageType,
      visibility: im.visibility ?? (im.imageType === 'gold' ? 'public' : im.imageType),
      status: im.status,
      protected: im.protected ?? im.imageType === 'gold',
      createdAt: ctx.time(im.createdAt, `${path}.createdAt`),
      minDisk: im.minDisk,
      minRam: im.minRam,
      diskFormat: im.diskFormat,
    }
    table.add(image, `${path}.name`)
    return image
  })
}

function fakePublicKey(name: string): { publicKey: string; fingerprint: string } {
  const body = createHash('sha512').update(`key\u0000${name}`).digest('base64')
  const publicKey = `ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ${body}${body} Generated-by-Nova\n`
  const fp = createHash('md5').update(publicKey).digest('hex')
  return { publicKey, fingerprint: fp.match(/../g)!.join(':') }
}

export function resolveKeyPairs(
  f: WorldFileData,
  ctx: ResolveContext,
  users: NameTable<User>,
  fallbackUserId: string,
  table: NameTable<KeyPair>,
): KeyPair[] {
  return f.keyPairs.map((k, i) => {
    const path = `keyPairs[${i}]`
    const user = k.user === undefined ? undefined : users.get(k.user, `${path}.user`)
    const generated = fakePublicKey(k.name)
    const kp: KeyPair = {
      name: k.name,
      id: i + 1,
      userId: user?.id ?? fallbackUserId,
      type: k.type,
      createdAt: ctx.time(k.createdAt, `${path}.createdAt`),
      publicKey: k.publicKey ?? generated.publicKey,
      fingerprint: generated.fingerprint,
    }
    table.add(kp, `${path}.name`)
    return kp
  })
}

/** IPv4 helpers over dotted quads. */
export const ipToInt = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0)
export const intToIp = (n: number) =>
  [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.')

export function resolveNetworks(
  f: WorldFileData,
  ctx: ResolveContext,
  table: NameTable<Network>,
): Network[] {
  return f.networks.map((n, i) => {
    const path = `networks[${i}]`
    const project = ctx.project(n.project, `${path}.project`)
    const base = ipToInt(n.cidr.split('/')[0]!)
    const net: Network = {
      id: ctx.uuid(n.id, 'network', project.name, n.name),
      projectId: project.id,
      name: n.name,
      subnetId: uuidFor('subnet', project.name, n.name),
      vpcId: uuidFor('vpc', project.name, n.vpc ?? n.name),
      cidr: n.cidr,
      gateway: intToIp(base + 1),
      createdAt: ctx.now,
    }
    table.add(net, `${path}.name`, project.id)
    return net
  })
}

function parsePorts(ports: FileRule['ports']): [number | null, number | null] {
  if (ports === undefined) return [null, null]
  if (typeof ports === 'number') return [ports, ports]
  const [a, b] = ports.split('-').map(Number)
  return [a!, b ?? a!]
}

function defaultGroupRules(): FileRule[] {
  return [
    { direction: 'ingress', protocol: 'any', remoteGroup: 'self', ethertype: 'IPv4' },
    { direction: 'ingress', protocol: 'any', remoteGroup: 'self', ethertype: 'IPv6' },
  ]
}

/** Neutron adds "allow all egress" to every new group; so do we unless egress rules are given. */
const EGRESS_ALL: FileRule[] = [
  { direction: 'egress', protocol: 'any', ethertype: 'IPv4' },
  { direction: 'egress', protocol: 'any', ethertype: 'IPv6' },
]

export function resolveSecurityGroups(
  f: WorldFileData,
  ctx: ResolveContext,
  table: NameTable<SecurityGroup>,
): SecurityGroup[] {
  type Entry = { group: SecurityGroup; rules: FileRule[]; path: string }
  const entries: Entry[] = f.securityGroups.map((g, i) => {
    const project = ctx.project(g.project, `securityGroups[${i}].project`)
    const group: SecurityGroup = {
      id: ctx.uuid(g.id, 'security-group', project.name, g.name),
      projectId: project.id,
      name: g.name,
      description: g.description,
      createdAt: ctx.time(g.createdAt, `securityGroups[${i}].createdAt`),
      rules: [],
    }
    table.add(group, `securityGroups[${i}].name`, project.id)
    return { group, rules: g.rules, path: `securityGroups[${i}]` }
  })
  // Every project has a `default` group, whether the file lists it or not.
  for (const project of ctx.projects.values()) {
    if (table.find('default', project.id)) continue
    const group: SecurityGroup = {
      id: uuidFor('security-group', project.name, 'default'),
      projectId: project.id,
      name: 'default',
      description: 'Default security group',
      createdAt: ctx.now,
      rules: [],
    }
    table.add(group, 'securityGroups', project.id)
    entries.unshift({ group, rules: defaultGroupRules(), path: 'securityGroups' })
  }
  for (const { group, rules, path } of entries) {
    const all = rules.some((r) => r.direction === 'egress') ? rules : [...rules, ...EGRESS_ALL]
    group.rules = all.map((r, j) => resolveRule(r, j, group, `${path}.rules[${j}]`, ctx, table))
  }
  return entries.map((e) => e.group)
}

function resolveRule(
  r: FileRule,
  index: number,
  group: SecurityGroup,
  path: string,
  ctx: ResolveContext,
  table: NameTable<SecurityGroup>,
): SecurityGroupRule {
  if (r.remote !== undefined && r.remoteGroup !== undefined)
    ctx.issue(path, 'give either remote (a CIDR) or remoteGroup, not both')
  const remoteGroupId =
    r.remoteGroup === undefined
      ? null
      : r.remoteGroup === 'self'
        ? group.id
        : (table.get(r.remoteGroup, `${path}.remoteGroup`, group.projectId)?.id ?? null)
  const [portMin, portMax] = parsePorts(r.ports)
  if (portMin !== null && portMax !== null && portMin > portMax)
    ctx.issue(`${path}.ports`, 'expected the lower port first')
  return {
    id: uuidFor('security-group-rule', group.id, String(index)),
    securityGroupId: group.id,
    projectId: group.projectId,
    direction: r.direction,
    ethertype: r.ethertype ?? (r.remote?.includes(':') ? 'IPv6' : 'IPv4'),
    protocol: r.protocol === 'any' ? null : String(r.protocol),
    portMin,
    portMax,
    remoteIpPrefix: r.remote ?? null,
    remoteGroupId,
    description: r.description ?? null,
    createdAt: group.createdAt,
  }
}
