import { defineCheck, error, fail, label, pass } from '../define.ts'

const OPEN = new Set(['0.0.0.0/0', '0.0.0.0', '::/0'])

export default defineCheck({
  id: 'dcs-instance-access-restricted',
  title: 'DCS instances admit only whitelisted addresses',
  duty: 'network-access',
  service: 'dcs',
  resourceType: 'dcs.instance',
  severity: 'high',
  rationale:
    'OTC DCS has no public address (its public-IP fields are "reserved"), so exposure is inside the VPC: with the whitelist off, or admitting 0.0.0.0/0, every host in the VPC and in peered or connected networks can connect.',
  remediation: {
    text: 'Console: DCS > the instance > Whitelist > Create Whitelist Group with the application subnets, then enable the whitelist.',
    cli: 'PUT /v2/{project_id}/instance/{instance_id}/whitelist {"enable_whitelist": true, "whitelist": [{"group_name": "apps", "ip_list": ["192.168.1.0/24"]}]}',
    terraform:
      'resource "opentelekomcloud_dcs_instance_v2" "cache" {\n  whitelist {\n    group_name = "apps"\n    ip_address = ["192.168.1.0/24"]\n  }\n}',
  },
  references: ['C5:COS-04', 'CCM:IVS-03'],
  requires: [],
  evaluate(d) {
    if (d.whitelistEnabled === null || d.whitelist === null)
      return error(`${label(d)}: its whitelist could not be read`)
    if (!d.whitelistEnabled)
      return fail(`${label(d)} has its whitelist off: any host in the VPC can connect`, {
        enableWhitelist: false,
      })
    const open = d.whitelist.filter((x) => OPEN.has(x.trim()))
    if (open.length > 0)
      return fail(`${label(d)} whitelists ${open.join(', ')}`, { enableWhitelist: true, open })
    return pass(
      `${label(d)} admits ${d.whitelist.length} whitelisted address${d.whitelist.length === 1 ? '' : 'es or ranges'}`,
      {
        whitelist: [...d.whitelist],
      },
    )
  },
})
