/**
 * The lifecycle data Sphere ships (OS, RDS engine and CCE version end of support), loaded at
 * start-up with the responsibility model: reading and validating it costs ~40–60 ms on a cold
 * process (the YAML parser, the schemas, the cross-checks), and loaded lazily it did so inside the
 * first evaluation of a scan, holding the event loop (and the requests in flight) that long.
 * @module
 */
import { defaultCceVersionLifecycle } from './cce-version-eol.ts'
import { defaultEngineLifecycle } from './engine-eol.ts'
import { defaultOsLifecycle } from './os-eol.ts'

/**
 * Loads every shipped lifecycle file (once; later calls and the checks' own `default…()` calls
 * reuse it).
 * @throws {InputError} naming the file and path of a problem in the shipped data
 */
export function loadShippedLifecycles(): void {
  defaultOsLifecycle()
  defaultEngineLifecycle()
  defaultCceVersionLifecycle()
}
