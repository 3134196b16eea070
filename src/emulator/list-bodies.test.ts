/**
 * The list responses, to the byte: every parameter-free GET of the registry (OBS aside) against
 * a generated 400-server world and the plain-OpenStack world, hashed and compared with the hashes
 * the emulator produced before its list handlers were time-sliced and its wire builders made
 * cheaper (issue 16), sliced after every item (`sliceMs: 0`) and as served. A deliberate change of a wire body updates the pin here, as the world
 * generator's byte pin does.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, it } from 'node:test'
import { OPS, type OperationKey } from '../clients/operations.ts'
import { SLICED_MAP_MIN_ITEMS } from './_route.ts'
import { ORIGIN, passwordAuth, postToken } from './_test-kit.ts'
import { createEmulator, type Emulator } from './app.ts'
import { loginFor } from './clouds-yaml.ts'
import { SERVICE_PREFIX } from './keystone.ts'
import { generateWorld } from './world/generate.ts'
import { uuidFor } from './world/ids.ts'
import { loadWorld } from './world/load.ts'
import type { World } from './world/model.ts'

const NOW = Date.parse('2025-06-01T00:00:00Z')

/** Queries that ask for whole lists where the default page is small. */
const QUERY: Partial<Record<OperationKey, string>> = {
  'compute.ListServersDetail': '?limit=1000',
  'compute.ListServersDetailV2': '?limit=1000',
  'image.ListImages': '?limit=1000',
  'ces.ListAlarms': '?limit=100',
}

async function tokenOf(app: Emulator, world: World, scope: 'project' | 'domain') {
  const login = loginFor(world)
  const body = passwordAuth(world, login.username, login.password, scope, login.projectName)
  const res = await postToken(app, body)
  // A plain Keystone refuses the reader a domain-scoped token: the project's is used then.
  return res.status === 201 ? res.headers.get('X-Subject-Token')! : undefined
}

/** `<op> <status> <content-type> <sha256 of the body, 16 hex>` for every list operation. */
async function listHashes(
  world: World,
  services: readonly string[],
  sliceMs?: number,
): Promise<string[]> {
  const app = createEmulator(world, { clock: () => NOW, sliceMs })
  const project = (await tokenOf(app, world, 'project'))!
  const tokens = { project, domain: (await tokenOf(app, world, 'domain')) ?? project }
  const login = loginFor(world)
  const place = world.projects.find((p) => p.name === login.projectName)!
  const out: string[] = []
  for (const op of Object.values(OPS)) {
    if (op.method !== 'GET' || !services.includes(op.service)) continue
    if (/\{(?!project_id\}|domain_id\})/.test(op.path)) continue
    const path = op.path.replace('{project_id}', place.id).replace('{domain_id}', world.domain.id)
    const url = `${ORIGIN}${SERVICE_PREFIX[op.service]}${path}${QUERY[op.key] ?? ''}`
    const res = await app.request(url, {
      headers: { 'X-Auth-Token': tokens[op.scope === 'project' ? 'project' : 'domain'] },
    })
    const body = await res.text()
    const sha = createHash('sha256').update(body).digest('hex').slice(0, 16)
    out.push(`${op.key} ${res.status} ${res.headers.get('Content-Type')} ${sha}`)
  }
  return out
}

const ALL = ['identity', 'iam', 'compute', 'image', 'network', 'volume', 'cbr', 'ces']
const MORE = ['cts', 'rds', 'dcs', 'cce', 'vpc', 'elb', 'kms']

