/**
 * Builders for tests: each returns a valid resource with sensible defaults, overridden by the
 * fields given (`server({ keyName: null })`). Ids are `<prefix>-<n>`, counted per type. Times
 * default to shortly before {@link NOW}.
 * @module
 */
import { parseImageLineage } from './image-lineage.ts'
import { Inventory, type InventoryInput } from './inventory.ts'
import {
  type AnyResource,
  type CbrBackup,
  type CbrPolicy,
  type CbrVault,
  type CceCluster,
  type CceNode,
  type CesAlarm,
  type CollectionIssue,
  type CtsTracker,
  type DcsInstance,
  type EcsServer,
  type ElbCertificate,
  type ElbListener,
  type ElbLoadBalancer,
  type EvsBackup,
  type EvsVolume,
  GLOBAL_REGION,
  type IamAccessKey,
  type IamPasswordPolicy,
  type IamUser,
  type ImsImage,
  type KmsKey,
  type NovaKeypair,
  type ObsBucket,
  type Project,
  type RdsInstance,
  RESOURCE_TYPES,
  type ResourceType,
  type SecurityGroup,
  type SecurityGroupRule,
  type Vpc,
  type VpcEip,
  type VpcPort,
} from './types.ts'

/** The fixed "now" of tests. */
export const NOW = new Date('2026-06-01T12:00:00Z')
/** Region of built resources. */
export const REGION = 'eu-de'
/** Project id of built resources. */
export const PROJECT_ID = 'p-0391e4486e86'

/** ISO time `n` days before `from`. */
export function daysAgo(n: number, from: Date = NOW): string {
  return new Date(from.getTime() - n * 86_400_000).toISOString()
}

/** ISO time `n` hours before `from`. */
export function hoursAgo(n: number, from: Date = NOW): string {
  return new Date(from.getTime() - n * 3_600_000).toISOString()
}

const counters = new Map<string, number>()
function nextId(prefix: string): string {
  const n = (counters.get(prefix) ?? 0) + 1
  counters.set(prefix, n)
  return `${prefix}-${n}`
}

type Over<T> = Partial<Omit<T, 'type'>>

function base<T extends string>(type: T, prefix: string, o: { id?: string; name?: string }) {
  const id = o.id ?? nextId(prefix)
  return { type, id, name: o.name ?? id, region: REGION, projectId: PROJECT_ID }
}

/** A project (the resource of project-wide checks). */
export const project = (o: Over<Project> = {}): Project => ({
  ...base('project', 'project', { id: PROJECT_ID, name: 'eu-de_demo', ...o }),
  domainId: 'd-1',
  ...o,
})

/** A public dedicated load balancer (EIP 80.158.9.9) with listener `lsn-1`. */
export const loadBalancer = (o: Over<ElbLoadBalancer> = {}): ElbLoadBalancer => ({
  ...base('elb.loadbalancer', 'lb', o),
  api: 'dedicated',
  vipAddress: '192.168.1.10',
  vipPortId: 'vip-port-1',
  publicIps: ['80.158.9.9'],
  listenerIds: ['lsn-1'],
  provisioningStatus: 'ACTIVE',
  ...o,
})

/** An HTTPS listener on `lb-1` admitting TLS 1.2 only, no redirects. */
export const listener = (o: Over<ElbListener> = {}): ElbListener => ({
  ...base('elb.listener', 'lsn', o),
  api: 'dedicated',
  loadBalancerIds: ['lb-1'],
  protocol: 'HTTPS',
  port: 443,
  tlsPolicy: 'tls-1-2',
  securityPolicyId: null,
  tlsVersions: ['TLSv1.2'],
  tlsVersionsSource: 'system policy tls-1-2',
  redirects: [],
  certificateRefs: ['cert-1'],
  ...o,
})

/** A server certificate valid until 2031 (NOW is June 2026). */
export const elbCertificate = (o: Over<ElbCertificate> = {}): ElbCertificate => ({
  ...base('elb.certificate', 'cert', o),
  api: 'dedicated',
  certType: 'server',
  domain: 'www.example.test',
  expiresAt: '2031-01-01T00:00:00.000Z',
  ...o,
})

/** A running server with a key pair and no links. */
export const server = (o: Over<EcsServer> = {}): EcsServer => ({
  ...base('ecs.server', 'srv', o),
  status: 'ACTIVE',
  createdAt: daysAgo(30),
  imageId: null,
  imageName: null,
  osType: 'Linux',
  flavor: 's3.large.2',
  portIds: [],
  securityGroupIds: [],
  publicIps: [],
  volumeIds: [],
  keyName: 'KeyPair-1',
  cbrVaultIds: [],
  alarmIds: [],
  ...o,
})

/** A public `Standard_Ubuntu_24.04_latest` image; the lineage follows the name unless given. */
export const image = (o: Over<ImsImage> = {}): ImsImage => {
  const name = o.name ?? 'Standard_Ubuntu_24.04_latest'
  return {
    ...base('ims.image', 'img', { ...o, name }),
    status: 'active',
    osVersion: 'Ubuntu 24.04 server 64bit',
    platform: 'Ubuntu',
    imageType: 'gold',
    visibility: 'public',
    createdAt: daysAgo(20),
    lineage: parseImageLineage(name),
    ...o,
  }
}

