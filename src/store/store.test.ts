/**
 * The store's contract, run against every backend: SQLite always, PostgreSQL when the test
 * cluster runs (scripts/postgres.sh; required in CI).
 */
import assert from 'node:assert/strict'
import { after, describe, it } from 'node:test'
import { summarize } from '../engine/summary.ts'
import { scanResultFixture } from '../engine/testing.ts'
import type { Finding, ScanResult } from '../engine/types.ts'
import { renderJson } from '../reports/json.ts'
import { hostileScanResult } from '../reports/testing-hostile.ts'
import { diffScans } from './diff.ts'
import { SCHEMA_VERSION } from './migrations.ts'
import { Store, StoreOpenError } from './store.ts'
import { BACKENDS, freshLocation, pgSkip } from './testing.ts'

const byFp = <T extends { fingerprint: string }>(xs: readonly T[]) =>
  [...xs].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : 1))

/** The result with one passing finding turned into a fail, one minute later. */
function oneNewFailure(r: ScanResult): { result: ScanResult; flipped: Finding } {
  const i = r.findings.findIndex((f) => f.status === 'pass')
  const flipped = { ...r.findings[i]!, status: 'fail' as const, message: 'now open' }
  const later = new Date(Date.parse(r.scan.startedAt) + 60_000).toISOString()
  return {
    result: {
      ...r,
      scan: { ...r.scan, startedAt: later },
      findings: r.findings.map((f, j) => (j === i ? flipped : f)),
    },
    flipped,
  }
}

for (const kind of BACKENDS) {
  const skip = kind === 'postgres' ? pgSkip() : false
  describe(`store contract: ${kind}`, { skip }, () => {
    const drops: (() => Promise<void>)[] = []
    after(async () => {
      for (const d of drops) await d()
    })
    async function fresh() {
      const loc = await freshLocation(kind)
      drops.push(loc.drop)
      return loc.spec
    }

    it('migrates on open, once, and refuses a schema from a newer Sphere', async () => {
      const spec = await fresh()
      const s = await Store.open(spec)
      const rows = await s.db.all<{ version: number }>('SELECT version FROM schema_migrations')
      assert.deepEqual(
        rows.map((r) => Number(r.version)),
        [SCHEMA_VERSION],
      )
      await s.close()
      const again = await Store.open(spec)
      assert.equal((await again.db.all('SELECT version FROM schema_migrations')).length, 1)
      await again.db.run(
        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')",
      )
      await again.close()
      await assert.rejects(
        Store.open(spec),
        (e: Error) => e instanceof StoreOpenError && /schema version 999/.test(e.message),
      )
    })

    it('a stored scan reads back as the JSON report has it: findings, duties, summary, scopes', async () => {
      const s = await Store.open(await fresh())
      const r = scanResultFixture()
      const id = await s.save(r)
      const [row] = await s.scans()
      assert.equal(row!.id, id)
      assert.deepEqual(row!.summary, JSON.parse(JSON.stringify(summarize(r))))
      assert.equal(row!.findings, r.findings.length)
      assert.deepEqual(row!.scopes.map((x) => x.kind).sort(), ['account', 'project'])
      const report = JSON.parse(renderJson(r))
      assert.deepEqual(byFp(await s.findings(id)), byFp(report.findings))
      const duties = await s.duties(id)
      assert.deepEqual(
        duties.filter((d) => d.scope === null).map((d) => [d.id, d.status]),
        r.duties.map((d) => [d.id, d.status]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1)),
      )
      assert.equal(
        duties.filter((d) => d.scope !== null).length,
        r.scopes.reduce((n, x) => n + x.duties.length, 0),
      )
      await s.close()
    })

    it('hostile cloud strings are stored and read back unchanged (lone surrogates and NUL as U+FFFD)', async () => {
      const s = await Store.open(await fresh())
      const r = hostileScanResult()
      const id = await s.save(r)
      // UTF-8 cannot hold a lone surrogate, PostgreSQL text no NUL: each becomes U+FFFD.
      const wellFormed = (_k: string, v: unknown) =>
        typeof v === 'string'
          ? v.replace(
              /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|\u0000/g,
              '\ufffd',
            )
          : v
      const expected = JSON.parse(renderJson(r), wellFormed).findings
      assert.deepEqual(byFp(await s.findings(id)), byFp(expected))
      await s.close()
    })

    it('diff of two stored scans names exactly the finding that changed', async () => {
      const s = await Store.open(await fresh())
      const r = scanResultFixture()
      const { result, flipped } = oneNewFailure(r)
      const a = await s.save(r)
      const b = await s.save(result)
      const side = async (id: number) => ({
        label: `scan ${id}`,
        startedAt: '',
        findings: await s.findings(id),
        duties: await s.duties(id),
      })
      const d = diffScans(await side(a), await side(b))
      assert.deepEqual(
        d.newFailures.map((f) => f.fingerprint),
        [flipped.fingerprint],
      )
      assert.equal(d.fixed.length, 0)
      assert.equal(d.changed.length, 0)
      assert.equal(d.stillFailing.length, r.findings.filter((f) => f.status === 'fail').length)
      await s.close()
    })

    it('a scan that fails to store leaves nothing behind (one transaction)', async () => {
      const s = await Store.open(await fresh())
      const good = await s.save(scanResultFixture())
      const r = scanResultFixture()
      const broken = {
        ...r,
        findings: [...r.findings, { ...r.findings[0]!, message: null as unknown as string }],
      }
      await assert.rejects(s.save(broken))
      assert.deepEqual(
        (await s.scans()).map((x) => x.id),
        [good],
      )
      const [n] = await s.db.all<{ n: number }>('SELECT COUNT(*) AS n FROM findings')
      assert.equal(Number(n!.n), r.findings.length)
      const [d] = await s.db.all<{ n: number }>(
        'SELECT COUNT(*) AS n FROM duty_rollups WHERE scan_id <> ?',
        [good],
      )
      assert.equal(Number(d!.n), 0)
      await s.close()
    })

    it('prune deletes the scans started before the cutoff with all their rows', async () => {
      const s = await Store.open(await fresh())
      const old = scanResultFixture()
      await s.save({ ...old, scan: { ...old.scan, startedAt: '2020-01-01T00:00:00.000Z' } })
      const keep = await s.save(old)
      assert.equal(await s.prune(new Date('2021-01-01T00:00:00Z')), 1)
      assert.deepEqual(
        (await s.scans()).map((x) => x.id),
        [keep],
      )
      for (const t of ['findings', 'duty_rollups', 'scan_scopes', 'inventory_counts']) {
        const [row] = await s.db.all<{ n: number }>(
          `SELECT COUNT(*) AS n FROM ${t} WHERE scan_id <> ?`,
          [keep],
        )
        assert.equal(Number(row!.n), 0, t)
      }
      await s.close()
    })
  })
}
