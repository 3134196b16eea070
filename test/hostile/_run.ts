/**
 * Running `sphere` as a hostile user would: a real process, its exit code, what it wrote, and
 * the checks every hostile case shares (one clear message, no stack trace, no secret, no raw
 * control character).
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const BIN = fileURLToPath(new URL('../../bin/sphere.js', import.meta.url))

/** What one run did. */
export interface Run {
  code: number | null
  signal: NodeJS.Signals | null
  out: string
  err: string
  ms: number
}

/** Options of {@link sphere}. */
export interface RunOptions {
  cwd: string
  env?: Record<string, string | undefined>
  input?: string
  /** Called once the process has started (to send it a signal, say). */
  onStart?: (child: ReturnType<typeof spawn>) => void
  timeoutMs?: number
}

/** Runs `node bin/sphere.js ...args`. */
export function sphere(args: string[], opts: RunOptions): Promise<Run> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd,
      env: { PATH: process.env.PATH, HOME: opts.cwd, NO_COLOR: '1', ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d))
    child.stderr.setEncoding('utf8').on('data', (d: string) => (err += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, out, err, ms: Date.now() - started })
    })
    child.stdin.end(opts.input ?? '')
    opts.onStart?.(child)
  })
}

// Controls other than LF and TAB, C1 controls, bidi overrides and isolates.
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/

/**
 * The checks every hostile case makes: the exit code, a first stderr line that starts with
 * `sphere` and matches `message`, no stack trace, none of `secrets` in any output, and no raw
 * control character on stdout or stderr.
 */
export function assertClean(
  r: Run,
  expect: { code: number; message?: RegExp; secrets?: readonly string[]; quiet?: boolean },
): void {
  const all = `${r.out}\n${r.err}`
  assert.equal(r.code, expect.code, `exit ${r.code} (expected ${expect.code}); stderr:\n${r.err}`)
  assert.doesNotMatch(r.err, /^\s+at .+\(.*:\d+:\d+\)$/m, `a stack trace on stderr:\n${r.err}`)
  assert.doesNotMatch(r.err, /internal error/, r.err)
  if (expect.message) {
    const first = r.err.split('\n')[0] ?? ''
    assert.match(first, /^sphere\b/, `first stderr line: ${first}`)
    assert.match(first, expect.message, `first stderr line: ${first}`)
  }
  if (expect.quiet) assert.equal(r.err, '', 'stderr should be empty')
  for (const s of expect.secrets ?? []) assert.ok(!all.includes(s), `secret "${s}" in the output`)
  assert.doesNotMatch(r.out, RAW_CONTROL, 'raw control character on stdout')
  assert.doesNotMatch(r.err, RAW_CONTROL, 'raw control character on stderr')
}
