/**
 * Wire shapes of CCE v3 (otc-api-platform.md §4): the clusters of a project and the nodes of a
 * cluster, Kubernetes-style lists (`{"kind","apiVersion","items"}`) without paging. Read
 * leniently: the docs' own samples disagree (node items carry a lower-case `apiversion`,
 * `status.endpoints` comes as an object on OTC, as an array of `{url,type}` on Huawei, and as an
 * array of capitalised one-key objects in the OTC doc sample), so only ids and names are required.
 * @module
 */
import { z } from 'zod'

const str = z.string().nullish()

/**
 * `status.endpoints`, in every documented shape: OTC's object (`internal`, `external`,
 * `external_otc`), Huawei's array of `{url, type}`, and the OTC doc sample's array of one-key
 * objects (`{"Internal": url}`). `endpointUrls` (endpoints.ts) reads all three.
 */
export const ClusterEndpointsWire = z.union([
  z.array(z.record(z.string(), z.string().nullish())),
  z.object({ internal: str, external: str, external_otc: str }).catchall(z.unknown()),
])
export type ClusterEndpointsWire = z.output<typeof ClusterEndpointsWire>

/** One cluster of GET /api/v3/projects/{project_id}/clusters. */
export const ClusterWire = z.object({
  kind: z.string().optional(),
  apiVersion: z.string().optional(),
  metadata: z.object({
    name: z.string(),
    /** The cluster id. */
    uid: z.string(),
    /** Go time string: `2020-02-02 03:48:58.968214406 +0000 UTC`. */
    creationTimestamp: str,
    updateTimestamp: str,
    labels: z.record(z.string(), z.string()).nullish(),
    annotations: z.record(z.string(), z.string()).nullish(),
  }),
  spec: z
    .object({
      /** `CCE` | `Turbo`. */
      category: str,
      /** `VirtualMachine`, `BareMetal`, … */
      type: str,
      /** `cce.s1.*` one master, `cce.s2.*` three (high availability). */
      flavor: str,
      /** `vX.Y.Z-rN`, e.g. `v1.17.9-r0`. */
      version: str,
      /** `cce.X.Y`. */
      platformVersion: str,
      description: str,
      hostNetwork: z
        .object({ vpc: str, subnet: str, SecurityGroup: str })
        .catchall(z.unknown())
        .nullish(),
      containerNetwork: z.object({ mode: str, cidr: str }).catchall(z.unknown()).nullish(),
      authentication: z.object({ mode: str }).catchall(z.unknown()).nullish(),
      kubernetesSvcIpRange: str,
      masters: z.array(z.object({ availabilityZone: str }).catchall(z.unknown())).nullish(),
      /** `clusterExternalIP`: "EIP of the master node" (string values in the docs). */
      extendParam: z.record(z.string(), z.unknown()).nullish(),
      /** gopher `Spec.PublicIP`: the id of the master's EIP. */
      publicip_id: str,
      billingMode: z.number().nullish(),
    })
    .catchall(z.unknown())
    .default({}),
  status: z
    .object({
      /** `Available`, `Unavailable`, `Creating`, `Deleting`, `Upgrading`, `Empty`, … */
      phase: str,
      reason: str,
      message: str,
      endpoints: ClusterEndpointsWire.nullish(),
    })
    .catchall(z.unknown())
    .default({}),
})
export type ClusterWire = z.output<typeof ClusterWire>

/**
 * A Kubernetes list's `metadata`: a non-empty `continue` would mean more items than this
 * response holds, which CCE does not document (clusters.ts refuses such a list).
 */
const ListMeta = z.object({ continue: z.string().nullish() }).catchall(z.unknown()).nullish()

/** GET /api/v3/projects/{project_id}/clusters (no paging documented). */
export const ListClustersResponse = z.object({
  kind: z.string().optional(),
  apiVersion: z.string().optional(),
  metadata: ListMeta,
  items: z.array(ClusterWire).nullish(),
})
export type ListClustersResponse = z.output<typeof ListClustersResponse>

const Volume = z.object({ volumetype: str, size: z.number().nullish() }).catchall(z.unknown())

/** One node of GET /api/v3/projects/{project_id}/clusters/{cluster_id}/nodes. */
export const NodeWire = z.object({
  kind: z.string().optional(),
  /** The doc sample writes it `apiversion` in node items: neither is relied on. */
  apiVersion: z.string().optional(),
  apiversion: z.string().optional(),
  metadata: z.object({
    name: z.string(),
    uid: z.string(),
    creationTimestamp: str,
    /** `kubernetes.io/node-pool.id`: `eu-de-01#s1.medium#EulerOS 2.5` or a pool id. */
    annotations: z.record(z.string(), z.string()).nullish(),
    labels: z.record(z.string(), z.string()).nullish(),
  }),
  spec: z
    .object({
      flavor: str,
      az: str,
      /** `EulerOS 2.5`, `EulerOS 2.9`, `Ubuntu 22.04`, `HCE OS 2.0`, `CentOS 7.6`, … */
      os: str,
      login: z.object({ sshKey: str }).catchall(z.unknown()).nullish(),
      rootVolume: Volume.nullish(),
      dataVolumes: z.array(Volume).nullish(),
      /** The EIP request spec (not whether one is bound: see `status.publicIP`). */
      publicIP: z.record(z.string(), z.unknown()).nullish(),
      runtime: z.object({ name: str }).catchall(z.unknown()).nullish(),
      billingMode: z.number().nullish(),
    })
    .catchall(z.unknown())
    .default({}),
  status: z
    .object({
      /** `Build`, `Active`, `Abnormal`, `Deleting`, `Installing`, … */
      phase: str,
      /** The ECS id of the node. */
      serverId: str,
      /** The node's EIP address, if any. */
      publicIP: str,
      privateIP: str,
      jobID: str,
    })
    .catchall(z.unknown())
    .default({}),
})
export type NodeWire = z.output<typeof NodeWire>

/** GET /api/v3/projects/{project_id}/clusters/{cluster_id}/nodes (no paging documented). */
export const ListNodesResponse = z.object({
  kind: z.string().optional(),
  apiVersion: z.string().optional(),
  metadata: ListMeta,
  items: z.array(NodeWire).nullish(),
})
export type ListNodesResponse = z.output<typeof ListNodesResponse>
