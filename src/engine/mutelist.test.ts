import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'node:test'
import { InputError } from '../model/input-error.ts'
import {
  compileMutelist,
  globToRegExp,
  isExpired,
  loadMutelist,
  parseMutelist,
  resourceTags,
} from './mutelist.ts'

const NOW = new Date('2026-06-01T12:00:00Z')

function issuesOf(text: string): string[] {
  try {
    parseMutelist(text, 'mutes.yaml')
  } catch (err) {
    assert.ok(err instanceof InputError)
    assert.equal(err.file, 'mutes.yaml')
    return err.issues.map((i) => `${i.path}: ${i.message}`)
  }
  assert.fail('expected an InputError')
}

describe(parseMutelist.name, () => {
  it('reads entries, with unquoted YAML dates as strings', () => {
    const m = parseMutelist(
      'mutes:\n  - check: "*"\n    resource: web-*\n    tag: env=dev\n    reason: dev\n    expires: 2026-12-31\n',
      'm.yaml',
    )
    assert.deepEqual(m.mutes, [
      { check: '*', resource: 'web-*', tag: 'env=dev', reason: 'dev', expires: '2026-12-31' },
    ])
  })

  it('names file, path and expectation for every problem at once', () => {
    const issues = issuesOf(
      'mutes:\n  - check: Bad_Id\n    resource: ""\n    reason: "  "\n    expires: 2026-02-30\n    tag: novalue\n    extra: 1\n',
    )
    assert.deepEqual(issues.sort(), [
      'mutes[0].check: expected a check id (e.g. evs-volume-encrypted) or "*"',
      'mutes[0].expires: expected a real calendar date YYYY-MM-DD',
      'mutes[0].reason: expected a non-empty reason: why the risk is accepted',
      'mutes[0].resource: expected a resource id, name or glob such as "web-*" (use "*" for all)',
      'mutes[0].tag: expected a tag as key=value',
      'mutes[0]: unknown key "extra"; expected: check, resource, tag, reason, expires',
    ])
  })

  it('requires a reason and a list', () => {
    assert.deepEqual(issuesOf('mutes:\n  - { check: x, resource: y }\n'), [
      'mutes[0].reason: expected a reason: why the risk is accepted',
    ])
    assert.deepEqual(issuesOf('mutes: 3\n'), ['mutes: expected a list of mutes'])
  })

  it('reports YAML syntax errors with line and column', () => {
    assert.match(issuesOf('mutes: [\n')[0]!, /^line \d+, column \d+: YAML syntax/)
  })
})

describe(loadMutelist.name, () => {
  it('reads a file and names a missing one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sphere-mute-'))
    const file = join(dir, 'mutelist.yaml')
    writeFileSync(file, 'mutes: []\n')
    assert.deepEqual(loadMutelist(file), { file, mutes: [] })
    assert.throws(
      () => loadMutelist(join(dir, 'nope.yaml')),
      /nope\.yaml: \(top level\): file not found/,
    )
  })
})

describe(compileMutelist.name, () => {
  const list = parseMutelist(
    `mutes:
  - { check: a-b, resource: 'web-*', reason: r0 }
  - { check: '*', resource: id-7, tag: team=x, reason: r1 }
  - { check: '*', resource: '*', reason: r2, expires: 2026-05-31 }
  - { check: '*', resource: 'db-?', reason: r3, expires: 2026-06-01 }
`,
    'm.yaml',
  )
  const m = compileMutelist(list, NOW)
  const t = (checkId: string, id: string, name: string, tags: Record<string, string> = {}) =>
    m.match({ checkId, resource: { id, name }, tags: new Map(Object.entries(tags)) })

  it('matches check id or *, and a glob on resource name or id', () => {
    assert.equal(t('a-b', 'x1', 'web-1'), 0)
    assert.equal(t('a-c', 'x1', 'web-1'), -1)
    assert.equal(t('z', 'id-7', 'n', { team: 'x' }), 1)
    assert.equal(t('z', 'id-7', 'n', { team: 'y' }), -1)
    assert.equal(t('z', 'q', 'db-1'), 3, 'valid through its last day')
    assert.equal(t('z', 'q', 'db-12'), -1, '? is one character')
  })

  it('never matches an expired entry', () => {
    assert.equal(t('z', 'anything', 'else'), -1)
    assert.equal(isExpired({ expires: '2026-05-31' }, NOW), true)
    assert.equal(isExpired({ expires: '2026-06-01' }, NOW), false)
    assert.equal(isExpired({}, NOW), false)
  })

  it('treats regex characters in globs literally', () => {
    assert.ok(globToRegExp('a.b(1)').test('a.b(1)'))
    assert.ok(!globToRegExp('a.b').test('axb'))
  })
})

describe(resourceTags.name, () => {
  it('reads tags as a record, key=value strings or key/value objects', () => {
    assert.deepEqual([...resourceTags({ tags: { env: 'dev' } })], [['env', 'dev']])
    assert.deepEqual(
      [...resourceTags({ tags: ['env=dev', 'solo'] })],
      [
        ['env', 'dev'],
        ['solo', ''],
      ],
    )
    assert.deepEqual([...resourceTags({ tags: [{ key: 'a', value: 1 }] })], [['a', '1']])
    assert.deepEqual([...resourceTags({})], [])
    assert.deepEqual(
      [...resourceTags({ raw: { tags: ['env=dev'] } })],
      [],
      'no wire object is read',
    )
  })
})
