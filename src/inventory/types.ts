/**
 * The normalised inventory: one camelCase interface per resource type, keyed by type name in
 * {@link ResourceMap}. Collectors turn wire objects into these; checks read only these.
 *
 * Conventions: `null` means "the API did not tell us" (unknown), never "no"; times are ISO 8601
 * UTC strings; ids are the cloud's own ids. Fields marked *derived* are filled by the
 * {@link Inventory} from the other side of the link, so a collector may leave them empty.
 * @module
 */
import type { Tags } from './tags.ts'

/** Region value of account-wide resources (IAM). */
export const GLOBAL_REGION = 'global'

/**
 * Fields every resource has. Only normalised fields are kept, never the wire object: what a check
 * or report does not read is not held for 70k resources (docs/benchmark.md).
 */
export interface ResourceBase<T extends string> {
  readonly type: T
  readonly id: string
  readonly name: string
  readonly region: string
  readonly projectId?: string
  /** The resource's tags, where the API sends them (tags.ts); the mutelist matches them. */
  readonly tags?: Tags
}

/** The project (tenant) in one region: the resource that project-wide checks evaluate. */
export interface Project extends ResourceBase<'project'> {
  readonly domainId: string | null
}

/** An ECS / Nova server. */
export interface EcsServer extends ResourceBase<'ecs.server'> {
  readonly status: string
  readonly createdAt: string | null
  /** Null for servers booted from a volume whose image the API does not name. */
  readonly imageId: string | null
  /** `metadata.image_name`: the image's name when the server was created (it may be renamed since). */
  readonly imageName: string | null
  /** `metadata.os_type`: `Linux`, `Windows` or null. */
  readonly osType: string | null
  /** Flavor id. */
  readonly flavor: string
  readonly portIds: readonly string[]
  /** From the server and its ports (*derived* from ports). */
  readonly securityGroupIds: readonly string[]
  /** Floating IPs / EIPs on its ports (*derived* from EIPs). */
  readonly publicIps: readonly string[]
  /** Attached volumes (*derived* from volume attachments). */
  readonly volumeIds: readonly string[]
  /** Key pair injected at creation; null when the server was created with a password. */
  readonly keyName: string | null
  /** CBR vaults listing this server (*derived* from vaults). */
  readonly cbrVaultIds: readonly string[]
  /** CES alarm rules watching this server (*derived* from alarms). */
  readonly alarmIds: readonly string[]
}

/** Where a public image sits in its OTC Image Factory lineage (`Standard_Ubuntu_22.04_latest`). */
export interface ImageLineage {
  /** The name without the `_latest` / `_prevN` / date suffix, e.g. `Standard_Ubuntu_22.04`. */
  readonly family: string
  /** True for the `_latest` image of the family. */
  readonly isLatest: boolean
}

/** An IMS / Glance image. */
export interface ImsImage extends ResourceBase<'ims.image'> {
  readonly status: string
  /** `__os_version`, e.g. `Ubuntu 22.04 server 64bit`. */
  readonly osVersion: string | null
  /** `__platform`, e.g. `Ubuntu`, `CentOS`. */
  readonly platform: string | null
  /** Glance's standard `os_distro`, e.g. `ubuntu` (absent in inventories saved before it). */
  readonly osDistro?: string | null
  /** Glance's standard `os_version`, e.g. `18.04`, read with `osDistro`. */
  readonly osDistroVersion?: string | null
  /** `__imagetype`: `gold` (public), `private`, `shared`, `market`. */
  readonly imageType: string | null
  readonly visibility: string | null
  readonly createdAt: string | null
  readonly lineage: ImageLineage | null
}

