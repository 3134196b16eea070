/**
 * A writer killed in the middle of storing a scan (SIGKILL, transaction open, half its findings
 * written) leaves the history as it was, and the store takes the next scan; SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { after, describe, it } from 'node:test'
import { scanResultFixture } from '../../src/engine/testing.ts'
import { Store } from '../../src/store/store.ts'
import { BACKENDS, freshLocation, pgSkip } from '../../src/store/testing.ts'

const drops: (() => Promise<void>)[] = []
after(async () => {
  for (const d of drops) await d()
})

/** Runs the writer until it reports `mid-write`, then kills it with SIGKILL. */
async function killMidWrite(spec: string): Promise<string> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'test/e2e/_store-writer.ts', spec, '50000'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  let out = ''
  let err = ''
  child.stderr.on('data', (d) => (err += d))
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += d
      if (out.includes('mid-write')) resolve()
    })
    child.once('exit', (code) =>
      reject(new Error(`writer ended (${code}) before mid-write: ${err}`)),
    )
  })
  child.kill('SIGKILL')
  await once(child, 'exit')
  return out
}

for (const kind of BACKENDS) {
  describe(`store crash safety: ${kind}`, { skip: kind === 'postgres' ? pgSkip() : false }, () => {
    it('SIGKILL mid-write: the previous history is intact, the half-written scan is absent', async () => {
      const loc = await freshLocation(kind)
      drops.push(loc.drop)
      const out = await killMidWrite(loc.spec)
      assert.match(out, /first stored\nmid-write/)
      const store = await Store.open(loc.spec)
      try {
        const scans = await store.scans()
        assert.deepEqual(
          scans.map((s) => s.id),
          [1],
        )
        const [n] = await store.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM findings')
        assert.equal(Number(n!.n), scanResultFixture().findings.length)
        assert.equal((await store.findings(1)).length, scans[0]!.findings)
        // The store works on: the next scan is stored whole.
        const id = await store.save(scanResultFixture())
        assert.equal((await store.findings(id)).length, scans[0]!.findings)
      } finally {
        await store.close()
      }
    })
  })
}
