import { defineCheck, fail, label, pass } from '../define.ts'
import { allPorts, anyProtocol, fromInternet } from './_rules.ts'

export default defineCheck({
  id: 'vpc-sg-no-unrestricted-ingress',
  title: 'Security groups admit no traffic from the whole internet on all protocols or all ports',
  duty: 'network-access',
  service: 'vpc',
  resourceType: 'vpc.security-group',
  severity: 'critical',
  rationale:
    'A rule that lets 0.0.0.0/0 or ::/0 in on every port exposes every service of every server in the group, including ones nobody meant to publish.',
  remediation: {
    text: 'Console: Network Console > Access Control > Security Groups > the group > Inbound Rules; replace the rule with rules for the needed ports and source ranges only.',
    cli: 'openstack security group rule delete <rule-id>\nopenstack security group rule create --ingress --protocol tcp --dst-port 443 --remote-ip <cidr> <group>',
    terraform:
      'resource "opentelekomcloud_networking_secgroup_rule_v2" "https" {\n  direction = "ingress"\n  ethertype = "IPv4"\n  protocol = "tcp"\n  port_range_min = 443\n  port_range_max = 443\n  remote_ip_prefix = "<cidr>"\n  security_group_id = "<group>"\n}',
  },
  references: ['C5:COS-01', 'CCM:IVS-03'],
  requires: [],
  evaluate(sg) {
    const open = sg.rules.filter((r) => fromInternet(r) && allPorts(r))
    if (open.length === 0) return pass(`${label(sg)} admits no unrestricted internet traffic`)
    return fail(
      `${label(sg)} admits the internet on ${open.some(anyProtocol) ? 'all protocols' : 'all ports'}`,
      {
        securityGroupId: sg.id,
        rules: open.map((r) => ({
          ruleId: r.id,
          protocol: r.protocol ?? 'any',
          ethertype: r.ethertype,
          remote: r.remoteIpPrefix ?? 'any',
        })),
      },
    )
  },
})
