/**
 * The resolved world the emulator serves: every reference replaced by an id, every time an
 * epoch in milliseconds, every default applied. Services render these records in their own wire
 * format; nothing here knows about HTTP.
 * @module
 */
import type { ApiVersionsConfig } from './api-versions.ts'
import type { MissingServices } from './regional-services.ts'

export interface Domain {
  id: string
  name: string
  /** `xdomain_id` in tokens: the digits of the account name. */
  xdomainId: string
  passwordPolicy: {
    minimumPasswordLength: number
    maximumPasswordLength: number
    passwordCharCombination: number
    minimumPasswordAge: number
    passwordValidityPeriod: number
    numberOfRecentPasswordsDisallowed: number
    maximumConsecutiveIdenticalChars: number
    passwordNotUsernameOrInvert: boolean
  }
  loginPolicy: {
    accountValidityPeriod: number
    customInfoForLogin: string
    lockoutDuration: number
    loginFailedTimes: number
    periodWithLoginFailures: number
    sessionTimeout: number
    showRecentLoginInfo: boolean
  }
  protectPolicy: { operationProtection: boolean }
}

export interface Project {
  id: string
  name: string
  /** Its home region: OTC's from the name; where its resources are unless they say otherwise. */
  region: string
  /**
   * The regions it can be used in, home first: on OTC only its own; on a plain OpenStack every
   * region of the cloud (its catalog lists endpoints in each).
   */
  regions: string[]
  description: string
}

export interface Group {
  id: string
  name: string
  description: string
  createdAt: number
}

export interface AccessKey {
  access: string
  secret: string
  status: 'active' | 'inactive'
  createdAt: number
  lastUsed: number | null
  description: string
}

export interface User {
  id: string
  name: string
  password: string | undefined
  enabled: boolean
  description: string
  email: string
  accessMode: 'default' | 'programmatic' | 'console'
  isDomainOwner: boolean
  createdAt: number
  lastLogin: number | null
  passwordExpiresAt: number | null
  mustChangePassword: boolean
  /** Serial number of the bound virtual MFA device, or null. */
  mfaSerial: string | null
  loginProtection: { enabled: boolean; method: 'vmfa' | 'sms' | 'email' | 'none' } | null
  accessKeys: AccessKey[]
  groupIds: string[]
  /** The projects the user has a role in (may scope a token to), in world order. */
  projectIds: string[]
  deny: string[]
}

export interface ApplicationCredential {
  id: string
  name: string
  userId: string
  projectId: string
  secret: string
  description: string
  expiresAt: number | null
}

export interface Agency {
  id: string
  name: string
  trustDomainId: string
  trustDomainName: string
  duration: string | null
  description: string
  createdAt: number
}

export interface Flavor {
  id: string
  name: string
  vcpus: number
  ram: number
  disk: number
}

export interface Image {
  id: string
  name: string
  /** Owner project id; the provider's for public images. */
  owner: string
  /** IMS `__os_version`; null on a plain Glance image. */
  osVersion: string | null
  /** IMS `__platform`; null on a plain Glance image. */
  platform: string | null
  /** Glance's standard `os_distro` / `os_version`, or null. */
  osDistro: string | null
  osDistroVersion: string | null
  osType: string
  osBit: string
  imageType: 'gold' | 'private' | 'shared'
  visibility: 'public' | 'private' | 'shared' | 'community'
  status: string
  protected: boolean
  createdAt: number
  minDisk: number
  minRam: number
  diskFormat: string
}

export interface KeyPair {
  name: string
  id: number
  userId: string
  type: 'ssh' | 'x509'
  createdAt: number
  publicKey: string
  fingerprint: string
}

export interface Network {
  id: string
  projectId: string
  /** The region it lives in (one of its project's regions). */
  region: string
  name: string
  subnetId: string
  vpcId: string
  /** The VPC's name (the file's `vpc`, default the network's name). */
  vpcName: string
  cidr: string
  gateway: string
  createdAt: number
}

export interface SecurityGroupRule {
  id: string
  securityGroupId: string
  projectId: string
  direction: 'ingress' | 'egress'
  ethertype: 'IPv4' | 'IPv6'
  /** null = any protocol */
  protocol: string | null
  portMin: number | null
  portMax: number | null
  remoteIpPrefix: string | null
  remoteGroupId: string | null
  description: string | null
  createdAt: number
}

export interface SecurityGroup {
  id: string
  projectId: string
  /** The region it lives in (one of its project's regions). */
  region: string
  name: string
  description: string
  createdAt: number
  rules: SecurityGroupRule[]
}

export interface Port {
  id: string
  projectId: string
  /** The region it lives in (one of its project's regions). */
  region: string
  networkId: string
  subnetId: string
  serverId: string
  az: string
  ip: string
  mac: string
  securityGroupIds: string[]
  createdAt: number
}

