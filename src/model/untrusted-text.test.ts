import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { escapeUnsafe, hasUnsafeChars, visibleEscape } from './untrusted-text.ts'

describe(escapeUnsafe.name, () => {
  it('shows terminal controls as visible escapes', () => {
    assert.equal(escapeUnsafe('\u001b]52;c;ZXZpbA==\u0007web'), '\\x1b]52;c;ZXZpbA==\\x07web')
    assert.equal(
      escapeUnsafe('\u001b[2Jx\u0000y\u0008z\r\n\t'),
      '\\x1b[2Jx\\x00y\\x08z\\x0d\\x0a\\x09',
    )
    assert.equal(escapeUnsafe('a\u009b31mb\u007f'), 'a\\x9b31mb\\x7f')
  })

  it('shows bidi overrides, isolates and marks, and line separators', () => {
    assert.equal(escapeUnsafe('invoice\u202Efdp.exe'), 'invoice\\u202efdp.exe')
    assert.equal(
      escapeUnsafe(
        '\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069\u200E\u200F\u061C\u2028\u2029',
      ),
      '\\u202a\\u202b\\u202c\\u202d\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\\u2028\\u2029',
    )
  })

  it('shows lone surrogates and keeps pairs (emoji) and ordinary text', () => {
    assert.equal(escapeUnsafe('a\ud800b\udc00c'), 'a\\ud800b\\udc00c')
    assert.equal(escapeUnsafe('web-1 ☁️ 😀 grüße مرحبا'), 'web-1 ☁️ 😀 grüße مرحبا')
  })

  it('keeps the characters it is told to keep', () => {
    assert.equal(escapeUnsafe('a\tb\nc\u001b', '\t\n'), 'a\tb\nc\\x1b')
  })
})

describe(hasUnsafeChars.name, () => {
  it('finds what escapeUnsafe would replace', () => {
    assert.equal(hasUnsafeChars('plain'), false)
    assert.equal(hasUnsafeChars('a\u202eb'), true)
    assert.equal(hasUnsafeChars('a\nb', '\n'), false)
  })
})

describe(visibleEscape.name, () => {
  it('uses \\x for Latin-1 and \\u beyond', () => {
    assert.equal(visibleEscape('\u001b'), '\\x1b')
    assert.equal(visibleEscape('\u2066'), '\\u2066')
  })
})