/** One rule of a security group. Only `allow` rules exist outside VPC v3. */
export interface SecurityGroupRule {
  readonly id: string
  readonly direction: 'ingress' | 'egress'
  readonly ethertype: 'IPv4' | 'IPv6'
  /** `tcp`, `udp`, `icmp`, a number, or null for any protocol. */
  readonly protocol: string | null
  /** Null means all ports. */
  readonly portRangeMin: number | null
  readonly portRangeMax: number | null
  /** Null together with a null `remoteGroupId` means any address (Neutron semantics). */
  readonly remoteIpPrefix: string | null
  readonly remoteGroupId: string | null
  readonly action: 'allow' | 'deny'
}

/** A VPC / Neutron security group. */
export interface SecurityGroup extends ResourceBase<'vpc.security-group'> {
  readonly description: string
  readonly rules: readonly SecurityGroupRule[]
}

/** A Neutron port (a server's NIC, a router interface, …). */
export interface VpcPort extends ResourceBase<'vpc.port'> {
  /** Server id for ECS NICs. */
  readonly deviceId: string | null
  readonly deviceOwner: string | null
  /** The Neutron network (= VPC v1 subnet id); null when not reported. */
  readonly networkId?: string | null
  readonly fixedIps: readonly string[]
  readonly securityGroupIds: readonly string[]
  /** False: no security group filtering at all on this port. */
  readonly portSecurityEnabled: boolean | null
}

/** An elastic (floating) public IP. */
export interface VpcEip extends ResourceBase<'vpc.eip'> {
  readonly address: string
  /** `ACTIVE` (bound), `DOWN` (unbound), `ELB` (bound to a load balancer), … */
  readonly status: string
  /** Null when unbound (or bound to a dedicated load balancer). */
  readonly portId: string | null
}

/** Image facts an EVS system disk carries (`volume_image_metadata`). */
export interface VolumeImageMetadata {
  readonly imageId: string | null
  readonly imageName: string | null
  readonly osVersion: string | null
  /** `__platform`, `os_distro`, `os_version` of the image (absent in older saved inventories). */
  readonly platform?: string | null
  readonly osDistro?: string | null
  readonly osDistroVersion?: string | null
}

/** An EVS / Cinder volume. */
export interface EvsVolume extends ResourceBase<'evs.volume'> {
  readonly status: string
  readonly sizeGb: number
  readonly bootable: boolean
  /** From `metadata.__system__encrypted`; null when the cloud does not say. */
  readonly encrypted: boolean | null
  readonly kmsKeyId: string | null
  /** Server ids (*derived* from servers too). */
  readonly attachments: readonly string[]
  readonly imageMetadata: VolumeImageMetadata | null
  readonly createdAt: string | null
  /** CBR vaults listing this volume (*derived* from vaults). */
  readonly cbrVaultIds: readonly string[]
}

/** A Cinder volume backup (plain OpenStack backup, without CBR). */
export interface EvsBackup extends ResourceBase<'evs.backup'> {
  readonly volumeId: string
  /** `available`, `creating`, `error`, … */
  readonly status: string
  readonly createdAt: string | null
}

/** A CBR vault. */
export interface CbrVault extends ResourceBase<'cbr.vault'> {
  /** `billing.object_type`: `server`, `disk`, `turbo`. */
  readonly resourceType: string
  /** Ids of the servers or volumes in the vault. */
  readonly resourceIds: readonly string[]
  /** Policies associated with the vault (*derived* from policies' `associated_vaults`). */
  readonly policyIds: readonly string[]
  /** `billing.status`: `available`, `lock`, `frozen`, … */
  readonly status: string
}

/** How long a CBR policy keeps backups; null means no limit of that kind. */
export interface CbrRetention {
  readonly days: number | null
  readonly count: number | null
}

/** A CBR policy. */
export interface CbrPolicy extends ResourceBase<'cbr.policy'> {
  readonly enabled: boolean
  /** `backup` or `replication`. */
  readonly operationType: string
  readonly vaultIds: readonly string[]
  readonly retention: CbrRetention
  /** iCalendar patterns, e.g. `FREQ=DAILY;INTERVAL=1;BYHOUR=6;BYMINUTE=00`. */
  readonly schedule: readonly string[]
}

