import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { z } from 'zod'
import { listBackups as listCbrBackups } from './cbr/backups.ts'
import * as cbrFx from './cbr/fixtures.ts'
import { listPolicies } from './cbr/policies.ts'
import { listVaults } from './cbr/vaults.ts'
import { listClusters, listNodes } from './cce/clusters.ts'
import * as cceFx from './cce/fixtures.ts'
import { listAlarms, listAlarmsV1 } from './ces/alarms.ts'
import * as cesFx from './ces/fixtures.ts'
import * as computeFx from './compute/fixtures.ts'
import { listFlavorsDetail } from './compute/flavors.ts'
import { listKeypairs, showKeypair } from './compute/keypairs.ts'
import { listServersDetail } from './compute/servers.ts'
import { SERVICE_KEYS, type ServiceClient } from './core/types.ts'
import * as ctsFx from './cts/fixtures.ts'
import { listTrackers, showTrackerV1 } from './cts/trackers.ts'
import * as dcsFx from './dcs/fixtures.ts'
import { listDcsInstances, showWhitelist } from './dcs/instances.ts'
import * as elbFx from './elb/fixtures.ts'
import * as elb from './elb/lists.ts'
import { listAgencies } from './iam/agencies.ts'
import { listCredentials, showCredential } from './iam/credentials.ts'
import * as iamFx from './iam/fixtures.ts'
import { listLoginProtects } from './iam/login-protects.ts'
import { listVirtualMfaDevices } from './iam/mfa-devices.ts'
import { showLoginPolicy, showPasswordPolicy, showProtectPolicy } from './iam/security-policies.ts'
import { showUser } from './iam/users.ts'
import * as identityFx from './identity/fixtures.ts'
import { listGroups, listGroupUsers } from './identity/groups.ts'
import { listAuthProjects, listProjects } from './identity/projects.ts'
import { listUsers } from './identity/users.ts'
import * as imageFx from './image/fixtures.ts'
import { listImages, showImage } from './image/images.ts'
import * as networkFx from './network/fixtures.ts'
import { listFloatingIps } from './network/floating-ips.ts'
import { listPorts } from './network/ports.ts'
import { listSecurityGroupRules } from './network/security-group-rules.ts'
import { listSecurityGroups } from './network/security-groups.ts'
import { OPERATIONS, OPS, type OperationKey } from './operations.ts'
import { listBackups as listRdsBackups } from './rds/backups.ts'
import * as rdsFx from './rds/fixtures.ts'
import { listInstances } from './rds/instances.ts'
import { fakeClient } from './testing/fake-client.ts'
import { listBackupsDetail } from './volume/backups.ts'
import * as volumeFx from './volume/fixtures.ts'
import { listVolumesDetail } from './volume/volumes.ts'
import * as vpcFx from './vpc/fixtures.ts'
import { listFlowLogs, listSubnets, listVpcs } from './vpc/lists.ts'

type Case = { sample: unknown; call: (c: ServiceClient) => Promise<unknown>; params?: object }

