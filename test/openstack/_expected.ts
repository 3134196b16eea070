/**
 * What the scan of the seeded devcloud must say: a verdict per seeded case, the services this
 * cloud lacks, and the differences between the real cloud and our client that are known and not
 * yet fixed (each such expectation runs as `todo` until its owner fixes it; delete the entry then).
 * @module
 */
import type { Seed } from './_devcloud.ts'

/** A seeded resource: the seed.json section and the name inside it. */
export type SeedRef = readonly [
  section: 'servers' | 'volumes' | 'securityGroups' | 'floatingIps',
  name: string,
]

/** One expected verdict. */
export interface Expected {
  check: string
  on: SeedRef
  status: 'pass' | 'fail'
  why: string
}

const srv = (name: string): SeedRef => ['servers', name]
const vol = (name: string): SeedRef => ['volumes', name]
const sg = (name: string): SeedRef => ['securityGroups', name]
const fip = (desc: string): SeedRef => ['floatingIps', desc]

/** The seeded cases (see lib/seed.py) and the verdict each must get. */
export const EXPECTED: readonly Expected[] = [
  // network-access
  {
    check: 'vpc-sg-no-admin-ports-from-internet',
    on: sg('web-public-ssh'),
    status: 'fail',
    why: 'tcp/22 from 0.0.0.0/0',
  },
  {
    check: 'vpc-sg-no-admin-ports-from-internet',
    on: sg('wide-open'),
    status: 'fail',
    why: 'all ports from 0.0.0.0/0',
  },
  {
    check: 'vpc-sg-no-admin-ports-from-internet',
    on: sg('restricted'),
    status: 'pass',
    why: '22 only from 10.20.0.0/24',
  },
  {
    check: 'vpc-sg-no-admin-ports-from-internet',
    on: sg('default'),
    status: 'pass',
    why: 'ingress from its own group only',
  },
  {
    check: 'vpc-sg-no-unrestricted-ingress',
    on: sg('wide-open'),
    status: 'fail',
    why: 'any protocol from 0.0.0.0/0',
  },
  {
    check: 'vpc-sg-no-unrestricted-ingress',
    on: sg('web-public-ssh'),
    status: 'pass',
    why: 'two single ports',
  },
  {
    check: 'vpc-sg-no-unrestricted-ingress',
    on: sg('restricted'),
    status: 'pass',
    why: 'restricted sources',
  },
  {
    check: 'ecs-server-no-public-admin-exposure',
    on: srv('web-1'),
    status: 'fail',
    why: 'floating IP + ssh from anywhere',
  },
  {
    check: 'ecs-server-no-public-admin-exposure',
    on: srv('legacy-1'),
    status: 'pass',
    why: 'no public address',
  },
  {
    check: 'ecs-server-no-public-admin-exposure',
    on: srv('bfv-1'),
    status: 'pass',
    why: 'no public address',
  },
  // resource-combination
  {
    check: 'ecs-server-not-default-sg',
    on: srv('old-1'),
    status: 'fail',
    why: 'in the default group',
  },
  { check: 'ecs-server-not-default-sg', on: srv('web-1'), status: 'pass', why: 'own group' },
  {
    check: 'vpc-eip-bound',
    on: fip('web-1 public'),
    status: 'pass',
    why: "on web-1's port (status stays DOWN: no L3 agent)",
  },
  {
    check: 'vpc-eip-bound',
    on: fip('spare, unbound'),
    status: 'fail',
    why: 'allocated, bound to nothing',
  },
  {
    check: 'evs-volume-attached',
    on: vol('data-attached'),
    status: 'pass',
    why: 'attached to legacy-1',
  },
  {
    check: 'evs-volume-attached',
    on: vol('bfv-1-root'),
    status: 'pass',
    why: 'boot volume of bfv-1',
  },
  { check: 'evs-volume-attached', on: vol('data-no-backup'), status: 'fail', why: 'detached' },
  // authorization
  {
    check: 'ecs-server-keypair-login',
    on: srv('web-1'),
    status: 'pass',
    why: 'ops-key (owned by another user)',
  },
  { check: 'ecs-server-keypair-login', on: srv('bfv-1'), status: 'pass', why: 'ops-key' },
  {
    check: 'ecs-server-keypair-login',
    on: srv('legacy-1'),
    status: 'fail',
    why: 'created without a key pair',
  },
  // guest-os
  {
    check: 'ecs-server-image-supported',
    on: srv('web-1'),
    status: 'pass',
    why: '__os_version Ubuntu 22.04',
  },
  {
    check: 'ecs-server-image-supported',
    on: srv('legacy-1'),
    status: 'fail',
    why: '__os_version CentOS 7.9: past EOL',
  },
  {
    check: 'ecs-server-image-supported',
    on: srv('old-1'),
    status: 'fail',
    why: 'os_distro=ubuntu os_version=18.04: past EOL',
  },
  {
    check: 'ecs-server-image-supported',
    on: srv('bfv-1'),
    status: 'pass',
    why: 'boot volume from ubuntu-22.04 (server image "")',
  },
  { check: 'ecs-server-image-current', on: srv('web-1'), status: 'pass', why: 'image built today' },
  // backup-restore (plain Cinder backups: no CBR here)
  {
    check: 'evs-volume-backup-recent',
    on: vol('data-attached'),
    status: 'pass',
    why: 'backup made by the seed',
  },
  {
    check: 'evs-volume-backup-recent',
    on: vol('data-old-backup'),
    status: 'fail',
    why: 'only backup backdated 40 days',
  },
  {
    check: 'evs-volume-backup-recent',
    on: vol('data-no-backup'),
    status: 'fail',
    why: 'never backed up',
  },
  // data-protection
  {
    check: 'evs-volume-encrypted',
    on: vol('data-encrypted'),
    status: 'pass',
    why: 'LUKS volume type: Cinder says encrypted',
  },
  {
    check: 'evs-volume-encrypted',
    on: vol('data-no-backup'),
    status: 'fail',
    why: 'plain volume type',
  },
]

