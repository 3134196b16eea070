import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { splitSections } from './sections.ts'

describe(splitSections.name, () => {
  it('splits stdout, stderr and exit code', () => {
    const out = splitSections(
      '<<<a>>>\nline 1\nline 2\n<<<stderr>>>\noops\n<<<rc=3>>>\n<<<end>>>\ndone\n<<<rc=0>>>\n',
    )
    assert.deepEqual(out.sections.get('a'), {
      name: 'a',
      stdout: 'line 1\nline 2',
      stderr: 'oops',
      rc: 3,
    })
    assert.equal(out.complete, true)
    assert.deepEqual(out.problems, [])
  })

  it('keeps a section cut off before its rc, with rc null', () => {
    const out = splitSections('<<<a>>>\npartial')
    assert.equal(out.sections.get('a')?.rc, null)
    assert.equal(out.complete, false)
  })

  it('reports junk before the first section and repeated sections', () => {
    const out = splitSections('ssh banner\n<<<a>>>\n<<<rc=0>>>\n<<<a>>>\n<<<rc=1>>>\n')
    assert.deepEqual(out.problems, [
      'section a appears more than once',
      '1 line(s) before the first section ignored',
    ])
    assert.equal(out.sections.get('a')?.rc, 0, 'the first one counts')
  })

  it('handles CRLF and empty input', () => {
    assert.equal(splitSections('<<<a>>>\r\nx\r\n<<<rc=0>>>\r\n').sections.get('a')?.stdout, 'x')
    assert.match(splitSections('').problems[0]!, /no collector sections/)
  })
})