/** A CBR backup (restore point of one resource). */
export interface CbrBackup extends ResourceBase<'cbr.backup'> {
  readonly resourceId: string
  readonly resourceType: string
  readonly vaultId: string
  /** `available`, `protecting`, `error`, … */
  readonly status: string
  readonly createdAt: string | null
}

/** What a CES alarm rule does when it fires. */
export interface AlarmActions {
  readonly notificationEnabled: boolean
  /** SMN topic URNs. */
  readonly targets: readonly string[]
}

/** A CES alarm rule. */
export interface CesAlarm extends ResourceBase<'ces.alarm'> {
  readonly enabled: boolean
  /** `SYS.ECS`, `AGT.ECS`, `SYS.EVS`, … */
  readonly namespace: string
  /** Resource ids from the rule's dimensions (`instance_id` values for ECS). */
  readonly resourceIds: readonly string[]
  /** True for v2 `ALL_INSTANCE` rules, which watch every resource of the namespace. */
  readonly allResources: boolean
  readonly actions: AlarmActions
}

/** A CTS tracker. */
export interface CtsTracker extends ResourceBase<'cts.tracker'> {
  /** `system` (the management tracker) or `data`. */
  readonly trackerType: string
  /** `enabled`, `disabled`, `error`. */
  readonly status: string
}

/** An IAM user (account-wide: region {@link GLOBAL_REGION}). */
export interface IamUser extends ResourceBase<'iam.user'> {
  readonly enabled: boolean
  /** Whether the user may sign in to the console; null when the API does not say. */
  readonly consoleAccess: boolean | null
  readonly createdAt: string | null
  /** Null: never logged in (or unknown on clouds that do not report it). */
  readonly lastLoginAt: string | null
  /** A virtual MFA device is bound; null when the MFA list could not be read. */
  readonly mfa: boolean | null
  /** Login protection is on with a real method (not `none`); null when unknown. */
  readonly loginProtection: boolean | null
  readonly isDomainOwner: boolean
}

/** A permanent access key (the id only; never the secret). */
export interface IamAccessKey extends ResourceBase<'iam.access-key'> {
  readonly userId: string
  /** `active` or `inactive`. */
  readonly status: string
  readonly createdAt: string | null
  /** Null when unknown. OTC reports the creation time for keys never used. */
  readonly lastUsedAt: string | null
}

/** The account's password policy. */
export interface IamPasswordPolicy extends ResourceBase<'iam.password-policy'> {
  readonly minimumLength: number
  /** Number of character types a password must contain; null when not readable. */
  readonly charTypes: number | null
  /** Days until a password expires; null = never. */
  readonly validityDays: number | null
  readonly recentPasswordsDisallowed: number | null
}

/** An RDS instance. */
export interface RdsInstance extends ResourceBase<'rds.instance'> {
  readonly status: string
  readonly engine: string
  readonly engineVersion: string
  readonly publicIps: readonly string[]
  /** `backup_strategy.keep_days`; 0 = automated backups off; null when not reported. */
  readonly backupKeepDays: number | null
  /** Disk encryption with a KMS key (`disk_encryption_id` set); null when not reported. */
  readonly encrypted: boolean | null
  readonly kmsKeyId: string | null
}

/** A grant of a bucket ACL to a public group. */
export interface ObsPublicGrant {
  /** `everyone` (anonymous included) or `authenticated` (any OBS account). */
  readonly grantee: 'everyone' | 'authenticated'
  /** READ, READ_ACP, WRITE, WRITE_ACP, FULL_CONTROL. */
  readonly permission: string
}

/**
 * An OBS bucket (id = name, unique across OBS). Each setting is read with its own call: `null`
 * means that read failed (a collection issue says why), never "not configured".
 */
