/**
 * Four `sphere scan --store` processes writing into one PostgreSQL database at once (as a CI
 * matrix or one CronJob per group of projects would): every scan is stored whole, with its own
 * scopes, and history lists all four. The same with SQLite, where writers take turns.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { loginFor, startEmulator, writeCloudsYaml } from '../../src/emulator/index.ts'
import { Store } from '../../src/store/store.ts'
import { BACKENDS, freshLocation, pgSkip } from '../../src/store/testing.ts'

const dir = mkdtempSync(join(tmpdir(), 'sphere-concurrent-'))
const cleanup: (() => Promise<void>)[] = []
after(async () => {
  for (const c of cleanup) await c()
  rmSync(dir, { recursive: true, force: true })
})

const GROUPS = [
  ['--projects', 'eu-de'],
  ['--projects', 'eu-de_dev'],
  ['--projects', 'eu-de_restricted'],
  ['--all-projects', '--regions', 'all'],
]

async function run(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, ['bin/sphere.js', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let err = ''
  child.stderr.on('data', (d) => (err += d))
  const [code] = await once(child, 'exit')
  return { code: code as number, err }
}

for (const kind of BACKENDS) {
  describe(`four concurrent writers: ${kind}`, {
    skip: kind === 'postgres' ? pgSkip() : false,
  }, () => {
    it('every scan is stored whole with its scopes', async () => {
      const emu = await startEmulator({ world: 'demo', port: 0 })
      cleanup.push(() => emu.close())
      const clouds = join(dir, `clouds-${kind}.yaml`)
      writeFileSync(
        clouds,
        writeCloudsYaml({
          authUrl: emu.authUrl,
          cloudName: 'demo',
          ...loginFor(emu.emulator.world),
        }),
      )
      const loc = await freshLocation(kind)
      cleanup.push(loc.drop)
      const results = await Promise.all(
        GROUPS.map((g, i) =>
          run(
            [
              'scan',
              '--os-cloud',
              'demo',
              ...g,
              '--store',
              '--db',
              loc.spec,
              '--format',
              'json',
              '-o',
              join(dir, `${kind}-${i}.json`),
            ],
            {
              OS_CLIENT_CONFIG_FILE: clouds,
            },
          ),
        ),
      )
      for (const r of results) assert.match(r.err, /stored as scan \d+ in /, r.err)
      const store = await Store.open(loc.spec)
      try {
        const scans = await store.scans()
        assert.equal(scans.length, 4)
        const reports = GROUPS.map((_, i) =>
          JSON.parse(readFileSync(join(dir, `${kind}-${i}.json`), 'utf8')),
        )
        for (const report of reports) {
          const projects = report.scopes
            .map((s: { scope: { projectName: string } }) => s.scope.projectName)
            .sort()
          const scan = scans.find(
            (s) =>
              JSON.stringify(s.scopes.map((x) => x.projectName).sort()) ===
              JSON.stringify(projects),
          )
          assert.ok(scan, `a stored scan with scopes ${projects}`)
          assert.equal(scan.findings, report.findings.length)
          const stored = await store.findings(scan.id)
          assert.deepEqual(
            stored.map((f) => `${f.fingerprint}:${f.status}`).sort(),
            report.findings
              .map((f: { fingerprint: string; status: string }) => `${f.fingerprint}:${f.status}`)
              .sort(),
          )
        }
        // One scope row per scope, however many writers met it first.
        const [dup] = await store.db.all<{ n: number }>(
          'SELECT COUNT(*) AS n FROM (SELECT cloud, region, project_id, kind FROM scopes GROUP BY cloud, region, project_id, kind HAVING COUNT(*) > 1) d',
        )
        assert.equal(Number(dup!.n), 0)
      } finally {
        await store.close()
      }
    })
  })
}
