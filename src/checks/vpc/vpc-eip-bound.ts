import { defineCheck, fail, label, manual, pass } from '../define.ts'

export default defineCheck({
  id: 'vpc-eip-bound',
  title: 'Elastic IPs are bound to a resource',
  duty: 'resource-combination',
  service: 'vpc',
  resourceType: 'vpc.eip',
  severity: 'low',
  rationale:
    'An unbound EIP is a public address nobody watches; binding it later to the wrong server publishes that server by surprise.',
  remediation: {
    text: 'Console: Network Console > Elastic IP > the EIP: bind it to the resource that needs it, or release it.',
    cli: 'openstack floating ip delete <ip>',
  },
  references: ['C5:COS-06', 'CCM:CCC-07'],
  requires: [],
  evaluate(ip) {
    const name = `${label(ip)} ${ip.address}`
    if (ip.portId !== null || ip.status === 'ACTIVE' || ip.status === 'ELB')
      return pass(`${name} is bound`)
    if (ip.status === 'DOWN')
      return fail(`${name} is not bound to any resource`, {
        address: ip.address,
        status: ip.status,
      })
    return manual(`${name} is in state ${ip.status}`, { address: ip.address, status: ip.status })
  },
})
