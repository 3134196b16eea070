/**
 * `sphere emulator`: serves a world on 127.0.0.1 with the same APIs a real cloud has, until
 * stopped. Prints the auth URL and credentials and can write a ready clouds.yaml entry.
 * @module
 */
import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { SERVICE_KEYS } from '../../clients/core/types.ts'
import {
  applyChange,
  BUILT_IN_WORLDS,
  ChangeError,
  generateWorld,
  loadWorld,
  loginFor,
  startEmulator,
  type World,
  writeCloudsYaml,
} from '../../emulator/index.ts'
import { EmulatorListenError } from '../../emulator/server.ts'
import { listFlag, numberFlag, pairsFlag } from '../_numbers.ts'
import { defineCommand, EXIT, UsageError } from '../command.ts'

/** The emulator could not start listening: exit 2 with one line, no stack. */
class EmulatorStartError extends Error {
  readonly exitCode = EXIT.usage
}

/** Starts the emulator; a port in use becomes one line (`port 8443 on 127.0.0.1 is in use`). */
async function start(opts: Parameters<typeof startEmulator>[0]) {
  try {
    return await startEmulator(opts)
  } catch (err) {
    if (!(err instanceof EmulatorListenError)) throw err
    const hint =
      err.code === 'EADDRINUSE' ? ' (choose another --port, or --port 0 for a free one)' : ''
    throw new EmulatorStartError(`${err.message}${hint}`)
  }
}

/** Loads the world the flags name: a built-in, a file, or a generated one. */
export function worldFromFlags(values: Record<string, unknown>, cwd: string): World {
  if (values.generate !== undefined) {
    if (values.world !== undefined)
      throw new UsageError('--world and --generate cannot be combined')
    const g = pairsFlag('generate', values.generate, ['servers', 'projects', 'regions', 'seed'])
    try {
      return generateWorld({
        servers: g.servers ?? 1000,
        projects: g.projects ?? 1,
        regions: g.regions ?? 1,
        seed: g.seed ?? 1,
      })
    } catch (err) {
      if (err instanceof RangeError) throw new UsageError(`--generate: ${err.message}`)
      throw err
    }
  }
  const name = String(values.world ?? 'demo')
  return loadWorld(
    (BUILT_IN_WORLDS as readonly string[]).includes(name) ? name : resolve(cwd, name),
  )
}

/** Most projects listed one per line; a larger organisation gets a count of the rest. */
const LISTED_PROJECTS = 20

/**
 * The lines describing a world with several projects: each project with its region, the
 * services its region lacks and whether `username` may enter it; nothing for a single project.
 */
export function projectLines(world: World, username: string): string[] {
  if (world.projects.length < 2) return []
  const user = world.users.find((u) => u.name === username)
  const regions = new Set(world.projects.map((p) => p.region))
  const width = Math.max(...world.projects.slice(0, LISTED_PROJECTS).map((p) => p.name.length))
  const lines = world.projects.slice(0, LISTED_PROJECTS).map((p) => {
    const notes = [
      ...(user?.projectIds.includes(p.id) ? [] : [`${username} has no role here`]),
      ...(world.missingServices[p.region] ?? []).map((s) => `no ${s} in ${p.region}`),
    ]
    const note = notes.length > 0 ? `   (${notes.join('; ')})` : ''
    return `    ${p.name.padEnd(width)}  ${p.region}${note}`
  })
  const more = world.projects.length - LISTED_PROJECTS
  return [
    `  projects:  ${world.projects.length} in ${regions.size} region${regions.size === 1 ? '' : 's'}`,
    ...lines,
    ...(more > 0 ? [`    … and ${more} more`] : []),
    '  scan them all: sphere scan --all-projects --regions all',
  ]
}

