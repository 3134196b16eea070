import { defineCheck, fail, label, pass } from '../define.ts'

export default defineCheck({
  id: 'ces-server-alarm',
  title: 'Every server is watched by an enabled Cloud Eye alarm rule',
  duty: 'monitoring',
  service: 'ces',
  resourceType: 'ecs.server',
  severity: 'medium',
  rationale:
    'Cloud Eye collects metrics for every server, but nobody hears about a full disk, a stopped server or a CPU runaway unless an alarm rule watches it.',
  remediation: {
    text: 'Console: Cloud Eye > Alarm Management > Alarm Rules > Create: resource type Elastic Cloud Server, the server (or all servers), metrics such as CPU, memory and disk usage, with a notification to an SMN topic.',
    cli: 'POST /V1.0/{project_id}/alarms {"alarm_name":"cpu-high","metric":{"namespace":"SYS.ECS","metric_name":"cpu_util","dimensions":[{"name":"instance_id","value":"<server>"}]},…}',
    terraform:
      'resource "opentelekomcloud_ces_alarmrule" "cpu" {\n  metric {\n    namespace = "SYS.ECS"\n    metric_name = "cpu_util"\n    dimensions { name = "instance_id" value = "<server>" }\n  }\n}',
  },
  references: ['C5:OPS-13', 'CCM:LOG-03'],
  requires: ['ces.alarm'],
  evaluate(server, ctx) {
    const enabled = server.alarmIds.filter(
      (id) => ctx.inventory.byId('ces.alarm', id)?.enabled === true,
    )
    if (enabled.length > 0)
      return pass(`${label(server)} is watched by alarm ${enabled.join(', ')}`)
    return fail(`${label(server)} is watched by no enabled alarm rule`, {
      alarmIds: server.alarmIds,
      enabledAlarmIds: [],
    })
  },
})
