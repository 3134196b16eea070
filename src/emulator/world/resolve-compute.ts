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
    const at = ctx.place(n.project, n.region, path)
    const base = ipToInt(n.cidr.split('/')[0]!)
    const net: Network = {
      id: ctx.uuid(n.id, 'network', at.label, n.name),
      projectId: at.project.id,
      region: at.region,
      name: n.name,
      subnetId: uuidFor('subnet', at.label, n.name),
      vpcId: uuidFor('vpc', at.label, n.vpc ?? n.name),
      vpcName: n.vpc ?? n.name,
      cidr: n.cidr,
      gateway: intToIp(base + 1),
      createdAt: ctx.now,
    }
    table.add(net, `${path}.name`, at.key)
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
  type Entry = { group: SecurityGroup; rules: FileRule[]; path: string; key: string }
  const entries: Entry[] = f.securityGroups.map((g, i) => {
    const at = ctx.place(g.project, g.region, `securityGroups[${i}]`)
    const group: SecurityGroup = {
      id: ctx.uuid(g.id, 'security-group', at.label, g.name),
      projectId: at.project.id,
      region: at.region,
      name: g.name,
      description: g.description,
      createdAt: ctx.time(g.createdAt, `securityGroups[${i}].createdAt`),
      rules: [],
    }
    table.add(group, `securityGroups[${i}].name`, at.key)
    return { group, rules: g.rules, path: `securityGroups[${i}]`, key: at.key }
  })
  // Every project has a `default` group in each of its regions, whether the file lists it or not.
  for (const at of ctx.places()) {
    if (table.find('default', at.key)) continue
    const group: SecurityGroup = {
      id: uuidFor('security-group', at.label, 'default'),
      projectId: at.project.id,
      region: at.region,
      name: 'default',
      description: 'Default security group',
      createdAt: ctx.now,
      rules: [],
    }
    table.add(group, 'securityGroups', at.key)
    entries.unshift({ group, rules: defaultGroupRules(), path: 'securityGroups', key: at.key })
  }
  for (const { group, rules, path, key } of entries) {
    const all = rules.some((r) => r.direction === 'egress') ? rules : [...rules, ...EGRESS_ALL]
    group.rules = all.map((r, j) =>
      resolveRule(r, j, { group, key }, `${path}.rules[${j}]`, ctx, table),
    )
  }
  return entries.map((e) => e.group)
}

function resolveRule(
  r: FileRule,
  index: number,
  { group, key }: { group: SecurityGroup; key: string },
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
        : (table.get(r.remoteGroup, `${path}.remoteGroup`, key)?.id ?? null)
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
