/**
 * Meta-tests over the check registry, the check files and the responsibility model: what a new
 * check forgot (registration, duty, test file, metadata rules) fails here.
 */
import assert from 'node:assert/strict'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { RESOURCE_TYPES } from '../inventory/types.ts'
import { loadResponsibilityModel } from '../responsibility/load.ts'
import { SEVERITIES } from './define.ts'
import { checks } from './index.ts'

const ROOT = fileURLToPath(new URL('.', import.meta.url))
const model = loadResponsibilityModel()

/** `src/checks/<service>/<id>.ts`: every check file (tests and `_internal.ts` files excluded). */
function checkFiles(): string[] {
  return readdirSync(ROOT, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(ROOT, d.name))
        .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.startsWith('_'))
        .map((f) => join(ROOT, d.name, f)),
    )
    .sort()
}

describe('check registry', () => {
  it('holds every check file, under its file name, and nothing else', async () => {
    const files = checkFiles()
    for (const file of files) {
      const mod = (await import(pathToFileURL(file).href)) as { default?: { id?: string } }
      const id = basename(file, '.ts')
      assert.ok(mod.default, `${file} has no default export`)
      assert.equal(mod.default.id, id, `${file}: id must equal the file name`)
      assert.ok(
        checks.includes(mod.default as (typeof checks)[number]),
        `${id} is not in checks/index.ts`,
      )
    }
    assert.equal(checks.length, files.length, 'the registry lists a check that has no file')
    assert.equal(new Set(checks.map((c) => c.id)).size, checks.length, 'duplicate check id')
  })

  it('puts each check in the folder of its id prefix', () => {
    for (const file of checkFiles()) {
      const folder = basename(join(file, '..'))
      assert.ok(basename(file).startsWith(`${folder}-`), `${file} is not in folder ${folder}/`)
    }
  })
})

describe('check metadata', () => {
  const services = new Set(model.services.map((s) => s.id))
  for (const c of checks) {
    it(c.id, () => {
      assert.match(
        c.id,
        /^[a-z0-9]+(-[a-z0-9]+){2,}$/,
        'id is kebab-case <service>-<resource>-<state>',
      )
      assert.ok(c.title.length <= 120, 'title is at most 120 characters')
      assert.doesNotMatch(c.title, /^(ensure|check|verify)\b/i, 'title states the secure condition')
      assert.doesNotMatch(c.title, /\.$/, 'title has no final period')
      assert.ok(SEVERITIES.includes(c.severity))
      assert.ok(services.has(c.service), `unknown service "${c.service}"`)
      assert.ok(RESOURCE_TYPES.includes(c.resourceType))
      assert.ok(c.rationale.trim().length > 20, 'rationale says why')
      assert.ok(c.remediation.text.trim().length > 20, 'remediation text gives steps')
      assert.ok(c.references.length > 0, 'at least one reference')
      for (const t of c.requires) assert.ok(RESOURCE_TYPES.includes(t), `requires unknown ${t}`)
      assert.equal(new Set(c.requires).size, c.requires.length, 'requires lists a type twice')
      for (const t of c.alsoReads ?? []) {
        assert.ok(RESOURCE_TYPES.includes(t), `alsoReads unknown ${t}`)
        assert.ok(!c.requires.includes(t) && t !== c.resourceType, `alsoReads repeats ${t}`)
      }
    })
  }
})

describe('checks and duties', () => {
  const byId = new Map(model.duties.map((d) => [d.id, d]))

  it('lists every check under exactly the duty it names', () => {
    for (const c of checks) {
      const listed = model.duties.filter((d) => d.checks.includes(c.id)).map((d) => d.id)
      assert.ok(byId.has(c.duty), `${c.id}: unknown duty "${c.duty}"`)
      assert.deepEqual(listed, [c.duty], `${c.id} must be listed under duties.yaml ${c.duty} only`)
    }
  })

  it('names only existing checks in duties.yaml', () => {
    const ids = new Set(checks.map((c) => c.id))
    for (const d of model.duties)
      for (const id of d.checks) assert.ok(ids.has(id), `duty ${d.id} lists unknown check ${id}`)
  })

  it('gives every customer duty with API evidence at least one check', () => {
    for (const d of model.duties.filter((x) => x.kind === 'customer' && x.evidence.includes('api')))
      assert.ok(d.checks.length > 0, `duty ${d.id} has no check`)
  })

  it('cites C5 and CCM criteria of the check’s own duty, or documentation links', () => {
    for (const c of checks) {
      const duty = byId.get(c.duty)!
      const own = new Set([
        ...duty.references.c5.map((r) => `C5:${r.id}`),
        ...duty.references.ccm.map((r) => `CCM:${r.id}`),
      ])
      for (const ref of c.references) {
        if (/^https:\/\//.test(ref)) continue
        assert.ok(own.has(ref), `${c.id}: ${ref} is not a reference of duty ${c.duty}`)
      }
    }
  })
})

describe('check tests', () => {
  for (const file of checkFiles()) {
    const id = basename(file, '.ts')
    it(`${id} has a test with a pass and a fail case`, () => {
      const test = file.replace(/\.ts$/, '.test.ts')
      assert.ok(existsSync(test), `missing ${basename(test)}`)
      const text = readFileSync(test, 'utf8')
      assert.match(text, /'pass'/, `${basename(test)} asserts no pass`)
      assert.match(text, /'fail'/, `${basename(test)} asserts no fail`)
      if (checks.find((c) => c.id === id)?.requires.length)
        assert.match(
          text,
          /'error'/,
          `${basename(test)}: a check with requires needs an error case`,
        )
    })
  }
})
