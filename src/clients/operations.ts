/**
 * The registry of every service operation Sphere calls: route, paging style, token scope and the
 * zod schema of the response body. Operations read their route from here, the emulator serves
 * the same routes typed by `z.input<typeof def.schema>`, and meta-tests walk the list. This file
 * imports only `schemas.ts` modules so the emulator can depend on it.
 * @module
 */
import type { z } from 'zod'
import * as cbr from './cbr/schemas.ts'
import * as cce from './cce/schemas.ts'
import * as ces from './ces/schemas.ts'
import * as compute from './compute/schemas.ts'
import type { HttpMethod, ServiceKey } from './core/types.ts'
import * as cts from './cts/schemas.ts'
import * as dcs from './dcs/schemas.ts'
import * as lbaas from './elb/lbaas-schemas.ts'
import * as elb from './elb/schemas.ts'
import * as iam from './iam/schemas.ts'
import * as identity from './identity/schemas.ts'
import * as image from './image/schemas.ts'
import * as network from './network/schemas.ts'
import * as rds from './rds/schemas.ts'
import * as volume from './volume/schemas.ts'
import * as vpc from './vpc/schemas.ts'

/** How a list operation pages, i.e. what the emulator must emit and the client follows. */
export type PagingDecl =
  /** One response holds everything. */
  | { kind: 'none' }
  /**
   * `limit` + `marker`; `body[linksKey]` holds `{ rel: 'next', href }` while more pages exist.
   * `defaultLimit` is what the client sends unless told otherwise (absent: no `limit`).
   */
  | { kind: 'links'; linksKey: string; maxLimit: number; defaultLimit?: number }
  /**
   * `body.next` (Glance: a path relative to the endpoint) or `body.links.next` (Keystone: a URL),
   * absent or null on the last page. `maxLimit` is sent as `limit` when set.
   */
  | { kind: 'next-url'; nextField: 'next' | 'links.next'; maxLimit?: number }
  /** `limit` + `offset` (item offset, from 0); `body[totalKey]` is the total number of items. */
  | { kind: 'offset'; totalKey: string; maxLimit: number }
  /**
   * `limit` + a marker parameter (`markerParam`, CES v1 `start`): the next page starts after the
   * id the body names at `markerField` (a dotted path, CES v1 `meta_data.marker`); the list ends
   * with an empty page or marker, or when `totalField` items have been read. Without
   * `markerField` (VPC v1) the marker is the last item's `id` and a page shorter than the limit
   * ends the list. `shortPageEnds` (ELB v3, whose `next_marker` is present even on the last
   * page) also ends the list on a page shorter than the limit.
   */
  | {
      kind: 'marker'
      markerParam: string
      markerField?: string
      totalField?: string
      shortPageEnds?: boolean
      maxLimit: number
    }

/** One operation: a route plus how to read its response. */
export interface OperationDef {
  /** Unique registry key, `<service>.<Op>`. */
  readonly key: string
  readonly service: ServiceKey
  /** The resource the operation reads, e.g. `server`, `security-group`. */
  readonly resource: string
  /** Operation name used in logs and errors, e.g. `ListServersDetail`. */
  readonly op: string
  readonly method: HttpMethod
  /** Path template; the transport fills `{project_id}`/`{domain_id}`, the operation the rest. */
  readonly path: string
  /**
   * For reads a cloud offers in several API versions (otc-api-platform.md §10): the version of
   * this path (`v1`, `v2`, `v3`). The client falls back between them (`core/api-versions.ts`);
   * the emulator serves each only where its world offers that version.
   */
  readonly apiVersion?: string
  readonly pager: PagingDecl
  /** `domain` for IAM (global) APIs, else `project`. */
  readonly scope: 'project' | 'domain'
  /**
   * On a scan's longest dependency chain (users → access keys → last use, bench/critical-path.ts):
   * the endpoint's limiter serves these requests before the others that wait.
   */
  readonly critical?: boolean
  /** Schema of the whole response body (`<Op>Response`). */
  readonly schema: z.ZodType
  /** For lists: the body field holding the items, and their schema (`<Thing>Wire`). */
  readonly items?: { readonly key: string; readonly schema: z.ZodType }
  /** Query parameters the operation may send (filters and paging), required ones marked. */
  readonly query?: readonly string[]
  readonly requiredQuery?: readonly string[]
}

