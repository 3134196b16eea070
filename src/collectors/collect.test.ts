import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { backupWire as cbrBackupWire, policyWire, vaultWire } from '../clients/cbr/fixtures.ts'
import { cceClustersSample, cceNodesSample } from '../clients/cce/fixtures.ts'
import { alarmV1Wire, alarmWire } from '../clients/ces/fixtures.ts'
import { keypairWire, serverWire } from '../clients/compute/fixtures.ts'
import { IAM_NOT_OTC } from '../clients/core/catalog.ts'
import { ServiceUnavailableError } from '../clients/core/errors.ts'
import type { ServiceClient, ServiceKey } from '../clients/core/types.ts'
import { trackerV1Wire, trackerWire } from '../clients/cts/fixtures.ts'
import { dcsInstancesSample, whitelistSample } from '../clients/dcs/fixtures.ts'
import { otcElbReplies, swissElbReplies } from '../clients/elb/testing.ts'
import {
  credentialWire,
  loginProtectWire,
  passwordPolicyWire,
  userDetailWire,
  virtualMfaDeviceWire,
} from '../clients/iam/fixtures.ts'
import { userWire } from '../clients/identity/fixtures.ts'
import { imageWire } from '../clients/image/fixtures.ts'
import { listKeysSample, rotationStatusSample } from '../clients/kms/fixtures.ts'
import { floatingIpWire, portWire, securityGroupWire } from '../clients/network/fixtures.ts'
import { obsSampleReplies } from '../clients/obs/fixtures.ts'
import { instanceWire } from '../clients/rds/fixtures.ts'
import { httpError } from '../clients/testing/http-error.ts'
import { backupWire, volumeWire } from '../clients/volume/fixtures.ts'
import * as vpcFx from '../clients/vpc/fixtures.ts'
import { Inventory } from '../inventory/inventory.ts'
import { GLOBAL_REGION, RESOURCE_TYPES } from '../inventory/types.ts'
import { toCesAlarm } from './ces-alarm.ts'
import { type CollectedType, collectInventory, collectorsFor } from './collect.ts'
import { COLLECTORS } from './registry.ts'
import { apiError, CTX, clientsFor, DOMAIN_ID, fakeService, type Reply } from './testing.ts'

const sg = securityGroupWire({ name: 'web' })
const server = serverWire({ name: 'web-1', 'os-extended-volumes:volumes_attached': [] })
const port = portWire({ name: 'web-1-nic', device_id: server.id, security_groups: [sg.id] })
const eip = floatingIpWire({
  floating_ip_address: '80.158.1.2',
  port_id: port.id,
  status: 'ACTIVE',
})
const baseVolume = volumeWire()
const volume = volumeWire({
  name: 'web-1-sys',
  attachments: baseVolume.attachments.map((a) => ({ ...a, server_id: server.id })),
})
const vault = vaultWire({
  name: 'vault-1',
  resources: vaultWire().resources.map((r) => ({ ...r, id: server.id })),
})
const policy = policyWire({ name: 'daily', associated_vaults: [{ vault_id: vault.id }] })
const user = userWire({ name: 'alice', enabled: true })
const key = credentialWire({ user_id: user.id, description: 'ci' })

