import { defaultEngineLifecycle } from '../../lifecycle/engine-eol.ts'
import { defineCheck, fail, label, manual, pass } from '../define.ts'

export default defineCheck({
  id: 'rds-engine-version-supported',
  title: 'RDS instances run an engine version OTC still supports',
  duty: 'software-updates',
  service: 'rds',
  resourceType: 'rds.instance',
  severity: 'high',
  rationale:
    'RDS patches the engine only within a supported major version; after OTC’s end of support (EOS) a version gets no fixes and no SLA, and moving to the next major version is the customer’s task.',
  remediation: {
    text: 'Console: RDS > the instance > Upgrade Major Version (MySQL 5.7 → 8.0, PostgreSQL in place), or create an instance of a supported version and migrate with DRS; test the application against it first.',
    cli: 'POST /v3/{project_id}/instances/{instance_id}/major-version/upgrade (PostgreSQL); MySQL: a new 8.0 instance and DRS',
    terraform:
      'resource "opentelekomcloud_rds_instance_v3" "db" {\n  db {\n    type    = "PostgreSQL"\n    version = "16"\n  }\n}',
  },
  references: ['C5:OPS-23', 'CCM:TVM-05'],
  requires: [],
  evaluate(db, ctx) {
    const r = defaultEngineLifecycle().lookup(db.engine, db.engineVersion)
    const name = `${label(db)} (${db.engine} ${db.engineVersion})`
    if (!r) return manual(`${name}: no lifecycle data for this engine version`)
    const basis = r.verified ? 'OTC end of support' : 'vendor end of support, not confirmed by OTC'
    const evidence = {
      engine: db.engine,
      version: db.engineVersion,
      eos: r.eos,
      verified: r.verified,
      source: r.source,
    }
    if (r.eos === null) return pass(`${name}: no end of support announced`, evidence)
    const today = ctx.now.toISOString().slice(0, 10)
    if (r.eos < today) return fail(`${name} is past its ${basis} (${r.eos})`, evidence)
    return pass(`${name} is supported until ${r.eos} (${basis})`, evidence)
  },
})
