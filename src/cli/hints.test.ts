/**
 * Every flag or key that an error message, hint or help text tells the user about exists: flags
 * are options of a `sphere` command, camelCase keys are keys of the scan configuration file or its
 * thresholds, and snake_case keys in hints are clouds.yaml keys.
 */
import assert from 'node:assert/strict'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { CheckSettings } from '../checks/settings.ts'
import { AUTH_KEYS, TOP_KEYS } from '../config/clouds-settings.ts'
import { AnyThresholds, scanConfigSchema } from '../config/scan-config.ts'
import { COMMANDS } from './main.ts'

const SRC = new URL('..', import.meta.url).pathname

/** Folders whose messages reach the user as errors, hints and help (checks' remediation holds openstack CLI flags). */
const FOLDERS = ['cli', 'config', 'clients', 'engine', 'collectors', 'host', 'model', 'inventory']

/** Tokens that look like flags but are not sphere's, each with why it may appear. */
const NOT_OURS: Record<string, string> = {
  '--os-auth-type': 'CloudFlags doc comment: the openstack CLI flag a library caller mirrors',
  '--os-interface': 'CloudFlags doc comment',
  '--os-project-id': 'CloudFlags doc comment',
  '--os-project-name': 'CloudFlags doc comment',
  '--os-region-name': 'CloudFlags doc comment naming the openstack CLI equivalent of --region',
  '--no-refresh': 'zypper option in the in-VM collector',
  '--security': 'dnf/yum option in the in-VM collector',
  '--xmlout': 'zypper option in the in-VM collector',
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n)
    if (statSync(p).isDirectory()) return files(p)
    return n.endsWith('.ts') && !n.endsWith('.test.ts') ? [p] : []
  })
}

async function sphereFlags(): Promise<Set<string>> {
  const flags = new Set(['--help', '--version'])
  for (const entry of Object.values(COMMANDS)) {
    const def = await entry.load()
    for (const name of Object.keys(def.options)) flags.add(`--${name}`)
  }
  return flags
}

describe('hints name what exists', () => {
  it('every --flag in messages, hints and help is an option of a sphere command', async () => {
    const flags = await sphereFlags()
    const unknown: string[] = []
    for (const f of FOLDERS.flatMap((d) => files(join(SRC, d)))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/--[a-z][a-z0-9-]+/g)) {
        const flag = m[0]
        if (!flags.has(flag) && !(flag in NOT_OURS)) unknown.push(`${f.slice(SRC.length)}: ${flag}`)
      }
    }
    assert.deepEqual(unknown, [])
  })

  it('every camelCase key a help text names is a key of the scan configuration or its thresholds', async () => {
    const keys = new Set([
      ...Object.keys(CheckSettings.shape),
      ...Object.keys(scanConfigSchema(AnyThresholds).shape),
    ])
    const unknown: string[] = []
    for (const [name, entry] of Object.entries(COMMANDS)) {
      const def = await entry.load()
      for (const m of def.help.matchAll(/\b[a-z]+(?:[A-Z][a-z]+)+\b/g))
        if (!keys.has(m[0])) unknown.push(`sphere ${name} --help: ${m[0]}`)
    }
    assert.deepEqual(unknown, [])
  })

  it('every snake_case key a hint names is a clouds.yaml key', () => {
    const keys = new Set([...Object.keys(AUTH_KEYS), ...Object.keys(TOP_KEYS)])
    const unknown: string[] = []
    for (const f of FOLDERS.flatMap((d) => files(join(SRC, d)))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/hint:[^\n]*/g)) {
        for (const k of m[0].matchAll(/\b[a-z]+(?:_[a-z]+)+\b/g))
          if (!keys.has(k[0]) && !k[0].endsWith('_endpoint_override'))
            unknown.push(`${f.slice(SRC.length)}: ${k[0]}`)
      }
    }
    assert.deepEqual(unknown, [])
  })
})
