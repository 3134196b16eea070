/**
 * Whether a load balancer is reachable from the internet: an EIP / public IP it reports itself
 * (ELB v3), or a floating IP on its VIP port (OTC shared ELB, Octavia), which only the EIP list
 * tells.
 * @module
 */
import type { ElbLoadBalancer } from '../../inventory/types.ts'
import { type CheckContext, error, type Verdict } from '../define.ts'

/** The load balancer's public addresses, or a verdict when the EIP list needed is incomplete. */
export function publicAddresses(lb: ElbLoadBalancer, ctx: CheckContext): string[] | Verdict {
  if (lb.publicIps.length > 0 || lb.api === 'dedicated' || lb.vipPortId === null)
    return [...lb.publicIps]
  const status = ctx.inventory.status('vpc.eip', lb.region)
  if (status !== 'complete')
    return error(
      `whether load balancer ${lb.id} is public depends on the floating IPs on its VIP port, and the EIP list is ${status}`,
      ['vpc.eip'],
    )
  return ctx.inventory
    .all('vpc.eip')
    .filter((e) => e.portId === lb.vipPortId)
    .map((e) => e.address)
}
