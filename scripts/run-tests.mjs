#!/usr/bin/env node
// Runs every *.test.ts below the given folders with Node's own test runner (Node 20 has no glob
// support for --test, so the files are listed here). Extra flags after `--` go to node.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const dash = process.argv.indexOf('--')
const roots = process.argv.slice(2, dash === -1 ? undefined : dash)
const extra = dash === -1 ? [] : process.argv.slice(dash + 1)

/** @param {string} dir @returns {string[]} */
function walk(dir) {
  const out = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue
    const p = join(dir, name)
    if (statSync(p).isDirectory()) out.push(...walk(p))
    else if (name.endsWith('.test.ts')) out.push(p)
  }
  return out
}

const files = roots.flatMap((r) => (r.endsWith('.test.ts') ? [r] : walk(r))).sort()
if (files.length === 0) {
  console.error(`no test files under ${roots.join(', ')}`)
  process.exit(1)
}
const res = spawnSync(
  process.execPath,
  // Test files run three at a time: most wait on sockets and child processes, not the CPU.
  ['--import', 'tsx', '--test', '--test-concurrency=3', '--test-reporter=spec', ...extra, ...files],
  { stdio: 'inherit' },
)
process.exit(res.status ?? 1)
