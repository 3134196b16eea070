/**
 * The README's two set-up commands in order on a fresh clone: `sphere demo` writes its report
 * into the checkout, and the lint step of `npm test` must not trip over it.
 */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

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
