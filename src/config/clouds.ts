/**
 * Resolves the cloud to scan as openstacksdk users know it: clouds.yaml (+ secure.yaml), `OS_*`
 * environment variables and flags, in the order flags > env > file. Every problem is reported at
 * once in one {@link ConfigError} naming the file and key (or variable, or flag).
 * @module
 */
import { type CloudConfig, deepFreeze } from './cloud-config.ts'
import { buildCloudConfig, type MissingAt } from './clouds-build.ts'
import { type CloudFiles, type FileLookup, loadCloudFiles } from './clouds-files.ts'
import {
  AUTH_KEYS,
  type CloudFlags,
  envNameFor,
  type Settings,
  settingsFromEntry,
  settingsFromEnv,
  settingsFromFlags,
} from './clouds-settings.ts'
import { ConfigError, type ConfigIssue, issueAt, type SettingSource } from './config-error.ts'
import { stripUrlCredentials } from './url-credentials.ts'

// Re-exported so the CLI needs one import for resolving and reporting.
export type { CloudConfig } from './cloud-config.ts'
export type { CloudFlags } from './clouds-settings.ts'
export { ConfigError } from './config-error.ts'

/** Inputs of {@link resolveCloudConfig}; the environment and folders are parameters, not globals. */
export interface ResolveCloudConfigOptions extends FileLookup {
  flags?: CloudFlags
}

/**
 * Resolves and validates the cloud configuration.
 * @throws {ConfigError} listing every problem (exit code 2)
 * @example
 * const cfg = resolveCloudConfig({ flags: { osCloud: args['os-cloud'] }, env: io.env, cwd: io.cwd, home: os.homedir() })
 */
export function resolveCloudConfig(opts: ResolveCloudConfigOptions): CloudConfig {
  const flags = opts.flags ?? {}
  const files = loadCloudFiles(opts)
  const issues: ConfigIssue[] = [...files.issues]
  const settings: Settings = new Map()
  const name = flags.osCloud || opts.env.OS_CLOUD || undefined
  const selected = selectCloud(name, flags, opts.env, files, settings, issues)
  const cloudsFile = files.cloudsFile ?? files.secureFile
  const env = settingsFromEnv(opts.env, settings)
  const used = settingsFromFlags(flags, settings)
  // Before anything can echo a URL: user info leaves the settings here.
  const fromUrls = stripUrlCredentials(settings)
  const missingAt = missingLocation(name && selected ? name : undefined, cloudsFile)
  const built = buildCloudConfig(settings, missingAt, issues, selected && files.issues.length === 0)
  if (issues.length > 0 || !built) throw new ConfigError([...issues, ...fromUrls.issues])
  const filesRead = [files.cloudsFile, files.secureFile].filter((f): f is string => !!f)
  return deepFreeze({
    ...built,
    source: {
      cloud: name,
      files: name ? filesRead : [],
      env,
      flags: flags.osCloud ? ['--os-cloud', ...used] : used,
    },
    ...(fromUrls.warnings.length > 0
      ? { warnings: fromUrls.warnings, urlSecrets: fromUrls.secrets }
      : {}),
  })
}

/** Reads the named cloud's entry into `settings`; false when no usable entry was selected. */
function selectCloud(
  name: string | undefined,
  flags: CloudFlags,
  env: Record<string, string | undefined>,
  files: CloudFiles,
  settings: Settings,
  issues: ConfigIssue[],
): boolean {
  const names = Object.keys(files.clouds).sort()
  const cloudsFile = files.cloudsFile ?? files.secureFile
  const from = flags.osCloud ? '--os-cloud' : 'OS_CLOUD'
  if (name === undefined) {
    if (cloudsFile === undefined || names.length === 0 || env.OS_AUTH_URL) return true
    issues.push({
      file: cloudsFile,
      path: 'clouds',
      message: `no cloud selected: pass --os-cloud or set OS_CLOUD to one of: ${names.join(', ')}`,
    })
    return false
  }
  if (cloudsFile === undefined) {
    const at: SettingSource = flags.osCloud
      ? { kind: 'flag', name: from }
      : { kind: 'env', name: from }
    const where = files.searched.join(', ')
    issues.push(
      issueAt(at, `cloud "${name}" requested, but no clouds.yaml was found (looked in ${where})`),
    )
    return false
  }
  if (!Object.hasOwn(files.clouds, name)) {
    // A file that did not parse has no names to offer; its own issues say why.
    if (files.issues.length === 0)
      issues.push({
        file: cloudsFile,
        path: 'clouds',
        message: `no cloud named "${name}" (from ${from}); available: ${names.join(', ') || '(none)'}`,
      })
    return false
  }
  settingsFromEntry(name, files.clouds[name], files.fileOf, settings, issues)
  return true
}

function missingLocation(cloud: string | undefined, file: string | undefined): MissingAt {
  return (key) => {
    if (cloud === undefined || file === undefined)
      return { kind: 'env', name: envNameFor(key) ?? key.toUpperCase() }
    const inAuth = Object.values(AUTH_KEYS).includes(key) && key !== 'ak' && key !== 'sk'
    return { kind: 'file', file, path: `clouds.${cloud}.${inAuth ? 'auth.' : ''}${key}` }
  }
}
