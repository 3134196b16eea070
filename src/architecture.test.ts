import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { ALLOWED_IMPORTS } from './architecture.ts'

const SRC = dirname(fileURLToPath(import.meta.url))

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : []
  })
}

/** Relative specifiers of static and dynamic imports and re-exports. */
export function importsOf(source: string): string[] {
  const re =
    /(?:^|[^\w.])(?:import|export)\s*(?:type\s+)?(?:[^'"`;]*?\sfrom\s*)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g
  const out: string[] = []
  for (const m of source.matchAll(re)) out.push((m[1] ?? m[2])!)
  return out.filter((s) => s.startsWith('.'))
}

function layerOf(file: string): string | null {
  const rel = relative(SRC, file).split('/')
  return rel.length > 1 ? rel[0]! : null
}

describe('architecture: import direction', () => {
  it('parses imports', () => {
    assert.deepEqual(
      importsOf(
        `import { a } from './a.ts'\nimport type { B } from '../b/b.ts'\nconst m = await import('./c.ts')\nexport { d } from './d.ts'\nimport x from 'zod'`,
      ),
      ['./a.ts', '../b/b.ts', './c.ts', './d.ts'],
    )
  })

  it('every folder under src/ has a rule', () => {
    const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory())
    for (const f of folders)
      assert.ok(ALLOWED_IMPORTS[f], `src/${f} has no entry in src/architecture.ts`)
  })

  it('no module imports a layer it may not depend on', () => {
    const violations: string[] = []
    for (const file of walk(SRC)) {
      if (file.endsWith('.test.ts') || file.includes('/testing') || file.includes('/_capture'))
        continue
      const from = layerOf(file)
      if (!from) continue
      const allowed = ALLOWED_IMPORTS[from] ?? []
      if (allowed.includes('*')) continue
      for (const spec of importsOf(readFileSync(file, 'utf8'))) {
        const target = resolve(dirname(file), spec)
        if (!target.startsWith(SRC)) continue
        const to = layerOf(target)
        if (to && to !== from && !allowed.includes(to))
          violations.push(`${relative(SRC, file)} imports ${spec} (${from} → ${to})`)
      }
    }
    assert.deepEqual(violations, [])
  })
})