/** Every registry entry must have a real sample body and an operation function: the compiler enforces both. */
const CASES: Record<OperationKey, Case> = {
  'identity.ListProjects': { sample: identityFx.keystoneProjectsSample, call: listProjects },
  'identity.ListAuthProjects': {
    sample: identityFx.keystoneAuthProjectsSample,
    call: (c) => listAuthProjects(c),
  },
  'identity.ListUsers': { sample: identityFx.keystoneUsersSample, call: listUsers },
  'identity.ListGroups': { sample: identityFx.keystoneGroupsSample, call: listGroups },
  'identity.ListGroupUsers': {
    sample: identityFx.keystoneUsersSample,
    call: (c) => listGroupUsers(c, 'g-1'),
    params: { group_id: 'g-1' },
  },
  'iam.ShowUser': {
    sample: iamFx.iamUserDetailSample,
    call: (c) => showUser(c, 'u-1'),
    params: { user_id: 'u-1' },
  },
  'iam.ListVirtualMfaDevices': {
    sample: iamFx.iamVirtualMfaDevicesSample,
    call: listVirtualMfaDevices,
  },
  'iam.ListLoginProtects': { sample: iamFx.iamLoginProtectsSample, call: listLoginProtects },
  'iam.ListCredentials': { sample: iamFx.iamCredentialsSample, call: listCredentials },
  'iam.ShowCredential': {
    sample: iamFx.iamCredentialSample,
    call: (c) => showCredential(c, 'AK1'),
    params: { access_key: 'AK1' },
  },
  'iam.ShowPasswordPolicy': { sample: iamFx.iamPasswordPolicySample, call: showPasswordPolicy },
  'iam.ShowLoginPolicy': { sample: iamFx.iamLoginPolicySample, call: showLoginPolicy },
  'iam.ShowProtectPolicy': { sample: iamFx.iamProtectPolicySample, call: showProtectPolicy },
  'iam.ListAgencies': { sample: iamFx.iamAgenciesSample, call: listAgencies },
  'compute.ListServersDetail': {
    sample: { ...computeFx.novaServersDetailSample, servers_links: [] },
    call: listServersDetail,
  },
  'compute.ListServersDetailV2': {
    sample: { ...computeFx.novaServersDetailSample, servers_links: [] },
    call: (c) => listServersDetail(c, {}, undefined, 'v2'),
  },
  'compute.ListKeypairs': { sample: computeFx.novaKeypairsSample, call: listKeypairs },
  'compute.ListKeypairsV2': {
    sample: computeFx.novaKeypairsSample,
    call: (c) => listKeypairs(c, {}, undefined, 'v2'),
  },
  'compute.ShowKeypair': {
    sample: { keypair: computeFx.keypairWire() },
    call: (c) => showKeypair(c, 'k1'),
    params: { keypair_name: 'k1' },
  },
  'compute.ShowKeypairV2': {
    sample: { keypair: computeFx.keypairWire() },
    call: (c) => showKeypair(c, 'k1', undefined, 'v2'),
    params: { keypair_name: 'k1' },
  },
  'compute.ListFlavorsDetail': {
    sample: computeFx.novaFlavorsDetailSample,
    call: listFlavorsDetail,
  },
  'compute.ListFlavorsDetailV2': {
    sample: computeFx.novaFlavorsDetailSample,
    call: (c) => listFlavorsDetail(c, {}, undefined, 'v2'),
  },
  'image.ListImages': {
    sample: { ...imageFx.glanceImagesSample, next: undefined },
    call: listImages,
  },
  'image.ShowImage': {
    sample: imageFx.imageWire(),
    call: (c) => showImage(c, 'i-1'),
    params: { image_id: 'i-1' },
  },
  'network.ListSecurityGroups': {
    sample: { ...networkFx.neutronSecurityGroupsSample, security_groups_links: [] },
    call: listSecurityGroups,
  },
  'network.ListSecurityGroupRules': {
    sample: networkFx.neutronSecurityGroupRulesSample,
    call: listSecurityGroupRules,
  },
  'network.ListPorts': {
    sample: { ...networkFx.neutronPortsSample, ports_links: [] },
    call: listPorts,
  },
  'network.ListFloatingIps': { sample: networkFx.neutronFloatingIpsSample, call: listFloatingIps },
  'volume.ListVolumesDetail': {
    sample: { ...volumeFx.cinderVolumesDetailSample, volumes_links: [] },
    call: listVolumesDetail,
  },
  'volume.ListVolumesDetailV2': {
    sample: { ...volumeFx.cinderVolumesDetailSample, volumes_links: [] },
    call: (c) => listVolumesDetail(c, {}, undefined, 'v2'),
  },
  'volume.ListBackupsDetail': {
    sample: volumeFx.cinderBackupsDetailSample,
    call: listBackupsDetail,
  },
  'volume.ListBackupsDetailV2': {
    sample: volumeFx.cinderBackupsDetailSample,
    call: (c) => listBackupsDetail(c, {}, undefined, 'v2'),
  },
  'cbr.ListVaults': { sample: { ...cbrFx.cbrVaultsSample, count: 1 }, call: listVaults },
  'cbr.ListPolicies': { sample: cbrFx.cbrPoliciesSample, call: listPolicies },
  'cbr.ListBackups': { sample: { ...cbrFx.cbrBackupsSample, count: 1 }, call: listCbrBackups },
  'ces.ListAlarms': { sample: cesFx.cesAlarmsSample, call: listAlarms },
  'ces.ListAlarmsV1': {
    sample: { ...cesFx.cesAlarmsV1Sample, meta_data: { count: 1, marker: '', total: 1 } },
    call: listAlarmsV1,
  },
  'cts.ListTrackers': { sample: ctsFx.ctsTrackersSample, call: listTrackers },
  'cts.ShowTrackerV1': { sample: ctsFx.ctsTrackerV1Sample, call: showTrackerV1 },
  'rds.ListInstances': { sample: rdsFx.rdsInstancesSample, call: listInstances },
  'rds.ListBackups': {
    sample: rdsFx.rdsBackupsSample,
    call: (c) => listRdsBackups(c, { instance_id: 'i-1' }),
  },
  'vpc.ListVpcs': { sample: vpcFx.vpcsSample, call: listVpcs },
  'vpc.ListSubnets': { sample: vpcFx.subnetsSample, call: listSubnets },
  'vpc.ListFlowLogs': { sample: vpcFx.flowLogsSample, call: listFlowLogs },
  'dcs.ListInstances': { sample: dcsFx.dcsInstancesSample, call: listDcsInstances },
  'cce.ListClusters': { sample: cceFx.cceClustersSample, call: (c) => listClusters(c) },
  'cce.ListNodes': {
    sample: cceFx.cceNodesSample,
    call: (c) => listNodes(c, 'c-1'),
    params: { cluster_id: 'c-1' },
  },
  'dcs.ShowWhitelist': {
    sample: dcsFx.whitelistSample,
    call: (c) => showWhitelist(c, 'i-1'),
    params: { instance_id: 'i-1' },
  },
  'elb.ListLoadbalancersV3': { sample: elbFx.loadbalancersV3Sample, call: elb.listLoadbalancersV3 },
  'elb.ListListenersV3': { sample: elbFx.listenersV3Sample, call: elb.listListenersV3 },
  'elb.ListL7PoliciesV3': { sample: elbFx.l7policiesV3Sample, call: elb.listL7PoliciesV3 },
  'elb.ListCertificatesV3': { sample: elbFx.certificatesV3Sample, call: elb.listCertificatesV3 },
  'elb.ListSecurityPolicies': {
    sample: elbFx.securityPoliciesSample,
    call: elb.listSecurityPolicies,
  },
  'elb.ListSystemSecurityPolicies': {
    sample: elbFx.systemSecurityPoliciesSample,
    call: elb.listSystemSecurityPolicies,
  },
  'elb.ListLoadbalancersV20': {
    sample: elbFx.octaviaLoadbalancersSample,
    call: elb.listLoadbalancersV20,
  },
  'elb.ListListenersV20': { sample: elbFx.octaviaListenersSample, call: elb.listListenersV20 },
  'elb.ListL7PoliciesV20': { sample: elbFx.octaviaL7policiesSample, call: elb.listL7PoliciesV20 },
  'elb.ListCertificatesV20': { sample: elbFx.certificatesV2Sample, call: elb.listCertificatesV20 },
  'elb.ListLoadbalancersV2': {
    sample: elbFx.octaviaLoadbalancersSample,
    call: elb.listLoadbalancersV2,
  },
  'elb.ListListenersV2': { sample: elbFx.octaviaListenersSample, call: elb.listListenersV2 },
  'elb.ListL7PoliciesV2': { sample: elbFx.octaviaL7policiesSample, call: elb.listL7PoliciesV2 },
}

