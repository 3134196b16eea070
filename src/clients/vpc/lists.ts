/**
 * VPC API v1 lists: VPCs, subnets and flow logs (marker = last id, a short page ends).
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { FlowLogWire, SubnetWire, VpcWire } from './schemas.ts'

/** Every VPC of the project (GET /v1/{project_id}/vpcs). */
export function listVpcs(
  c: ServiceClient,
  opts: { limit?: number; signal?: AbortSignal } = {},
): Promise<VpcWire[]> {
  return listItems(c, OPS['vpc.ListVpcs'], opts)
}

/** Every subnet of the project (GET /v1/{project_id}/subnets). */
export function listSubnets(
  c: ServiceClient,
  opts: { limit?: number; signal?: AbortSignal } = {},
): Promise<SubnetWire[]> {
  return listItems(c, OPS['vpc.ListSubnets'], opts)
}

/** Every flow log of the project (GET /v1/{project_id}/fl/flow_logs). */
export function listFlowLogs(
  c: ServiceClient,
  opts: { limit?: number; signal?: AbortSignal } = {},
): Promise<FlowLogWire[]> {
  return listItems(c, OPS['vpc.ListFlowLogs'], opts)
}