/** Fills in what the key already says (`service`, `op`) and the defaults (GET, project scope). */
function def<const K extends `${ServiceKey}.${string}`, const D extends DefInit>(
  key: K,
  init: D,
): Omit<Defaults<K>, keyof D> & D {
  const [service, op] = key.split('.') as [ServiceOf<K>, OpOf<K>]
  return { key, service, op, method: 'GET', scope: 'project', ...init } as Omit<
    Defaults<K>,
    keyof D
  > &
    D
}
type Defaults<K> = { key: K; service: ServiceOf<K>; op: OpOf<K>; method: 'GET'; scope: 'project' }
type ServiceOf<K> = K extends `${infer S extends ServiceKey}.${string}` ? S : never
type OpOf<K> = K extends `${ServiceKey}.${infer O}` ? O : never
type DefInit = Omit<OperationDef, 'key' | 'service' | 'op' | 'method' | 'scope'> &
  Partial<Pick<OperationDef, 'method' | 'scope'>>

const none = { kind: 'none' } as const
const links = (linksKey: string, maxLimit: number, defaultLimit: number | null = maxLimit) =>
  defaultLimit === null
    ? ({ kind: 'links', linksKey, maxLimit } as const)
    : ({ kind: 'links', linksKey, maxLimit, defaultLimit } as const)
const offset = (totalKey: string, maxLimit: number) =>
  ({ kind: 'offset', totalKey, maxLimit }) as const
const keystoneNext = { kind: 'next-url', nextField: 'links.next' } as const
/** ELB v3 (otc-api-platform.md §3.1): marker + limit ≤ 2000; stop on a short or empty page or no next_marker. */
const elbV3Pages = {
  kind: 'marker',
  markerParam: 'marker',
  markerField: 'page_info.next_marker',
  shortPageEnds: true,
  maxLimit: 2000,
} as const
const V3_QUERY = ['limit', 'marker', 'page_reverse', 'id', 'name'] as const

