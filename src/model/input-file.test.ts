import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { InputError } from './input-error.ts'
import {
  checkInputSize,
  formatBytes,
  INPUT_LIMITS,
  readInputFile,
  tooLargeError,
} from './input-file.ts'

const dir = mkdtempSync(join(tmpdir(), 'input-file-'))

/** A sparse file of `size` bytes: as large as a real one for stat, but free to create. */
function sparse(name: string, size: number): string {
  const file = join(dir, name)
  writeFileSync(file, '')
  truncateSync(file, size)
  return file
}

const inputError = (re: RegExp) => (e: unknown) => e instanceof InputError && re.test(e.message)

describe(formatBytes.name, () => {
  it('uses binary units with one decimal', () => {
    assert.equal(formatBytes(512), '512 bytes')
    assert.equal(formatBytes(1024 * 1024), '1 MiB')
    assert.equal(formatBytes(39_000_000), '37.2 MiB')
  })
})

describe(readInputFile.name, () => {
  it('reads a file within the limit as UTF-8', () => {
    const file = join(dir, 'ok.yaml')
    writeFileSync(file, 'clouds: {}\n# grüße\n')
    assert.equal(readInputFile(file, 'clouds'), 'clouds: {}\n# grüße\n')
  })

  it('reads a file of exactly the limit', () => {
    const file = sparse('exact.yaml', INPUT_LIMITS.clouds)
    assert.equal(readInputFile(file, 'clouds').length, INPUT_LIMITS.clouds)
  })

  it('refuses a file over its kind’s limit, naming the file, its size and the limit', () => {
    const file = sparse('big.yaml', 37 * 1024 * 1024)
    assert.throws(
      () => readInputFile(file, 'clouds'),
      inputError(
        /big\.yaml: \(top level\): file too large: 37 MiB; a clouds\.yaml or secure\.yaml may be at most 1 MiB/,
      ),
    )
    // Each kind has its own limit: 11 MiB is too much for a mutelist, fine for a world file.
    const eleven = sparse('eleven.yaml', 11 * 1024 * 1024)
    assert.throws(
      () => readInputFile(eleven, 'mutelist'),
      inputError(/eleven\.yaml: .*file too large: 11 MiB; a mutelist may be at most 10 MiB/),
    )
    assert.equal(readInputFile(eleven, 'world').length, 11 * 1024 * 1024)
  })

  it('bounds input without a size up front (a device or pipe) while reading', () => {
    assert.throws(
      () => readInputFile('/dev/zero', 'clouds'),
      inputError(/\/dev\/zero: .*file too large: more than 1 MiB/),
    )
  })

  it('names missing files and directories', () => {
    assert.throws(() => readInputFile(join(dir, 'nope'), 'data'), inputError(/file not found/))
    mkdirSync(join(dir, 'sub'))
    assert.throws(() => readInputFile(join(dir, 'sub'), 'data'), inputError(/is a directory/))
  })
})

describe(checkInputSize.name, () => {
  it('passes small text and refuses text over the limit in UTF-8 bytes', () => {
    assert.doesNotThrow(() => checkInputSize('x'.repeat(1000), 'f', 'clouds'))
    // 600 000 three-byte characters: 1.7 MiB in UTF-8, though only 600 000 UTF-16 units.
    assert.throws(
      () => checkInputSize('€'.repeat(600_000), 'f.yaml', 'clouds'),
      inputError(/f\.yaml: .*file too large: 1\.7 MiB/),
    )
  })
})

describe(tooLargeError.name, () => {
  it('says "more than" when the size is not known up front (a pipe)', () => {
    assert.match(tooLargeError('-', 'host-report', 'more').message, /more than 5 MiB/)
  })
})
