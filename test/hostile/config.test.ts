/**
 * Configuration and flags a user gets wrong: each is exit 2 with a message that names the file,
 * the path inside it (or the flag) and what was expected; nothing is sent to the cloud and no
 * secret is printed.
 */
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import {
  loginFor,
  type RunningEmulator,
  startEmulator,
  writeCloudsYaml,
} from '../../src/emulator/index.ts'
import { assertClean, sphere } from './_kit.ts'

const dir = mkdtempSync(join(tmpdir(), 'sphere-hostile-config-'))
const PASSWORD = 'Hostile-Config-Pass-9'
let emu: RunningEmulator
let good: string
before(async () => {
  emu = await startEmulator({ world: 'demo', port: 0 })
  good = join(dir, 'good.yaml')
  writeFileSync(
    good,
    writeCloudsYaml({ authUrl: emu.authUrl, cloudName: 'demo', ...loginFor(emu.emulator.world) }),
  )
})
after(async () => {
  await emu.close()
  rmSync(dir, { recursive: true, force: true })
})

const file = (name: string, text: string | Buffer) => {
  const p = join(dir, name)
  writeFileSync(p, text)
  return p
}

/** Expects exit 2 with `message` on the first line (and `more` anywhere), no request sent. */
async function refused(
  args: string[],
  message: RegExp,
  opts: { env?: Record<string, string>; more?: RegExp } = {},
): Promise<void> {
  const before = emu.emulator.stats().requests.total
  const r = await sphere(args, {
    cwd: dir,
    env: { OS_CLIENT_CONFIG_FILE: good, OS_CLOUD: 'demo', ...opts.env },
  })
  assertClean(r, { code: 2, message, secrets: [PASSWORD] })
  if (opts.more) assert.match(r.err, opts.more)
  assert.equal(emu.emulator.stats().requests.total, before, 'nothing was sent to the cloud')
}

const clouds = (text: string) => ({ OS_CLIENT_CONFIG_FILE: file('c.yaml', text) })

describe('clouds.yaml and OS_* mistakes', () => {
  it('malformed YAML names the file and the line', () =>
    refused(['scan'], /configuration error/, {
      env: clouds(`clouds:\n  demo:\n\tauth: {}\n`),
      more: /c\.yaml.*line \d+/,
    }))
  it('an unknown cloud name lists the clouds there are', () =>
    refused(['scan', '--os-cloud', 'prod'], /configuration error/, { more: /demo/ }))
  it('a missing password names the key and the variable', () =>
    refused(['scan'], /configuration error/, {
      env: clouds(
        `clouds:\n  demo:\n    auth: { auth_url: "${'http://127.0.0.1:1/v3'}", username: u, project_name: eu-de, user_domain_name: d }\n`,
      ),
      more: /password.*OS_PASSWORD/,
    }))
  it('an auth_url that is not a URL', () =>
    refused(['scan'], /configuration error/, {
      env: clouds(
        `clouds:\n  demo:\n    auth: { auth_url: "iam.example", username: u, password: "${PASSWORD}", project_name: eu-de, user_domain_name: d }\n`,
      ),
      more: /auth_url.*not an http\(s\) URL/,
    }))
  it('clouds.yaml that is a list, not a mapping', () =>
    refused(['scan'], /configuration error/, { env: clouds('- a\n- b\n') }))
  it('clouds.yaml with binary garbage', () =>
    refused(['scan'], /configuration error/, {
      env: { OS_CLIENT_CONFIG_FILE: file('bin.yaml', Buffer.from([0, 1, 2, 0xff, 0xfe, 0x1b])) },
    }))
})

describe('scan configuration file mistakes', () => {
  it('a wrong type names the path and the expectation', () =>
    refused(['scan', '--config', file('s1.yaml', 'concurrency: many\n')], /invalid input/, {
      more: /s1\.yaml.*concurrency/,
    }))
  it('a threshold out of range', () =>
    refused(
      ['scan', '--config', file('s2.yaml', 'thresholds: { rpoHours: -1 }\n')],
      /invalid input/,
      {
        more: /thresholds\.rpoHours/,
      },
    ))
  it('an unknown threshold', () =>
    refused(
      ['scan', '--config', file('s3.yaml', 'thresholds: { keyRotationDays: 30 }\n')],
      /invalid input/,
      {
        more: /keyRotationDays/,
      },
    ))
  it('a list instead of a mapping', () =>
    refused(['scan', '--config', file('s4.yaml', '[1, 2]\n')], /invalid input/))
  it('a mutelist entry with a date that is not one', () =>
    refused(
      [
        'scan',
        '--mutelist',
        file('m1.yaml', 'mutes:\n  - { check: vpc-eip-bound, reason: r, expires: someday }\n'),
      ],
      /invalid input/,
      { more: /mutes\[0\]\.expires/ },
    ))
  it('a mutelist entry without a reason', () =>
    refused(
      ['scan', '--mutelist', file('m2.yaml', 'mutes:\n  - { check: vpc-eip-bound }\n')],
      /invalid input/,
      {
        more: /mutes\[0\]\.reason/,
      },
    ))
  it('a saved inventory of another schema version', () =>
    refused(['scan', '--inventory', file('inv1.json', '{"schemaVersion": 99}')], /invalid input/))
  it('a saved inventory that is not JSON', () =>
    refused(['scan', '--inventory', file('inv2.json', 'not json')], /invalid input/))
})

describe('flag mistakes', () => {
  const cases: [string, string[], RegExp][] = [
    ['an unknown format', ['scan', '--format', 'pdf'], /--format: "pdf" is not valid/],
    ['an unknown severity', ['scan', '--fail-on', 'severe'], /--fail-on: "severe" is not valid/],
    ['a concurrency of 0', ['scan', '--concurrency', '0'], /--concurrency: "0" is not valid/],
    ['a non-numeric rate', ['scan', '--rps', 'fast'], /--rps: "fast" is not valid/],
    ['a negative timeout', ['scan', '--timeout=-5'], /--timeout: "-5" is not valid/],
    [
      'an unknown check',
      ['scan', '--checks', 'evs-volume-encrypt'],
      /--checks: unknown check "evs-volume-encrypt"/,
    ],
    ['an unknown duty', ['scan', '--duty', 'patching'], /--duty: unknown duty "patching"/],
    ['an unknown flag', ['scan', '--verbose'], /unknown option '--verbose'/],
    ['a flag without its value', ['scan', '--output'], /--output/],
    [
      '--inventory with --save-inventory',
      ['scan', '--inventory', 'a', '--save-inventory', 'b'],
      /cannot be combined/,
    ],
    ['an unknown command', ['scna'], /unknown command "scna"/],
  ]
  for (const [name, args, message] of cases) it(name, () => refused(args, message))
})
