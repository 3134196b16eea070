/**
 * Sphere validates with zod's interpreter, not its JIT. zod 4 compiles a `new Function` for each
 * object schema the first time it parses; `jitless` keeps eval out of a process that reads
 * untrusted cloud answers, and it is cheaper for Sphere: ~100 object schemas, most of them
 * parsing a few pages, pay the compile without earning it back (docs/benchmark.md, "Issue 16,
 * fifth pass": 1,000 servers 1.88 against 2.03 × bound, scanner CPU ~10 % lower; 10,000 servers
 * no difference). The setting is read when a schema is built, so an entry point imports this
 * module before anything that defines schemas (bin/sphere.js, bench/*.bench.ts).
 * @module
 */
import { z } from 'zod'

z.config({ jitless: true })

/** Whether zod's JIT is off in this process (for tests and `--debug`). */
export function zodJitless(): boolean {
  return z.config().jitless === true
}
