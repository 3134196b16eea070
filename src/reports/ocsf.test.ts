import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import { cloudProvider, complianceOf, OCSF_PROFILES, ocsfEvents, renderOcsf } from './ocsf.ts'

/** The Detection Finding class of OCSF 1.3.0 (required and recommended attributes), with its source. */
const CLASS = JSON.parse(
  readFileSync(new URL('./_ocsf-1.3.0-detection-finding.json', import.meta.url), 'utf8'),
) as {
  required: string[]
  recommended: string[]
  profiles: Record<string, { required: string[]; recommended: string[] }>
  objects: Record<
    string,
    { required: string[]; recommended: string[]; constraints?: { at_least_one?: string[] } }
  >
  enums: Record<string, Record<string, string>>
}

/** Recommended attributes Sphere leaves out, and why (everything else recommended must be there). */
const LEFT_OUT: Record<string, string> = {
  device:
    'a finding is about a cloud resource (resources[]), not a host; the host profile is not declared',
  evidences: 'only when the check recorded evidence (evidences[0].data)',
  'resource_details.owner': 'owner is a user object; the owning project is resources[].group',
}

/** A parsed event, walked by path. */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked field by field below
type OcsfEvent = Record<string, any>

/** Where each object of the fixture sits in an event. */
const OBJECTS: Record<string, (e: OcsfEvent) => unknown[]> = {
  finding_info: (e) => [e.finding_info],
  analytic: (e) => [e.finding_info?.analytic],
  metadata: (e) => [e.metadata],
  product: (e) => [e.metadata?.product],
  cloud: (e) => [e.cloud],
  account: (e) => [e.cloud?.account],
  resource_details: (e) => e.resources ?? [],
  group: (e) => (e.resources ?? []).map((r: { group?: unknown }) => r.group),
  remediation: (e) => [e.remediation],
  observable: (e) => e.observables ?? [],
  evidences: (e) => e.evidences ?? [],
}

const present = (o: Record<string, unknown>, k: string) => o[k] !== undefined && o[k] !== null

/** Every violation of the class definition in one event, as `path: problem` lines. */
function violations(e: OcsfEvent): string[] {
  const out: string[] = []
  const profiles: string[] = e.metadata?.profiles ?? []
  const required = [
    ...CLASS.required,
    ...profiles.flatMap((p) => CLASS.profiles[p]?.required ?? []),
  ]
  const recommended = [
    ...CLASS.recommended,
    ...profiles.flatMap((p) => CLASS.profiles[p]?.recommended ?? []),
  ]
  for (const k of required) if (!present(e, k)) out.push(`${k}: required, missing`)
  for (const k of recommended)
    if (!present(e, k) && !LEFT_OUT[k]) out.push(`${k}: recommended, missing`)
  for (const [name, at] of Object.entries(OBJECTS)) {
    const def = CLASS.objects[name]!
    for (const o of at(e)) {
      if (o === undefined) continue
      const obj = o as Record<string, unknown>
      for (const k of def.required)
        if (!present(obj, k)) out.push(`${name}.${k}: required, missing`)
      if (name !== 'evidences')
        for (const k of def.recommended)
          if (!present(obj, k) && !LEFT_OUT[`${name}.${k}`])
            out.push(`${name}.${k}: recommended, missing`)
      const one = def.constraints?.at_least_one
      if (one && !one.some((k) => present(obj, k))) out.push(`${name}: needs one of ${one}`)
    }
  }
  const enums: [string, unknown][] = [
    ['activity_id', e.activity_id],
    ['severity_id', e.severity_id],
    ['status_id', e.status_id],
    ['confidence_id', e.confidence_id],
    ['analytic.type_id', e.finding_info?.analytic?.type_id],
    ['account.type_id', e.cloud?.account?.type_id],
  ]
  for (const [k, v] of enums)
    if (v !== undefined && !(String(v) in CLASS.enums[k]!)) out.push(`${k}: ${v} not in the enum`)
  if (e.class_uid !== 2004 || e.category_uid !== 2) out.push('class_uid/category_uid')
  if (e.type_uid !== e.class_uid * 100 + e.activity_id)
    out.push('type_uid ≠ class_uid·100 + activity_id')
  if (!Number.isInteger(e.time)) out.push('time: not an integer timestamp')
  const dts = JSON.stringify(e).match(/"\w+_dt":/g) ?? []
  if (dts.length > 0 && !profiles.includes('datetime'))
    out.push('*_dt used without the datetime profile')
  for (const k of ['time_dt', 'finding_info.created_time_dt'])
    if (
      !/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(
        String(k.split('.').reduce((o: OcsfEvent | undefined, p) => o?.[p], e) ?? ''),
      )
    )
      out.push(`${k}: not RFC 3339`)
  return out
}

