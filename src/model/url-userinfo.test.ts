import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { splitUserinfo, withoutUserinfo } from './url-userinfo.ts'

describe(splitUserinfo.name, () => {
  it('splits user and password off, decoded, with every spelling of the password', () => {
    const s = splitUserinfo('http://bob:p%40ss!@iam.example:5000/v3')
    assert.equal(s.url, 'http://iam.example:5000/v3')
    assert.equal(s.stripped, true)
    assert.equal(s.username, 'bob')
    assert.equal(s.password, 'p@ss!')
    assert.ok(s.secrets.includes('p@ss!') && s.secrets.includes('p%40ss!'))
  })

  it('handles a user name alone, and text that is not a URL', () => {
    assert.deepEqual(splitUserinfo('https://tok3n@h.example/'), {
      url: 'https://h.example/',
      stripped: true,
      username: 'tok3n',
      secrets: [],
    })
    const bad = splitUserinfo('http://u:secret@[bad/v3')
    assert.equal(bad.url, 'http://[bad/v3')
    assert.deepEqual(bad.secrets, ['secret'])
  })

  it('leaves URLs without user info unchanged, byte for byte', () => {
    for (const u of [
      'https://iam.example',
      'https://h/x?q=a@b',
      'not a url',
      'mailto:bob@example.com',
    ])
      assert.deepEqual(splitUserinfo(u), { url: u, stripped: false, secrets: [] })
  })

  it('splits at the last @ before the host, as URL parsers do', () => {
    assert.equal(withoutUserinfo('http://u:p@ss@host/v3'), 'http://host/v3')
  })
})
