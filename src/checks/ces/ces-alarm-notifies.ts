import { defineCheck, fail, label, notApplicable, pass } from '../define.ts'

export default defineCheck({
  id: 'ces-alarm-notifies',
  title: 'Enabled Cloud Eye alarm rules notify someone',
  duty: 'monitoring',
  service: 'ces',
  resourceType: 'ces.alarm',
  severity: 'low',
  rationale:
    'An alarm that fires without a notification only changes a colour in the console; nobody is told.',
  remediation: {
    text: 'Console: Cloud Eye > Alarm Rules > the rule > Modify: turn on Alarm Notification and choose an SMN topic with subscribed people or an on-call system.',
    cli: 'PUT /V1.0/{project_id}/alarms/{alarm_id} {"alarm_action_enabled":true,"alarm_actions":[{"type":"notification","notificationList":["<smn-topic-urn>"]}]}',
  },
  references: ['C5:OPS-13', 'CCM:LOG-05'],
  requires: [],
  evaluate(alarm) {
    if (!alarm.enabled) return notApplicable(`${label(alarm)} is disabled`)
    const { notificationEnabled, targets } = alarm.actions
    if (notificationEnabled && targets.length > 0)
      return pass(`${label(alarm)} notifies ${targets.join(', ')}`)
    return fail(`${label(alarm)} notifies nobody when it fires`, {
      notificationEnabled,
      targets,
    })
  },
})
