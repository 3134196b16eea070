/** `sphere demo`: the README's main command, run as a real process in a fresh folder. */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/sphere.js', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'sphere-demo-'))
after(() => rmSync(dir, { recursive: true, force: true }))

describe('sphere demo', () => {
  it('scans the demo world over HTTP, prints the report and writes sphere-report.html', () => {
    const r = spawnSync(process.execPath, [BIN, 'demo'], {
      cwd: dir,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: dir, NO_COLOR: '1' },
    })
    assert.equal(r.status, 0, r.stderr)
    assert.match(r.stdout, /local emulator at http:\/\/127\.0\.0\.1:\d+/)
    assert.match(r.stdout, /network-access\s+customer.*NOT MET/)
    // The whole demo organisation: two regions, and one project the demo user may not enter.
    assert.match(r.stdout, /4 projects in 2 regions of 1 cloud/)
    assert.match(r.stdout, /^Summary: .* 1 collection issue/m)
    assert.match(r.stdout, /cannot enter project eu-de_restricted/)
    const html = join(dir, 'sphere-report.html')
    assert.ok(existsSync(html))
    assert.match(
      r.stdout,
      new RegExp(`HTML report: ${html.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    )
    const text = readFileSync(html, 'utf8')
    assert.match(text, /^<!doctype html>/i)
    assert.doesNotMatch(text, /<img src=x onerror/, 'the XSS probe resource name is escaped')
  })
})
