import assert from 'node:assert/strict'
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { loadCloudFiles } from './clouds-files.ts'

const dir = mkdtempSync(join(tmpdir(), 'sphere-cloudfiles-'))

describe(loadCloudFiles.name, () => {
  it('refuses a clouds.yaml over 1 MiB before parsing, naming file, size and limit', () => {
    const file = join(dir, 'big.yaml')
    writeFileSync(file, '')
    truncateSync(file, 4 * 1024 * 1024)
    const res = loadCloudFiles({ env: { OS_CLIENT_CONFIG_FILE: file }, cwd: dir, searchDirs: [] })
    assert.deepEqual(res.clouds, {})
    assert.equal(res.issues.length, 1)
    assert.equal(res.issues[0]!.file, file)
    assert.match(
      res.issues[0]!.message,
      /file too large: 4 MiB; a clouds\.yaml or secure\.yaml may be at most 1 MiB/,
    )
  })

  it('refuses an alias bomb as an issue of the file', () => {
    const file = join(dir, 'bomb.yaml')
    const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]']
    for (const [prev, next] of [
      ['a', 'b'],
      ['b', 'c'],
      ['c', 'd'],
      ['d', 'e'],
      ['e', 'f'],
    ])
      levels.push(`${next}: &${next} [${Array(10).fill(`*${prev}`).join(',')}]`)
    writeFileSync(file, `${levels.join('\n')}\nclouds: {otc: {auth: {auth_url: *f}}}\n`)
    const res = loadCloudFiles({ env: { OS_CLIENT_CONFIG_FILE: file }, cwd: dir, searchDirs: [] })
    assert.equal(res.issues.length, 1)
    assert.match(res.issues[0]!.message, /YAML aliases expand too far/)
  })
})
