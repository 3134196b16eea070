import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { captureIO } from './_capture.ts'
import { COMMANDS, runCli, version } from './main.ts'

describe('sphere (main)', () => {
  it('--help lists every command and exits 0', async () => {
    const c = captureIO()
    assert.equal(await runCli(['--help'], c.io), 0)
    for (const name of Object.keys(COMMANDS)) assert.match(c.out(), new RegExp(`\\b${name}\\b`))
    assert.match(c.out(), /Exit codes/)
  })

  it('no arguments prints help and exits 2', async () => {
    const c = captureIO()
    assert.equal(await runCli([], c.io), 2)
    assert.match(c.out(), /Usage: sphere <command>/)
  })

  it('--version, -v and -V print the package version', async () => {
    for (const flag of ['--version', '-v', '-V']) {
      const c = captureIO()
      assert.equal(await runCli([flag], c.io), 0, flag)
      assert.equal(c.out().trim(), version(), flag)
    }
    assert.match(version(), /^\d+\.\d+\.\d+/)
  })

  it('an unknown command is a usage error (exit 2) naming it', async () => {
    const c = captureIO()
    assert.equal(await runCli(['scna'], c.io), 2)
    assert.match(c.err(), /unknown command "scna"/)
    assert.match(c.err(), /sphere --help/)
  })

  it('an unknown top-level flag is a usage error', async () => {
    const c = captureIO()
    assert.equal(await runCli(['--verbose'], c.io), 2)
    assert.match(c.err(), /unknown option "--verbose"/)
  })

  it('every command has --help with its usage line', async () => {
    for (const [name, entry] of Object.entries(COMMANDS)) {
      const c = captureIO()
      assert.equal(await runCli([name, '--help'], c.io), 0, name)
      const def = await entry.load()
      assert.equal(def.name, name)
      assert.ok(c.out().includes(`Usage: ${def.usage}`), name)
    }
  })

  it('an unknown flag of a command is a usage error with the command usage', async () => {
    const c = captureIO()
    assert.equal(await runCli(['matrix', '--modle', 'iaas'], c.io), 2)
    assert.match(c.err(), /unknown option '--modle'/i)
    assert.match(c.err(), /Usage: sphere matrix/)
  })

  it('help <command> shows that command', async () => {
    const c = captureIO()
    assert.equal(await runCli(['help', 'matrix'], c.io), 0)
    assert.match(c.out(), /Usage: sphere matrix/)
  })
})