/** Replies of a whole healthy project, per service and operation. */
function world(): Record<ServiceKey, Record<string, Reply>> {
  return {
    compute: { ListServersDetail: [server], ListKeypairs: [{ keypair: keypairWire() }] },
    image: { ListImages: [imageWire()] },
    network: { ListSecurityGroups: [sg], ListPorts: [port], ListFloatingIps: [eip] },
    volume: { ListVolumesDetail: [volume], ListBackupsDetail: [backupWire()] },
    cbr: { ListVaults: [vault], ListPolicies: [policy], ListBackups: [cbrBackupWire()] },
    ces: { ListAlarms: [alarmWire()] },
    cts: { ListTrackers: [trackerWire()] },
    rds: { ListInstances: [instanceWire()] },
    obs: obsSampleReplies(CTX.region),
    vpc: {
      ListVpcs: [vpcFx.vpcsSample.vpcs[0]],
      ListSubnets: [vpcFx.subnetsSample.subnets[0]],
      ListFlowLogs: [vpcFx.flowLogsSample.flow_logs[0]],
    },
    dcs: { ListInstances: [dcsInstancesSample.instances[0]], ShowWhitelist: () => whitelistSample },
    elb: otcElbReplies(),
    cce: { ListClusters: [cceClustersSample.items[0]], ListNodes: [cceNodesSample.items[0]] },
    kms: { ListKeys: () => listKeysSample, GetKeyRotationStatus: () => rotationStatusSample },
    identity: { ListUsers: [user] },
    iam: {
      ShowUser: () => ({ user: userDetailWire({ id: user.id, name: user.name }) }),
      ListVirtualMfaDevices: [virtualMfaDeviceWire({ user_id: user.id })],
      ListLoginProtects: [loginProtectWire({ user_id: user.id })],
      ListCredentials: [key],
      ShowCredential: () => ({ credential: { ...key, last_use_time: key.create_time } }),
      ShowPasswordPolicy: () => ({ password_policy: passwordPolicyWire() }),
    },
  }
}

type World = ReturnType<typeof world>

function clients(w: World, omit: ServiceKey[] = []) {
  const out: Partial<Record<ServiceKey, ServiceClient>> = {}
  for (const [k, replies] of Object.entries(w) as [ServiceKey, Record<string, Reply>][])
    if (!omit.includes(k)) out[k] = fakeService(k, replies)
  return out
}

