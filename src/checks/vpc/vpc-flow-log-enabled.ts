import type { VpcPort } from '../../inventory/types.ts'
import { defineCheck, error, fail, label, notApplicable, pass } from '../define.ts'

/** Per port list: the networks (subnets) with a server's port in them, found in one pass. */
const WITH_SERVERS = new WeakMap<readonly VpcPort[], ReadonlySet<string>>()

function networksWithServers(ports: readonly VpcPort[]): ReadonlySet<string> {
  let nets = WITH_SERVERS.get(ports)
  if (!nets) {
    const found = new Set<string>()
    for (const p of ports)
      if (p.networkId && p.deviceOwner?.startsWith('compute:')) found.add(p.networkId)
    nets = found
    WITH_SERVERS.set(ports, nets)
  }
  return nets
}

export default defineCheck({
  id: 'vpc-flow-log-enabled',
  title: 'VPCs with servers record their traffic in flow logs',
  duty: 'monitoring',
  service: 'vpc',
  resourceType: 'vpc.vpc',
  severity: 'medium',
  rationale:
    'The provider runs the network but records none of the customer’s traffic for them; without an active flow log on the VPC (or on each subnet with servers) there is no record of which addresses talked to a compromised server, or of the connections a security group rejected.',
  remediation: {
    text: 'Console: Virtual Private Cloud > VPC Flow Logs > Create: resource type VPC (or Subnet), traffic "All", an LTS log group and stream.',
    cli: 'POST /v1/{project_id}/fl/flow_logs {"flow_log":{"name":"vpc-all","resource_type":"vpc","resource_id":"<vpc id>","traffic_type":"all","log_group_id":"<lts group>","log_topic_id":"<lts stream>"}}',
    terraform:
      'resource "opentelekomcloud_vpc_flow_log_v1" "vpc" {\n  name          = "vpc-all"\n  resource_type = "vpc"\n  resource_id   = opentelekomcloud_vpc_v1.vpc.id\n  traffic_type  = "all"\n  log_group_id  = "<lts group>"\n  log_topic_id  = "<lts stream>"\n}',
  },
  references: ['C5:OPS-10', 'CCM:LOG-08'],
  requires: ['vpc.port'],
  evaluate(v, ctx) {
    // One pass over the ports per scan, not one per VPC (VPCs × ports at 10,000 servers).
    const withServers = networksWithServers(ctx.inventory.all('vpc.port'))
    const used = new Set(v.subnetIds.filter((id) => withServers.has(id)))
    if (used.size === 0) return notApplicable(`${label(v)} has no servers`)
    if (v.flowLogs === null) return error(`${label(v)}: its flow logs could not be read`)
    const active = v.flowLogs.filter((f) => f.active)
    if (active.some((f) => f.resourceType === 'vpc' && f.resourceId === v.id))
      return pass(`${label(v)} has an active flow log`, { flowLogs: active.map((f) => f.id) })
    const uncovered = [...used].filter(
      (id) => !active.some((f) => f.resourceType === 'network' && f.resourceId === id),
    )
    if (uncovered.length === 0)
      return pass(`every subnet of ${label(v)} with servers has an active flow log`, {
        flowLogs: active.map((f) => f.id),
      })
    return fail(
      `${label(v)} has servers but no active flow log on it${active.length > 0 || used.size > uncovered.length ? ' or on every subnet with servers' : ''}`,
      {
        subnetsWithoutFlowLog: uncovered,
        inactiveFlowLogs: v.flowLogs.filter((f) => !f.active).map((f) => f.id),
      },
    )
  },
})
