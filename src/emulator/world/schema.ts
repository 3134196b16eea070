/**
 * The world file: a YAML description of one emulated OTC account (domain, projects, users and
 * the resources in each project). Documented in `docs/world.md`. Keys are camelCase; the
 * emulator renders them in each API's own wire format. Resources refer to each other by name.
 * @module
 */
import { z } from 'zod'
import { SERVICE_VERSIONS } from './api-versions.ts'
import { REGIONAL_SERVICES } from './regional-services.ts'
import { ABSOLUTE_TIME, RELATIVE_TIME } from './time.ts'

const text = z.string().trim().min(1, 'expected a non-empty text')
const name = z.string().min(1, 'expected a non-empty name')
const id = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'expected an id of letters, digits, -_.:')
const count = z.int().nonnegative()

/** `2024-05-01T12:00:00Z` or relative to the world's `now`: `-30d`, `-12h`, `+7d`, `now`. */
const TIME_EXPECTED =
  'expected a time: ISO 8601 like 2024-05-01T12:00:00Z, or relative to now like -30d, -12h, +7d, now'
export const WorldTime = z
  .union([z.string(), z.date()], { error: TIME_EXPECTED })
  .refine(
    (v) =>
      v instanceof Date ||
      RELATIVE_TIME.test(v) ||
      (ABSOLUTE_TIME.test(v) && !Number.isNaN(Date.parse(v))),
    TIME_EXPECTED,
  )
/** A time, or `null` for "never". */
const maybeTime = WorldTime.nullable()

/** OTC defaults (IAM console "password policy" page). */
const PasswordPolicy = z.strictObject({
  minimumPasswordLength: z.int().min(6).max(32).default(6),
  maximumPasswordLength: z.int().min(6).max(32).default(32),
  /** Minimum number of character types (upper, lower, digit, special), 2-4. */
  passwordCharCombination: z.int().min(2).max(4).default(2),
  /** Minutes before a password may be changed again. */
  minimumPasswordAge: count.default(0),
  /** Days until a password expires; 0 = never. */
  passwordValidityPeriod: count.default(0),
  numberOfRecentPasswordsDisallowed: count.max(10).default(1),
  /** 0 = no limit. */
  maximumConsecutiveIdenticalChars: count.default(0),
  passwordNotUsernameOrInvert: z.boolean().default(true),
})

const LoginPolicy = z.strictObject({
  accountValidityPeriod: count.default(0),
  customInfoForLogin: z.string().default(''),
  lockoutDuration: count.default(15),
  loginFailedTimes: count.default(5),
  periodWithLoginFailures: count.default(15),
  sessionTimeout: count.default(60),
  showRecentLoginInfo: z.boolean().default(false),
})

const ProtectPolicy = z.strictObject({
  operationProtection: z.boolean().default(false),
})

const Domain = z.strictObject({
  name: text,
  id: id.optional(),
  passwordPolicy: PasswordPolicy.prefault({}),
  loginPolicy: LoginPolicy.prefault({}),
  protectPolicy: ProtectPolicy.prefault({}),
})

/** OTC project names: the region, optionally `_` and a suffix (checked when `cloud: otc`). */
export const OTC_PROJECT_NAME = /^[a-z]{2}-[a-z]+\d*(_[A-Za-z0-9_-]+)?$/

const Project = z.strictObject({
  /** On OTC `eu-de` or `eu-de_dev` (see {@link OTC_PROJECT_NAME}); any name on `openstack`. */
  name,
  id: id.optional(),
  /** Defaults to the part of the name before `_` (OTC), or `RegionOne` (openstack). */
  region: z.string().min(1, 'expected a region name such as eu-de or RegionOne').optional(),
  description: z.string().default(''),
})

const Group = z.strictObject({ name, id: id.optional(), description: z.string().default('') })

