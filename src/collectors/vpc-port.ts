/**
 * Neutron ports. A port whose `device_id` is a server links that server to the port's security
 * groups and to the EIPs bound to it (the Inventory completes `EcsServer.portIds` from here).
 * @module
 */
import { listPorts } from '../clients/network/ports.ts'
import type { PortWire } from '../clients/network/schemas.ts'
import type { VpcPort } from '../inventory/types.ts'
import { defineCollector, type MapContext } from './_collector.ts'
import { nameOr, text } from './_map.ts'

/** Maps a port; an empty `device_id`/`device_owner` (a free port) becomes null. */
export function toVpcPort(w: PortWire, ctx: MapContext): VpcPort {
  return {
    type: 'vpc.port',
    id: w.id,
    name: nameOr(w.name, w.id),
    region: ctx.region,
    projectId: ctx.projectId,
    deviceId: text(w.device_id),
    deviceOwner: text(w.device_owner),
    networkId: w.network_id,
    fixedIps: w.fixed_ips.map((ip) => ip.ip_address),
    securityGroupIds: w.security_groups,
    portSecurityEnabled: w.port_security_enabled ?? null,
  }
}

/** Collects `vpc.port` (GET /v2.0/ports). */
export const vpcPortCollector = defineCollector({
  type: 'vpc.port',
  service: 'network',
  services: ['network'],
  async collect(ctx) {
    // Mapped as each port is validated: only the resource outlives its page.
    const client = await ctx.client('network')
    return { resources: await listPorts(client, {}, ctx.signal, (w) => toVpcPort(w, ctx)) }
  },
})
