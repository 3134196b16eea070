import { defineCheck, fail, label, pass } from '../define.ts'

export default defineCheck({
  id: 'cts-tracker-enabled',
  title: 'The project has an enabled management tracker recording operations',
  duty: 'monitoring',
  service: 'cts',
  resourceType: 'project',
  severity: 'high',
  rationale:
    'Without the management tracker nobody can tell afterwards who deleted a server, opened a port or created an access key.',
  remediation: {
    text: 'Console: Cloud Trace Service > Tracker List > Enable CTS (creates the "system" tracker); store traces in an OBS bucket or LTS for retention.',
    cli: 'POST /v3/{project_id}/tracker {"tracker_type":"system","tracker_name":"system","obs_info":{"bucket_name":"<bucket>"}}',
    terraform:
      'resource "opentelekomcloud_cts_tracker_v3" "system" {\n  bucket_name = "<bucket>"\n  status = "enabled"\n}',
  },
  references: ['C5:OPS-10', 'C5:OPS-14', 'CCM:LOG-08'],
  requires: ['cts.tracker'],
  evaluate(project, ctx) {
    const trackers = ctx.inventory
      .all('cts.tracker')
      .filter((t) => t.region === project.region && (!t.projectId || t.projectId === project.id))
    const system = trackers.filter((t) => t.trackerType === 'system')
    const enabled = system.find((t) => t.status === 'enabled')
    if (enabled) return pass(`${label(project)} records operations with tracker ${enabled.name}`)
    if (system.length === 0)
      return fail(`${label(project)} in ${project.region} has no management tracker`, {
        trackers: [],
      })
    return fail(
      `${label(project)}: management tracker is ${system.map((t) => t.status).join(', ')}`,
      {
        trackers: system.map((t) => ({ id: t.id, status: t.status })),
      },
    )
  },
})