const AccessKey = z.strictObject({
  access: z
    .string()
    .regex(/^[A-Z0-9]{16,40}$/, 'expected an access key id of upper-case letters and digits')
    .optional(),
  secret: z.string().min(16).optional(),
  status: z.enum(['active', 'inactive']).default('active'),
  createdAt: WorldTime.default('now'),
  /** `null` = never used (the API then reports the creation time). */
  lastUsed: maybeTime.default(null),
  description: z.string().default(''),
})

const User = z.strictObject({
  name,
  id: id.optional(),
  password: z.string().optional(),
  enabled: z.boolean().default(true),
  description: z.string().default(''),
  email: z.string().default(''),
  /** Console access: `default` (console + API), `programmatic` (API only), `console`. */
  accessMode: z.enum(['default', 'programmatic', 'console']).default('default'),
  isDomainOwner: z.boolean().default(false),
  createdAt: WorldTime.default('now'),
  lastLogin: maybeTime.default(null),
  passwordExpiresAt: maybeTime.default(null),
  /** The user must change the password at next login. */
  mustChangePassword: z.boolean().default(false),
  /** A virtual MFA device is bound (`true` or an object naming the serial number). */
  mfa: z.union([z.boolean(), z.strictObject({ serial: z.string().optional() })]).default(false),
  /** Login protection (second factor at console login). Absent = never configured. */
  loginProtection: z
    .strictObject({
      enabled: z.boolean().default(true),
      method: z.enum(['vmfa', 'sms', 'email', 'none']).default('vmfa'),
    })
    .optional(),
  accessKeys: z.array(AccessKey).default([]),
  groups: z.array(name).default([]),
  /**
   * The projects the user has a role in (Keystone role assignments): only these can be scoped
   * to and are listed by `GET /v3/auth/projects`. Absent = every project of the domain.
   */
  projects: z.array(name).optional(),
  /** Services (`cts`) or operations (`compute.ListKeypairs`) this user may not call: 403. */
  deny: z
    .array(
      z
        .string()
        .regex(
          /^[a-z]+(\.[A-Za-z]+)?$/,
          'expected a service (cts) or an operation (compute.ListKeypairs)',
        ),
    )
    .default([]),
})

const ApplicationCredential = z.strictObject({
  name,
  id: id.optional(),
  user: name,
  project: name.optional(),
  secret: z.string().min(8),
  description: z.string().default(''),
  expiresAt: maybeTime.default(null),
})

const Agency = z.strictObject({
  name,
  id: id.optional(),
  /** The account (domain name) trusted to act in ours. */
  trustDomain: text,
  trustDomainId: id.optional(),
  /** `null` = unlimited, else e.g. `ONEDAY`. */
  duration: z.string().nullable().default(null),
  description: z.string().default(''),
  createdAt: WorldTime.default('now'),
})

const Flavor = z.strictObject({
  name,
  vcpus: z.int().positive(),
  /** MiB */
  ram: z.int().positive(),
  /** GiB; 0 = boot from volume. */
  disk: count.default(0),
})

const PLATFORMS = [
  'Windows',
  'Ubuntu',
  'Red Hat',
  'SUSE',
  'CentOS',
  'Debian',
  'OpenSUSE',
  'Oracle Linux',
  'Fedora',
  'Other',
  'CoreOS',
  'EulerOS',
] as const

const Image = z.strictObject({
  name,
  id: id.optional(),
  /** Owner project of a private image; public (gold) images belong to the provider. */
  project: name.optional(),
  /** IMS `__os_version`; leave out for a plain Glance image (then set `osDistro`, or neither). */
  osVersion: text.optional(),
  /** IMS `__platform`; leave out with `osVersion`. */
  platform: z.enum(PLATFORMS).optional(),
  /** Glance's standard `os_distro` (`ubuntu`, `centos`, …), as plain OpenStack images carry it. */
  osDistro: text.optional(),
  /** Glance's standard `os_version` (`18.04`), with `osDistro`. */
  osDistroVersion: text.optional(),
  osType: z.enum(['Linux', 'Windows', 'Other']).optional(),
  osBit: z.enum(['32', '64']).default('64'),
  imageType: z.enum(['gold', 'private', 'shared']).default('gold'),
  visibility: z.enum(['public', 'private', 'shared', 'community']).optional(),
  status: z.enum(['active', 'queued', 'saving', 'deleted', 'killed']).default('active'),
  protected: z.boolean().optional(),
  createdAt: WorldTime.default('now'),
  minDisk: count.default(40),
  minRam: count.default(0),
  diskFormat: z.enum(['zvhd2', 'vhd', 'zvhd', 'raw', 'qcow2']).default('zvhd2'),
})

