import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { InputError } from '../../model/input-error.ts'
import { BUILT_IN_WORLDS, loadWorld, worldFromData } from './load.ts'

const NOW = Date.parse('2025-06-01T00:00:00Z')
const DAY = 86_400_000
const base = {
  name: 't',
  domain: { name: 'OTC00000000001000000042' },
  projects: [{ name: 'eu-de' }],
  flavors: [{ name: 's3.large.2', vcpus: 2, ram: 4096 }],
  images: [
    {
      name: 'Standard_Ubuntu_22.04_latest',
      osVersion: 'Ubuntu 22.04 server 64bit',
      platform: 'Ubuntu',
    },
  ],
  networks: [{ name: 'net', cidr: '10.0.0.0/24' }],
}

function issuesOf(fn: () => unknown): {
  file: string
  issues: readonly { path: string; message: string }[]
} {
  try {
    fn()
  } catch (err) {
    assert.ok(err instanceof InputError, String(err))
    return err
  }
  assert.fail('expected an InputError')
}

function tempFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sphere-world-')), 'world.yaml')
  writeFileSync(file, text)
  return file
}

describe(loadWorld.name, () => {
  it('loads every built-in world', () => {
    for (const name of BUILT_IN_WORLDS) assert.equal(loadWorld(name, { now: NOW }).name, name)
  })

  it('names the file, the path and the expectation for schema errors', () => {
    const file = tempFile(
      [
        'name: broken',
        'domain: { name: OTC00000000001000000042 }',
        'projects: [{ name: eu-de }]',
        'users:',
        '  - name: u',
        '    accessKeys: [{ status: sleeping }]',
        'servers:',
        '  - { name: s, flavor: f, image: i, createdAt: last tuesday, colour: red }',
      ].join('\n'),
    )
    const err = issuesOf(() => loadWorld(file))
    assert.equal(err.file, file)
    const byPath = new Map(err.issues.map((i) => [i.path, i.message]))
    assert.match(byPath.get('users[0].accessKeys[0].status') ?? '', /active|inactive/)
    assert.match(byPath.get('servers[0].createdAt') ?? '', /expected a time: ISO 8601 .* -30d/)
    assert.match(byPath.get('servers[0]') ?? '', /colour/)
  })

  it('reports YAML syntax errors with line and column, and a missing file', () => {
    const bad = issuesOf(() => loadWorld(tempFile('name: [unclosed\n')))
    assert.match(bad.issues[0]!.path, /^line \d+, column \d+$/)
    assert.match(
      issuesOf(() => loadWorld('/nonexistent/world.yaml')).issues[0]!.message,
      /file not found/,
    )
  })
})

describe(worldFromData.name, () => {
  it('reports unknown references with the names on offer, all at once', () => {
    const err = issuesOf(() =>
      worldFromData({
        ...base,
        servers: [
          {
            name: 's',
            flavor: 'nope',
            image: 'Standard_Ubuntu_22.04_latest',
            securityGroups: ['web'],
            keyPair: 'k',
          },
        ],
        volumes: [{ name: 'v', size: 10, attachedTo: 'ghost' }],
        users: [{ name: 'u', groups: ['ops'], deny: ['cts', 'compute.Nope'] }],
      }),
    )
    const byPath = new Map(err.issues.map((i) => [i.path, i.message]))
    assert.equal(
      byPath.get('servers[0].flavor'),
      'unknown flavor "nope"; expected one of: "s3.large.2"',
    )
    assert.equal(
      byPath.get('servers[0].securityGroups[0]'),
      'unknown security group "web"; expected one of: "default"',
    )
    assert.equal(byPath.get('servers[0].keyPair'), 'unknown key pair "k"; none are defined')
    assert.match(byPath.get('volumes[0].attachedTo') ?? '', /unknown server "ghost"/)
    assert.match(
      byPath.get('users[0].groups[0]') ?? '',
      /unknown group "ops"; expected one of: "admin"/,
    )
    assert.match(
      byPath.get('users[0].deny[1]') ?? '',
      /unknown service or operation "compute.Nope"/,
    )
  })

  it('reports duplicate names and contradictory rules', () => {
    const err = issuesOf(() =>
      worldFromData({
        ...base,
        flavors: [...base.flavors, ...base.flavors],
        securityGroups: [
          { name: 'a', rules: [{ remote: '0.0.0.0/0', remoteGroup: 'self', ports: '90-80' }] },
        ],
      }),
    )
    const paths = err.issues.map((i) => `${i.path}: ${i.message}`)
    assert.ok(
      paths.includes('flavors[1].name: duplicate flavor name "s3.large.2"'),
      paths.join('\n'),
    )
    assert.ok(paths.some((p) => p.startsWith('securityGroups[0].rules[0]: give either remote')))
    assert.ok(paths.includes('securityGroups[0].rules[0].ports: expected the lower port first'))
  })

  it('derives stable ids from names, and keeps given ids', () => {
    const data = {
      ...base,
      servers: [{ name: 'web', flavor: 's3.large.2', image: 'Standard_Ubuntu_22.04_latest' }],
    }
    const a = worldFromData(data, { now: NOW })
    const b = worldFromData(structuredClone(data), { now: NOW + DAY })
    assert.equal(a.servers[0]!.id, b.servers[0]!.id)
    assert.match(
      a.servers[0]!.id,
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    )
    assert.match(a.projects[0]!.id, /^[0-9a-f]{32}$/)
    const given = worldFromData({ ...data, projects: [{ name: 'eu-de', id: 'p1' }] }, { now: NOW })
    assert.equal(given.projects[0]!.id, 'p1')
    assert.notEqual(given.servers[0]!.id, '')
  })

  it('resolves relative times against now: the option, else the file', () => {
    const data = {
      ...base,
      now: '2024-01-10T00:00:00Z',
      users: [{ name: 'u', lastLogin: '-9d', createdAt: '2023-01-01' }],
    }
    const fromFile = worldFromData(data)
    assert.equal(fromFile.users[0]!.lastLogin, Date.parse('2024-01-01T00:00:00Z'))
    assert.equal(fromFile.users[0]!.createdAt, Date.parse('2023-01-01T00:00:00Z'))
    assert.equal(worldFromData(data, { now: NOW }).users[0]!.lastLogin, NOW - 9 * DAY)
  })

  it('adds the default security group and the admin group, and fixed IPs from the network', () => {
    const w = worldFromData(
      {
        ...base,
        servers: [
          { name: 'a', flavor: 's3.large.2', image: 'Standard_Ubuntu_22.04_latest' },
          {
            name: 'b',
            flavor: 's3.large.2',
            image: 'Standard_Ubuntu_22.04_latest',
            ip: '10.0.0.10',
          },
        ],
      },
      { now: NOW },
    )
    assert.deepEqual(
      w.securityGroups.map((g) => g.name),
      ['default'],
    )
    assert.ok(w.groups.some((g) => g.name === 'admin'))
    assert.deepEqual(
      w.ports.map((p) => p.ip),
      ['10.0.0.11', '10.0.0.10'],
    )
  })
})