describe(collectInventory.name, () => {
  it('collects every type and the Inventory links server, ports, groups, EIPs and volumes', async () => {
    const input = await collectInventory({
      ...CTX,
      projectName: 'eu-de_demo',
      clientFor: clientsFor(clients(world())),
    })
    assert.deepEqual(input.issues, [])
    assert.deepEqual(input.unavailable, [])
    assert.deepEqual([...input.collected].sort(), [...RESOURCE_TYPES].sort())
    const inv = new Inventory(input)
    for (const t of RESOURCE_TYPES) assert.equal(inv.status(t), 'complete', t)
    const s = inv.byId('ecs.server', server.id)
    assert.ok(s)
    assert.deepEqual(s.portIds, [port.id])
    assert.deepEqual(s.securityGroupIds, [sg.id])
    assert.deepEqual(s.publicIps, ['80.158.1.2'])
    assert.deepEqual(s.volumeIds, [volume.id])
    assert.deepEqual(s.cbrVaultIds, [vault.id])
    assert.equal(s.imageId, null, 'booted from a volume: image ""')
    assert.deepEqual(
      inv.serversInGroup(sg.id).map((x) => x.id),
      [server.id],
    )
    assert.deepEqual(inv.byId('cbr.vault', vault.id)?.policyIds, [policy.id])
    assert.deepEqual(inv.byId('project', CTX.projectId)?.domainId, DOMAIN_ID)
    assert.equal(inv.byId('project', CTX.projectId)?.name, 'eu-de_demo')
    assert.equal(inv.byId('iam.password-policy', DOMAIN_ID)?.minimumLength, 6)
    assert.equal(inv.accessKeysOf(user.id).length, 1)
    assert.deepEqual(input.apiVersions, {
      ces: 'v2',
      compute: 'v2.1',
      cts: 'v3',
      elb: 'v2.0+v3',
      volume: 'v3',
    })
  })

  it('hands over each type once, as its collector finishes, with only resources of that type', async () => {
    // Checks start on a type as soon as it is handed over (src/engine/staged-scope.ts): a
    // collector must produce exactly the type it declares, and report it once.
    const seen: CollectedType[] = []
    const input = await collectInventory({
      ...CTX,
      clientFor: clientsFor(clients(world())),
      onCollected: (t) => seen.push(t),
    })
    assert.deepEqual(seen.map((t) => t.type).sort(), [...RESOURCE_TYPES].sort())
    for (const t of seen) {
      assert.equal(t.service, COLLECTORS.find((c) => c.type === t.type)?.service, t.type)
      for (const r of t.resources) assert.equal(r.type, t.type, `collector of ${t.type}`)
    }
    assert.ok(seen.filter((t) => t.resources.length > 0).length >= 15)
    assert.deepEqual(
      seen.flatMap((t) => t.resources).length,
      input.resources.length,
      'the same resources as the result',
    )
    assert.deepEqual(
      collectorsFor().map((c) => c.type),
      input.collected,
      'the result in the order of collectorsFor',
    )
  })

  it('records the API version that served: v1 where v2/v3 are not served (404)', async () => {
    const w = world()
    const alarm = alarmWire()
    const notServed = (req: { op: string; path: string }) => httpError(req, 404, 'APIGW.0101')
    w.elb = swissElbReplies()
    w.ces = {
      ListAlarms: notServed,
      ListAlarmsV1: [
        alarmV1Wire({
          alarm_id: alarm.alarm_id,
          alarm_name: alarm.name,
          metric: { namespace: alarm.namespace, metric_name: 'cpu_util', dimensions: [] },
          alarm_actions: [
            {
              type: 'notification',
              notificationList: alarm.alarm_notifications![0]!.notification_list,
            },
          ],
        }),
      ],
    }
    w.cts = { ListTrackers: notServed, ShowTrackerV1: () => trackerV1Wire() }
    const input = await collectInventory({ ...CTX, clientFor: clientsFor(clients(w)) })
    assert.deepEqual(input.issues, [])
    assert.deepEqual(input.apiVersions, {
      ces: 'v1',
      compute: 'v2.1',
      cts: 'v1',
      elb: 'v3',
      volume: 'v3',
    })
    const inv = new Inventory(input)
    const mapped = inv.byId('ces.alarm', alarm.alarm_id)!
    const fromV2 = toCesAlarm(alarm, CTX)
    assert.deepEqual(mapped, fromV2, 'v1 and v2 give the same normalised alarm')
    assert.equal(inv.all('cts.tracker')[0]?.status, 'enabled')
  })

  it('a version that answers 404 and a fallback that fails give one issue naming both', async () => {
    const w = world()
    w.ces = {
      ListAlarms: (req) => httpError(req, 404, 'APIGW.0101'),
      ListAlarmsV1: (req) => httpError(req, 403, undefined, "Policy doesn't allow"),
    }
    const input = await collectInventory({
      ...CTX,
      clientFor: clientsFor(clients(w)),
      types: ['ces.alarm'],
    })
    assert.equal(input.issues.length, 1)
    assert.equal(input.issues[0]?.errorKind, 'forbidden')
    assert.match(input.issues[0]?.message ?? '', /v2 \(GET \/v2\/.*404.*; v1 \(GET \/V1\.0\/.*403/)
    assert.deepEqual(input.apiVersions, {})
  })

  it('a 403 on one call is an issue and leaves only that type incomplete', async () => {
    const w = world()
    w.network.ListSecurityGroups = apiError('network', 'ListSecurityGroups')
    const input = await collectInventory({ ...CTX, clientFor: clientsFor(clients(w)) })
    assert.equal(input.issues.length, 1)
    const [issue] = input.issues
    assert.equal(issue?.service, 'network')
    assert.equal(issue?.resourceType, 'vpc.security-group')
    assert.equal(issue?.region, 'eu-de')
    assert.equal(issue?.errorKind, 'forbidden')
    assert.match(issue?.message ?? '', /403/)
    const inv = new Inventory(input)
    assert.equal(inv.status('vpc.security-group'), 'incomplete')
    assert.equal(inv.all('vpc.security-group').length, 0)
    assert.equal(inv.status('vpc.port'), 'complete')
    assert.equal(inv.status('vpc.eip'), 'complete')
  })

  it('a service missing from the catalog makes its types unavailable, not issues', async () => {
    const input = await collectInventory({
      ...CTX,
      clientFor: clientsFor(clients(world(), ['cbr'])),
    })
    assert.deepEqual(input.issues, [])
    assert.deepEqual(input.unavailable.map((u) => u.resourceType).sort(), [
      'cbr.backup',
      'cbr.policy',
      'cbr.vault',
    ])
    for (const u of input.unavailable) {
      assert.equal(u.service, 'cbr')
      assert.match(u.reason, /not in the service catalog \(looked for types: cbr\)/)
    }
    const inv = new Inventory(input)
    assert.equal(inv.status('cbr.vault'), 'unavailable')
    assert.equal(inv.status('ecs.server'), 'complete')
  })

  it('OTC IAM extensions missing (plain OpenStack): IAM types unavailable with the reason, no call made', async () => {
    const cs = clients(world())
    const input = await collectInventory({
      ...CTX,
      clientFor: async (k) => {
        if (k === 'iam')
          throw new ServiceUnavailableError(k, ['identity'], CTX.region, [], 'x', IAM_NOT_OTC)
        return clientsFor(cs)(k)
      },
    })
    assert.deepEqual(input.issues, [])
    assert.deepEqual(
      input.unavailable.map((u) => [u.resourceType, u.service, u.reason]).sort(),
      ['iam.access-key', 'iam.password-policy', 'iam.user'].map((t) => [t, 'iam', IAM_NOT_OTC]),
    )
    assert.equal((cs.identity as ReturnType<typeof fakeService>).calls.length, 0)
    assert.equal(new Inventory(input).status('iam.user'), 'unavailable')
  })

  it('an IAM failure is recorded for the global region, and the user list is read once', async () => {
    const w = world()
    w.identity.ListUsers = apiError('identity', 'ListUsers')
    const cs = clients(w)
    const input = await collectInventory({ ...CTX, clientFor: clientsFor(cs) })
    assert.deepEqual(input.issues.map((i) => [i.resourceType, i.region]).sort(), [
      ['iam.access-key', GLOBAL_REGION],
      ['iam.user', GLOBAL_REGION],
    ])
    const identity = cs.identity as ReturnType<typeof fakeService>
    assert.equal(identity.calls.filter((c) => c.op === 'ListUsers').length, 1)
  })

  it('an error that is not a CloudApiError is an issue of kind unknown', async () => {
    const w = world()
    w.cts.ListTrackers = new Error('boom')
    const input = await collectInventory({
      ...CTX,
      clientFor: clientsFor(clients(w)),
      types: ['cts.tracker'],
    })
    assert.deepEqual(input.issues, [
      {
        service: 'cts',
        resourceType: 'cts.tracker',
        region: 'eu-de',
        errorKind: 'unknown',
        message: 'boom',
      },
    ])
  })

  it('an authentication failure of a client is an issue of its types', async () => {
    const input = await collectInventory({
      ...CTX,
      clientFor: async () => {
        throw apiError('rds', 'Authenticate', 'auth', 401)
      },
      types: ['rds.instance'],
    })
    assert.deepEqual(input.collected, ['rds.instance'])
    assert.equal(input.issues[0]?.errorKind, 'auth')
    assert.deepEqual(input.unavailable, [])
  })

  it('collects only the requested types and reports progress per type', async () => {
    const asked: ServiceKey[] = []
    const all = clientsFor(clients(world()))
    const events: { resourceType: string; done: number; total: number; count: number }[] = []
    const input = await collectInventory({
      ...CTX,
      clientFor: (k) => {
        asked.push(k)
        return all(k)
      },
      types: ['vpc.port', 'vpc.eip'],
      onProgress: ({ resourceType, done, total, count }) =>
        events.push({ resourceType, done, total, count }),
    })
    assert.deepEqual([...input.collected].sort(), ['vpc.eip', 'vpc.port'])
    assert.deepEqual([...new Set(asked)], ['network'])
    assert.deepEqual(
      events.map((e) => e.done),
      [1, 2],
    )
    assert.ok(events.every((e) => e.total === 2 && e.count === 1))
  })

  it('stops promptly when aborted, even while a request hangs', async () => {
    const hanging: ServiceClient = {
      ...fakeService('compute', {}),
      request: () => new Promise(() => {}),
    }
    const ac = new AbortController()
    const run = collectInventory({ ...CTX, clientFor: async () => hanging, signal: ac.signal })
    setTimeout(() => ac.abort(new Error('timed out')), 10)
    await assert.rejects(run, /timed out/)
  })

  it('rejects at once with an already aborted signal', async () => {
    const ac = new AbortController()
    ac.abort()
    await assert.rejects(
      collectInventory({ ...CTX, clientFor: clientsFor({}), signal: ac.signal }),
      { name: 'AbortError' },
    )
  })
})