const KeyPair = z.strictObject({
  name,
  user: name.optional(),
  type: z.enum(['ssh', 'x509']).default('ssh'),
  createdAt: WorldTime.default('now'),
  publicKey: z.string().optional(),
})

const Network = z.strictObject({
  name,
  id: id.optional(),
  project: name.optional(),
  /** One of the project's regions (a plain OpenStack has several); default: the project's. */
  region: z.string().min(1, 'expected a region name').optional(),
  /** The VPC (router) the subnet belongs to; defaults to the network name. */
  vpc: name.optional(),
  cidr: z.string().regex(/^\d+\.\d+\.\d+\.\d+\/\d+$/, 'expected an IPv4 CIDR like 10.0.1.0/24'),
})

/** A port number, a range `"8000-8080"`, or omitted for all ports. */
const Ports = z.union([
  z.int().min(0).max(65535),
  z.string().regex(/^\d{1,5}(-\d{1,5})?$/, 'expected a port or range like 22 or 8000-8080'),
])

const Rule = z.strictObject({
  direction: z.enum(['ingress', 'egress']).default('ingress'),
  /** `any` = all protocols (wire `null`). */
  protocol: z
    .union([z.enum(['any', 'tcp', 'udp', 'icmp']), z.int().min(0).max(255)])
    .default('any'),
  ports: Ports.optional(),
  /** A CIDR such as `0.0.0.0/0`. */
  remote: z.string().optional(),
  /** A security group name, or `self`. */
  remoteGroup: name.optional(),
  ethertype: z.enum(['IPv4', 'IPv6']).optional(),
  description: z.string().optional(),
})

const SecurityGroup = z.strictObject({
  name,
  id: id.optional(),
  project: name.optional(),
  /** One of the project's regions (a plain OpenStack has several); default: the project's. */
  region: z.string().min(1, 'expected a region name').optional(),
  description: z.string().default(''),
  createdAt: WorldTime.default('now'),
  rules: z.array(Rule).default([]),
})

const Port = z.strictObject({
  network: name.optional(),
  ip: z.string().optional(),
  securityGroups: z.array(name).optional(),
})

const SystemDisk = z.strictObject({
  name: name.optional(),
  size: z.int().positive().default(40),
  type: z.string().default('SSD'),
  encrypted: z.boolean().default(false),
})

const Server = z.strictObject({
  name,
  id: id.optional(),
  project: name.optional(),
  /** One of the project's regions (a plain OpenStack has several); default: the project's. */
  region: z.string().min(1, 'expected a region name').optional(),
  az: z.string().optional(),
  flavor: name,
  /** The image the server was built from. */
  image: name,
  /** Boot from a volume created from `image` (typical on OTC); omit to boot from the image. */
  systemDisk: SystemDisk.optional(),
  keyPair: name.nullable().default(null),
  /** One port on `network` unless `ports` lists several. */
  network: name.optional(),
  ip: z.string().optional(),
  securityGroups: z.array(name).optional(),
  ports: z.array(Port).min(1).optional(),
  status: z.enum(['ACTIVE', 'SHUTOFF', 'ERROR', 'BUILD']).default('ACTIVE'),
  metadata: z.record(z.string(), z.string()).default({}),
  tags: z.array(z.string()).default([]),
  description: z.string().default(''),
  createdAt: WorldTime.default('now'),
})