export interface Server {
  id: string
  projectId: string
  /** The region it lives in (one of its project's regions). */
  region: string
  name: string
  az: string
  flavorId: string
  imageId: string
  /** Booted from a volume (Nova reports `image: ""`). */
  bootFromVolume: boolean
  keyName: string | null
  userId: string
  portIds: string[]
  status: string
  metadata: Record<string, string>
  tags: string[]
  description: string
  createdAt: number
}

export interface Volume {
  id: string
  projectId: string
  /** The region it lives in (one of its project's regions). */
  region: string
  name: string
  size: number
  type: string
  az: string
  bootable: boolean
  imageId: string | null
  encrypted: boolean
  kmsKeyId: string | null
  attachment: { serverId: string; device: string; attachedAt: number } | null
  status: string
  multiattach: boolean
  metadata: Record<string, string>
  tags: Record<string, string>
  createdAt: number
}

export interface VolumeBackup {
  id: string
  projectId: string
  /** The region it lives in (one of its project's regions). */
  region: string
  name: string
  volumeId: string
  size: number
  az: string
  status: string
  createdAt: number
}

export interface FloatingIp {
  id: string
  projectId: string
  /** The region it lives in (one of its project's regions). */
  region: string
  address: string
  portId: string | null
  bandwidth: number
  createdAt: number
}

export interface VaultResource {
  id: string
  name: string
  type: 'OS::Nova::Server' | 'OS::Cinder::Volume'
  size: number
}

export interface Vault {
  id: string
  projectId: string
  name: string
  type: 'server' | 'disk'
  size: number
  resources: VaultResource[]
  autoBind: boolean
  createdAt: number
}

export interface BackupPolicy {
  id: string
  projectId: string
  name: string
  enabled: boolean
  retentionDays: number
  maxBackups: number
  schedule: string[]
  vaultIds: string[]
  createdAt: number
}

export interface Backup {
  id: string
  projectId: string
  name: string
  checkpointId: string
  vaultId: string
  resource: VaultResource & { az: string }
  status: string
  auto: boolean
  createdAt: number
  expiresAt: number | null
}

export interface Alarm {
  id: string
  projectId: string
  name: string
  namespace: string
  metric: string
  dimensions: { name: string; value: string }[]
  enabled: boolean
  actionsEnabled: boolean
  notifications: string[]
  level: number
  state: string
  comparison: string
  threshold: number
  unit: string
  updatedAt: number
}

export interface Tracker {
  id: string
  projectId: string
  name: string
  status: 'enabled' | 'disabled' | 'error'
  bucket: string
  lts: boolean
  validateFiles: boolean
  createdAt: number
}

export interface RdsInstance {
  id: string
  projectId: string
  name: string
  engine: 'MySQL' | 'PostgreSQL' | 'SQLServer'
  version: string
  type: 'Single' | 'Ha' | 'Replica'
  status: string
  az: string
  vpcId: string
  subnetId: string
  securityGroupId: string
  privateIp: string
  publicIp: string | null
  port: number
  keepDays: number
  backupWindow: string
  ssl: boolean
  encryptionKeyId: string
  flavor: string
  volume: { type: string; size: number }
  createdAt: number
}

export interface RdsBackup {
  id: string
  projectId: string
  instanceId: string
  name: string
  type: string
  status: string
  size: number
  engine: string
  version: string
  beginAt: number
  endAt: number
}

/** A public group or the owner, as a bucket ACL grants to it (otc-api-platform.md §2.11). */
export type BucketGrantee = 'owner' | 'everyone' | 'authenticated' | 'log-delivery'

/** One statement of a bucket policy, abstract: rendered in the request's dialect. */
export interface BucketPolicyStatement {
  sid: string
  effect: 'Allow' | 'Deny'
  /** `*` = anyone; else a domain id (the statement is for that account). */
  principal: string
  actions: string[]
  /** Narrowing conditions (none = unconditional). */
  sourceIps: string[]
  referers: string[]
  secureTransport: boolean | null
}

/** An OBS bucket (account-wide name, one region). */
export interface Bucket {
  name: string
  /** The region's main project (buckets belong to the account). */
  projectId: string
  region: string
  grants: { grantee: BucketGrantee; permission: string }[]
  /** Null: no policy (404 NoSuchBucketPolicy). */
  policy: BucketPolicyStatement[] | null
  /** Null: no default encryption (404 NoSuchEncryptionConfiguration). */
  encryption: { algorithm: 'kms' | 'AES256'; keyId: string | null } | null
  /** Null: never enabled. */
  versioning: 'Enabled' | 'Suspended' | null
  logging: { targetBucket: string; prefix: string } | null
  createdAt: number
}

/** A KMS key. */
export interface KmsKey {
  id: string
  projectId: string
  alias: string
  /** KMS `key_state`: 1 pending activation, 2 enabled, 3 disabled, 4 scheduled deletion, 5 pending import. */
  state: '1' | '2' | '3' | '4' | '5'
  origin: 'kms' | 'external'
  spec: string
  isDefault: boolean
  rotation: boolean
  rotationInterval: number
  rotations: number
  createdAt: number
}