describe('operation registry', () => {
  it('has unique keys that name their service and op', () => {
    assert.equal(new Set(OPERATIONS.map((d) => d.key)).size, OPERATIONS.length)
    for (const d of OPERATIONS) {
      assert.equal(d.key, `${d.service}.${d.op}`)
      assert.ok(SERVICE_KEYS.includes(d.service), d.key)
      assert.match(d.path, /^\//, d.key)
      assert.equal(OPS[d.key as OperationKey], d)
    }
  })

  it('uses domain-scoped tokens exactly for the global IAM APIs', () => {
    // GET /v3/auth/projects answers any token of the user: the project token Sphere already has.
    const anyToken = new Set(['identity.ListAuthProjects'])
    for (const d of OPERATIONS)
      assert.equal(
        d.scope,
        ['identity', 'iam'].includes(d.service) && !anyToken.has(d.key) ? 'domain' : 'project',
        d.key,
      )
  })

  it('names the version of every versioned read in its path, one operation per version', () => {
    const versioned = OPERATIONS.filter((d) => d.apiVersion !== undefined)
    assert.ok(versioned.length >= 8)
    for (const d of versioned)
      assert.ok(d.path.toLowerCase().startsWith(`/${d.apiVersion}`), `${d.key}: ${d.path}`)
    const seen = versioned.map((d) => `${d.key.replace(/V\d+$/, '')} ${d.apiVersion}`)
    assert.equal(new Set(seen).size, seen.length)
  })

  it('declares for each list the body field whose elements are the item schema', () => {
    for (const d of OPERATIONS) {
      if (!d.items) continue
      assert.ok(d.schema instanceof z.ZodObject, d.key)
      let field = d.schema.shape[d.items.key]
      // A list that may come as null (CCE's Kubernetes-style `items`) is still that array.
      while (field instanceof z.ZodOptional || field instanceof z.ZodNullable)
        field = field.unwrap()
      assert.ok(field instanceof z.ZodArray, `${d.key}: ${d.items.key} is not an array`)
      assert.equal(field.element, d.items.schema, d.key)
    }
  })

  for (const d of OPERATIONS) {
    const c = CASES[d.key as OperationKey]
    it(`${d.key}: its sample parses and its function calls the registered route`, async () => {
      assert.deepEqual(d.schema.safeParse(c.sample).error?.issues ?? [], [])
      const client = fakeClient([c.sample])
      await c.call(client)
      const req = client.calls[0]
      const path = Object.entries(c.params ?? {}).reduce(
        (p, [k, v]) => p.replace(`{${k}}`, String(v)),
        d.path,
      )
      assert.equal(client.calls.length, 1)
      assert.equal(req?.path, path)
      assert.equal(req?.op, d.op)
      assert.equal(req?.scope, d.scope)
      for (const q of d.requiredQuery ?? []) assert.notEqual(req?.query?.[q], undefined, q)
    })
  }
})
