import { defineCheck, error, fail, label, pass } from '../define.ts'

export default defineCheck({
  id: 'obs-bucket-versioning',
  title: 'OBS buckets keep object versions',
  duty: 'backup-restore',
  service: 'obs',
  resourceType: 'obs.bucket',
  severity: 'low',
  rationale:
    'OBS stores what it is given durably, but an overwrite or delete by a person, a script or ransomware is final unless versioning keeps the earlier versions to restore from.',
  remediation: {
    text: 'Console: OBS > the bucket > Overview > Versioning > Enable. Add a lifecycle rule that expires old versions after the retention you need.',
    cli: 'PUT /?versioning <VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>',
    terraform: 'resource "opentelekomcloud_obs_bucket" "data" {\n  versioning = true\n}',
  },
  references: ['C5:OPS-06', 'CCM:BCR-08'],
  requires: [],
  evaluate(b) {
    if (b.versioning === null) return error(`${label(b)}: its versioning status could not be read`)
    if (b.versioning === 'Enabled') return pass(`${label(b)} keeps object versions`)
    return fail(`${label(b)} keeps no object versions (versioning ${b.versioning.toLowerCase()})`, {
      versioning: b.versioning,
    })
  },
})
