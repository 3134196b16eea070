import assert from 'node:assert/strict'
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { InputError } from '../model/input-error.ts'
import { loadHostReports } from './load.ts'
import { hostReport } from './testing.ts'

const fixture = (name: string) =>
  fileURLToPath(new URL(`../../test/host/fixtures/${name}`, import.meta.url))

describe(loadHostReports.name, () => {
  it('loads JSON reports and raw collector outputs; bad files become errors naming file and path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'host-reports-'))
    writeFileSync(join(dir, 'a.json'), JSON.stringify(hostReport()))
    copyFileSync(fixture('rocky-9.txt'), join(dir, 'b.txt'))
    writeFileSync(
      join(dir, 'c.json'),
      JSON.stringify({ ...hostReport(), patching: { ...hostReport().patching, pending: -1 } }),
    )
    writeFileSync(join(dir, 'd.json'), '{"schema": 1,')
    writeFileSync(join(dir, 'e.json'), JSON.stringify({ ...hostReport(), schema: 2 }))
    copyFileSync(fixture('not-collector-output.txt'), join(dir, 'f.txt'))
    writeFileSync(join(dir, 'notes.md'), 'ignored')
    const { reports, files, errors } = loadHostReports(dir)
    assert.equal(reports.length, 2)
    assert.deepEqual(files, [join(dir, 'a.json'), join(dir, 'b.txt')])
    assert.equal(reports[1]?.os.distro, 'rocky')
    const msgs = errors.map((e) => e.message)
    assert.equal(msgs.length, 4)
    assert.match(msgs[0]!, /c\.json: patching\.pending: /)
    assert.match(msgs[1]!, /d\.json: \(top level\): invalid JSON/)
    assert.match(
      msgs[2]!,
      /e\.json: schema: unsupported host report schema 2 \(this Sphere reads 1\)/,
    )
    assert.match(msgs[3]!, /f\.txt: \(top level\): not collector output/)
  })

  it('follows symlinks; a dangling one or one to a directory is an error with the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'host-reports-'))
    const elsewhere = mkdtempSync(join(tmpdir(), 'host-elsewhere-'))
    writeFileSync(join(elsewhere, 'real.json'), JSON.stringify(hostReport()))
    symlinkSync(join(elsewhere, 'real.json'), join(dir, 'a-link.json'))
    symlinkSync(join(elsewhere, 'gone.json'), join(dir, 'b-dangling.json'))
    symlinkSync(elsewhere, join(dir, 'c-dir.json'))
    mkdirSync(join(dir, 'd-folder.txt'))
    const { reports, files, errors } = loadHostReports(dir)
    assert.equal(reports.length, 1)
    assert.deepEqual(files, [join(dir, 'a-link.json')])
    assert.deepEqual(
      errors.map((e) => e.message),
      [
        `${join(dir, 'b-dangling.json')}: (top level): is a dangling symlink: its target ${join(elsewhere, 'gone.json')} does not exist`,
        `${join(dir, 'c-dir.json')}: (top level): is a symlink to a directory (${elsewhere}), not to a report file`,
        `${join(dir, 'd-folder.txt')}: (top level): is a directory, not a report file`,
      ],
    )
  })

  it('refuses a report over 5 MiB without reading it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'host-reports-'))
    writeFileSync(join(dir, 'huge.txt'), '')
    truncateSync(join(dir, 'huge.txt'), 6 * 1024 * 1024)
    const { reports, errors } = loadHostReports(dir)
    assert.equal(reports.length, 0)
    assert.match(
      errors[0]!.message,
      /huge\.txt: .*file too large: 6 MiB; a host report may be at most 5 MiB/,
    )
  })

  it('throws an input error for a missing directory', () => {
    assert.throws(
      () => loadHostReports('/nonexistent/dir'),
      (e: unknown) => e instanceof InputError && /directory not found/.test(e.message),
    )
  })
})
