import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { checks } from '../../checks/index.ts'
import { captureIO } from '../_capture.ts'
import { runCli } from '../main.ts'

describe('sphere checks', () => {
  it('lists every check with duty, service, severity and title', async () => {
    const c = captureIO()
    assert.equal(await runCli(['checks'], c.io), 0)
    for (const check of checks)
      assert.match(
        c.out(),
        new RegExp(`^${check.id}\\s+${check.duty}\\s+${check.service}\\s+${check.severity}`, 'm'),
      )
    assert.match(c.out(), new RegExp(`${checks.length} checks`))
  })

  it('--format json gives the metadata', async () => {
    const c = captureIO()
    assert.equal(await runCli(['checks', '--format', 'json', '--duty', 'backup-restore'], c.io), 0)
    const list = JSON.parse(c.out()) as Array<{
      id: string
      duty: string
      remediation: { text: string }
    }>
    assert.ok(list.length > 0)
    assert.ok(list.every((x) => x.duty === 'backup-restore' && x.remediation.text.length > 0))
    assert.ok(list.some((x) => x.id === 'cbr-server-protected'))
  })

  it('an unknown duty is a usage error listing the duties', async () => {
    const c = captureIO()
    assert.equal(await runCli(['checks', '--duty', 'nope'], c.io), 2)
    assert.match(c.err(), /expected one of: .*network-access/)
  })
})
