/**
 * Host report oddities, end to end: a report dated in the future is not used and is listed as
 * invalid naming its time (it would otherwise never go stale); symlinks in `--host-reports` are
 * followed, and a dangling one or one to a directory is listed with the reason, never dropped.
 */
import assert from 'node:assert/strict'
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { before, describe, it } from 'node:test'
import { loadWorld } from '../../src/emulator/index.ts'
import { hostReport } from '../../src/host/testing.ts'
import { assertNoLeaks, emulatorCloud, sphere, tempDir } from './_kit.ts'

const dir = tempDir('hostreports')

interface Note {
  code: string
  source?: string
  message: string
}

/** A report of demo server `name` (project eu-de), matched by instance id, collected at `at`. */
function report(name: string, at: string) {
  const world = loadWorld('demo')
  const eude = world.projects.find((p) => p.name === 'eu-de')!.id
  const s = world.servers.find((x) => x.name === name && x.projectId === eude)!
  return hostReport({
    collectedAt: at,
    host: { hostname: name, instanceId: s.id, instanceIdSource: 'cloud-init', addresses: [] },
  })
}

describe('sphere scan --host-reports with odd files', () => {
  let notes: Note[]
  let findings: { checkId: string; status: string; resource: { name: string } }[]
  let err: string
  const reports = join(dir, 'host-reports')
  const elsewhere = join(dir, 'elsewhere')

  before(async () => {
    const { clouds } = await emulatorCloud(dir, 'demo', 'demo')
    mkdirSync(reports)
    mkdirSync(elsewhere)
    const now = new Date().toISOString()
    writeFileSync(
      join(reports, 'future.json'),
      JSON.stringify(report('web-01', '2099-01-01T00:00:00Z')),
    )
    writeFileSync(join(elsewhere, 'web-02.json'), JSON.stringify(report('web-02', now)))
    symlinkSync(join(elsewhere, 'web-02.json'), join(reports, 'linked.json'))
    symlinkSync(join(elsewhere, 'gone.json'), join(reports, 'dangling.json'))
    symlinkSync(elsewhere, join(reports, 'folder.json'))
    const r = await sphere(
      ['scan', '--os-cloud', 'demo', '--format', 'json', '--host-reports', reports],
      {
        cwd: dir,
        env: { OS_CLIENT_CONFIG_FILE: clouds },
      },
    )
    assert.equal(r.code, 1, r.err)
    assertNoLeaks(r)
    ;({ notes, findings } = JSON.parse(r.out))
    err = r.err
  })
  const noteOf = (file: string) => notes.find((n) => n.source?.endsWith(file))

  it('a report dated 2099 is invalid, naming its time; its server gets no host evidence from it', () => {
    const n = noteOf('future.json')
    assert.equal(n?.code, 'host-report-invalid')
    assert.match(
      n!.message,
      /collectedAt 2099-01-01T00:00:00Z lies in the future .*10 minutes of clock skew/,
    )
    assert.match(
      err,
      /warning: .*future\.json: not used: collectedAt 2099-01-01T00:00:00Z lies in the future/,
    )
    const agent = (name: string) =>
      findings
        .filter((f) => f.checkId === 'host-monitoring-agent' && f.resource.name === name)
        .map((f) => f.status)
    assert.deepEqual(agent('web-01'), ['manual'], 'as if it had no report')
    assert.deepEqual(agent('web-02'), ['pass'], 'the linked report counts')
  })

  it('a symlink to a report is read and matched', () => {
    assert.equal(noteOf('linked.json')?.code, 'host-report-matched')
  })

  it('a dangling symlink and a symlink to a directory are listed with the reason', () => {
    assert.equal(noteOf('dangling.json')?.code, 'host-report-invalid')
    assert.match(
      noteOf('dangling.json')!.message,
      /dangling symlink: its target .*gone\.json does not exist/,
    )
    assert.equal(noteOf('folder.json')?.code, 'host-report-invalid')
    assert.match(noteOf('folder.json')!.message, /symlink to a directory/)
    assert.match(
      err,
      /host reports: 1 matched, 0 stale, 0 matching no server, 0 superseded, 3 invalid/,
    )
  })
})
