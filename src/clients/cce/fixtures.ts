/**
 * CCE v3 samples, verbatim from otc-api-platform.md §4 (the CCE API reference's list samples with
 * the endpoints object of gopher's `OutputOTC` fixture) and the other documented variants of
 * `status.endpoints`: gopher's Huawei-style array, the OTC doc's own malformed array, and
 * python-otcextensions' list fixture (no external address).
 * @module
 */
import { fakeUuid } from '../testing/fixture-ids.ts'
import { type ClusterWire, ClusterWire as ClusterWireSchema, type NodeWire } from './schemas.ts'

/** §4.1 GET /api/v3/projects/{project_id}/clusters (composite sample of the doc). */
export const cceClustersSample = {
  kind: 'Cluster',
  apiVersion: 'v3',
  items: [
    {
      kind: 'Cluster',
      apiVersion: 'v3',
      metadata: {
        name: 'mycluster',
        uid: '4d1ecb2c-229a-11e8-9c75-0255ac100ceb',
        creationTimestamp: '2020-02-02 03:48:58.968214406 +0000 UTC',
      },
      spec: {
        type: 'VirtualMachine',
        flavor: 'cce.s1.small',
        version: 'v1.17.9-r0',
        hostNetwork: {
          vpc: 'f0c12911-4fdb-4284-9230-7ffb0860826a',
          subnet: 'ac274229-fd2e-4695-9f01-a0c1372b8006',
          SecurityGroup: '5da0b181-e0a2-4981-87ac-1681545cd666',
        },
        containerNetwork: { mode: 'overlay_l2', cidr: '172.16.0.0/16' },
        authentication: { mode: 'rbac' },
        kubernetesSvcIpRange: '10.247.0.0/16',
      },
      status: {
        phase: 'Available',
        endpoints: {
          internal: 'https://192.168.0.68:5443',
          external: 'https://10.34.56.78:5443',
          external_otc:
            'https://4d1ecb2c-229a-11e8-9c75-0255ac100ceb.container.eu-de.otc.t-systems.com',
        },
      },
    },
  ],
}

/** gopher `clusters/testing/fixtures.go` `Output`: Huawei's array of `{url, type}`, internal only. */
export const huaweiEndpointsSample = [{ url: 'https://192.168.0.68:5443', type: 'Internal' }]

/** The OTC doc's JSON sample of `status.endpoints` (an array of one-key objects, capitalised). */
export const otcDocEndpointsSample = [
  { Internal: 'https://192.168.0.68:5443' },
  { External: 'https://10.34.56.78:5443' },
  { external_otc: 'https://4d1ecb2c-229a-11e8-9c75-0255ac100ceb.cce.eu-de.otc.t-systems.com' },
]

/** python-otcextensions `tests/unit/sdk/cce/v3/test_cluster.py` `EXAMPLE_LIST`: no external address. */
export const pyotcClustersSample = {
  kind: 'Cluster',
  apiVersion: 'v3',
  items: [
    {
      kind: 'Cluster',
      apiVersion: 'v3',
      metadata: {
        name: 'mycluster-demo',
        uid: '40c54866-38c5-11e9-b246-0255ac101413',
        creationTimestamp: '2019-02-25 06:19:05.789462 +0000 UTC',
        updateTimestamp: '2019-02-25 06:26:14.457426 +0000 UTC',
      },
      spec: {
        type: 'VirtualMachine',
        flavor: 'cce.s1.small',
        version: 'v1.13.10-r0',
        az: 'eu-de-01',
        supportIstio: true,
        description: 'thisisademocluster',
        hostNetwork: {
          vpc: 'a8cc62dc-acc2-47d0-9bfb-3b1d776c520b',
          subnet: '6d9e5355-85af-4a89-af28-243edb700db6',
        },
        containerNetwork: { mode: 'overlay_l2', cidr: '172.16.0.0/16' },
        authentication: { mode: 'rbac', authenticatingProxy: {} },
        billingMode: 0,
        kubeProxyMode: 'iptables',
      },
      status: {
        phase: 'Available',
        endpoints: {
          internal: 'https://192.168.0.129:5443',
          external_otc: 'https://40c54866-38c5-',
        },
      },
    },
  ],
}