export interface ObsBucket extends ResourceBase<'obs.bucket'> {
  readonly createdAt: string | null
  /** ACL grants to everyone or all authenticated users; null when the ACL was not readable. */
  readonly publicGrants: readonly ObsPublicGrant[] | null
  /**
   * The policy's `Allow` statements with a public principal (`*`) and no restricting condition,
   * by `Sid` (or `#<index>`); empty without a policy; null when the policy was not readable.
   */
  readonly publicPolicyStatements: readonly string[] | null
  /** Default encryption: algorithm (`kms`, `AES256`) and key; `false` = none; null = unknown. */
  readonly defaultEncryption:
    | { readonly algorithm: string; readonly kmsKeyId: string | null }
    | false
    | null
  /** `Enabled`, `Suspended`, `Disabled` (never enabled); null = unknown. */
  readonly versioning: string | null
  /** Access logging target; `false` = off; null = unknown. */
  readonly logging: { readonly targetBucket: string; readonly targetPrefix: string } | false | null
}

/** A KMS key (customer master key or a service's Default Master Key). */
export interface KmsKey extends ResourceBase<'kms.key'> {
  readonly alias: string
  /** `pending-activation`, `enabled`, `disabled`, `pending-deletion`, `pending-import`. */
  readonly state: string
  /** A Default Master Key (`obs/default`, …), which cannot rotate. */
  readonly isDefault: boolean
  /** `kms` (material made by KMS) or `external` (imported); null when not reported. */
  readonly origin: string | null
  /** `AES_256`, `RSA_2048`, …; null when not reported (the list sample has none). */
  readonly keySpec: string | null
  /**
   * Whether rotation applies: an enabled customer key with KMS-made symmetric material
   * (otc-api-platform.md §6.3). Only these are asked for their rotation status.
   */
  readonly rotatable: boolean
  /** Null when not asked (not rotatable) or the read failed (an issue says so). */
  readonly rotationEnabled: boolean | null
  readonly rotationIntervalDays: number | null
}

/** A DCS (Redis) instance. OTC DCS has no public address: who can connect is the whitelist's. */
export interface DcsInstance extends ResourceBase<'dcs.instance'> {
  readonly engine: string
  readonly engineVersion: string
  readonly status: string
  /** `no_password_access`: clients connect without a password. */
  readonly passwordFree: boolean
  /** Whether the IP whitelist is on; null when it could not be read. */
  readonly whitelistEnabled: boolean | null
  /** Every address and range of every whitelist group; null when not read. */
  readonly whitelist: readonly string[] | null
}

/** A flow log watching a VPC, one of its subnets (`network`) or a port. */
export interface VpcFlowLog {
  readonly id: string
  readonly resourceType: string
  readonly resourceId: string
  readonly trafficType: string
  /** `admin_state` true and `status` ACTIVE. */
  readonly active: boolean
}

/** A VPC (VPC API v1), its subnets and the flow logs on it or them. */
export interface Vpc extends ResourceBase<'vpc.vpc'> {
  readonly cidr: string | null
  readonly status: string
  /** Its subnets' ids (= their Neutron network ids, which ports name). */
  readonly subnetIds: readonly string[]
  /** Flow logs on the VPC or its subnets; null when the flow logs could not be read. */
  readonly flowLogs: readonly VpcFlowLog[] | null
}

/**
 * Which ELB API listed a resource: `dedicated` (OTC ELB v3), `shared` (OTC's `/v2.0/lbaas`) or
 * `octavia` (OpenStack's `/v2/lbaas`, or `/v2.0/lbaas` when the cloud serves no v3).
 */
export type ElbApi = 'dedicated' | 'shared' | 'octavia'

/** A load balancer (OTC ELB dedicated or shared, or OpenStack Octavia). */
export interface ElbLoadBalancer extends ResourceBase<'elb.loadbalancer'> {
  readonly api: ElbApi
  readonly vipAddress: string | null
  /** The VIP's port: a floating IP / EIP on it makes a shared or Octavia load balancer public. */
  readonly vipPortId: string | null
  /** Public addresses the load balancer reports itself (v3 `eips`/`publicips`, IPv6 with bandwidth). */
  readonly publicIps: readonly string[]
  readonly listenerIds: readonly string[]
  readonly provisioningStatus: string | null
}

