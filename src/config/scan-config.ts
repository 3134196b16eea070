/**
 * The scan configuration file (`sphere scan --config sphere.yaml`): check thresholds, request
 * concurrency, rate and timeouts, which checks and duties to run, the severity that fails a build,
 * whether an incomplete scan may pass and the mutelist to apply. Every field is optional and every
 * one has an effect (docs/scan-config.md); a flag given on the command line wins over the file, the
 * file over clouds.yaml and the defaults. Every problem names the file, the path in it and what
 * was expected.
 *
 * ```yaml
 * thresholds:              # overrides of the check settings' defaults
 *   accessKeyMaxAgeDays: 60
 *   adminPorts: [22, 3389, 5985]
 * concurrency: 4           # requests in flight per endpoint    (--concurrency)
 * requestsPerSecond: 10    # per endpoint                       (--rps)
 * apiTimeoutSeconds: 30    # one HTTP request                   (--api-timeout)
 * authTimeoutSeconds: 30   # authentication, retries included   (--auth-timeout)
 * timeoutSeconds: 600      # the whole scan                     (--timeout)
 * clouds: [otc-prod, onprem]   # clouds.yaml entries (--os-cloud a,b)
 * projects: [eu-de, eu-de_prod] # names or ids (--projects)
 * allProjects: false       # every project the credentials reach (--all-projects)
 * regions: [eu-de, eu-nl]  # or `all` (--regions)
 * parallel: 4              # scopes read at the same time (--parallel)
 * failOn: high             # (--fail-on)
 * allowIncomplete: false   # (--allow-incomplete)
 * checks: { include: [evs-volume-encrypted], exclude: [vpc-eip-bound] }   # (--checks, --exclude-checks)
 * duties: [network-access, authorization]                                  # (--duty)
 * mutelist: ./mutelist.yaml   # relative to this file                      (--mutelist)
 * store: true              # save the scan in the history store         (--store)
 * db: ./sphere.db          # the store: a SQLite file (relative to this file) or postgres://… (--db)
 * compliance: [c5-2020, ccm-v4] # compliance views in every report            (--compliance)
 * ```
 *
 * The thresholds' own schema lives with the checks, which this layer may not import: the caller
 * passes it in (`engine/scan-config.ts` does), so its errors still carry `thresholds.<key>` paths.
 * @module
 */
import { dirname, resolve } from 'node:path'
import { z } from 'zod'
import { parseYamlText, readYamlFile, validateDocument } from '../model/yaml-file.ts'

/** Severities a build can fail on, highest first (the same list as the checks'). */
export const FAIL_ON_SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const

const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected a kebab-case id')
const KEYS =
  'thresholds, concurrency, requestsPerSecond, apiTimeoutSeconds, authTimeoutSeconds, timeoutSeconds, clouds, projects, allProjects, regions, parallel, failOn, allowIncomplete, checks, duties, mutelist, store, db, compliance'

