import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { scanResultFixture, XSS_NAME } from '../engine/testing.ts'
import { cloudProvider, renderOcsf } from './ocsf.ts'

describe(renderOcsf.name, () => {
  const r = scanResultFixture({ hostile: true })
  const text = renderOcsf(r)
  const lines = text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l))

  it('writes one Detection Finding per finding and line', () => {
    assert.equal(lines.length, r.findings.length)
    assert.ok(text.endsWith('\n'))
  })

  it('has the required fields on every line', () => {
    for (const e of lines) {
      assert.deepEqual(
        [e.activity_id, e.category_uid, e.class_uid, e.type_uid],
        [1, 2, 2004, 200401],
      )
      assert.match(e.finding_info.uid, /^[0-9a-f]{28}$/)
      for (const k of ['title', 'desc']) assert.equal(typeof e.finding_info[k], 'string')
      assert.ok(Array.isArray(e.finding_info.types) && e.finding_info.types.length === 1)
      assert.deepEqual(Object.keys(e.metadata.product).sort(), [
        'name',
        'uid',
        'vendor_name',
        'version',
      ])
      assert.equal(e.metadata.version, '1.3.0')
      assert.ok(Number.isInteger(e.severity_id) && e.severity_id >= 1 && e.severity_id <= 5)
      assert.equal(typeof e.severity, 'string')
      assert.ok([1, 3].includes(e.status_id))
      assert.equal(e.time, Date.parse('2026-06-01T11:59:30.000Z'))
      assert.equal(e.resources.length, 1)
      for (const k of ['uid', 'name', 'type', 'region'])
        assert.equal(typeof e.resources[0][k], 'string')
      const account = e.unmapped.scope.kind === 'account'
      assert.deepEqual(e.cloud, {
        provider: 'Open Telekom Cloud',
        region: account ? 'global' : 'eu-de',
        account: { uid: 'otc-prod', name: 'otc-prod' },
        project_uid: account ? 'd-f61828ffa684' : 'p-0391e4486e86',
      })
      assert.equal(typeof e.message, 'string')
      assert.equal(typeof e.remediation.desc, 'string')
    }
  })

  it('maps severity, status and mutes', () => {
    const crit = lines.find(
      (e) =>
        e.unmapped.check_id === 'ecs-server-no-public-admin-exposure' && e.status_code === 'FAIL',
    )
    assert.deepEqual([crit.severity_id, crit.severity, crit.status], [5, 'Critical', 'New'])
    assert.equal(crit.resources[0].name, XSS_NAME)
    const muted = lines.find((e) => e.status === 'Suppressed')
    assert.deepEqual([muted.status_id, muted.status_code], [3, 'FAIL'])
    assert.match(muted.unmapped.mute.reason, /nightly batch/)
  })

  it('names the provider from the auth URL', () => {
    assert.equal(cloudProvider('https://iam.eu-nl.otc.t-systems.com/v3'), 'Open Telekom Cloud')
    assert.equal(cloudProvider('https://keystone.example.org:5000/v3'), 'OpenStack')
  })
})