/** A redirect an L7 (forwarding) policy applies to a listener's requests. */
export interface ElbRedirect {
  readonly policyId: string
  /** REDIRECT_TO_LISTENER, REDIRECT_TO_URL, REDIRECT_PREFIX. */
  readonly action: string
  /** The redirect's target: the listener id, or the URL / prefix. */
  readonly target: string
  /** Whether it sends clients to HTTPS (an HTTPS listener, an `https://` URL or prefix). */
  readonly toHttps: boolean
}

/** A listener of a load balancer. */
export interface ElbListener extends ResourceBase<'elb.listener'> {
  readonly api: ElbApi
  readonly loadBalancerIds: readonly string[]
  /** TCP, UDP, HTTP, HTTPS, TERMINATED_HTTPS, … as the API writes it. */
  readonly protocol: string
  readonly port: number
  /** The system policy name (`tls_ciphers_policy`), or null. */
  readonly tlsPolicy: string | null
  /** A custom security policy id (v3), or null. */
  readonly securityPolicyId: string | null
  /**
   * The TLS versions the listener admits (`TLSv1`, `TLSv1.1`, …), resolved from its custom
   * policy, its system policy, or (Octavia) `tls_versions`; null when not known.
   */
  readonly tlsVersions: readonly string[] | null
  /** Where {@link tlsVersions} came from, or why it is null. */
  readonly tlsVersionsSource: string
  /** Enabled redirects of its L7 policies; null when the policies could not be read. */
  readonly redirects: readonly ElbRedirect[] | null
  /** Server certificate references (default and SNI). */
  readonly certificateRefs: readonly string[]
}

/** A certificate stored in ELB (never its private key). */
export interface ElbCertificate extends ResourceBase<'elb.certificate'> {
  readonly api: ElbApi
  /** `server`, or `client` (a CA for mutual TLS). */
  readonly certType: string | null
  readonly domain: string | null
  /** ISO time; null when the API does not say or the value does not parse. */
  readonly expiresAt: string | null
}

/** A CCE cluster (managed Kubernetes control plane). */
export interface CceCluster extends ResourceBase<'cce.cluster'> {
  /** `vX.Y.Z-rN` as CCE names it (`v1.30.4-r0`); null when not reported. */
  readonly version: string | null
  /** `cce.X.Y`; null when not reported. */
  readonly platformVersion: string | null
  /** `CCE` or `Turbo`; null when not reported. */
  readonly category: string | null
  readonly flavor: string | null
  /** `status.phase`: `Available`, `Unavailable`, `Creating`, … */
  readonly phase: string | null
  readonly createdAt: string | null
  readonly vpcId: string | null
  readonly subnetId: string | null
  /** API server URLs inside the VPC. */
  readonly internalEndpoints: readonly string[]
  /** API server URLs outside the VPC (an EIP bound to the master): `external` / type `External`. */
  readonly externalEndpoints: readonly string[]
  /** `spec.extendParam.clusterExternalIP` ("EIP of the master node"); null when unset. */
  readonly externalIp: string | null
  /** OTC's `external_otc` names (the API gateway's host for the cluster). */
  readonly gatewayEndpoints: readonly string[]
}

/** A worker node of a CCE cluster (an ECS server in the customer's project). */
export interface CceNode extends ResourceBase<'cce.node'> {
  readonly clusterId: string
  readonly clusterName: string
  /** `spec.os` as CCE names it (`EulerOS 2.9`, `HCE OS 2.0`, `Ubuntu 22.04`); null when absent. */
  readonly os: string | null
  readonly flavor: string | null
  readonly az: string | null
  /** `status.phase`: `Active`, `Build`, `Abnormal`, … */
  readonly phase: string | null
  /** The ECS id behind the node. */
  readonly serverId: string | null
  readonly privateIp: string | null
  readonly publicIp: string | null
  readonly createdAt: string | null
}