describe(renderOcsf.name, () => {
  const r = scanResultFixture({ hostile: true })
  const text = renderOcsf(r)
  const events = JSON.parse(text) as OcsfEvent[]

  it('writes one JSON array with one Detection Finding per finding, each on its own line', () => {
    assert.ok(Array.isArray(events))
    assert.equal(events.length, r.findings.length)
    const lines = text.trimEnd().split('\n')
    assert.equal(lines[0], '[')
    assert.equal(lines.at(-1), ']')
    assert.equal(lines.length, r.findings.length + 2)
    assert.equal(renderOcsf({ ...r, findings: [] }), '[]\n')
  })

  it('validates against the OCSF 1.3.0 Detection Finding class: required and recommended fields', () => {
    for (const e of events) assert.deepEqual(violations(e), [], e.finding_info.uid)
    assert.deepEqual(events[0]!.metadata.profiles, [...OCSF_PROFILES])
    assert.ok(
      events.some((e) => e.evidences),
      'evidence is written where the check recorded some',
    )
  })

  it('the validation fails on an event that breaks the class', () => {
    const e = structuredClone(events[0]!)
    delete e.finding_info.title
    delete e.message
    e.metadata.profiles = ['cloud']
    delete e.cloud
    e.severity_id = 7
    assert.deepEqual(violations(e).sort(), [
      '*_dt used without the datetime profile',
      'cloud: required, missing',
      'finding_info.title: required, missing',
      'message: recommended, missing',
      'severity_id: 7 not in the enum',
    ])
  })

  it('carries the scope: account (the domain), region and project', () => {
    for (const e of events) {
      const account = e.unmapped.scope.kind === 'account'
      assert.deepEqual(e.cloud, {
        provider: 'Open Telekom Cloud',
        region: account ? 'global' : 'eu-de',
        account: {
          uid: 'd-f61828ffa684',
          name: 'OTC00000000001000000317',
          type_id: 99,
          type: 'OpenStack Domain',
        },
        project_uid: account ? 'd-f61828ffa684' : 'p-0391e4486e86',
      })
      assert.equal(e.metadata.tenant_uid, 'd-f61828ffa684')
      assert.equal(e.unmapped.scope.cloud, 'otc-prod')
      assert.equal(e.resources[0].group.uid, e.cloud.project_uid)
    }
  })

  it('puts the C5 and CCM ids in unmapped.compliance, and only links in remediation.references', () => {
    const cbr = events.find((e) => e.unmapped.check_id === 'cbr-server-protected')!
    assert.deepEqual(cbr.unmapped.compliance, { 'C5-2020': ['OPS-06'], 'CCM-4.0': ['BCR-08'] })
    for (const e of events) {
      assert.ok(Object.keys(e.unmapped.compliance).length > 0, e.unmapped.check_id)
      for (const ref of e.remediation.references) assert.match(ref, /^https?:\/\//)
    }
    assert.deepEqual(
      complianceOf({ references: ['C5:OPS-10', 'C5:OPS-14', 'CCM:LOG-08', 'https://x'] } as never),
      { 'C5-2020': ['OPS-10', 'OPS-14'], 'CCM-4.0': ['LOG-08'] },
    )
  })

  it('maps severity, status and mutes', () => {
    const crit = events.find(
      (e) =>
        e.unmapped.check_id === 'ecs-server-no-public-admin-exposure' && e.status_code === 'FAIL',
    )!
    assert.deepEqual([crit.severity_id, crit.severity, crit.status], [5, 'Critical', 'New'])
    assert.equal(crit.resources[0].name, XSS_NAME)
    const muted = events.find((e) => e.status === 'Suppressed')!
    assert.deepEqual([muted.status_id, muted.status_code], [3, 'FAIL'])
    assert.match(muted.unmapped.mute.reason, /nightly batch/)
  })

  it('lists only the findings the filter lets through', () => {
    const fails = ocsfEvents(r, { filter: { statuses: ['fail'], severities: ['high'] } })
    assert.equal(
      fails.length,
      r.findings.filter((f) => f.status === 'fail' && f.severity === 'high').length,
    )
    assert.ok(fails.every((e) => e.status_code === 'FAIL' && e.severity === 'High'))
  })

  it('names the provider from the auth URL', () => {
    assert.equal(cloudProvider('https://iam.eu-nl.otc.t-systems.com/v3'), 'Open Telekom Cloud')
    assert.equal(cloudProvider('https://keystone.example.org:5000/v3'), 'OpenStack')
  })
})