const Volume = z.strictObject({
  name,
  id: id.optional(),
  project: name.optional(),
  /** One of the project's regions (a plain OpenStack has several); default: the project's. */
  region: z.string().min(1, 'expected a region name').optional(),
  size: z.int().positive(),
  type: z.string().default('SAS'),
  az: z.string().optional(),
  bootable: z.boolean().default(false),
  /** The image a bootable volume was created from (volume_image_metadata). */
  image: name.optional(),
  encrypted: z.boolean().default(false),
  kmsKeyId: z.string().optional(),
  attachedTo: name.optional(),
  device: z.string().optional(),
  status: z.enum(['available', 'in-use', 'error', 'creating']).optional(),
  multiattach: z.boolean().default(false),
  metadata: z.record(z.string(), z.string()).default({}),
  tags: z.record(z.string(), z.string()).default({}),
  createdAt: WorldTime.default('now'),
})

const VolumeBackup = z.strictObject({
  name,
  id: id.optional(),
  volume: name,
  status: z.enum(['available', 'creating', 'error']).default('available'),
  createdAt: WorldTime.default('now'),
})

const FloatingIp = z.strictObject({
  address: z
    .string()
    .regex(/^\d+\.\d+\.\d+\.\d+$/, 'expected an IPv4 address')
    .optional(),
  id: id.optional(),
  project: name.optional(),
  /** One of the project's regions (a plain OpenStack has several); default: the project's. */
  region: z.string().min(1, 'expected a region name').optional(),
  /** Bound to this server's port (`port` = index among its ports); omit for an unbound EIP. */
  server: name.optional(),
  port: count.default(0),
  bandwidth: z.int().positive().default(5),
  createdAt: WorldTime.default('now'),
})

const Vault = z.strictObject({
  name,
  id: id.optional(),
  project: name.optional(),
  /** `server` vaults hold ECS servers, `disk` vaults EVS volumes. */
  type: z.enum(['server', 'disk']),
  size: z.int().positive().default(100),
  resources: z.array(name).default([]),
  autoBind: z.boolean().default(false),
  createdAt: WorldTime.default('now'),
})

const BackupPolicy = z.strictObject({
  name,
  id: id.optional(),
  project: name.optional(),
  enabled: z.boolean().default(true),
  /** Days a backup is kept; -1 = not limited by time. */
  retentionDays: z.int().min(-1).default(30),
  /** Number of backups kept; -1 = unlimited. */
  maxBackups: z.int().min(-1).default(-1),
  schedule: z.array(z.string()).default(['FREQ=DAILY;INTERVAL=1;BYHOUR=2;BYMINUTE=00']),
  vaults: z.array(name).default([]),
  createdAt: WorldTime.default('now'),
})

const Backup = z.strictObject({
  name: name.optional(),
  id: id.optional(),
  /** A server (server vault) or volume (disk vault) name. */
  resource: name,
  /** Defaults to the vault holding the resource. */
  vault: name.optional(),
  status: z
    .enum(['available', 'protecting', 'deleting', 'restoring', 'error', 'waiting_protect'])
    .default('available'),
  /** `auto` backups come from a policy. */
  trigger: z.enum(['auto', 'manual']).default('auto'),
  createdAt: WorldTime,
})

const Alarm = z.strictObject({
  name,
  id: z
    .string()
    .regex(/^al[A-Za-z0-9]{10,40}$/, 'expected an alarm id like al1533031226533nKJexAlbq')
    .optional(),
  project: name.optional(),
  /** Shorthand for the dimension `instance_id=<server id>`. */
  server: name.optional(),
  namespace: z.string().default('SYS.ECS'),
  metric: z.string().default('cpu_util'),
  dimensions: z.array(z.strictObject({ name: text, value: text })).optional(),
  enabled: z.boolean().default(true),
  /** Defaults to `true` when notifications are given. */
  actionsEnabled: z.boolean().optional(),
  /** SMN topic URNs, or topic names (expanded to `urn:smn:<region>:<project id>:<name>`). */
  notifications: z.array(z.string()).default([]),
  level: z.int().min(1).max(4).default(2),
  state: z.enum(['ok', 'alarm', 'insufficient_data']).default('ok'),
  comparison: z.enum(['>', '>=', '<', '<=', '=']).default('>='),
  threshold: z.number().default(80),
  unit: z.string().default('%'),
  updatedAt: WorldTime.default('now'),
})

