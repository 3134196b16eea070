/**
 * Wire shapes of the OTC VPC API v1 (otc-api-platform.md §7): VPCs, subnets and flow logs, each
 * paged by `marker` (the last id) + `limit` (0-2000) with no links: a short page ends the list.
 * @module
 */
import { z } from 'zod'

/** One VPC of GET /v1/{project_id}/vpcs. */
export const VpcWire = z.object({
  id: z.string(),
  name: z.string(),
  cidr: z.string().optional(),
  /** CREATING, OK. */
  status: z.string(),
  description: z.string().optional(),
  enterprise_project_id: z.string().optional(),
  created_at: z.string().optional(),
})
export type VpcWire = z.output<typeof VpcWire>

export const ListVpcsResponse = z.object({ vpcs: z.array(VpcWire) })

/** One subnet of GET /v1/{project_id}/subnets (`id` = the Neutron network id). */
export const SubnetWire = z.object({
  id: z.string(),
  name: z.string(),
  cidr: z.string(),
  vpc_id: z.string(),
  status: z.string(),
  gateway_ip: z.string().optional(),
  neutron_network_id: z.string().optional(),
  neutron_subnet_id: z.string().optional(),
  availability_zone: z.string().optional(),
})
export type SubnetWire = z.output<typeof SubnetWire>

export const ListSubnetsResponse = z.object({ subnets: z.array(SubnetWire) })

/** One flow log of GET /v1/{project_id}/fl/flow_logs. */
export const FlowLogWire = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().optional(),
  tenant_id: z.string().optional(),
  /** `port` (one NIC), `vpc` (all NICs in a VPC), `network` (all NICs in a subnet). */
  resource_type: z.string(),
  resource_id: z.string(),
  /** all, accept, reject. */
  traffic_type: z.string(),
  log_group_id: z.string().optional(),
  log_topic_id: z.string().optional(),
  /** ACTIVE, DOWN, ERROR. */
  status: z.string(),
  admin_state: z.boolean(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
})
export type FlowLogWire = z.output<typeof FlowLogWire>

export const ListFlowLogsResponse = z.object({ flow_logs: z.array(FlowLogWire) })
