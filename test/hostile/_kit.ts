/**
 * Shared helpers of the hostile-input tests: run `bin/sphere.js` as a user runs it (a real
 * process, asynchronously, so an emulator in this process can answer it), temp folders, an
 * emulator with a clouds.yaml entry, hostile files, and the assertions every case makes: the
 * exit code, one clear message, no stack trace, no secret and no raw control character.
 * @module
 */
import assert from 'node:assert/strict'
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after } from 'node:test'
import { fileURLToPath } from 'node:url'
import {
  loginFor,
  type RunningEmulator,
  startEmulator,
  writeCloudsYaml,
} from '../../src/emulator/index.ts'
import { RAW_UNSAFE } from '../../src/reports/testing-hostile.ts'

export const BIN = fileURLToPath(new URL('../../bin/sphere.js', import.meta.url))

/** What one run of the CLI gave. */
export interface Run {
  code: number | null
  /** The signal that ended the process, when one did. */
  signal: NodeJS.Signals | null
  out: string
  err: string
  /** Wall time of the run. */
  ms: number
}

/** The environment of a run: this one without `OS_*` variables, HOME in `home`, no colour. */
function cleanEnv(home: string, extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('OS_')) env[k] = v
  return { ...env, HOME: home, NO_COLOR: '1', ...extra }
}

/**
 * Runs `sphere ARGS` in `cwd` (also its HOME) and waits for it; killed after `timeoutMs`
 * (default 60 s), which fails the test.
 */
export function sphere(
  args: string[],
  o: {
    cwd: string
    env?: Record<string, string>
    timeoutMs?: number
    /** Called once the process has started (to send it a signal, or close its stdout). */
    onStart?: (child: ChildProcess) => void
  },
): Promise<Run> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: o.cwd,
      env: cleanEnv(o.cwd, o.env ?? {}),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    o.onStart?.(child)
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s))
    child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s))
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`sphere ${args.join(' ')}: no exit within ${o.timeoutMs ?? 60_000} ms`))
    }, o.timeoutMs ?? 60_000)
    child.on('error', reject)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal, out, err, ms: Date.now() - started })
    })
  })
}

/** A temp folder removed after the test file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sphere-hostile-${prefix}-`))
  after(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A sparse file of `size` bytes: as large as a real one for the size check, free to create. */
export function sparseFile(file: string, size: number): string {
  writeFileSync(file, '')
  truncateSync(file, size)
  return file
}

export { aliasBomb } from '../../src/model/testing.ts'

/**
 * Fails when `text` holds a raw control character or bidi override; LF, TAB and CRLF line ends
 * (CSV's own) are allowed, a lone CR is not.
 */
export function assertNoRawControls(text: string, what: string): void {
  text = text.replaceAll('\r\n', '\n')
  const m = RAW_UNSAFE.exec(text)
  assert.equal(
    m,
    null,
    `${what}: raw U+${m?.[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, (m?.index ?? 0) - 40), (m?.index ?? 0) + 10))}`,
  )
}

/** Fails when a stack trace (`    at …` lines) or a secret shows in stdout or stderr. */
export function assertNoLeaks(r: Run, secrets: readonly string[] = []): void {
  for (const [name, text] of [
    ['stdout', r.out],
    ['stderr', r.err],
  ] as const) {
    assert.doesNotMatch(
      text,
      /^\s+at .*[(:]\d+/m,
      `${name} has a stack trace:\n${text.slice(0, 2000)}`,
    )
    assertNoRawControls(text, name)
    for (const s of secrets) assert.ok(!text.includes(s), `${name} shows the secret ${s}`)
  }
}

/**
 * The run failed with `code` and one clear problem: stderr has the command's heading and at
 * most one more line, and that line (or the heading) matches `message`; nothing on stdout.
 */
export function assertOneProblem(
  r: Run,
  o: { code: number; message: RegExp; secrets?: readonly string[] },
): void {
  assert.equal(r.code, o.code, `exit ${r.code}, stderr:\n${r.err.slice(0, 2000)}`)
  assertNoLeaks(r, o.secrets)
  // Warnings (a password moved out of a URL) are not the problem; the rest is.
  const lines = r.err
    .split('\n')
    .filter((l) => l.trim() !== '' && !/^sphere \w+: warning: /.test(l))
  assert.ok(
    lines.length >= 1 && lines.length <= 2,
    `one problem expected, got:\n${r.err.slice(0, 2000)}`,
  )
  assert.match(r.err, o.message)
}

const running: RunningEmulator[] = []
after(async () => {
  for (const emu of running) await emu.close()
})

/**
 * An emulator of `world` on a free port and a clouds.yaml (cloud `name`) in `dir` for it; it
 * stops after the test file.
 */
export async function emulatorCloud(
  dir: string,
  world: Parameters<typeof startEmulator>[0]['world'],
  name = 'hostile',
): Promise<{ emu: RunningEmulator; clouds: string; login: ReturnType<typeof loginFor> }> {
  const emu = await startEmulator({ world, port: 0 })
  running.push(emu)
  const login = loginFor(emu.emulator.world)
  const clouds = join(dir, `${name}-clouds.yaml`)
  writeFileSync(clouds, writeCloudsYaml({ authUrl: emu.authUrl, cloudName: name, ...login }))
  return { emu, clouds, login }
}

/**
 * The checks every hostile case makes: the exit code, a first stderr line that starts with
 * `sphere` and matches `message`, no stack trace or internal error, none of `secrets` in any
 * output, and no raw control character; `quiet`: nothing on stderr at all.
 */
export function assertClean(
  r: Run,
  o: { code: number; message?: RegExp; secrets?: readonly string[]; quiet?: boolean },
): void {
  assert.equal(
    r.code,
    o.code,
    `exit ${r.code} (expected ${o.code}); stderr:\n${r.err.slice(0, 2000)}`,
  )
  assertNoLeaks(r, o.secrets)
  assert.doesNotMatch(r.err, /internal error/, r.err)
  if (o.message) {
    const first = r.err.split('\n')[0] ?? ''
    assert.match(first, /^sphere\b/, `first stderr line: ${first}`)
    assert.match(first, o.message, `first stderr line: ${first}`)
  }
  if (o.quiet) assert.equal(r.err, '', 'stderr should be empty')
}
