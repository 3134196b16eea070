/**
 * End of support of RDS database engine versions (`engine-eol.yaml`): OTC's published "EOS by
 * OTC" months for MySQL and PostgreSQL, and vendor dates marked unverified where OTC publishes
 * none (SQL Server, versions older than the policy pages).
 * @module
 */
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { readYamlFile } from '../model/yaml-file.ts'

/** The shipped data file. */
export const DEFAULT_ENGINE_EOL_FILE = fileURLToPath(new URL('./engine-eol.yaml', import.meta.url))

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD (quoted)')

/** Schema of `engine-eol.yaml`. */
export const EngineEolFile = z.strictObject({
  engines: z.array(
    z.strictObject({
      engine: z.enum(['MySQL', 'PostgreSQL', 'SQLServer']),
      source: z.string().min(1),
      retrieved: day,
      versions: z.array(
        z.strictObject({
          version: z
            .string()
            .regex(/^\d+(\.\d+)?$/, 'expected a major version like 8.0, 15 or 2019'),
          eos: day.nullable(),
          verified: z.boolean(),
          note: z.string().optional(),
        }),
      ),
    }),
  ),
})

/** What the data says about one engine version. */
export interface EngineRelease {
  engine: string
  version: string
  /** Last supported day, null = no end announced. */
  eos: string | null
  verified: boolean
  note?: string
  source: string
}

/**
 * The major version to look up: SQL Server's `2019_EE` → `2019`, `8.0.28` → `8.0`,
 * PostgreSQL `15.4` → `15` (from 10 on the major is one number).
 */
export function engineMajor(engine: string, version: string): string {
  const v = version.trim()
  if (/^sql ?server$/i.test(engine)) return /^(\d{4})/.exec(v)?.[1] ?? v
  if (/^postgre/i.test(engine)) {
    const [a, b] = v.split('.')
    return Number(a) >= 10 ? (a ?? v) : `${a}.${b ?? ''}`.replace(/\.$/, '')
  }
  const [a, b] = v.split('.')
  return b === undefined ? v : `${a}.${b}`
}

/** The engine lifecycle data. */
export class EngineLifecycle {
  constructor(private readonly data: z.output<typeof EngineEolFile>) {}

  /** The release of `engine` (case-insensitive) `version`, or undefined when not in the data. */
  lookup(engine: string, version: string): EngineRelease | undefined {
    const e = this.data.engines.find((x) => x.engine.toLowerCase() === engine.toLowerCase())
    if (!e) return undefined
    const major = engineMajor(e.engine, version)
    const r = e.versions.find((x) => x.version === major)
    return r && { engine: e.engine, ...r, source: e.source }
  }
}

/** Reads and validates an engine lifecycle file. @throws {InputError} naming the file and path */
export function loadEngineLifecycle(file: string = DEFAULT_ENGINE_EOL_FILE): EngineLifecycle {
  return new EngineLifecycle(readYamlFile(file, EngineEolFile))
}

let shipped: EngineLifecycle | undefined

/** The shipped data, loaded once on first use. */
export function defaultEngineLifecycle(): EngineLifecycle {
  shipped ??= loadEngineLifecycle()
  return shipped
}
