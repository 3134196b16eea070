import { defineCheck, fail, label, manual, pass } from '../define.ts'
import { groupExposures } from '../vpc/_rules.ts'

export default defineCheck({
  id: 'ecs-server-no-public-admin-exposure',
  title: 'Servers with a public address expose no administration or database port to the internet',
  duty: 'network-access',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'critical',
  rationale:
    'A public address plus a security group that admits the internet on SSH, RDP or a database port makes the server directly attackable.',
  remediation: {
    text: 'Console: ECS > the server > Security Groups: remove the rule admitting 0.0.0.0/0 on the port, or unbind the EIP (Network Console > EIPs > Unbind) and reach the server through a bastion or VPN.',
    cli: 'openstack server remove floating ip <server> <ip>\nopenstack security group rule delete <rule-id>',
  },
  references: ['C5:COS-01', 'C5:COS-04', 'CCM:IVS-03', 'CCM:IVS-09'],
  requires: ['vpc.security-group', 'vpc.port', 'vpc.eip'],
  evaluate(server, ctx) {
    const name = label(server)
    const publicIps = server.publicIps
    if (publicIps.length === 0) return pass(`${name} has no public address`)
    const at = `${name} has public address ${publicIps.join(', ')}`
    const inv = ctx.inventory
    const bare = server.portIds.filter(
      (id) => inv.byId('vpc.port', id)?.portSecurityEnabled === false,
    )
    if (bare.length > 0)
      return fail(`${at} on a port without security groups`, {
        publicIps,
        portsWithoutSecurity: bare,
      })
    const ports = [...ctx.settings.adminPorts, ...ctx.settings.databasePorts]
    const { open, unknown } = groupExposures(server.securityGroupIds, ports, inv)
    if (open.length > 0)
      return fail(`${at} and admits the internet on an admin or database port`, {
        publicIps,
        securityGroups: open,
      })
    if (unknown.length > 0)
      return manual(`${at}; security groups ${unknown.join(', ')} are not visible to this scan`, {
        publicIps,
        securityGroupIds: unknown,
      })
    return pass(`${at}; its groups admit no admin or database port from the internet`)
  },
})