const Tracker = z.strictObject({
  name: name.default('system'),
  id: id.optional(),
  project: name.optional(),
  status: z.enum(['enabled', 'disabled', 'error']).default('enabled'),
  bucket: z.string().default(''),
  lts: z.boolean().default(false),
  validateFiles: z.boolean().default(false),
  createdAt: WorldTime.default('now'),
})

const RdsInstance = z.strictObject({
  name,
  id: z
    .string()
    .regex(/^[0-9a-f]{32}in0[134]$/, 'expected an RDS id like <32 hex>in01')
    .optional(),
  project: name.optional(),
  engine: z.enum(['MySQL', 'PostgreSQL', 'SQLServer']).default('MySQL'),
  version: z.string().default('8.0'),
  type: z.enum(['Single', 'Ha', 'Replica']).default('Single'),
  status: z.string().default('ACTIVE'),
  az: z.string().optional(),
  network: name.optional(),
  securityGroup: name.optional(),
  privateIp: z.string().optional(),
  publicIp: z.string().nullable().default(null),
  port: z.int().positive().optional(),
  /** Automated backup retention in days; 0 = automated backups disabled. */
  keepDays: z.int().min(0).max(732).default(7),
  backupWindow: z.string().default('01:00-02:00'),
  ssl: z.boolean().default(false),
  encrypted: z.boolean().default(false),
  flavor: z.string().optional(),
  volume: z
    .strictObject({ type: z.string().default('ULTRAHIGH'), size: z.int().positive().default(100) })
    .prefault({}),
  createdAt: WorldTime.default('now'),
})

const RdsBackup = z.strictObject({
  name: name.optional(),
  id: id.optional(),
  instance: name,
  type: z.enum(['auto', 'manual', 'fragment', 'incremental']).default('auto'),
  status: z.enum(['BUILDING', 'COMPLETED', 'FAILED', 'DELETING']).default('COMPLETED'),
  /** KB */
  size: count.default(2048),
  createdAt: WorldTime,
})

/** One statement of a bucket policy (rendered in the request's dialect). */
const BucketStatement = z.strictObject({
  sid: z
    .string()
    .regex(/^[\w-]{1,64}$/, 'expected a statement id of letters, digits, - and _')
    .optional(),
  effect: z.enum(['Allow', 'Deny']).default('Allow'),
  /** `public` (principal `*`) or `account` (this account's domain). */
  principal: z.enum(['public', 'account']).default('public'),
  actions: z.array(z.string()).default(['GetObject']),
  sourceIps: z.array(z.string()).default([]),
  referers: z.array(z.string()).default([]),
  secureTransport: z.boolean().nullable().default(null),
})

/** An OBS bucket (otc-api-platform.md §2). */
const Bucket = z.strictObject({
  name: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'expected an OBS bucket name (3-63 of a-z 0-9 . -)',
    ),
  /** Any project of the region (the bucket is served in its region). */
  project: name.optional(),
  /** Canned ACL: `public-read*` grant to everyone, `authenticated-read` to every OBS account. */
  acl: z
    .enum([
      'private',
      'public-read',
      'public-read-write',
      'authenticated-read',
      'log-delivery-write',
    ])
    .default('private'),
  /** Policy statements; none = no policy (404). */
  policy: z.array(BucketStatement).default([]),
  encryption: z.enum(['none', 'kms', 'AES256']).default('none'),
  /** `none` = never enabled. */
  versioning: z.enum(['none', 'Enabled', 'Suspended']).default('none'),
  logging: z
    .strictObject({ targetBucket: z.string(), prefix: z.string().default('') })
    .nullable()
    .default(null),
  createdAt: WorldTime.default('now'),
})