/** A Nova key pair (id = name). */
export interface NovaKeypair extends ResourceBase<'nova.keypair'> {
  readonly fingerprint: string | null
  readonly keyType: string | null
}

/** Every resource type by name. */
export interface ResourceMap {
  project: Project
  'ecs.server': EcsServer
  'ims.image': ImsImage
  'vpc.security-group': SecurityGroup
  'vpc.port': VpcPort
  'vpc.eip': VpcEip
  'evs.volume': EvsVolume
  'evs.backup': EvsBackup
  'cbr.vault': CbrVault
  'cbr.policy': CbrPolicy
  'cbr.backup': CbrBackup
  'ces.alarm': CesAlarm
  'cts.tracker': CtsTracker
  'iam.user': IamUser
  'iam.access-key': IamAccessKey
  'iam.password-policy': IamPasswordPolicy
  'rds.instance': RdsInstance
  'nova.keypair': NovaKeypair
  'obs.bucket': ObsBucket
  'kms.key': KmsKey
  'dcs.instance': DcsInstance
  'vpc.vpc': Vpc
  'elb.loadbalancer': ElbLoadBalancer
  'elb.listener': ElbListener
  'elb.certificate': ElbCertificate
  'cce.cluster': CceCluster
  'cce.node': CceNode
}

/** A resource type name. `project` is synthetic: one per scanned project and region. */
export type ResourceType = keyof ResourceMap

/** Any resource. */
export type AnyResource = ResourceMap[ResourceType]

/** Our service id (as in `responsibility/data/services.yaml`) of each resource type. */
export const RESOURCE_SERVICES = {
  project: 'iam',
  'ecs.server': 'ecs',
  'ims.image': 'ims',
  'vpc.security-group': 'vpc',
  'vpc.port': 'vpc',
  'vpc.eip': 'vpc',
  'evs.volume': 'evs',
  'evs.backup': 'evs',
  'cbr.vault': 'cbr',
  'cbr.policy': 'cbr',
  'cbr.backup': 'cbr',
  'ces.alarm': 'ces',
  'cts.tracker': 'cts',
  'iam.user': 'iam',
  'iam.access-key': 'iam',
  'iam.password-policy': 'iam',
  'rds.instance': 'rds',
  'nova.keypair': 'ecs',
  'obs.bucket': 'obs',
  'kms.key': 'kms',
  'dcs.instance': 'dcs',
  'vpc.vpc': 'vpc',
  'elb.loadbalancer': 'elb',
  'elb.listener': 'elb',
  'elb.certificate': 'elb',
  'cce.cluster': 'cce',
  'cce.node': 'cce',
} as const satisfies Record<ResourceType, string>

/** All resource type names. */
export const RESOURCE_TYPES = Object.keys(RESOURCE_SERVICES) as ResourceType[]

/** A failed collection: the type was listed only in part (or not at all) in that region. */
export interface CollectionIssue {
  /** Our service key, e.g. `compute`. */
  readonly service: string
  readonly resourceType: ResourceType
  /** Region, or {@link GLOBAL_REGION} for account-wide APIs. */
  readonly region: string
  /** The transport's error kind (`forbidden`, `throttled`, `schema`, …). */
  readonly errorKind: string
  readonly message: string
}

/** A resource type this cloud does not offer (e.g. CBR missing from the service catalog). */
export interface UnavailableType {
  readonly resourceType: ResourceType
  readonly service: string
  readonly reason: string
}

/**
 * How well a type was collected: `complete` (listed in full), `incomplete` (a collection issue),
 * `unavailable` (the cloud does not offer it), `not-collected` (the scan did not ask for it).
 */
export type CollectionStatus = 'complete' | 'incomplete' | 'unavailable' | 'not-collected'
