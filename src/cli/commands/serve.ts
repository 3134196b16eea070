/**
 * `sphere serve`: the web dashboard and JSON API over the history store, optionally running
 * `sphere scan --store` on a schedule (one at a time) in a child process.
 * @module
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type ScanRun, Scheduler } from '../../server/scheduler.ts'
import { ServeConfigError, startDashboard } from '../../server/serve.ts'
import { durationFlag } from '../_duration.ts'
import { numberFlag } from '../_numbers.ts'
import { DB_HELP, openStore, storeSpec } from '../_store.ts'
import { defineCommand, EXIT, UsageError } from '../command.ts'

const BIN = fileURLToPath(new URL('../../../bin/sphere.js', import.meta.url))

/** Runs one `sphere scan --store` child; its stderr's last meaningful line is the message. */
function scanChild(
  args: string[],
  env: Record<string, string | undefined>,
  cwd: string,
): Promise<ScanRun> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'scan', ...args], {
      cwd,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'ignore', 'pipe'],
    })
    let err = ''
    child.stderr.on('data', (d) => {
      err = (err + d).slice(-8192)
    })
    child.on('error', (e) => done({ exitCode: 4, message: e.message }))
    child.on('exit', (code) => {
      const lines = err.split('\n').filter((l) => l.trim() !== '')
      const stored = lines.find((l) => l.startsWith('stored as scan'))
      done({
        exitCode: code ?? 4,
        message: (stored ?? lines[lines.length - 1] ?? '').slice(0, 300),
      })
    })
  })
}

function tokenFrom(values: Record<string, unknown>, cwd: string): string | undefined {
  if (values['auth-token'] !== undefined && values['auth-token-file'] !== undefined)
    throw new UsageError('--auth-token and --auth-token-file cannot be combined')
  const t =
    values['auth-token-file'] !== undefined
      ? readFileSync(resolve(cwd, String(values['auth-token-file'])), 'utf8').trim()
      : (values['auth-token'] as string | undefined)
  if (t !== undefined && t.length < 16)
    throw new UsageError('the auth token must be at least 16 characters')
  return t
}

export default defineCommand({
  name: 'serve',
  summary: 'Web dashboard over the history store: overview, trends, findings, diffs',
  usage:
    'sphere serve [--port N] [--host ADDR --auth-token T] [--db FILE|URL] [--scan-every 6h --os-cloud NAME]',
  help: `Serves the dashboard and its JSON API (/api/…) over the scans in the store: the organisation
overview (scopes × duties), trends, a findings browser, resource and check pages, diffs between
scans, the responsibility matrix and each scan's collection issues. Listens on 127.0.0.1 only,
unless --host names another address, which needs an auth token; with a token every page, API and
file needs it (Authorization: Bearer TOKEN, or open the page once with ?token=TOKEN).

Options:
  --port <n>               port (default 8080; 0: any free port)
  --host <addr>            address to listen on (default 127.0.0.1)
  --auth-token <token>     require this token (at least 16 characters)
  --auth-token-file <file> read the token from a file
${DB_HELP}
  --scan-every <duration>  also run sphere scan --store every 6h, 30m, 1d … (one at a time; the
                           last run's state is shown on every page), starting now
  --os-cloud <names>       for --scan-every: the clouds.yaml entries to scan
  --all-projects           for --scan-every: every project the credentials reach
  --regions <a,b|all>      for --scan-every: the regions
  --config <file>          for --scan-every: the scan configuration
  -h, --help               show this help

Example:
  sphere serve --db ./sphere.db --scan-every 6h --os-cloud otc-prod --all-projects --regions all`,
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'auth-token': { type: 'string' },
    'auth-token-file': { type: 'string' },
    db: { type: 'string' },
    'scan-every': { type: 'string' },
    'os-cloud': { type: 'string' },
    'all-projects': { type: 'boolean' },
    regions: { type: 'string' },
    config: { type: 'string' },
  },
  async run({ values }, io) {
    const port = numberFlag('port', values.port, 0, 65535, true) ?? 8080
    const token = tokenFrom(values, io.cwd)
    const everyMs =
      values['scan-every'] === undefined
        ? undefined
        : durationFlag('scan-every', values['scan-every'])
    const scanFlags = ['os-cloud', 'regions', 'config'].flatMap((k) =>
      values[k] === undefined ? [] : [`--${k}`, String(values[k])],
    )
    if (values['all-projects'] === true) scanFlags.push('--all-projects')
    if (everyMs === undefined && scanFlags.length > 0)
      throw new UsageError(
        '--os-cloud, --all-projects, --regions and --config go with --scan-every',
      )
    const spec = storeSpec(values.db, io)
    const store = await openStore(spec)
    const scheduler =
      everyMs === undefined
        ? undefined
        : new Scheduler(everyMs, String(values['scan-every']), () =>
            scanChild(['--store', '--db', spec, '--format', 'json', ...scanFlags], io.env, io.cwd),
          )
    let dashboard: Awaited<ReturnType<typeof startDashboard>>
    try {
      dashboard = await startDashboard({
        store,
        token,
        host: values.host as string | undefined,
        port,
        schedule: scheduler ? () => scheduler.state() : undefined,
      })
    } catch (err) {
      await store.close()
      if (err instanceof ServeConfigError) throw new UsageError(err.message)
      const e = err as NodeJS.ErrnoException
      if (e.code === 'EADDRINUSE' || e.code === 'EACCES')
        throw Object.assign(new Error(`cannot listen on port ${port}: ${e.code}`), {
          exitCode: EXIT.usage,
        })
      throw err
    }
    io.stdout.write(
      `Sphere dashboard on ${dashboard.url}/ (store: ${store.where})${token ? '; auth token required' : ''}\nPress Ctrl-C to stop.\n`,
    )
    scheduler?.start()
    await new Promise<void>((done) => {
      if (!io.signal || io.signal.aborted) return done()
      io.signal.addEventListener('abort', () => done(), { once: true })
    })
    scheduler?.stop()
    await dashboard.close()
    await store.close()
    io.stderr.write('dashboard stopped\n')
    return EXIT.ok
  },
})