/** Resource types of services this cloud does not have (not in its catalog). */
export const MISSING_TYPES = {
  'cbr.vault': 'cbr',
  'cbr.policy': 'cbr',
  'cbr.backup': 'cbr',
  'ces.alarm': 'ces',
  'cts.tracker': 'cts',
  'rds.instance': 'rds',
  'obs.bucket': 'obs',
  'kms.key': 'kms',
  'dcs.instance': 'dcs',
  // OTC's VPC API v1 (flow logs); Neutron serves the rest of the `vpc` service's types.
  'vpc.vpc': 'vpc',
  // No Octavia on the devcloud: no `load-balancer` in its catalog.
  'elb.loadbalancer': 'elb',
  'elb.listener': 'elb',
  'elb.certificate': 'elb',
  // Magnum is not CCE: a plain OpenStack has no `ccev2.0` catalog type.
  'cce.cluster': 'cce',
  'cce.node': 'cce',
} as const

/** OTC IAM extensions (/v3.0/OS-*): not a catalog entry, absent from a plain Keystone. */
export const IAM_TYPES = ['iam.user', 'iam.access-key', 'iam.password-policy'] as const

/** Services whose checks can never pass here. */
export const MISSING_SERVICES = [
  'cbr',
  'ces',
  'cts',
  'rds',
  'iam',
  'obs',
  'kms',
  'dcs',
  'elb',
  'cce',
] as const

/**
 * Known differences between the real cloud and our client, not fixed yet: id -> what is wrong.
 * Expectations that depend on one run as `todo`. Empty: every difference found so far is fixed
 * and reproduced by the emulator's `openstack` world (docs/openstack-devcloud.md lists them).
 */
export const KNOWN: Record<string, string> = {}

/** Which known difference an expectation waits for, if any. */
export function knownFor(_e: Expected): string | undefined {
  return undefined
}

/** The seeded id of a reference. */
export function seededId(seed: Seed, [section, name]: SeedRef): string {
  const id = seed[section][name]
  if (!id) throw new Error(`seed.json has no ${section}.${name}: re-run test/openstack/seed.sh`)
  return id
}
