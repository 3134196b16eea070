/** `sphere demo`: the README's main command, run as a real process in a fresh folder. */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
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
    assert.match(r.stdout, /^Summary: .* 0 collection issues/m)
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

describe("the README's two commands in order", () => {
  it('sphere demo in a copy of the checkout leaves nothing the lint step of npm test checks', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url))
    const copy = mkdtempSync(join(tmpdir(), 'sphere-clone-'))
    try {
      // A fresh clone: the files git tracks (committed or staged), its own .git, the same packages.
      const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
      assert.equal(tracked.status, 0, tracked.stderr)
      for (const f of tracked.stdout.split('\0').filter(Boolean)) {
        if (!existsSync(join(root, f))) continue
        mkdirSync(dirname(join(copy, f)), { recursive: true })
        copyFileSync(join(root, f), join(copy, f))
      }
      assert.equal(spawnSync('git', ['init', '-q'], { cwd: copy }).status, 0)
      symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'))
      const env = { PATH: process.env.PATH, HOME: copy, NO_COLOR: '1' }
      const demo = spawnSync(process.execPath, [join(copy, 'bin/sphere.js'), 'demo'], {
        cwd: copy,
        encoding: 'utf8',
        env,
      })
      assert.equal(demo.status, 0, demo.stderr)
      assert.ok(existsSync(join(copy, 'sphere-report.html')))
      const lint = spawnSync(
        process.execPath,
        [join(root, 'node_modules/@biomejs/biome/bin/biome'), 'check', '.'],
        { cwd: copy, encoding: 'utf8', env },
      )
      assert.equal(lint.status, 0, `${lint.stdout}\n${lint.stderr}`)
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  })
})