/** An ingress TCP rule from 10.0.0.0/8 on port 443. */
export const rule = (o: Partial<SecurityGroupRule> = {}): SecurityGroupRule => ({
  id: nextId('rule'),
  direction: 'ingress',
  ethertype: 'IPv4',
  protocol: 'tcp',
  portRangeMin: 443,
  portRangeMax: 443,
  remoteIpPrefix: '10.0.0.0/8',
  remoteGroupId: null,
  action: 'allow',
  ...o,
})

/** A security group without rules. */
export const securityGroup = (o: Over<SecurityGroup> = {}): SecurityGroup => ({
  ...base('vpc.security-group', 'sg', o),
  description: '',
  rules: [],
  ...o,
})

/** A port without device. */
export const port = (o: Over<VpcPort> = {}): VpcPort => ({
  ...base('vpc.port', 'port', o),
  deviceId: null,
  deviceOwner: null,
  fixedIps: ['192.168.0.10'],
  securityGroupIds: [],
  portSecurityEnabled: true,
  ...o,
})

/** An unbound EIP. */
export const eip = (o: Over<VpcEip> = {}): VpcEip => ({
  ...base('vpc.eip', 'eip', o),
  address: '80.158.0.1',
  status: 'DOWN',
  portId: null,
  ...o,
})

/** An encrypted, unattached data volume. */
export const volume = (o: Over<EvsVolume> = {}): EvsVolume => ({
  ...base('evs.volume', 'vol', o),
  status: 'available',
  sizeGb: 40,
  bootable: false,
  encrypted: true,
  kmsKeyId: 'kms-1',
  attachments: [],
  imageMetadata: null,
  createdAt: daysAgo(30),
  cbrVaultIds: [],
  ...o,
})

/** An available Cinder backup made an hour ago. */
export const evsBackup = (o: Over<EvsBackup> = {}): EvsBackup => ({
  ...base('evs.backup', 'evsbk', o),
  volumeId: 'vol-x',
  status: 'available',
  createdAt: hoursAgo(1),
  ...o,
})

/** An empty server-backup vault. */
export const vault = (o: Over<CbrVault> = {}): CbrVault => ({
  ...base('cbr.vault', 'vault', o),
  resourceType: 'server',
  resourceIds: [],
  policyIds: [],
  status: 'available',
  ...o,
})

/** An enabled daily backup policy keeping 30 days, for no vault yet. */
export const policy = (o: Over<CbrPolicy> = {}): CbrPolicy => ({
  ...base('cbr.policy', 'policy', o),
  enabled: true,
  operationType: 'backup',
  vaultIds: [],
  retention: { days: 30, count: null },
  schedule: ['FREQ=DAILY;INTERVAL=1;BYHOUR=2;BYMINUTE=00'],
  ...o,
})

/** An available server backup made an hour ago. */
export const cbrBackup = (o: Over<CbrBackup> = {}): CbrBackup => ({
  ...base('cbr.backup', 'backup', o),
  resourceId: 'srv-x',
  resourceType: 'OS::Nova::Server',
  vaultId: 'vault-x',
  status: 'available',
  createdAt: hoursAgo(1),
  ...o,
})

/** An enabled SYS.ECS alarm that notifies one SMN topic and watches nothing yet. */
export const alarm = (o: Over<CesAlarm> = {}): CesAlarm => ({
  ...base('ces.alarm', 'alarm', o),
  enabled: true,
  namespace: 'SYS.ECS',
  resourceIds: [],
  allResources: false,
  actions: { notificationEnabled: true, targets: ['urn:smn:eu-de:p:ops'] },
  ...o,
})

/** The enabled management tracker. */
export const tracker = (o: Over<CtsTracker> = {}): CtsTracker => ({
  ...base('cts.tracker', 'tracker', { name: 'system', ...o }),
  trackerType: 'system',
  status: 'enabled',
  ...o,
})

/** An enabled console user with virtual MFA who logged in yesterday. */
export const user = (o: Over<IamUser> = {}): IamUser => ({
  ...base('iam.user', 'user', o),
  region: GLOBAL_REGION,
  enabled: true,
  consoleAccess: true,
  createdAt: daysAgo(400),
  lastLoginAt: daysAgo(1),
  mfa: true,
  loginProtection: false,
  isDomainOwner: false,
  ...o,
})

/** An active access key created 10 days ago and used yesterday. */
export const accessKey = (o: Over<IamAccessKey> = {}): IamAccessKey => ({
  ...base('iam.access-key', 'AK', o),
  region: GLOBAL_REGION,
  userId: 'user-x',
  status: 'active',
  createdAt: daysAgo(10),
  lastUsedAt: daysAgo(1),
  ...o,
})

