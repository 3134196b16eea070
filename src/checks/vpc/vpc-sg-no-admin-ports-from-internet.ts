import { defineCheck, fail, label, pass } from '../define.ts'
import { exposureEvidence, internetExposures } from './_rules.ts'

export default defineCheck({
  id: 'vpc-sg-no-admin-ports-from-internet',
  title: 'Security groups do not open administration or database ports to the internet',
  duty: 'network-access',
  service: 'vpc',
  resourceType: 'vpc.security-group',
  severity: 'high',
  rationale:
    'SSH, RDP and database ports reachable from 0.0.0.0/0 or ::/0 are scanned and brute-forced within minutes of going public.',
  remediation: {
    text: 'Console: Network Console > Security Groups > the group > Inbound Rules; limit the source of port 22, 3389 and database ports to your admin network, a bastion host or a VPN.',
    cli: 'openstack security group rule delete <rule-id>\nopenstack security group rule create --ingress --protocol tcp --dst-port 22 --remote-ip <admin-cidr> <group>',
    terraform:
      'resource "opentelekomcloud_networking_secgroup_rule_v2" "ssh" {\n  direction = "ingress"\n  ethertype = "IPv4"\n  protocol = "tcp"\n  port_range_min = 22\n  port_range_max = 22\n  remote_ip_prefix = "<admin-cidr>"\n  security_group_id = "<group>"\n}',
  },
  references: ['C5:COS-01', 'C5:COS-04', 'CCM:IVS-03', 'CCM:IVS-09'],
  requires: [],
  evaluate(sg, ctx) {
    const ports = [...ctx.settings.adminPorts, ...ctx.settings.databasePorts]
    const exposures = internetExposures(sg, ports)
    if (exposures.length === 0)
      return pass(`${label(sg)} opens no admin or database port to the internet`)
    const open = [...new Set(exposures.flatMap((e) => e.ports))].sort((a, b) => a - b)
    return fail(
      `${label(sg)} opens port ${open.join(', ')} to the internet`,
      exposureEvidence(sg.id, exposures),
    )
  },
})