const DEFS = [
  def('identity.ListProjects', {
    resource: 'project',
    path: '/v3/projects',
    pager: keystoneNext,
    scope: 'domain',
    schema: identity.ListProjectsResponse,
    items: { key: 'projects', schema: identity.ProjectWire },
    query: ['domain_id', 'name', 'parent_id', 'enabled', 'is_domain', 'page', 'per_page'],
  }),
  def('identity.ListAuthProjects', {
    resource: 'project',
    // The projects the caller has a role in (any token of the user; Keystone, not paged).
    path: '/v3/auth/projects',
    pager: none,
    schema: identity.ListProjectsResponse,
    items: { key: 'projects', schema: identity.ProjectWire },
  }),
  def('identity.ListUsers', {
    resource: 'user',
    path: '/v3/users',
    pager: keystoneNext,
    scope: 'domain',
    critical: true,
    schema: identity.ListUsersResponse,
    items: { key: 'users', schema: identity.UserWire },
    query: ['domain_id', 'enabled', 'name', 'password_expires_at'],
  }),
  def('identity.ListGroups', {
    resource: 'group',
    path: '/v3/groups',
    pager: keystoneNext,
    scope: 'domain',
    schema: identity.ListGroupsResponse,
    items: { key: 'groups', schema: identity.GroupWire },
    query: ['domain_id', 'name'],
  }),
  def('identity.ListGroupUsers', {
    resource: 'group-member',
    path: '/v3/groups/{group_id}/users',
    pager: keystoneNext,
    scope: 'domain',
    schema: identity.ListGroupUsersResponse,
    items: { key: 'users', schema: identity.UserWire },
  }),
  def('iam.ShowUser', {
    resource: 'user',
    path: '/v3.0/OS-USER/users/{user_id}',
    pager: none,
    scope: 'domain',
    critical: true,
    schema: iam.ShowUserResponse,
  }),
  def('iam.ListVirtualMfaDevices', {
    resource: 'virtual-mfa-device',
    path: '/v3.0/OS-MFA/virtual-mfa-devices',
    pager: none,
    scope: 'domain',
    schema: iam.ListVirtualMfaDevicesResponse,
    items: { key: 'virtual_mfa_devices', schema: iam.VirtualMfaDeviceWire },
  }),
  def('iam.ListLoginProtects', {
    resource: 'login-protect',
    path: '/v3.0/OS-USER/login-protects',
    pager: none,
    scope: 'domain',
    schema: iam.ListLoginProtectsResponse,
    items: { key: 'login_protects', schema: iam.LoginProtectWire },
  }),
  def('iam.ListCredentials', {
    resource: 'credential',
    path: '/v3.0/OS-CREDENTIAL/credentials',
    pager: none,
    scope: 'domain',
    critical: true,
    schema: iam.ListCredentialsResponse,
    items: { key: 'credentials', schema: iam.CredentialWire },
    query: ['user_id'],
  }),
  def('iam.ShowCredential', {
    resource: 'credential',
    path: '/v3.0/OS-CREDENTIAL/credentials/{access_key}',
    pager: none,
    scope: 'domain',
    critical: true,
    schema: iam.ShowCredentialResponse,
  }),
  def('iam.ShowPasswordPolicy', {
    resource: 'password-policy',
    path: '/v3.0/OS-SECURITYPOLICY/domains/{domain_id}/password-policy',
    pager: none,
    scope: 'domain',
    schema: iam.ShowPasswordPolicyResponse,
  }),
  def('iam.ShowLoginPolicy', {
    resource: 'login-policy',
    path: '/v3.0/OS-SECURITYPOLICY/domains/{domain_id}/login-policy',
    pager: none,
    scope: 'domain',
    schema: iam.ShowLoginPolicyResponse,
  }),
  def('iam.ShowProtectPolicy', {
    resource: 'protect-policy',
    path: '/v3.0/OS-SECURITYPOLICY/domains/{domain_id}/protect-policy',
    pager: none,
    scope: 'domain',
    schema: iam.ShowProtectPolicyResponse,
  }),
  def('iam.ListAgencies', {
    resource: 'agency',
    path: '/v3.0/OS-AGENCY/agencies',
    pager: none,
    scope: 'domain',
    schema: iam.ListAgenciesResponse,
    items: { key: 'agencies', schema: iam.AgencyWire },
    query: ['domain_id', 'name', 'trust_domain_id'],
    requiredQuery: ['domain_id'],
  }),
  // Nova serves /v2.1 and, for older clients, /v2 (otc-api.md §2.1): the same bodies here.
  def('compute.ListServersDetail', {
    apiVersion: 'v2.1',
    resource: 'server',
    path: '/v2.1/{project_id}/servers/detail',
    pager: links('servers_links', 1000),
    schema: compute.ListServersDetailResponse,
    items: { key: 'servers', schema: compute.ServerWire },
    query: ['limit', 'marker', 'name', 'status', 'flavor', 'image', 'changes-since', 'ip', 'tags'],
  }),
  def('compute.ListServersDetailV2', {
    apiVersion: 'v2',
    resource: 'server',
    path: '/v2/{project_id}/servers/detail',
    pager: links('servers_links', 1000),
    schema: compute.ListServersDetailResponse,
    items: { key: 'servers', schema: compute.ServerWire },
    query: ['limit', 'marker', 'name', 'status', 'flavor', 'image', 'changes-since', 'ip', 'tags'],
  }),
  def('compute.ListKeypairs', {
    apiVersion: 'v2.1',
    resource: 'keypair',
    path: '/v2.1/{project_id}/os-keypairs',
    pager: links('keypairs_links', 1000, null),
    schema: compute.ListKeypairsResponse,
    items: { key: 'keypairs', schema: compute.ListKeypairsResponse.shape.keypairs.element },
    query: ['limit', 'marker'],
  }),
  def('compute.ListKeypairsV2', {
    apiVersion: 'v2',
    resource: 'keypair',
    path: '/v2/{project_id}/os-keypairs',
    pager: links('keypairs_links', 1000, null),
    schema: compute.ListKeypairsResponse,
    items: { key: 'keypairs', schema: compute.ListKeypairsResponse.shape.keypairs.element },
    query: ['limit', 'marker'],
  }),
  def('compute.ShowKeypair', {
    apiVersion: 'v2.1',
    resource: 'keypair',
    path: '/v2.1/{project_id}/os-keypairs/{keypair_name}',
    pager: none,
    schema: compute.ShowKeypairResponse,
  }),
  def('compute.ShowKeypairV2', {
    apiVersion: 'v2',
    resource: 'keypair',
    path: '/v2/{project_id}/os-keypairs/{keypair_name}',
    pager: none,
    schema: compute.ShowKeypairResponse,
  }),
  def('compute.ListFlavorsDetail', {
    apiVersion: 'v2.1',
    resource: 'flavor',
    path: '/v2.1/{project_id}/flavors/detail',
    pager: links('flavors_links', 1000),
    schema: compute.ListFlavorsDetailResponse,
    items: { key: 'flavors', schema: compute.FlavorWire },
    query: ['limit', 'marker'],
  }),
  def('compute.ListFlavorsDetailV2', {
    apiVersion: 'v2',
    resource: 'flavor',
    path: '/v2/{project_id}/flavors/detail',
    pager: links('flavors_links', 1000),
    schema: compute.ListFlavorsDetailResponse,
    items: { key: 'flavors', schema: compute.FlavorWire },
    query: ['limit', 'marker'],
  }),
  def('image.ListImages', {
    resource: 'image',
    path: '/v2/images',
    pager: { kind: 'next-url', nextField: 'next', maxLimit: 1000 },
    schema: image.ListImagesResponse,
    items: { key: 'images', schema: image.ImageWire },
    query: ['limit', 'marker', '__imagetype', 'visibility', 'owner', 'status', 'member_status'],
  }),
  def('image.ShowImage', {
    resource: 'image',
    path: '/v2/images/{image_id}',
    pager: none,
    schema: image.ShowImageResponse,
  }),
  def('network.ListSecurityGroups', {
    resource: 'security-group',
    path: '/v2.0/security-groups',
    pager: links('security_groups_links', 2000),
    schema: network.ListSecurityGroupsResponse,
    items: { key: 'security_groups', schema: network.SecurityGroupWire },
    query: ['limit', 'marker', 'id', 'name', 'tenant_id'],
  }),
  def('network.ListSecurityGroupRules', {
    resource: 'security-group-rule',
    path: '/v2.0/security-group-rules',
    pager: links('security_group_rules_links', 2000),
    schema: network.ListSecurityGroupRulesResponse,
    items: { key: 'security_group_rules', schema: network.SecurityGroupRuleWire },
    query: ['limit', 'marker', 'security_group_id', 'direction', 'remote_ip_prefix'],
  }),
  def('network.ListPorts', {
    resource: 'port',
    path: '/v2.0/ports',
    pager: links('ports_links', 2000),
    schema: network.ListPortsResponse,
    items: { key: 'ports', schema: network.PortWire },
    query: ['limit', 'marker', 'device_id', 'device_owner', 'network_id'],
  }),
  def('network.ListFloatingIps', {
    resource: 'floating-ip',
    path: '/v2.0/floatingips',
    pager: links('floatingips_links', 2000),
    schema: network.ListFloatingIpsResponse,
    items: { key: 'floatingips', schema: network.FloatingIpWire },
    query: ['limit', 'marker', 'port_id', 'floating_ip_address'],
  }),
  // EVS serves Cinder v2 (which OTC recommends) and v3; plain OpenStack (Xena on) only v3.
  def('volume.ListVolumesDetail', {
    resource: 'volume',
    apiVersion: 'v3',
    path: '/v3/{project_id}/volumes/detail',
    pager: links('volumes_links', 1000),
    schema: volume.ListVolumesDetailResponse,
    items: { key: 'volumes', schema: volume.VolumeWire },
    query: ['limit', 'marker', 'name', 'status', 'availability_zone'],
  }),
  def('volume.ListVolumesDetailV2', {
    resource: 'volume',
    apiVersion: 'v2',
    path: '/v2/{project_id}/volumes/detail',
    pager: links('volumes_links', 1000),
    schema: volume.ListVolumesDetailResponse,
    items: { key: 'volumes', schema: volume.VolumeWire },
    query: ['limit', 'marker', 'name', 'status', 'availability_zone'],
  }),
  def('volume.ListBackupsDetail', {
    resource: 'volume-backup',
    apiVersion: 'v3',
    path: '/v3/{project_id}/backups/detail',
    pager: links('backups_links', 1000),
    schema: volume.ListBackupsDetailResponse,
    items: { key: 'backups', schema: volume.BackupWire },
    query: ['limit', 'marker', 'volume_id', 'status'],
  }),
  def('volume.ListBackupsDetailV2', {
    resource: 'volume-backup',
    apiVersion: 'v2',
    path: '/v2/{project_id}/backups/detail',
    pager: links('backups_links', 1000),
    schema: volume.ListBackupsDetailResponse,
    items: { key: 'backups', schema: volume.BackupWire },
    query: ['limit', 'marker', 'volume_id', 'status'],
  }),
  def('cbr.ListVaults', {
    resource: 'vault',
    path: '/v3/{project_id}/vaults',
    pager: offset('count', 1000),
    schema: cbr.ListVaultsResponse,
    items: { key: 'vaults', schema: cbr.VaultWire },
    query: ['limit', 'offset', 'object_type', 'name', 'policy_id', 'status'],
  }),
  def('cbr.ListPolicies', {
    resource: 'policy',
    path: '/v3/{project_id}/policies',
    pager: none,
    schema: cbr.ListPoliciesResponse,
    items: { key: 'policies', schema: cbr.PolicyWire },
    query: ['operation_type', 'vault_id'],
  }),
  def('cbr.ListBackups', {
    resource: 'backup',
    path: '/v3/{project_id}/backups',
    pager: offset('count', 1000),
    schema: cbr.ListBackupsResponse,
    items: { key: 'backups', schema: cbr.BackupWire },
    query: ['limit', 'offset', 'vault_id', 'resource_id', 'resource_type', 'status', 'sort'],
  }),
  def('ces.ListAlarms', {
    resource: 'alarm',
    apiVersion: 'v2',
    path: '/v2/{project_id}/alarms',
    pager: offset('count', 100),
    schema: ces.ListAlarmsResponse,
    items: { key: 'alarms', schema: ces.AlarmWire },
    query: ['limit', 'offset', 'alarm_id', 'name', 'namespace', 'resource_id'],
  }),
  def('ces.ListAlarmsV1', {
    resource: 'alarm',
    apiVersion: 'v1',
    path: '/V1.0/{project_id}/alarms',
    pager: {
      kind: 'marker',
      markerParam: 'start',
      markerField: 'meta_data.marker',
      totalField: 'meta_data.total',
      maxLimit: 100,
    },
    schema: ces.ListAlarmsV1Response,
    items: { key: 'metric_alarms', schema: ces.AlarmV1Wire },
    query: ['limit', 'start', 'order'],
  }),
  def('cts.ListTrackers', {
    resource: 'tracker',
    apiVersion: 'v3',
    path: '/v3/{project_id}/trackers',
    pager: none,
    schema: cts.ListTrackersResponse,
    items: { key: 'trackers', schema: cts.TrackerWire },
    query: ['tracker_name', 'tracker_type'],
  }),
  def('cts.ShowTrackerV1', {
    resource: 'tracker',
    apiVersion: 'v1',
    path: '/v1.0/{project_id}/tracker',
    pager: none,
    schema: cts.ShowTrackerV1Response,
    query: ['tracker_name'],
    requiredQuery: ['tracker_name'],
  }),
  def('rds.ListInstances', {
    resource: 'instance',
    path: '/v3/{project_id}/instances',
    pager: offset('total_count', 100),
    schema: rds.ListInstancesResponse,
    items: { key: 'instances', schema: rds.InstanceWire },
    query: ['limit', 'offset', 'id', 'name', 'type', 'datastore_type', 'vpc_id'],
  }),
  def('rds.ListBackups', {
    resource: 'backup',
    path: '/v3/{project_id}/backups',
    pager: offset('total_count', 100),
    schema: rds.ListBackupsResponse,
    items: { key: 'backups', schema: rds.BackupWire },
    query: ['instance_id', 'limit', 'offset', 'backup_id', 'backup_type', 'begin_time'],
    requiredQuery: ['instance_id'],
  }),
  // DCS v2 (otc-api-platform.md §5): offset + limit (1-1000, default 10), total `instance_num`.
  def('dcs.ListInstances', {
    resource: 'instance',
    path: '/v2/{project_id}/instances',
    pager: offset('instance_num', 1000),
    schema: dcs.ListDcsInstancesResponse,
    items: { key: 'instances', schema: dcs.DcsInstanceWire },
    query: ['limit', 'offset', 'name', 'status', 'instance_id', 'include_failure'],
  }),
  def('dcs.ShowWhitelist', {
    resource: 'whitelist',
    // Singular `instance` in this path, as documented.
    path: '/v2/{project_id}/instance/{instance_id}/whitelist',
    pager: none,
    schema: dcs.ShowWhitelistResponse,
  }),
  // CCE v3 (otc-api-platform.md §4): Kubernetes-style lists, no paging documented.
  def('cce.ListClusters', {
    resource: 'cluster',
    path: '/api/v3/projects/{project_id}/clusters',
    pager: none,
    schema: cce.ListClustersResponse,
    items: { key: 'items', schema: cce.ClusterWire },
  }),
  def('cce.ListNodes', {
    resource: 'node',
    path: '/api/v3/projects/{project_id}/clusters/{cluster_id}/nodes',
    pager: none,
    schema: cce.ListNodesResponse,
    items: { key: 'items', schema: cce.NodeWire },
  }),
  // OTC VPC API v1 (otc-api-platform.md §7): marker = last id, limit 0-2000, no links.
  def('vpc.ListVpcs', {
    resource: 'vpc',
    path: '/v1/{project_id}/vpcs',
    pager: { kind: 'marker', markerParam: 'marker', maxLimit: 2000 },
    schema: vpc.ListVpcsResponse,
    items: { key: 'vpcs', schema: vpc.VpcWire },
    query: ['limit', 'marker', 'id', 'enterprise_project_id'],
  }),
  def('vpc.ListSubnets', {
    resource: 'subnet',
    path: '/v1/{project_id}/subnets',
    pager: { kind: 'marker', markerParam: 'marker', maxLimit: 2000 },
    schema: vpc.ListSubnetsResponse,
    items: { key: 'subnets', schema: vpc.SubnetWire },
    query: ['limit', 'marker', 'vpc_id'],
  }),
  def('vpc.ListFlowLogs', {
    resource: 'flow-log',
    path: '/v1/{project_id}/fl/flow_logs',
    pager: { kind: 'marker', markerParam: 'marker', maxLimit: 2000 },
    schema: vpc.ListFlowLogsResponse,
    items: { key: 'flow_logs', schema: vpc.FlowLogWire },
    query: ['limit', 'marker', 'resource_type', 'resource_id', 'status'],
  }),
  // ELB v3, dedicated load balancers (otc-api-platform.md §3.1-3.5).
  def('elb.ListLoadbalancersV3', {
    apiVersion: 'v3',
    resource: 'loadbalancer',
    path: '/v3/{project_id}/elb/loadbalancers',
    pager: elbV3Pages,
    schema: elb.ListLoadbalancersV3Response,
    items: { key: 'loadbalancers', schema: elb.LoadbalancerV3Wire },
    query: [...V3_QUERY, 'guaranteed', 'vpc_id'],
  }),
  def('elb.ListListenersV3', {
    apiVersion: 'v3',
    resource: 'listener',
    path: '/v3/{project_id}/elb/listeners',
    pager: elbV3Pages,
    schema: elb.ListListenersV3Response,
    items: { key: 'listeners', schema: elb.ListenerV3Wire },
    query: [...V3_QUERY, 'protocol', 'loadbalancer_id'],
  }),
  def('elb.ListL7PoliciesV3', {
    apiVersion: 'v3',
    resource: 'l7policy',
    path: '/v3/{project_id}/elb/l7policies',
    pager: elbV3Pages,
    schema: elb.ListL7PoliciesV3Response,
    items: { key: 'l7policies', schema: elb.L7PolicyV3Wire },
    query: [...V3_QUERY, 'listener_id', 'action'],
  }),
  def('elb.ListCertificatesV3', {
    apiVersion: 'v3',
    resource: 'certificate',
    path: '/v3/{project_id}/elb/certificates',
    pager: elbV3Pages,
    schema: elb.ListCertificatesV3Response,
    items: { key: 'certificates', schema: elb.CertificateV3Wire },
    query: [...V3_QUERY, 'domain', 'type'],
  }),
  def('elb.ListSecurityPolicies', {
    apiVersion: 'v3',
    resource: 'security-policy',
    path: '/v3/{project_id}/elb/security-policies',
    pager: elbV3Pages,
    schema: elb.ListSecurityPoliciesResponse,
    items: { key: 'security_policies', schema: elb.SecurityPolicyWire },
    query: [...V3_QUERY],
  }),
  def('elb.ListSystemSecurityPolicies', {
    apiVersion: 'v3',
    resource: 'system-security-policy',
    path: '/v3/{project_id}/elb/system-security-policies',
    pager: none,
    schema: elb.ListSystemSecurityPoliciesResponse,
    items: { key: 'system_security_policies', schema: elb.SystemSecurityPolicyWire },
  }),
  // The LBaaS v2 shape (§3.6): OTC shared load balancers and older Octavia at /v2.0/lbaas,
  // Octavia at /v2/lbaas; limit + marker with `<resource>_links`.
  def('elb.ListLoadbalancersV20', {
    apiVersion: 'v2.0',
    resource: 'loadbalancer',
    path: '/v2.0/lbaas/loadbalancers',
    pager: links('loadbalancers_links', 1000),
    schema: lbaas.ListLbaasLoadbalancersResponse,
    items: { key: 'loadbalancers', schema: lbaas.LbaasLoadbalancerWire },
    query: ['limit', 'marker', 'page_reverse', 'id', 'name'],
  }),
  def('elb.ListListenersV20', {
    apiVersion: 'v2.0',
    resource: 'listener',
    path: '/v2.0/lbaas/listeners',
    pager: links('listeners_links', 1000),
    schema: lbaas.ListLbaasListenersResponse,
    items: { key: 'listeners', schema: lbaas.LbaasListenerWire },
    query: ['limit', 'marker', 'page_reverse', 'id', 'protocol'],
  }),
  def('elb.ListL7PoliciesV20', {
    apiVersion: 'v2.0',
    resource: 'l7policy',
    path: '/v2.0/lbaas/l7policies',
    pager: links('l7policies_links', 1000),
    schema: lbaas.ListLbaasL7PoliciesResponse,
    items: { key: 'l7policies', schema: lbaas.LbaasL7PolicyWire },
    query: ['limit', 'marker', 'page_reverse', 'listener_id', 'action'],
  }),
  // OTC only: marker + limit, no links, `instance_num` (the reference's elb_zq_zs_0002).
  def('elb.ListCertificatesV20', {
    apiVersion: 'v2.0',
    resource: 'certificate',
    path: '/v2.0/lbaas/certificates',
    pager: { kind: 'marker', markerParam: 'marker', totalField: 'instance_num', maxLimit: 1000 },
    schema: lbaas.ListLbaasCertificatesResponse,
    items: { key: 'certificates', schema: lbaas.LbaasCertificateWire },
    query: ['limit', 'marker', 'page_reverse', 'id', 'name', 'domain'],
  }),
  def('elb.ListLoadbalancersV2', {
    apiVersion: 'v2',
    resource: 'loadbalancer',
    path: '/v2/lbaas/loadbalancers',
    pager: links('loadbalancers_links', 1000),
    schema: lbaas.ListLbaasLoadbalancersResponse,
    items: { key: 'loadbalancers', schema: lbaas.LbaasLoadbalancerWire },
    query: ['limit', 'marker', 'page_reverse', 'id', 'name'],
  }),
  def('elb.ListListenersV2', {
    apiVersion: 'v2',
    resource: 'listener',
    path: '/v2/lbaas/listeners',
    pager: links('listeners_links', 1000),
    schema: lbaas.ListLbaasListenersResponse,
    items: { key: 'listeners', schema: lbaas.LbaasListenerWire },
    query: ['limit', 'marker', 'page_reverse', 'id', 'protocol'],
  }),
  def('elb.ListL7PoliciesV2', {
    apiVersion: 'v2',
    resource: 'l7policy',
    path: '/v2/lbaas/l7policies',
    pager: links('l7policies_links', 1000),
    schema: lbaas.ListLbaasL7PoliciesResponse,
    items: { key: 'l7policies', schema: lbaas.LbaasL7PolicyWire },
    query: ['limit', 'marker', 'page_reverse', 'listener_id', 'action'],
  }),
] as const satisfies readonly OperationDef[]

/** Every operation, in registry order (iterate this; use {@link OPS} for typed access). */
export const OPERATIONS: readonly OperationDef[] = DEFS

/** A registry key, e.g. `compute.ListServersDetail`. */
export type OperationKey = (typeof DEFS)[number]['key']

/** The definition of one operation, with its literal route and schema types. */
export type OperationOf<K extends OperationKey> = Extract<(typeof DEFS)[number], { key: K }>

/** Every operation, keyed by `<service>.<Op>`. */
export const OPS = Object.fromEntries(DEFS.map((d) => [d.key, d])) as {
  readonly [K in OperationKey]: OperationOf<K>
}

/** The response body the emulator must produce for an operation (the schema's input type). */
export type WireInput<K extends OperationKey> = z.input<OperationOf<K>['schema']>
