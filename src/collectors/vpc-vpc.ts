/**
 * VPCs of the VPC API v1 with their subnets and the flow logs on them (otc-api-platform.md §7).
 * Flow logs are one list for the project, matched to VPCs by `resource_type` `vpc` (the VPC) or
 * `network` (a subnet; its id is the subnet's); if that list fails the VPCs stay, their
 * `flowLogs` null, with an issue.
 * @module
 */
import { listFlowLogs, listSubnets, listVpcs } from '../clients/vpc/lists.ts'
import type { FlowLogWire, SubnetWire, VpcWire } from '../clients/vpc/schemas.ts'
import type { Vpc } from '../inventory/types.ts'
import { type CollectorOutput, defineCollector, type MapContext } from './_collector.ts'

/** Maps a VPC with its subnets and (if read) the flow logs of the project. */
export function toVpc(
  w: VpcWire,
  subnets: readonly SubnetWire[],
  flowLogs: readonly FlowLogWire[] | null,
  ctx: MapContext,
): Vpc {
  const subnetIds = subnets
    .filter((s) => s.vpc_id === w.id)
    .map((s) => s.neutron_network_id ?? s.id)
  const mine = flowLogs?.filter(
    (f) =>
      (f.resource_type === 'vpc' && f.resource_id === w.id) ||
      (f.resource_type === 'network' && subnetIds.includes(f.resource_id)),
  )
  return {
    type: 'vpc.vpc',
    id: w.id,
    name: w.name || w.id,
    region: ctx.region,
    projectId: ctx.projectId,
    cidr: w.cidr ?? null,
    status: w.status,
    subnetIds,
    flowLogs:
      mine?.map((f) => ({
        id: f.id,
        resourceType: f.resource_type,
        resourceId: f.resource_id,
        trafficType: f.traffic_type,
        active: f.admin_state && f.status === 'ACTIVE',
      })) ?? null,
  }
}

/** Collects `vpc.vpc` (vpcs, subnets, fl/flow_logs). */
export const vpcVpcCollector = defineCollector({
  type: 'vpc.vpc',
  service: 'vpc',
  services: ['vpc'],
  async collect(ctx): Promise<CollectorOutput<'vpc.vpc'>> {
    const c = await ctx.client('vpc')
    const [vpcs, subnets] = await Promise.all([
      listVpcs(c, { signal: ctx.signal }),
      listSubnets(c, { signal: ctx.signal }),
    ])
    let flowLogs: FlowLogWire[] | null = null
    const issues = []
    try {
      flowLogs = await listFlowLogs(c, { signal: ctx.signal })
    } catch (err) {
      ctx.signal?.throwIfAborted()
      const i = ctx.issue(err)
      issues.push({ ...i, message: `flow logs (ListFlowLogs): ${i.message}` })
    }
    return { resources: vpcs.map((v) => toVpc(v, subnets, flowLogs, ctx)), issues }
  },
})