/** §4.2 GET /api/v3/projects/{project_id}/clusters/{cluster_id}/nodes (lower-case `apiversion`). */
export const cceNodesSample = {
  kind: 'List',
  apiVersion: 'v3',
  items: [
    {
      kind: 'Node',
      apiversion: 'v3',
      metadata: {
        name: 'myhost',
        uid: '4d1ecb2c-229a-11e8-9c75-0255ac100ceb',
        annotations: { 'kubernetes.io/node-pool.id': 'eu-de-01#s1.medium#EulerOS 2.5' },
      },
      spec: {
        flavor: 's1.medium',
        az: 'eu-de-01',
        os: 'EulerOS 2.5',
        login: { sshKey: 'KeyPair-demo' },
        rootVolume: { volumetype: 'SAS', size: 40 },
        dataVolumes: [{ volumetype: 'SAS', size: 100 }],
        publicIP: { eip: { bandwidth: {} } },
        billingMode: 0,
      },
      status: {
        phase: 'Active',
        serverId: '456789abc-9368-46f3-8f29-d1a95622a568',
        publicIP: '10.34.56.78',
        privateIP: '192.168.1.23',
      },
    },
  ],
}

/** A cluster from the doc sample with other fields; a new `name` derives a stable new uid. */
export function clusterWire(
  o: {
    name?: string
    version?: string
    endpoints?: unknown
    extendParam?: Record<string, unknown>
  } = {},
): ClusterWire {
  const base = structuredClone(cceClustersSample.items[0]!)
  const name = o.name ?? base.metadata.name
  const uid = o.name ? fakeUuid(`cce-cluster:${o.name}`) : base.metadata.uid
  return ClusterWireSchema.parse({
    ...base,
    metadata: { ...base.metadata, name, uid },
    spec: {
      ...base.spec,
      ...(o.version ? { version: o.version } : {}),
      ...(o.extendParam ? { extendParam: o.extendParam } : {}),
    },
    status: { ...base.status, ...('endpoints' in o ? { endpoints: o.endpoints } : {}) },
  })
}

/** A node of the doc sample with another name (stable new uid) or OS. */
export function nodeWire(o: { name?: string; os?: string | null } = {}): NodeWire {
  const base = structuredClone(cceNodesSample.items[0]!)
  const name = o.name ?? base.metadata.name
  const uid = o.name ? fakeUuid(`cce-node:${o.name}`) : base.metadata.uid
  return {
    ...base,
    metadata: { ...base.metadata, name, uid },
    spec: { ...base.spec, ...('os' in o ? { os: o.os } : {}) },
  } as NodeWire
}

/** python-otcextensions `tests/unit/sdk/cce/v3/test_cluster_node.py` `EXAMPLE_LIST` (EulerOS 2.2). */
export const pyotcNodesSample = {
  kind: 'List',
  apiVersion: 'v3',
  items: [
    {
      kind: 'Node',
      apiVersion: 'v3',
      metadata: {
        name: 'node-demo',
        uid: 'c33b6898-38c9-11e9-b246-0255ac101413',
        creationTimestamp: '2019-02-25 06:19:05.789461541 +0000 UTC',
        updateTimestamp: '2019-02-25 06:19:05.789462592 +0000 UTC',
        annotations: { 'kubernetes.io/node-pool.id': 'eu-de-02#s2.large.1#EulerOS 2.2' },
      },
      spec: {
        flavor: 's2.large.1',
        az: 'eu-de-02',
        os: 'EulerOS 2.2',
        login: { sshKey: 'KeyPair-demo' },
        rootVolume: { volumetype: 'SATA', size: 40 },
        dataVolumes: [{ volumetype: 'SATA', size: 100 }],
        publicIP: { eip: { bandwidth: {} } },
        billingMode: 0,
      },
      status: {
        phase: 'Active',
        serverId: '99de97f0-a10a-4215-ace7-817de0136ff5',
        privateIP: '192.168.0.218',
        publicIP: '10.154.50.127',
      },
    },
  ],
}

/** gopher `clusters/testing/fixtures.go` `Output` as a whole cluster (v1.7.3-r10, Huawei array). */
export const gopherClusterSample = {
  kind: 'Cluster',
  apiVersion: 'v3',
  metadata: { name: 'test-cluster', uid: 'daa97872-59d7-11e8-a787-0255ac101f54' },
  spec: {
    type: 'VirtualMachine',
    flavor: 'cce.s1.small',
    version: 'v1.7.3-r10',
    hostNetwork: {
      vpc: '3305eb40-2707-4940-921c-9f335f84a2ca',
      subnet: '00e41db7-e56b-4946-bf91-27bb9effd664',
    },
    containerNetwork: { mode: 'overlay_l2' },
    billingMode: 0,
  },
  status: { phase: 'Available', endpoints: huaweiEndpointsSample },
}