describe('list responses', () => {
  it('are byte-identical to the pinned ones on a generated 400-server world', async () => {
    const world = generateWorld({ servers: 400, seed: 7, now: NOW })
    // Time slices of 0 ms: a turn of the event loop after every item, in building and writing.
    assert.deepEqual(await listHashes(world, [...ALL, ...MORE], 0), PINNED_GENERATED)
    assert.deepEqual(await listHashes(world, [...ALL, ...MORE]), PINNED_GENERATED)
  })

  it('are byte-identical to the pinned ones on the plain-OpenStack world', async () => {
    const world = loadWorld('openstack', { now: NOW })
    const services = ['identity', 'compute', 'image', 'network', 'volume']
    assert.deepEqual(await listHashes(world, services), PINNED_OPENSTACK)
  })

  it('of a few items are built at once, without waiting for a turn of the event loop', async () => {
    const world = generateWorld({ servers: 100, seed: 3, now: NOW })
    const app = createEmulator(world, { clock: () => NOW, sliceMs: 0 })
    const token = (await tokenOf(app, world, 'project'))!
    const place = world.projects.find((p) => p.name === loginFor(world).projectName)!
    const url = `${ORIGIN}/compute/v2.1/${place.id}/os-keypairs`
    const big = `${ORIGIN}/network/v2.0/ports`
    let turned = false
    setImmediate(() => {
      turned = true
    })
    const res = await app.request(url, { headers: { 'X-Auth-Token': token } })
    assert.equal(res.status, 200)
    assert.equal(turned, false, 'answered before the event loop turned')
    // A list of SLICED_MAP_MIN_ITEMS or more items is sliced (with sliceMs 0: turns).
    assert.ok(world.ports.length >= SLICED_MAP_MIN_ITEMS, `${world.ports.length} ports`)
    turned = false
    setImmediate(() => {
      turned = true
    })
    assert.equal((await app.request(big, { headers: { 'X-Auth-Token': token } })).status, 200)
    assert.equal(turned, true)
  })

  it('follow the world: a volume attached elsewhere shows its new attachment id', async () => {
    const world = generateWorld({ servers: 20, seed: 3, now: NOW })
    const app = createEmulator(world, { clock: () => NOW })
    const token = (await tokenOf(app, world, 'project'))!
    const v = world.volumes.find((x) => x.attachment !== null)!
    const attachment = async () => {
      const url = `${ORIGIN}/volume/v3/${v.projectId}/volumes/detail`
      const res = await app.request(url, { headers: { 'X-Auth-Token': token } })
      const body = (await res.json()) as {
        volumes: { id: string; attachments: { server_id: string; attachment_id: string }[] }[]
      }
      return body.volumes.find((x) => x.id === v.id)!.attachments[0]!
    }
    const first = await attachment()
    assert.equal(first.attachment_id, uuidFor('attachment', v.id, v.attachment!.serverId))
    const other = world.servers.find((s) => s.id !== v.attachment!.serverId)!
    v.attachment!.serverId = other.id
    const moved = await attachment()
    assert.equal(moved.server_id, other.id)
    assert.equal(moved.attachment_id, uuidFor('attachment', v.id, other.id))
    assert.notEqual(moved.attachment_id, first.attachment_id)
  })

  it('are byte-identical to the pinned ones on the demo world', async () => {
    const world = loadWorld('demo', { now: NOW })
    assert.deepEqual(await listHashes(world, [...ALL, ...MORE], 0), PINNED_DEMO)
  })
})

