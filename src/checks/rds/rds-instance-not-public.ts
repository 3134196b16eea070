import { defineCheck, fail, label, pass } from '../define.ts'

export default defineCheck({
  id: 'rds-instance-not-public',
  title: 'RDS instances have no public address',
  duty: 'network-access',
  service: 'rds',
  resourceType: 'rds.instance',
  severity: 'high',
  rationale:
    'A database with a public EIP can be reached from the internet; its only protection is then a security group and the database password.',
  remediation: {
    text: 'Console: RDS > the instance > Basic Information > EIP > Unbind; let applications reach it inside the VPC, or through a VPN or Direct Connect.',
    terraform: 'resource "opentelekomcloud_rds_instance_v3" "db" {\n  # no public_ips\n}',
  },
  references: ['C5:COS-01', 'CCM:IVS-03'],
  requires: [],
  evaluate(db) {
    if (db.publicIps.length === 0) return pass(`${label(db)} has no public address`)
    return fail(`${label(db)} is reachable at public address ${db.publicIps.join(', ')}`, {
      publicIps: db.publicIps,
      engine: db.engine,
    })
  },
})
