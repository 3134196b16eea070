/**
 * The shipped collector script (`collect.sh`) and a way to run it on this machine.
 * @module
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Absolute path of the collector script inside the installed package. */
export const HOST_SCRIPT_PATH = fileURLToPath(new URL('./collect.sh', import.meta.url))

let text: string | undefined

/** The collector script's text (what `sphere host script` prints). */
export function hostScript(): string {
  text ??= readFileSync(HOST_SCRIPT_PATH, 'utf8')
  return text
}

/** Options of {@link collectLocal}. */
export interface CollectLocalOptions {
  /** The shell to run it with (default `sh`). */
  shell?: string
  /** Give up after this long (default 10 minutes). */
  timeoutMs?: number
  signal?: AbortSignal
}

/**
 * Runs the collector on this machine (`sh -s`, script on stdin, as `ssh host 'sudo sh -s'` would)
 * and returns its raw output; turn it into a report with `parseHostOutput`. Without root some
 * values stay unknown (the report says which). Rejects only when the shell cannot be started.
 * @example
 * const report = parseHostOutput(await collectLocal())
 */
export function collectLocal(o: CollectLocalOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(o.shell ?? 'sh', ['-s'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(o.signal ? { signal: o.signal } : {}),
    })
    const timer = setTimeout(() => child.kill('SIGTERM'), o.timeoutMs ?? 600_000)
    const out: Buffer[] = []
    child.stdout.on('data', (b: Buffer) => out.push(b))
    child.stderr.resume()
    child.on('error', (err) => {
      clearTimeout(timer)
      reject(err)
    })
    // The output says by itself whether it is complete (the `end` section); a cut-off run still
    // yields a report whose errors tell what is missing.
    child.on('close', () => {
      clearTimeout(timer)
      resolve(Buffer.concat(out).toString('utf8'))
    })
    child.stdin.on('error', () => {})
    child.stdin.end(hostScript())
  })
}
