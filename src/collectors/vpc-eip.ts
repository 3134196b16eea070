/**
 * Elastic IPs as Neutron floating IPs (the same objects as VPC v1 EIPs, same ids).
 * @module
 */
import { listFloatingIps } from '../clients/network/floating-ips.ts'
import type { FloatingIpWire } from '../clients/network/schemas.ts'
import type { VpcEip } from '../inventory/types.ts'
import { mapSliced } from '../model/time-slice.ts'
import { defineCollector, type MapContext } from './_collector.ts'
import { text } from './_map.ts'

/** Maps a floating IP; its name is the address (floating IPs have no name). */
export function toVpcEip(w: FloatingIpWire, ctx: MapContext): VpcEip {
  return {
    type: 'vpc.eip',
    id: w.id,
    name: w.floating_ip_address,
    region: ctx.region,
    projectId: ctx.projectId,
    address: w.floating_ip_address,
    status: w.status,
    portId: text(w.port_id),
  }
}

/** Collects `vpc.eip` (GET /v2.0/floatingips). */
export const vpcEipCollector = defineCollector({
  type: 'vpc.eip',
  service: 'network',
  services: ['network'],
  async collect(ctx) {
    const ips = await listFloatingIps(await ctx.client('network'), {}, ctx.signal)
    return { resources: await mapSliced(ips, (w) => toVpcEip(w, ctx)) }
  },
})
