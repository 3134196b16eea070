/** The installed `sphere` executable, run as a user runs it (a real process). */
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'

const BIN = fileURLToPath(new URL('../../bin/sphere.js', import.meta.url))

function sphere(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

describe('bin/sphere.js', () => {
  it('prints the matrix and exits 0', () => {
    const r = sphere('matrix')
    assert.equal(r.code, 0, r.err)
    assert.match(r.out, /Guest OS\s+customer/)
  })

  it('prints JSON that parses, even through a pipe', () => {
    const r = sphere('matrix', '--format', 'json')
    assert.equal(r.code, 0, r.err)
    assert.equal(JSON.parse(r.out).schemaVersion, 1)
  })

  it('exits 2 on a wrong flag with the message on stderr only', () => {
    const r = sphere('matrix', '--wrong')
    assert.equal(r.code, 2)
    assert.equal(r.out, '')
    assert.match(r.err, /unknown option '--wrong'/)
  })
})