/** Builds the file's schema around a schema of the thresholds. */
export function scanConfigSchema<T extends z.ZodType>(thresholds: T) {
  return z.strictObject(
    {
      /** Overrides of the check settings' defaults. */
      thresholds: thresholds.optional(),
      /** Parallel requests per service endpoint (default 4, or clouds.yaml's `concurrency`). */
      concurrency: z
        .number()
        .int()
        .min(1, 'expected at least 1')
        .max(64, 'expected at most 64')
        .optional(),
      /** Upper bound of requests per second per endpoint; none by default. */
      requestsPerSecond: z
        .number()
        .min(0.01, 'expected at least 0.01')
        .max(10_000, 'expected at most 10000')
        .optional(),
      /** Timeout of one HTTP request, seconds (default 30, or clouds.yaml's `api_timeout`). */
      apiTimeoutSeconds: z
        .number()
        .min(0.1, 'expected at least 0.1')
        .max(3600, 'expected at most 3600')
        .optional(),
      /** Time authentication may take, all retries included, seconds (default 30). */
      authTimeoutSeconds: z
        .number()
        .min(0.1, 'expected at least 0.1')
        .max(3600, 'expected at most 3600')
        .optional(),
      /** Stop reading the cloud after this many seconds; what was not read is a collection issue. */
      timeoutSeconds: z.number().int().positive('expected a positive whole number').optional(),
      /** clouds.yaml entries to scan (default: OS_CLOUD, or the OS_* variables). */
      clouds: z.array(z.string().trim().min(1, 'expected a cloud name')).min(1).optional(),
      /** Projects to scan, by name or id (default: the configured project). */
      projects: z
        .array(z.string().trim().min(1, 'expected a project name or id'))
        .min(1)
        .optional(),
      /** Scan every project the credentials can reach. */
      allProjects: z.boolean().optional(),
      /** Regions to scan, or `all` of each project's catalog; default: the configured region. */
      regions: z
        .union([
          z.literal('all'),
          z
            .array(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'expected a region like eu-de'))
            .min(1, 'expected at least one region'),
        ])
        .optional(),
      /** Scopes read at the same time (default 4). */
      parallel: z
        .number()
        .int()
        .min(1, 'expected at least 1')
        .max(64, 'expected at most 64')
        .optional(),
      /** Lowest severity of a non-muted fail that makes the scan exit with 1 (default `low`). */
      failOn: z.enum(FAIL_ON_SEVERITIES).optional(),
      /** Exit 0 rather than 3 when the scan is incomplete (collection issues, unknown duties). */
      allowIncomplete: z.boolean().optional(),
      /** Checks to run (`include`, default all) and to leave out (`exclude`). */
      checks: z
        .strictObject({ include: z.array(id).optional(), exclude: z.array(id).optional() })
        .optional(),
      /** Duties to evaluate; default all. */
      duties: z.array(id).optional(),
      /** Mutelist file, relative to this file. */
      mutelist: z.string().trim().min(1, 'expected a file path').optional(),
      /** Save every scan in the history store (`sphere history`, `sphere diff`, `sphere serve`). */
      store: z.boolean().optional(),
      /** The store: a SQLite file (relative to this file) or a `postgres://` URL. */
      db: z.string().trim().min(1, 'expected a file path or postgres:// URL').optional(),
      /** Compliance frameworks whose view every report carries (ids as `sphere frameworks`). */
      compliance: z.array(id).optional(),
    },
    {
      error: (iss) =>
        iss.code === 'unrecognized_keys'
          ? `unknown key ${iss.keys.map((k) => `"${k}"`).join(', ')}; expected one of: ${KEYS}`
          : undefined,
    },
  )
}

/** Thresholds as this layer sees them when the caller gives no schema: any keys. */
export const AnyThresholds = z.record(z.string(), z.unknown())

/** A validated scan configuration; `mutelist` is an absolute path. */
export type ScanConfig<T = z.output<typeof AnyThresholds>> = Omit<
  z.output<ReturnType<typeof scanConfigSchema<typeof AnyThresholds>>>,
  'thresholds'
> & { thresholds?: T; file: string | null }

function finish<T>(data: Omit<ScanConfig<T>, 'file'>, file: string): ScanConfig<T> {
  const out = { ...data, file }
  if (data.mutelist) out.mutelist = resolve(dirname(file), data.mutelist)
  if (data.db && !/^postgres(ql)?:\/\//i.test(data.db)) out.db = resolve(dirname(file), data.db)
  return Object.freeze(out)
}

/**
 * Validates an already parsed document.
 * @throws {InputError} naming `file`, the path (`thresholds.rpoHours`) and what was expected
 */
export function parseScanConfig<T extends z.ZodType = typeof AnyThresholds>(
  text: string,
  file: string,
  thresholds?: T,
): ScanConfig<z.output<T>> {
  const schema = scanConfigSchema(thresholds ?? AnyThresholds)
  return finish(
    validateDocument(parseYamlText(text, file, 'scan-config'), schema, file) as never,
    file,
  )
}

/**
 * Reads and validates a scan configuration file.
 * @throws {InputError} naming the file, the path and what was expected
 * @example
 * const cfg = readScanConfig('sphere.yaml', CheckSettings.partial())
 */
export function readScanConfig<T extends z.ZodType = typeof AnyThresholds>(
  file: string,
  thresholds?: T,
): ScanConfig<z.output<T>> {
  return finish(
    readYamlFile(file, scanConfigSchema(thresholds ?? AnyThresholds), 'scan-config') as never,
    file,
  )
}

/** The configuration used when there is no file. */
export function defaultScanConfig(): ScanConfig {
  return Object.freeze({ ...scanConfigSchema(AnyThresholds).parse({}), file: null })
}
