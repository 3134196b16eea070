/**
 * Changes to a running world, so that two scans can differ by exactly one thing: open a port to
 * the internet on a security group, or close it again. Used by `sphere emulator --change` and by
 * tests of `sphere diff`. The emulator reads rules live, so a change is visible at once.
 * @module
 */
import { uuidFor } from './ids.ts'
import type { World } from './model.ts'

/** The kinds of change, as written on the command line. */
export const CHANGE_KINDS = ['open-port', 'close-port'] as const

/** What a change did, in one line. */
export type ChangeResult = string

/** A change that cannot be applied: names what was expected. */
export class ChangeError extends Error {
  constructor(spec: string, why: string) {
    super(`change "${spec}": ${why}`)
    this.name = 'ChangeError'
  }
}

/**
 * Applies `open-port=GROUP:PORT` (TCP PORT from 0.0.0.0/0 on the security group named GROUP)
 * or `close-port=GROUP:PORT` (removes the group's ingress rules from 0.0.0.0/0 or ::/0 that
 * cover PORT).
 * @throws {ChangeError} for an unknown kind, group or a bad port
 */
export function applyChange(world: World, spec: string): ChangeResult {
  const m = /^([a-z-]+)=([^:]+):(\d{1,5})$/.exec(spec.trim())
  if (!m || !(CHANGE_KINDS as readonly string[]).includes(m[1]!))
    throw new ChangeError(
      spec,
      `expected ${CHANGE_KINDS.map((k) => `${k}=GROUP:PORT`).join(' or ')}`,
    )
  const [, kind, groupName, portText] = m
  const port = Number(portText)
  if (port < 1 || port > 65535) throw new ChangeError(spec, 'expected a port from 1 to 65535')
  const group = world.securityGroups.find((g) => g.name === groupName)
  if (!group) throw new ChangeError(spec, `no security group named "${groupName}"`)
  if (kind === 'open-port') {
    group.rules.push({
      id: uuidFor(
        'security-group-rule',
        group.id,
        'change',
        String(group.rules.length),
        String(port),
      ),
      securityGroupId: group.id,
      projectId: group.projectId,
      direction: 'ingress',
      ethertype: 'IPv4',
      protocol: 'tcp',
      portMin: port,
      portMax: port,
      remoteIpPrefix: '0.0.0.0/0',
      remoteGroupId: null,
      description: null,
      createdAt: Date.now(),
    })
    return `opened TCP ${port} to 0.0.0.0/0 on security group ${group.name}`
  }
  const open = (r: (typeof group.rules)[number]) =>
    r.direction === 'ingress' &&
    (r.remoteIpPrefix === '0.0.0.0/0' || r.remoteIpPrefix === '::/0') &&
    (r.portMin === null || (r.portMin <= port && (r.portMax ?? r.portMin) >= port))
  const before = group.rules.length
  group.rules = group.rules.filter((r) => !open(r))
  if (group.rules.length === before)
    throw new ChangeError(spec, `no rule of ${group.name} opens ${port} to the internet`)
  return `closed TCP ${port} from the internet on security group ${group.name}`
}
