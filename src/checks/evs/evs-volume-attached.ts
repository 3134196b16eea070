import { defineCheck, fail, label, pass } from '../define.ts'

export default defineCheck({
  id: 'evs-volume-attached',
  title: 'EVS volumes are attached to a server',
  duty: 'resource-combination',
  service: 'evs',
  resourceType: 'evs.volume',
  severity: 'low',
  rationale:
    'A detached volume still holds data, yet falls out of server backups, monitoring and clean-up; it is often a leftover nobody owns.',
  remediation: {
    text: 'Console: EVS > the disk: attach it to the server that needs it, or back it up and delete it.',
    cli: 'openstack server add volume <server> <volume>\nopenstack volume delete <volume>',
  },
  references: ['C5:OPS-24', 'CCM:CCC-07'],
  // `attachments` is completed from the servers' attached volumes.
  requires: ['ecs.server'],
  evaluate(vol) {
    if (vol.attachments.length > 0)
      return pass(`${label(vol)} is attached to ${vol.attachments.join(', ')}`)
    return fail(`${label(vol)} is not attached to any server`, {
      status: vol.status,
      sizeGb: vol.sizeGb,
      createdAt: vol.createdAt,
    })
  },
})