/** A DCS (Redis) instance and its IP whitelist. */
export interface DcsInstance {
  id: string
  projectId: string
  name: string
  version: string
  status: string
  passwordFree: boolean
  whitelistEnabled: boolean
  whitelist: { name: string; ips: string[] }[]
  az: string
  ip: string
  vpcId: string
  subnetId: string
  securityGroupId: string
  createdAt: number
}

/** A VPC flow log (VPC API v1) on a VPC, a subnet (`network`) or a port. */
export interface FlowLog {
  id: string
  projectId: string
  name: string
  resourceType: 'vpc' | 'network' | 'port'
  resourceId: string
  trafficType: 'all' | 'accept' | 'reject'
  status: 'ACTIVE' | 'DOWN' | 'ERROR'
  adminState: boolean
  createdAt: number
}

/** A listener of an emulated load balancer, its references resolved to ids. */
export interface ElbListener {
  id: string
  name: string
  protocol: string
  port: number
  tlsPolicy: string | null
  securityPolicyId: string | null
  tlsVersions: string[] | null
  certificateId: string | null
  redirect: { policyId: string; action: string; listenerId?: string; url?: string } | null
}

/** A load balancer: OTC dedicated (v3) or shared (v2.0), or Octavia. */
export interface LoadBalancer {
  id: string
  projectId: string
  name: string
  kind: 'dedicated' | 'shared' | 'octavia'
  vipAddress: string
  vipPortId: string
  /** The EIP of a public dedicated load balancer (shared/Octavia: a floating IP on the VIP port). */
  eip: { id: string; address: string } | null
  listeners: ElbListener[]
  createdAt: number
}

/** A certificate kept by ELB. */
export interface ElbCertificate {
  id: string
  projectId: string
  name: string
  kind: 'dedicated' | 'shared'
  type: 'server' | 'client'
  domain: string | null
  expires: number
  createdAt: number
}

/** A custom TLS security policy. */
export interface ElbSecurityPolicy {
  id: string
  projectId: string
  name: string
  protocols: string[]
}

/** A CCE worker node (an ECS server in reality; not listed by the emulated ECS). */
export interface CceNode {
  id: string
  name: string
  os: string
  flavor: string
  az: string
  phase: string
  serverId: string
  privateIp: string
  publicIp: string | null
  createdAt: number
}

/** A CCE cluster with its nodes. */
export interface CceCluster {
  id: string
  projectId: string
  name: string
  version: string
  category: 'CCE' | 'Turbo'
  flavor: string
  phase: string
  vpcId: string
  subnetId: string
  securityGroupId: string
  /** The API server's address inside the VPC. */
  internalIp: string
  /** The master's EIP, or null. */
  publicIp: string | null
  endpointStyle: 'otc' | 'huawei' | 'otc-doc'
  /** The status the nodes list answers with, or null (it answers). */
  nodesError: 403 | 404 | 500 | null
  nodes: CceNode[]
  createdAt: number
}

/** One emulated account, ready to serve. */
export interface World {
  name: string
  description: string
  /** Open Telekom Cloud, or a plain OpenStack (see `CLOUD_KINDS` in schema.ts). */
  cloud: 'otc' | 'openstack'
  /** The instant relative times were counted from. */
  now: number
  /**
   * Every region of the world, in order: the projects' regions (and, on a plain OpenStack, the
   * further ones `regions:` names). The first is served without a region path prefix.
   */
  regions: string[]
  /** The API versions each region serves, for reads offered in several (see `api-versions.ts`). */
  apiVersions: ApiVersionsConfig
  /** Regional services a region does not offer (see `regional-services.ts`). */
  missingServices: MissingServices
  /** Keystone re-scopes scoped tokens (`methods: ["token"]`); else 403. */
  allowTokenRescope: boolean
  domain: Domain
  projects: Project[]
  groups: Group[]
  users: User[]
  applicationCredentials: ApplicationCredential[]
  agencies: Agency[]
  flavors: Flavor[]
  images: Image[]
  keyPairs: KeyPair[]
  networks: Network[]
  securityGroups: SecurityGroup[]
  ports: Port[]
  servers: Server[]
  volumes: Volume[]
  volumeBackups: VolumeBackup[]
  floatingIps: FloatingIp[]
  vaults: Vault[]
  backupPolicies: BackupPolicy[]
  backups: Backup[]
  alarms: Alarm[]
  trackers: Tracker[]
  rdsInstances: RdsInstance[]
  rdsBackups: RdsBackup[]
  buckets: Bucket[]
  kmsKeys: KmsKey[]
  dcsInstances: DcsInstance[]
  loadBalancers: LoadBalancer[]
  elbCertificates: ElbCertificate[]
  elbSecurityPolicies: ElbSecurityPolicy[]
  flowLogs: FlowLog[]
  cceClusters: CceCluster[]
}

/** The project that owns public (gold) images. */
export const PUBLIC_IMAGE_OWNER = '1bed856811654c1cb661a6ca845ebc77'
