/**
 * The devcloud as the integration suite sees it: where up.sh and seed.sh left their state, the
 * `openstack` CLI run as the scanning user, and `sphere scan` run as a user runs it (a real
 * process, `--os-cloud` + `OS_CLIENT_CONFIG_FILE`).
 * @module
 */
import { execFile } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** True only under `npm run test:openstack`; the unit run (`npm test`) skips this suite. */
export const ENABLED = process.env.SPHERE_DEVCLOUD === '1'

/** Why the suite is skipped outside `npm run test:openstack`. */
export const SKIP_REASON =
  'needs the devcloud: test/openstack/up.sh && test/openstack/seed.sh, then npm run test:openstack'

/** State directory of up.sh / seed.sh (same default as lib/common.sh). */
export const STATE = process.env.DEVCLOUD_STATE ?? '/var/tmp/sphere-devcloud'
/** clouds.yaml of the non-admin scanning user, written by seed.sh. */
export const CLOUDS_YAML = join(STATE, 'clouds.yaml')
/** The cloud name in {@link CLOUDS_YAML} that scans (role `reader` in project `sphere-demo`). */
export const CLOUD = 'devcloud'

const BIN = fileURLToPath(new URL('../../bin/sphere.js', import.meta.url))
// Debian's CLI: its shebang is /usr/bin/python3, whatever python PATH finds first.
const OPENSTACK = existsSync('/usr/bin/openstack') ? '/usr/bin/openstack' : 'openstack'

/** Name -> id of every seeded resource (seed/seed.json, written by lib/seed.py). */
export interface Seed {
  project: { name: string; id: string }
  images: Record<string, string>
  servers: Record<string, string>
  securityGroups: Record<string, string | null>
  volumes: Record<string, string>
  backups: Record<string, string>
  floatingIps: Record<string, string>
  keypairs: { scanner: string; owner: string }
  oldBackupDays: number
}

/** Reads seed.json, failing with the command that makes it. */
export function readSeed(): Seed {
  const file = join(STATE, 'seed', 'seed.json')
  if (!existsSync(file) || !existsSync(CLOUDS_YAML))
    throw new Error(`${file} or ${CLOUDS_YAML} missing: run test/openstack/up.sh and seed.sh first`)
  return JSON.parse(readFileSync(file, 'utf8')) as Seed
}

/** Result of a finished child process. */
export interface Run {
  code: number
  stdout: string
  stderr: string
  ms: number
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<Run> {
  const t0 = Date.now()
  return new Promise((resolve) => {
    execFile(
      cmd,
      args,
      { env, timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0
        resolve({
          code,
          stdout,
          stderr: stderr || (err && !stderr ? String(err) : ''),
          ms: Date.now() - t0,
        })
      },
    )
  })
}

const userEnv = (): NodeJS.ProcessEnv => {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OS_CLIENT_CONFIG_FILE: CLOUDS_YAML,
    NO_COLOR: '1',
  }
  // Only the clouds.yaml entry decides who we are.
  for (const k of Object.keys(env))
    if (k.startsWith('OS_') && k !== 'OS_CLIENT_CONFIG_FILE') delete env[k]
  return env
}

/** What the CLI lists, by resource kind: `openstack <args> -f json`, ids from `idField`. */
export const CLI_LISTS = {
  // OSC 6.0 reads one page of servers unless told otherwise (the devcloud's pages hold 2).
  servers: { args: ['server', 'list', '--limit', '-1'], idField: 'ID' },
  images: { args: ['image', 'list'], idField: 'ID' },
  securityGroups: { args: ['security', 'group', 'list'], idField: 'ID' },
  securityGroupRules: { args: ['security', 'group', 'rule', 'list'], idField: 'ID' },
  ports: { args: ['port', 'list'], idField: 'ID' },
  floatingIps: { args: ['floating', 'ip', 'list'], idField: 'ID' },
  volumes: { args: ['volume', 'list'], idField: 'ID' },
  volumeBackups: { args: ['volume', 'backup', 'list'], idField: 'ID' },
  keypairs: { args: ['keypair', 'list'], idField: 'Name' },
} as const

/** A kind the CLI lists. */
export type CliKind = keyof typeof CLI_LISTS

/** Sorted ids the `openstack` CLI lists for the scanning user. */
export async function cliIds(kind: CliKind): Promise<string[]> {
  const { args, idField } = CLI_LISTS[kind]
  const r = await run(OPENSTACK, [...args, '-f', 'json', '--os-cloud', CLOUD], userEnv(), 120_000)
  if (r.code !== 0) throw new Error(`openstack ${args.join(' ')} exited ${r.code}: ${r.stderr}`)
  const rows = JSON.parse(r.stdout) as Record<string, unknown>[]
  return rows.map((row) => String(row[idField])).sort()
}

/** One `sphere scan` run. */
export interface ScanRun extends Run {
  /** The parsed JSON report (stdout). */
  report: unknown
  /** The parsed `--save-inventory` file, or null when the CLI does not offer that flag. */
  inventory: unknown
}

/**
 * Runs `sphere scan --os-cloud devcloud --format json --save-inventory FILE` as the scanning user.
 * Retries without `--save-inventory` if the CLI rejects the flag, so the verdict tests still run.
 */
export async function sphereScan(): Promise<ScanRun> {
  const file = join(mkdtempSync(join(tmpdir(), 'sphere-devcloud-')), 'inventory.json')
  const base = ['scan', '--os-cloud', CLOUD, '--format', 'json']
  let r = await run(process.execPath, [BIN, ...base, '--save-inventory', file], userEnv(), 300_000)
  let withInventory = true
  if (r.code === 2 && /save-inventory/.test(r.stderr)) {
    withInventory = false
    r = await run(process.execPath, [BIN, ...base], userEnv(), 300_000)
  }
  let report: unknown = null
  try {
    report = JSON.parse(r.stdout)
  } catch {
    throw new Error(
      `sphere scan exited ${r.code} without a JSON report on stdout\n--- stderr ---\n${r.stderr.slice(-4000)}`,
    )
  }
  const inventory =
    withInventory && existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as unknown) : null
  return { ...r, report, inventory }
}

/**
 * Resource ids by type from a saved inventory, whatever its envelope: every object with a string
 * `type` and `id` counts; security-group rules (no `type` of their own) come from `rules[].id`.
 */
export function inventoryIds(saved: unknown): { byType: Map<string, string[]>; ruleIds: string[] } {
  const byType = new Map<string, string[]>()
  const ruleIds: string[] = []
  const seen = new Set<unknown>()
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return
    seen.add(v)
    if (Array.isArray(v)) {
      for (const x of v) walk(x)
      return
    }
    const o = v as Record<string, unknown>
    if (typeof o.type === 'string' && typeof o.id === 'string') {
      const list = byType.get(o.type) ?? []
      list.push(o.id)
      byType.set(o.type, list)
      if (o.type === 'vpc.security-group' && Array.isArray(o.rules))
        for (const r of o.rules as { id?: unknown }[])
          if (typeof r.id === 'string') ruleIds.push(r.id)
      return // `raw` wire copies below would count twice
    }
    for (const x of Object.values(o)) walk(x)
  }
  walk(saved)
  for (const [k, ids] of byType) byType.set(k, [...new Set(ids)].sort())
  return { byType, ruleIds: [...new Set(ruleIds)].sort() }
}