/** A KMS key (otc-api-platform.md §6). */
const KmsKey = z.strictObject({
  alias: z.string().regex(/^[\w/:-]{1,255}$/, 'expected a key alias (letters, digits, _ - / :)'),
  id: id.optional(),
  project: name.optional(),
  state: z
    .enum(['pending-activation', 'enabled', 'disabled', 'pending-deletion', 'pending-import'])
    .default('enabled'),
  /** `external`: imported key material (cannot rotate). */
  origin: z.enum(['kms', 'external']).default('kms'),
  spec: z
    .enum(['AES_256', 'RSA_2048', 'RSA_3072', 'RSA_4096', 'EC_P256', 'EC_P384'])
    .default('AES_256'),
  /** A service's Default Master Key (`obs/default`): cannot rotate, disable or delete. */
  default: z.boolean().default(false),
  rotation: z.boolean().default(false),
  /** Days, 30-365. */
  rotationInterval: z.int().min(30).max(365).default(365),
  createdAt: WorldTime.default('now'),
})

/** A DCS (Redis) instance (otc-api-platform.md §5). */
const DcsInstance = z.strictObject({
  name,
  id: id.optional(),
  project: name.optional(),
  version: z.enum(['3.0', '4.0', '5.0', '6.0', '7.0']).default('6.0'),
  status: z.string().default('RUNNING'),
  passwordFree: z.boolean().default(false),
  /** IP whitelist groups; `whitelistEnabled: false` admits every host that can reach it. */
  whitelistEnabled: z.boolean().default(true),
  whitelist: z.array(z.strictObject({ name, ips: z.array(z.string()).min(1) })).default([]),
  network: name.optional(),
  securityGroup: name.optional(),
  createdAt: WorldTime.default('now'),
})

/** A VPC flow log (otc-api-platform.md §7.1) on a VPC (by name), a subnet (network name) or a port (server name). */
const FlowLog = z.strictObject({
  name,
  project: name.optional(),
  resourceType: z.enum(['vpc', 'network', 'port']).default('vpc'),
  /** The VPC's name, the network's name, or (port) the server whose first port it watches. */
  resource: name,
  trafficType: z.enum(['all', 'accept', 'reject']).default('all'),
  status: z.enum(['ACTIVE', 'DOWN', 'ERROR']).default('ACTIVE'),
  adminState: z.boolean().default(true),
  createdAt: WorldTime.default('now'),
})

/** A listener of a load balancer (otc-api-platform.md §3.3, §3.6; Octavia). */
const ElbListener = z.strictObject({
  name,
  protocol: z.enum(['TCP', 'UDP', 'HTTP', 'HTTPS', 'TERMINATED_HTTPS']),
  port: z.int().min(1).max(65535),
  /** System policy (`tls-1-0` … `tls-1-2-strict`); unset: the service's default `tls-1-0`. */
  tlsPolicy: z.string().optional(),
  /** A custom policy of `elbSecurityPolicies` (v3 only). */
  securityPolicy: name.optional(),
  /** Octavia 2.17+: `TLSv1` … `TLSv1.3`; unset: not reported (older Octavia). */
  tlsVersions: z.array(z.string()).optional(),
  certificate: name.optional(),
  /** An L7 policy redirecting every request: to this listener (REDIRECT_TO_LISTENER) … */
  redirectTo: name.optional(),
  /** … to a URL (REDIRECT_TO_URL) … */
  redirectUrl: z.string().optional(),
  /** … or to a prefix (Octavia REDIRECT_PREFIX). */
  redirectPrefix: z.string().optional(),
})

/**
 * A load balancer: `dedicated` (ELB v3), `shared` (OTC `/v2.0/lbaas`) or `octavia` (a plain
 * OpenStack's `/v2/lbaas`); `public` binds an EIP (v3: `eips`; the others: a floating IP on the
 * VIP port).
 */
