import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { DEMO_HOSTS_ANCHOR, loadDemoHostReports, redate } from './_demo-hosts.ts'

const DAY = 86_400_000

describe('the demo world host reports', () => {
  it('all load, and are moved so the anchor is now', () => {
    const now = new Date('2030-01-15T08:00:00.250Z')
    const { reports, files, errors } = loadDemoHostReports(now)
    assert.deepEqual(errors, [])
    assert.ok(files.includes('demo-hosts/web-01.json'), files.join())
    assert.ok(files.includes('demo-hosts/old-web-03.json'))
    const web = reports[files.indexOf('demo-hosts/web-01.json')]!
    assert.equal(web.collectedAt, new Date(Date.parse('2030-01-15T08:00:00Z') - DAY).toISOString())
    const build = reports[files.indexOf('demo-hosts/build-01.json')]!
    assert.equal(Math.floor((now.getTime() - Date.parse(build.collectedAt!)) / DAY), 31)
  })

  it('redate moves every date and keeps nulls', () => {
    const [r] = loadDemoHostReports(new Date(DEMO_HOSTS_ANCHOR)).reports
    const moved = redate({ ...r!, patching: { ...r!.patching, lastPatchAt: null } }, DAY)
    assert.equal(Date.parse(moved.collectedAt!) - Date.parse(r!.collectedAt!), DAY)
    assert.equal(
      Date.parse(moved.patching.listsRefreshedAt!) - Date.parse(r!.patching.listsRefreshedAt!),
      DAY,
    )
    assert.equal(moved.patching.lastPatchAt, null)
  })

  it('are what scripts/gen-demo-hosts.ts writes from the demo world (instance ids included)', () => {
    const script = fileURLToPath(new URL('../../scripts/gen-demo-hosts.ts', import.meta.url))
    const r = spawnSync(process.execPath, ['--import', 'tsx', script, '--check'], {
      encoding: 'utf8',
    })
    assert.equal(r.status, 0, r.stderr)
  })
})