/** A password policy of length 12 with 3 character types. */
export const passwordPolicy = (o: Over<IamPasswordPolicy> = {}): IamPasswordPolicy => ({
  ...base('iam.password-policy', 'pwpolicy', { name: 'password-policy', ...o }),
  region: GLOBAL_REGION,
  minimumLength: 12,
  charTypes: 3,
  validityDays: 90,
  recentPasswordsDisallowed: 3,
  ...o,
})

/** A private, encrypted MySQL 8.0 instance keeping backups 7 days. */
export const rdsInstance = (o: Over<RdsInstance> = {}): RdsInstance => ({
  ...base('rds.instance', 'rds', o),
  status: 'ACTIVE',
  engine: 'MySQL',
  engineVersion: '8.0',
  publicIps: [],
  backupKeepDays: 7,
  encrypted: true,
  kmsKeyId: 'kms-key-1',
  ...o,
})

/** A private bucket: no public grant or policy, KMS-encrypted, versioned, logged. */
export const obsBucket = (o: Over<ObsBucket> = {}): ObsBucket => ({
  ...base('obs.bucket', 'bucket', o),
  createdAt: '2025-01-10T08:00:00.000Z',
  publicGrants: [],
  publicPolicyStatements: [],
  defaultEncryption: { algorithm: 'kms', kmsKeyId: null },
  versioning: 'Enabled',
  logging: { targetBucket: 'logs', targetPrefix: 'bucket/' },
  ...o,
})

/** An enabled customer master key (AES-256, made by KMS) rotating yearly. */
export const kmsKey = (o: Over<KmsKey> = {}): KmsKey => ({
  ...base('kms.key', 'key', o),
  alias: 'app-data',
  state: 'enabled',
  isDefault: false,
  origin: 'kms',
  keySpec: 'AES_256',
  rotatable: true,
  rotationEnabled: true,
  rotationIntervalDays: 365,
  ...o,
})

/** A running Redis instance with a password and a whitelist of one subnet. */
export const dcsInstance = (o: Over<DcsInstance> = {}): DcsInstance => ({
  ...base('dcs.instance', 'dcs', o),
  engine: 'Redis',
  engineVersion: '6.0',
  status: 'RUNNING',
  passwordFree: false,
  whitelistEnabled: true,
  whitelist: ['192.168.1.0/24'],
  ...o,
})

/** An available CCE cluster on Kubernetes 1.31 reachable only inside its VPC. */
export const cceCluster = (o: Over<CceCluster> = {}): CceCluster => ({
  ...base('cce.cluster', 'cluster', o),
  version: 'v1.31.4-r0',
  platformVersion: 'cce.6.0',
  category: 'CCE',
  flavor: 'cce.s2.small',
  phase: 'Available',
  createdAt: '2025-08-01T08:00:00.000Z',
  vpcId: 'vpc-1',
  subnetId: 'net-1',
  internalEndpoints: ['https://192.168.0.68:5443'],
  externalEndpoints: [],
  externalIp: null,
  gatewayEndpoints: [],
  ...o,
})

/** An active node on HCE OS 2.0 of cluster `cluster-1`. */
export const cceNode = (o: Over<CceNode> = {}): CceNode => ({
  ...base('cce.node', 'node', o),
  clusterId: 'cluster-1',
  clusterName: 'cluster-1',
  os: 'HCE OS 2.0',
  flavor: 's3.large.2',
  az: 'eu-de-01',
  phase: 'Active',
  serverId: 'server-9',
  privateIp: '192.168.1.23',
  publicIp: null,
  createdAt: '2025-08-01T09:00:00.000Z',
  ...o,
})

/** A VPC of one subnet with an active flow log on the VPC. */
export const vpc = (o: Over<Vpc> = {}): Vpc => {
  const b = base('vpc.vpc', 'vpc', o)
  return {
    ...b,
    cidr: '192.168.0.0/16',
    status: 'OK',
    subnetIds: ['net-1'],
    flowLogs: [
      { id: 'fl-1', resourceType: 'vpc', resourceId: b.id, trafficType: 'all', active: true },
    ],
    ...o,
  }
}

/** An SSH key pair. */
export const keypair = (o: Over<NovaKeypair> = {}): NovaKeypair => ({
  ...base('nova.keypair', 'KeyPair', o),
  fingerprint: '15:b0:f8:b3',
  keyType: 'ssh',
  ...o,
})

/**
 * An inventory of the given resources in which every type was collected completely, unless
 * `issues`, `unavailable` or `collected` say otherwise.
 */
export function inventory(
  resources: readonly AnyResource[] = [],
  opts: Partial<Omit<InventoryInput, 'resources'>> = {},
): Inventory {
  return new Inventory({ collected: RESOURCE_TYPES, ...opts, resources })
}

/** A collection issue for a type (a 403 in {@link REGION} by default). */
export function issue(
  resourceType: ResourceType,
  o: Partial<Omit<CollectionIssue, 'resourceType'>> = {},
): CollectionIssue {
  return {
    service: 'test',
    resourceType,
    region: REGION,
    errorKind: 'forbidden',
    message: `403 Forbidden listing ${resourceType}`,
    ...o,
  }
}