const PINNED_GENERATED: string[] = [
  'identity.ListProjects 200 application/json 4bf680dfd7f55f64',
  'identity.ListAuthProjects 200 application/json ebefd0b8f65b8a5d',
  'identity.ListUsers 200 application/json 88ba464049390b15',
  'identity.ListGroups 200 application/json d895dd7ec4a8b12f',
  'iam.ListVirtualMfaDevices 200 application/json 7f9210e0e0f290c9',
  'iam.ListLoginProtects 200 application/json dc1d726495699787',
  'iam.ListCredentials 200 application/json e2caa28b190eb231',
  'iam.ShowPasswordPolicy 200 application/json 9fadbc97d0b9d02c',
  'iam.ShowLoginPolicy 200 application/json e2b55cb7b3c26863',
  'iam.ShowProtectPolicy 200 application/json 65946d4caa87a6ea',
  'iam.ListAgencies 400 application/json dd638e440f17be5b',
  'compute.ListServersDetail 200 application/json 8587262f9f19b750',
  'compute.ListServersDetailV2 200 application/json ad0cfb8fd22a08bd',
  'compute.ListKeypairs 200 application/json ccf53f9975885986',
  'compute.ListKeypairsV2 200 application/json ccf53f9975885986',
  'compute.ListFlavorsDetail 200 application/json ecfb63621e216b09',
  'compute.ListFlavorsDetailV2 200 application/json b49453eb1e76fa54',
  'image.ListImages 200 application/json f7d013a450f245b7',
  'network.ListSecurityGroups 200 application/json 1164487283886434',
  'network.ListSecurityGroupRules 200 application/json 2d7f11875db19ebc',
  'network.ListPorts 200 application/json 713818dea18310e2',
  'network.ListFloatingIps 200 application/json 677a63a7d11e0726',
  'volume.ListVolumesDetail 200 application/json 9f63375e0be8ce59',
  'volume.ListVolumesDetailV2 200 application/json 9f63375e0be8ce59',
  'volume.ListBackupsDetail 200 application/json 945e442050b3bc8f',
  'volume.ListBackupsDetailV2 200 application/json 8867e075d7478980',
  'cbr.ListVaults 200 application/json 05c0463bc7fc351a',
  'cbr.ListPolicies 200 application/json dd06f790a81a6fdf',
  'cbr.ListBackups 200 application/json df0cae2a5c4d1ccc',
  'ces.ListAlarms 200 application/json e06e8fd5c99f06aa',
  'ces.ListAlarmsV1 200 application/json 0f2ed51ced007bf6',
  'cts.ListTrackers 200 application/json 8829428c9a83120c',
  'cts.ShowTrackerV1 400 application/json c640b7e6e71fb2ec',
  'rds.ListInstances 200 application/json e53c994d1d9afeb1',
  'rds.ListBackups 400 application/json 8e888d0b59998761',
  'dcs.ListInstances 200 application/json 1a023d9325ec1699',
  'cce.ListClusters 200 application/json c2ff7fc5aa94ef6b',
  'vpc.ListVpcs 200 application/json aca53e7089161133',
  'vpc.ListSubnets 200 application/json 693fe484c861e04a',
  'vpc.ListFlowLogs 200 application/json 0af60b81ced5d806',
  'elb.ListLoadbalancersV3 200 application/json d09c24ae5a69c172',
  'elb.ListListenersV3 200 application/json 3ed410e386efcda1',
  'elb.ListL7PoliciesV3 200 application/json 2cb59cdba22fc5f6',
  'elb.ListCertificatesV3 200 application/json 17b4c232e9da10ba',
  'elb.ListSecurityPolicies 200 application/json cb3a76f44ea6d6fa',
  'elb.ListSystemSecurityPolicies 200 application/json baaf5de1e1ceb0f3',
  'elb.ListLoadbalancersV20 200 application/json f7407cc1fa220a4b',
  'elb.ListListenersV20 200 application/json d7e4a1969e8fe73d',
  'elb.ListL7PoliciesV20 200 application/json d733c435b0d37f6b',
  'elb.ListCertificatesV20 200 application/json c1d26a64be32d7bc',
  'elb.ListLoadbalancersV2 404 application/json c3082759677db985',
  'elb.ListListenersV2 404 application/json fae94fc0d4db36d7',
  'elb.ListL7PoliciesV2 404 application/json c3aae3e764763e18',
]
const PINNED_OPENSTACK: string[] = [
  'identity.ListProjects 200 application/json c992a17a9a913cf5',
  'identity.ListAuthProjects 200 application/json a51b003f982171ed',
  'identity.ListUsers 200 application/json 73bf727e07188246',
  'identity.ListGroups 200 application/json ff93e017421ea6b2',
  'compute.ListServersDetail 200 application/json 6f83923b0003361d',
  'compute.ListServersDetailV2 200 application/json d88d1b75edd8d48e',
  'compute.ListKeypairs 200 application/json 3cf74be6a2c98f48',
  'compute.ListKeypairsV2 200 application/json 3cf74be6a2c98f48',
  'compute.ListFlavorsDetail 200 application/json d00d7f4f2e6590a0',
  'compute.ListFlavorsDetailV2 200 application/json 86f3582746258466',
  'image.ListImages 200 application/json ce2fed48fc913184',
  'network.ListSecurityGroups 200 application/json 51e8ec55b151270a',
  'network.ListSecurityGroupRules 200 application/json 689ea09898e1c5ff',
  'network.ListPorts 200 application/json 91787994957c1bb2',
  'network.ListFloatingIps 200 application/json 16232e154a0e4e9e',
  'volume.ListVolumesDetail 200 application/json 52cef6d9e0b97799',
  'volume.ListVolumesDetailV2 404 text/html; charset=UTF-8 8cf5ce27d21490c2',
  'volume.ListBackupsDetail 200 application/json 890bce83703f72f4',
  'volume.ListBackupsDetailV2 404 text/html; charset=UTF-8 8cf5ce27d21490c2',
]
const PINNED_DEMO: string[] = [
  'identity.ListProjects 200 application/json 352444841d8ce218',
  'identity.ListAuthProjects 200 application/json e48fa139954d279c',
  'identity.ListUsers 200 application/json e0f85c9a0d1283d6',
  'identity.ListGroups 200 application/json a864e0c3937fb6e5',
  'iam.ListVirtualMfaDevices 200 application/json e9d599bb280905a8',
  'iam.ListLoginProtects 200 application/json 0894f994a5a8f999',
  'iam.ListCredentials 200 application/json 989102b5429c4d69',
  'iam.ShowPasswordPolicy 200 application/json 9fadbc97d0b9d02c',
  'iam.ShowLoginPolicy 200 application/json e2b55cb7b3c26863',
  'iam.ShowProtectPolicy 200 application/json 65946d4caa87a6ea',
  'iam.ListAgencies 400 application/json dd638e440f17be5b',
  'compute.ListServersDetail 200 application/json c44432223db86dc4',
  'compute.ListServersDetailV2 200 application/json 633b486c3874fcdb',
  'compute.ListKeypairs 200 application/json 69194f60970db7ff',
  'compute.ListKeypairsV2 200 application/json 69194f60970db7ff',
  'compute.ListFlavorsDetail 200 application/json c5b969c059cfc37a',
  'compute.ListFlavorsDetailV2 200 application/json 8c6a5dd98caa84fe',
  'image.ListImages 200 application/json 0914165051d90d3c',
  'network.ListSecurityGroups 200 application/json 85816f11c5cfabe7',
  'network.ListSecurityGroupRules 200 application/json 7e10f672c073085c',
  'network.ListPorts 200 application/json ab36d185f4b7e38f',
  'network.ListFloatingIps 200 application/json bf069dc148acf9c2',
  'volume.ListVolumesDetail 200 application/json 3b5f4d4aba5743d7',
  'volume.ListVolumesDetailV2 200 application/json 3b5f4d4aba5743d7',
  'volume.ListBackupsDetail 200 application/json 85986a0c4a26f743',
  'volume.ListBackupsDetailV2 200 application/json 06e3b2a9198c3764',
  'cbr.ListVaults 200 application/json 619fbe62a6b53d9c',
  'cbr.ListPolicies 200 application/json cf919f967b507324',
  'cbr.ListBackups 200 application/json 8943fd87d7bb9c2d',
  'ces.ListAlarms 200 application/json 93ba3eacf6130ce6',
  'ces.ListAlarmsV1 200 application/json d4331cef2ac940d7',
  'cts.ListTrackers 200 application/json d95e48bbf0a89403',
  'cts.ShowTrackerV1 400 application/json c640b7e6e71fb2ec',
  'rds.ListInstances 200 application/json 3260daa2c241bf40',
  'rds.ListBackups 400 application/json 8e888d0b59998761',
  'dcs.ListInstances 200 application/json 947f29260bb90629',
  'cce.ListClusters 200 application/json 03bcc901ae5e4338',
  'vpc.ListVpcs 200 application/json 9d646d7651d97912',
  'vpc.ListSubnets 200 application/json fe7f6a2678502537',
  'vpc.ListFlowLogs 200 application/json ea1a19933bfcf2fd',
  'elb.ListLoadbalancersV3 200 application/json e874d1404d179d21',
  'elb.ListListenersV3 200 application/json 4cfd32b3c591c96d',
  'elb.ListL7PoliciesV3 200 application/json 3bf2760a407d61d8',
  'elb.ListCertificatesV3 200 application/json d88ffe205673e50b',
  'elb.ListSecurityPolicies 200 application/json 6057a0b3b35c1462',
  'elb.ListSystemSecurityPolicies 200 application/json 50f409a7e18d0b4c',
  'elb.ListLoadbalancersV20 200 application/json 358b6ba35bbab619',
  'elb.ListListenersV20 200 application/json c906f206c5a36c5c',
  'elb.ListL7PoliciesV20 200 application/json 961a3730dacf821e',
  'elb.ListCertificatesV20 200 application/json 4132b214df9d77e3',
  'elb.ListLoadbalancersV2 404 application/json c3082759677db985',
  'elb.ListListenersV2 404 application/json fae94fc0d4db36d7',
  'elb.ListL7PoliciesV2 404 application/json c3aae3e764763e18',
]
