/**
 * The scan configuration file (`sphere.yaml`): check thresholds, request concurrency and rate,
 * which checks and duties to run, the severity that fails a build and the mutelist to apply.
 * Every field is optional; every problem names the file, the path in it and what was expected.
 *
 * ```yaml
 * thresholds:          # overrides of the check settings' defaults
 *   accessKeyMaxAgeDays: 60
 *   adminPorts: [22, 3389, 5985]
 * concurrency: 4       # parallel requests per endpoint
 * requestsPerSecond: 10
 * timeoutSeconds: 600
 * regions: [eu-de, eu-nl]
 * failOn: high
 * checks: { exclude: [vpc-eip-bound] }
 * duties: [network-access, authorization]
 * mutelist: ./mutelist.yaml   # relative to this file
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
  'thresholds, concurrency, requestsPerSecond, timeoutSeconds, regions, failOn, checks, duties, mutelist'

/** Builds the file's schema around a schema of the thresholds. */
export function scanConfigSchema<T extends z.ZodType>(thresholds: T) {
  return z.strictObject(
    {
      /** Overrides of the check settings' defaults. */
      thresholds: thresholds.optional(),
      /** Parallel requests per service endpoint. */
      concurrency: z
        .number()
        .int()
        .min(1, 'expected at least 1')
        .max(64, 'expected at most 64')
        .default(4),
      /** Upper bound of requests per second per endpoint; none by default. */
      requestsPerSecond: z.number().positive('expected a positive number').optional(),
      /** Abort the whole scan after this many seconds. */
      timeoutSeconds: z.number().int().positive('expected a positive whole number').optional(),
      /** Regions to scan; default: the cloud configuration's region. */
      regions: z
        .array(z.string().regex(/^[a-z]{2}-[a-z0-9-]+$/, 'expected a region like eu-de'))
        .min(1, 'expected at least one region')
        .optional(),
      /** Lowest severity of a non-muted fail that makes the scan exit with 1. */
      failOn: z.enum(FAIL_ON_SEVERITIES).default('high'),
      /** Checks to run (`include`, default all) and to leave out (`exclude`). */
      checks: z
        .strictObject({ include: z.array(id).optional(), exclude: z.array(id).optional() })
        .optional(),
      /** Duties to evaluate; default all. */
      duties: z.array(id).optional(),
      /** Mutelist file, relative to this file. */
      mutelist: z.string().trim().min(1, 'expected a file path').optional(),
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
