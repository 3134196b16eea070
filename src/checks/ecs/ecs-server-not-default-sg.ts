import { defineCheck, fail, label, pass } from '../define.ts'

export default defineCheck({
  id: 'ecs-server-not-default-sg',
  title: "Servers are not in the project's default security group",
  duty: 'resource-combination',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'medium',
  rationale:
    'The default group lets all its members talk to each other on every port and is where unrelated servers end up; one compromised member reaches them all.',
  remediation: {
    text: 'Console: ECS > the server > Security Groups > Change Security Group: put it in a group made for its role and remove "default".',
    cli: 'openstack server add security group <server> <role-group>\nopenstack server remove security group <server> default',
  },
  references: ['C5:OPS-24', 'C5:COS-06', 'CCM:IVS-06'],
  // Servers carry their groups through their ports (`securityGroupIds` is derived from them).
  requires: ['vpc.security-group', 'vpc.port'],
  evaluate(server, ctx) {
    const groups = server.securityGroupIds.map((id) => ctx.inventory.byId('vpc.security-group', id))
    const defaults = groups.filter((g) => g?.name === 'default').map((g) => g!.id)
    if (defaults.length === 0) return pass(`${label(server)} is not in a default security group`)
    return fail(`${label(server)} is in the default security group`, {
      securityGroupIds: defaults,
    })
  },
})
