/**
 * Finding and reading `clouds.yaml` and `secure.yaml` the way openstacksdk does: the file named by
 * `OS_CLIENT_CONFIG_FILE` alone if set, else the first of `./clouds.yaml`,
 * `~/.config/openstack/clouds.yaml`, `/etc/openstack/clouds.yaml`; `secure.yaml` from
 * `OS_CLIENT_SECURE_FILE` or the same folders, merged over it key by key.
 * @module
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { InputError } from '../model/input-error.ts'
import { readInputFile } from '../model/input-file.ts'
import { parseYamlText } from '../model/yaml-file.ts'
import type { ConfigIssue } from './config-error.ts'

/** Where to look for the files. */
export interface FileLookup {
  env: Record<string, string | undefined>
  cwd: string
  /** Home folder (for `~/.config/openstack`). */
  home?: string
  /** Replaces the standard search folders (tests). */
  searchDirs?: readonly string[]
}

/** The files found and their merged `clouds` map. */
export interface CloudFiles {
  cloudsFile?: string
  secureFile?: string
  /** Merged `clouds` map (secure over clouds); empty when no file was found. */
  clouds: Record<string, unknown>
  /** Folders searched, for messages. */
  searched: readonly string[]
  /** Which file a key path inside `clouds` (`['mycloud', 'auth', 'password']`) came from. */
  fileOf(path: readonly string[]): string
  issues: ConfigIssue[]
}

const CLOUDS_NAMES = ['clouds.yaml', 'clouds.yml']
const SECURE_NAMES = ['secure.yaml', 'secure.yml']

/** The standard search folders, first match wins. */
export function searchDirs(lookup: FileLookup): string[] {
  if (lookup.searchDirs) return [...lookup.searchDirs]
  const dirs = [lookup.cwd]
  if (lookup.home) dirs.push(join(lookup.home, '.config', 'openstack'))
  dirs.push('/etc/openstack')
  return dirs
}

function firstExisting(dirs: readonly string[], names: readonly string[]): string | undefined {
  for (const d of dirs) {
    for (const n of names) {
      const p = join(d, n)
      if (existsSync(p)) return p
    }
  }
  return undefined
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function hasPath(obj: unknown, path: readonly string[]): boolean {
  let cur = obj
  for (const k of path) {
    if (!isObj(cur) || !(k in cur)) return false
    cur = cur[k]
  }
  return true
}

/** Deep merge: objects merge key by key, anything else in `over` replaces. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isObj(base) || !isObj(over)) return over === undefined ? base : over
  const out: Record<string, unknown> = { ...base }
  for (const [k, v] of Object.entries(over)) out[k] = deepMerge(base[k], v)
  return out
}

function readClouds(file: string, issues: ConfigIssue[]): Record<string, unknown> {
  let doc: unknown
  try {
    // At most 1 MiB (INPUT_LIMITS.clouds), checked before parsing.
    doc = parseYamlText(readInputFile(file, 'clouds'), file)
  } catch (err) {
    if (!(err instanceof InputError)) throw err
    issues.push(...err.issues.map((i) => ({ ...i, file })))
    return {}
  }
  if (doc === null || doc === undefined) return {}
  if (!isObj(doc)) {
    issues.push({ file, path: '', message: 'expected a mapping with a "clouds" key' })
    return {}
  }
  if (doc.clouds === undefined || doc.clouds === null) return {}
  if (!isObj(doc.clouds)) {
    issues.push({ file, path: 'clouds', message: 'expected a mapping of cloud names to settings' })
    return {}
  }
  return doc.clouds
}

/**
 * Finds, reads and merges the files. Problems (missing `OS_CLIENT_CONFIG_FILE`, YAML syntax with
 * line and column, wrong top-level shape) are returned, not thrown, so they are reported together
 * with every other problem.
 */
export function loadCloudFiles(lookup: FileLookup): CloudFiles {
  const issues: ConfigIssue[] = []
  const dirs = searchDirs(lookup)
  const explicit = lookup.env.OS_CLIENT_CONFIG_FILE
  const cloudsFile = explicit ? resolve(lookup.cwd, explicit) : firstExisting(dirs, CLOUDS_NAMES)
  const explicitSecure = lookup.env.OS_CLIENT_SECURE_FILE
  const secureFile = explicitSecure
    ? resolve(lookup.cwd, explicitSecure)
    : firstExisting(cloudsFile ? [dirname(cloudsFile), ...dirs] : dirs, SECURE_NAMES)
  const clouds = cloudsFile ? readClouds(cloudsFile, issues) : {}
  const secure = secureFile ? readClouds(secureFile, issues) : {}
  return {
    cloudsFile,
    secureFile,
    clouds: deepMerge(clouds, secure) as Record<string, unknown>,
    searched: dirs,
    issues,
    fileOf: (path) =>
      (secureFile && hasPath(secure, path) ? secureFile : cloudsFile) ?? secureFile ?? '',
  }
}