const LoadBalancer = z.strictObject({
  name,
  id: id.optional(),
  project: name.optional(),
  kind: z.enum(['dedicated', 'shared', 'octavia']).optional(),
  public: z.boolean().default(false),
  listeners: z.array(ElbListener).default([]),
  createdAt: WorldTime.default('now'),
})

/** A certificate kept by ELB (v3 `dedicated` or v2.0 `shared`). */
const ElbCertificate = z.strictObject({
  name,
  id: id.optional(),
  project: name.optional(),
  kind: z.enum(['dedicated', 'shared']).default('dedicated'),
  type: z.enum(['server', 'client']).default('server'),
  domain: z.string().optional(),
  expires: WorldTime,
  createdAt: WorldTime.default('-300d'),
})

/** A custom TLS security policy (v3 `security-policies`). */
const ElbSecurityPolicy = z.strictObject({
  name,
  id: id.optional(),
  project: name.optional(),
  protocols: z.array(z.enum(['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'])).min(1),
})

/** A worker node of a CCE cluster (otc-api-platform.md §4.2). */
const CceNode = z.strictObject({
  name,
  /** `spec.os` as CCE names it: `HCE OS 2.0`, `Ubuntu 22.04`, `EulerOS 2.9`, `CentOS 7.6`, … */
  os: text.default('HCE OS 2.0'),
  flavor: text.default('s3.large.2'),
  phase: z.enum(['Active', 'Build', 'Installing', 'Abnormal', 'Deleting']).default('Active'),
  /** An EIP on the node (`status.publicIP`). */
  publicIp: z.string().optional(),
  createdAt: WorldTime.default('now'),
})

/** A CCE cluster and its nodes (otc-api-platform.md §4.1). */
const CceCluster = z.strictObject({
  name,
  id: id.optional(),
  project: name.optional(),
  /** `spec.version`: `vX.Y.Z-rN`. */
  version: z
    .string()
    .regex(/^v\d+\.\d+\.\d+-r\d+$/, 'expected a CCE version like v1.31.4-r0')
    .default('v1.31.4-r0'),
  category: z.enum(['CCE', 'Turbo']).default('CCE'),
  flavor: text.default('cce.s2.small'),
  phase: z
    .enum(['Available', 'Unavailable', 'Creating', 'Upgrading', 'Deleting', 'Empty'])
    .default('Available'),
  /** The node subnet (a network of this world); absent: a made-up one. */
  network: name.optional(),
  /** An EIP bound to the master: `true` (an address is made up) or the address. */
  publicApi: z.union([z.boolean(), z.ipv4()]).default(false),
  /**
   * The shape of `status.endpoints`: OTC's object, Huawei's `[{url, type}]` or the OTC doc
   * sample's `[{"Internal": url}]`; absent: the three in turn, by the cluster's position.
   */
  endpointStyle: z.enum(['otc', 'huawei', 'otc-doc']).optional(),
  /** The nodes list of this cluster answers with this error status (a per-cluster failure). */
  nodesError: z.union([z.literal(403), z.literal(404), z.literal(500)]).optional(),
  nodes: z.array(CceNode).default([]),
  createdAt: WorldTime.default('now'),
})

/** One service's versions: a non-empty list without repeats. */
const versionList = <const V extends readonly [string, ...string[]]>(versions: V) =>
  z
    .array(z.enum(versions))
    .min(1, 'expected at least one version (a region serves the service in some version)')
    .refine((l) => new Set(l).size === l.length, 'expected each version once')
    .optional()

/**
 * Which API versions are served, per service read in several (otc-api-platform.md §10): Cloud Eye
 * alarm rules (`ces`: v1, v2), CTS trackers (`cts`: v1, v3), EVS/Cinder (`volume`: v2, v3), Nova
 * (`compute`: v2.1, v2). A service left out keeps the cloud's default (OTC: all; openstack:
 * volume v3 only).
 */
