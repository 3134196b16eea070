/**
 * The dashboard's static files: its stylesheet and script, and Chart.js's UMD build from the
 * installed package (served from here, so the dashboard works offline and loads nothing else).
 * @module
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

const FILES: Record<string, { path: () => string; type: string }> = {
  'dashboard.css': {
    path: () => join(here, 'static', 'dashboard.css'),
    type: 'text/css; charset=utf-8',
  },
  'trends.js': {
    path: () => join(here, 'static', 'trends.js'),
    type: 'text/javascript; charset=utf-8',
  },
  'chart.umd.js': {
    path: () => join(dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.js'),
    type: 'text/javascript; charset=utf-8',
  },
}

const cache = new Map<string, string>()

/** A static file's body and type, or undefined for a name that is not one. */
export function staticFile(name: string): { body: string; type: string } | undefined {
  const f = Object.hasOwn(FILES, name) ? FILES[name] : undefined
  if (!f) return undefined
  let body = cache.get(name)
  if (body === undefined) {
    body = readFileSync(f.path(), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n')
    cache.set(name, body)
  }
  return { body, type: f.type }
}
