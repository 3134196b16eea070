import assert from 'node:assert/strict'
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { z } from 'zod'
import { InputError } from './input-error.ts'
import { aliasBomb } from './testing.ts'
import { MAX_YAML_ALIAS_COUNT, parseYamlText, readYamlFile } from './yaml-file.ts'

const inputError = (re: RegExp) => (e: unknown) => e instanceof InputError && re.test(e.message)

describe(parseYamlText.name, () => {
  it('refuses an alias bomb as an input error naming the file', () => {
    assert.throws(
      () => parseYamlText(aliasBomb(9), 'mutes.yaml'),
      inputError(/^mutes\.yaml: \(top level\): YAML aliases expand too far/),
    )
  })

  it('still expands ordinary aliases', () => {
    const doc = parseYamlText('base: &b {region: eu-de}\na: *b\nb: *b\n', 'x.yaml')
    assert.deepEqual(doc, {
      base: { region: 'eu-de' },
      a: { region: 'eu-de' },
      b: { region: 'eu-de' },
    })
    const many = Array.from({ length: MAX_YAML_ALIAS_COUNT / 2 }, (_, i) => `k${i}: *b`).join('\n')
    assert.doesNotThrow(() => parseYamlText(`base: &b x\n${many}\n`, 'x.yaml'))
  })

  it('names an alias without its anchor', () => {
    assert.throws(() => parseYamlText('a: *nowhere\n', 'x.yaml'), inputError(/^x\.yaml: /))
  })

  it('reports syntax errors with line and column', () => {
    assert.throws(
      () => parseYamlText('a: [unclosed\n', 'x.yaml'),
      inputError(/x\.yaml: line \d+, column \d+: YAML syntax/),
    )
  })

  it('checks the size of the text when given a kind', () => {
    assert.throws(
      () => parseYamlText(`a: "${'x'.repeat(1024 * 1024)}"`, 'c.yaml', 'scan-config'),
      inputError(/c\.yaml: .*file too large: .*a scan configuration may be at most 1 MiB/),
    )
  })
})

describe(readYamlFile.name, () => {
  const dir = mkdtempSync(join(tmpdir(), 'yaml-file-'))
  it('refuses a file over its kind’s limit before parsing', () => {
    const file = join(dir, 'world.yaml')
    writeFileSync(file, '')
    truncateSync(file, 21 * 1024 * 1024)
    assert.throws(
      () => readYamlFile(file, z.unknown(), 'world'),
      inputError(
        /world\.yaml: \(top level\): file too large: 21 MiB; a world file may be at most 20 MiB/,
      ),
    )
  })
})