const ApiVersions = z.strictObject({
  compute: versionList(SERVICE_VERSIONS.compute),
  ces: versionList(SERVICE_VERSIONS.ces),
  cts: versionList(SERVICE_VERSIONS.cts),
  volume: versionList(SERVICE_VERSIONS.volume),
  elb: versionList(SERVICE_VERSIONS.elb),
})
export type ApiVersionsInput = z.output<typeof ApiVersions>

/** Settings of one region (the region of the projects named after it). */
const Region = z.strictObject({
  apiVersions: ApiVersions.prefault({}),
  /** Regional services this region does not offer (OTC: no CTS in eu-nl); not in its catalog. */
  missingServices: z
    .array(z.enum(REGIONAL_SERVICES))
    .refine((l) => new Set(l).size === l.length, 'expected each service once')
    .default([]),
})

/**
 * What kind of cloud a world looks like. `otc` (default): Open Telekom Cloud, every OTC service in
 * the catalog. `openstack`: a plain OpenStack (as test/openstack's Zed devcloud): Keystone, Nova,
 * Glance, Neutron and Cinder v3 only; no CBR, Cloud Eye, CTS, RDS, no OTC-only catalog types, no
 * IAM `/v3.0` extensions (404 as on Keystone), no domain-scoped tokens for project users (401),
 * no Cinder v2 (404), plain Glance images, and bound floating IPs stay `DOWN` (no L3 agent).
 */
export const CLOUD_KINDS = ['otc', 'openstack'] as const
export type CloudKind = (typeof CLOUD_KINDS)[number]

/** A whole world file. */
export const WorldFile = z.strictObject({
  name: text,
  description: z.string().default(''),
  cloud: z.enum(CLOUD_KINDS).default('otc'),
  /** Relative times count from here; defaults to the time the world is loaded. */
  now: WorldTime.optional(),
  /** API versions every region serves (default: the cloud's, see {@link ApiVersions}). */
  apiVersions: ApiVersions.prefault({}),
  /** Per region (`eu-de`, `eu-ch2`): what differs from the world's defaults. */
  regions: z.record(z.string(), Region).default({}),
  /**
   * Whether Keystone re-scopes a scoped token (`methods: ["token"]`), as its default
   * `allow_rescope_scoped_token` does; `false` answers 403 (for a client's fallback path).
   */
  allowTokenRescope: z.boolean().default(true),
  domain: Domain,
  projects: z.array(Project).min(1, 'expected at least one project'),
  groups: z.array(Group).default([]),
  users: z.array(User).default([]),
  applicationCredentials: z.array(ApplicationCredential).default([]),
  agencies: z.array(Agency).default([]),
  flavors: z.array(Flavor).default([]),
  images: z.array(Image).default([]),
  keyPairs: z.array(KeyPair).default([]),
  networks: z.array(Network).default([]),
  securityGroups: z.array(SecurityGroup).default([]),
  servers: z.array(Server).default([]),
  volumes: z.array(Volume).default([]),
  volumeBackups: z.array(VolumeBackup).default([]),
  floatingIps: z.array(FloatingIp).default([]),
  vaults: z.array(Vault).default([]),
  backupPolicies: z.array(BackupPolicy).default([]),
  backups: z.array(Backup).default([]),
  alarms: z.array(Alarm).default([]),
  trackers: z.array(Tracker).default([]),
  rdsInstances: z.array(RdsInstance).default([]),
  rdsBackups: z.array(RdsBackup).default([]),
  buckets: z.array(Bucket).default([]),
  kmsKeys: z.array(KmsKey).default([]),
  dcsInstances: z.array(DcsInstance).default([]),
  flowLogs: z.array(FlowLog).default([]),
  loadBalancers: z.array(LoadBalancer).default([]),
  elbCertificates: z.array(ElbCertificate).default([]),
  elbSecurityPolicies: z.array(ElbSecurityPolicy).default([]),
  cceClusters: z.array(CceCluster).default([]),
})

/** A world file as written (before defaults). */
export type WorldFileInput = z.input<typeof WorldFile>
/** A validated world file, defaults applied. */
export type WorldFileData = z.output<typeof WorldFile>
