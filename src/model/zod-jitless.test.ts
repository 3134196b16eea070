import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { z } from 'zod'
import { zodJitless } from './zod-jitless.ts'

describe('zod-jitless', () => {
  it('turns zod’s JIT off; schemas built after it validate as before', () => {
    assert.equal(zodJitless(), true)
    const s = z.object({ id: z.string(), size: z.number().int() })
    assert.deepEqual(s.parse({ id: 'a', size: 1, extra: true }), { id: 'a', size: 1 })
    assert.equal(s.safeParse({ id: 'a', size: '1' }).success, false)
  })

  it('is imported by the CLI entry before the CLI, and first by every bench', () => {
    const bin = readFileSync(new URL('../../bin/sphere.js', import.meta.url), 'utf8')
    const jitless = bin.indexOf("import('../src/model/zod-jitless.ts')")
    assert.ok(jitless > 0 && jitless < bin.indexOf("import('../src/cli/main.ts')"), bin)
    const bench = new URL('../../bench/', import.meta.url)
    const entries = readdirSync(bench).filter(
      (f) => f.endsWith('.bench.ts') || f === '_emulator-process.ts',
    )
    assert.ok(entries.length >= 8, entries.join())
    for (const f of entries) {
      const first = readFileSync(new URL(f, bench), 'utf8').match(/^import .*$/m)?.[0]
      assert.equal(first, "import '../src/model/zod-jitless.ts'", `bench/${f}`)
    }
  })
})