export default defineCommand({
  name: 'emulator',
  summary: 'Run a local OpenStack/OTC cloud emulator on 127.0.0.1',
  usage:
    'sphere emulator [--world demo|empty|FILE | --generate servers=N[,projects=P,regions=R,seed=S]] [--port N] [fault options]',
  help: `Serves Keystone, Nova, Glance, Neutron, Cinder, CBR, Cloud Eye, CTS, IAM, RDS, OBS, KMS, DCS,
the VPC API v1, CCE and ELB (v3, shared v2.0; Octavia on openstack worlds) from a world file, under
one origin, with a service catalog that points at itself. Runs until Ctrl-C.

Options:
  --world <name|file>          built-in world (${BUILT_IN_WORLDS.join(', ')}) or a world YAML file (default: demo)
  --generate servers=N,projects=P,regions=R,seed=S
                               a generated world of N servers with realistic ratios, shared out
                               over P projects (default 1) in R regions (default 1; R <= P)
  --port <n>                   port on 127.0.0.1 (default 0: any free port)
  --latency-ms <n>             delay added to every request
  --throttle-rps <n>           requests per second per service; beyond it 429 with Retry-After
  --fault-rate <0..1>          fraction of requests answered 5xx or with a dropped connection
  --fail-services <a,b>        services that always fail (${SERVICE_KEYS.join(', ')})
  --token-ttl <seconds>        token lifetime (default 86400)
  --seed <n>                   seed of the fault generator (default 1)
  --change <kind=GROUP:PORT>   change the world before serving (repeatable): open-port=sg-app:22
                               opens TCP 22 to 0.0.0.0/0 on security group sg-app; close-port
                               removes such rules (two scans, one change: see sphere diff)
  --write-clouds-yaml <file>   write a clouds.yaml entry for this emulator
  --cloud-name <name>          name of that entry (default: sphere-emulator)
  -h, --help                   show this help

Example:
  sphere emulator --world demo --port 0 --write-clouds-yaml ./clouds.yaml --cloud-name demo
  sphere scan --os-cloud demo`,
  options: {
    world: { type: 'string' },
    generate: { type: 'string' },
    port: { type: 'string' },
    'latency-ms': { type: 'string' },
    'throttle-rps': { type: 'string' },
    'fault-rate': { type: 'string' },
    'fail-services': { type: 'string' },
    'token-ttl': { type: 'string' },
    seed: { type: 'string' },
    change: { type: 'string', multiple: true },
    'write-clouds-yaml': { type: 'string' },
    'cloud-name': { type: 'string' },
  },
  async run({ values }, io) {
    const opts = {
      port: numberFlag('port', values.port, 0, 65535, true) ?? 0,
      latencyMs: numberFlag('latency-ms', values['latency-ms'], 0, 60_000),
      throttleRps: numberFlag('throttle-rps', values['throttle-rps'], 0.1, 1_000_000),
      faultRate: numberFlag('fault-rate', values['fault-rate'], 0, 1),
      failServices: listFlag('fail-services', values['fail-services'], SERVICE_KEYS),
      tokenTtlSeconds: numberFlag('token-ttl', values['token-ttl'], 1, 10_000_000, true),
      seed: numberFlag('seed', values.seed, 0, 2 ** 31, true),
    }
    const world = worldFromFlags(values, io.cwd)
    const changes = ((values.change as string[] | undefined) ?? []).map((spec) => {
      try {
        return applyChange(world, spec)
      } catch (err) {
        if (err instanceof ChangeError) throw new UsageError(`--change: ${err.message}`)
        throw err
      }
    })
    const emu = await start({ world, ...opts })
    const login = loginFor(world)
    const cloudName = String(values['cloud-name'] ?? 'sphere-emulator')
    io.stdout.write(
      [
        `Sphere emulator serving world "${world.name}" on ${emu.url}`,
        `  auth URL:  ${emu.authUrl}`,
        `  user:      ${login.username} (domain ${login.domainName})`,
        `  password:  ${login.password}   (a local test credential, not a secret)`,
        `  project:   ${login.projectName}   region: ${login.region}`,
        ...projectLines(world, login.username),
        ...changes.map((c) => `  changed:   ${c}`),
        '',
      ].join('\n'),
    )
    if (values['write-clouds-yaml'] !== undefined) {
      const file = resolve(io.cwd, String(values['write-clouds-yaml']))
      writeFileSync(file, writeCloudsYaml({ authUrl: emu.authUrl, cloudName, ...login }))
      io.stdout.write(
        `  clouds.yaml: ${file} (cloud "${cloudName}"; use --os-cloud ${cloudName})\n`,
      )
    }
    io.stdout.write('Press Ctrl-C to stop.\n')
    await new Promise<void>((done) => {
      if (!io.signal) return done()
      if (io.signal.aborted) return done()
      io.signal.addEventListener('abort', () => done(), { once: true })
    })
    await emu.close()
    io.stderr.write('emulator stopped\n')
    return EXIT.ok
  },
})
