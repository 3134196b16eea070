/**
 * Limits on what Sphere parses, end to end: YAML alias bombs in a mutelist, clouds.yaml and world
 * file, and files over their kind's size limit (sparse files: refused from their size, before
 * reading), each with exit 2 and one line naming the file (and its size and the limit), never a
 * stack trace.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { aliasBomb, assertOneProblem, sparseFile, sphere, tempDir } from './_kit.ts'

const dir = tempDir('yaml')
const MiB = 1024 * 1024
// An inventory file that exists: the mutelist and config are read (and refused) before it is parsed.
writeFileSync(join(dir, 'none.json'), '{}')

describe('YAML alias bombs', () => {
  it('in a mutelist: exit 2 naming the file', async () => {
    const file = join(dir, 'bomb-mutes.yaml')
    writeFileSync(file, `${aliasBomb(9)}mutes: *l9\n`)
    const r = await sphere(['scan', '--inventory', 'none.json', '--mutelist', file], { cwd: dir })
    assertOneProblem(r, {
      code: 2,
      message: /bomb-mutes\.yaml: \(top level\): YAML aliases expand too far/,
    })
  })

  it('in clouds.yaml: exit 2 as a configuration error naming the file', async () => {
    const file = join(dir, 'bomb-clouds.yaml')
    writeFileSync(file, `${aliasBomb(9)}clouds:\n  otc:\n    auth: {auth_url: *l9}\n`)
    const r = await sphere(['scan', '--os-cloud', 'otc'], {
      cwd: dir,
      env: { OS_CLIENT_CONFIG_FILE: file },
    })
    assertOneProblem(r, {
      code: 2,
      message: /configuration error[^\n]*\n {2}\S*bomb-clouds\.yaml: YAML aliases expand too far/,
    })
  })

  it('in a world file: the emulator exits 2 naming the file', async () => {
    const file = join(dir, 'bomb-world.yaml')
    writeFileSync(file, `${aliasBomb(9)}name: *l9\n`)
    const r = await sphere(['emulator', '--world', file], { cwd: dir })
    assertOneProblem(r, {
      code: 2,
      message: /bomb-world\.yaml: \(top level\): YAML aliases expand too far/,
    })
  })
})

describe('size limits, checked before parsing', () => {
  it('a 37 MiB clouds.yaml: exit 2 with its size and the 1 MiB limit', async () => {
    const file = sparseFile(join(dir, 'huge-clouds.yaml'), 37 * MiB)
    const r = await sphere(['scan', '--os-cloud', 'otc'], {
      cwd: dir,
      env: { OS_CLIENT_CONFIG_FILE: file },
    })
    assertOneProblem(r, {
      code: 2,
      message:
        /huge-clouds\.yaml: file too large: 37 MiB; a clouds\.yaml or secure\.yaml may be at most 1 MiB/,
    })
  })

  it('an 11 MiB mutelist: exit 2 with the 10 MiB limit', async () => {
    const file = sparseFile(join(dir, 'huge-mutes.yaml'), 11 * MiB)
    const r = await sphere(['scan', '--inventory', 'none.json', '--mutelist', file], { cwd: dir })
    assertOneProblem(r, {
      code: 2,
      message:
        /huge-mutes\.yaml: \(top level\): file too large: 11 MiB; a mutelist may be at most 10 MiB/,
    })
  })

  it('a 2 MiB scan configuration: exit 2 with the 1 MiB limit', async () => {
    const file = sparseFile(join(dir, 'huge-config.yaml'), 2 * MiB)
    const r = await sphere(['scan', '--inventory', 'none.json', '--config', file], { cwd: dir })
    assertOneProblem(r, {
      code: 2,
      message:
        /huge-config\.yaml: \(top level\): file too large: 2 MiB; a scan configuration may be at most 1 MiB/,
    })
  })

  it('a 21 MiB world file: the emulator exits 2 with the 20 MiB limit', async () => {
    const file = sparseFile(join(dir, 'huge-world.yaml'), 21 * MiB)
    const r = await sphere(['emulator', '--world', file], { cwd: dir })
    assertOneProblem(r, {
      code: 2,
      message:
        /huge-world\.yaml: \(top level\): file too large: 21 MiB; a world file may be at most 20 MiB/,
    })
  })
})
