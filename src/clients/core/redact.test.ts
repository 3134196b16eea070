import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import type { LogFields, Logger } from '../../log/logger.ts'
import {
  createRedactor,
  isSecretName,
  redactHeaders,
  redactingLogger,
  redactUrl,
} from './redact.ts'

const PASSWORD = 'Sup3r-Secret!'
const SK = 'SKEXAMPLE00000000000000000000000000000000'
const TOKEN = 'MIIDkgYJKoZIhvcNAQcCoIIDgzCCA38CAQExDTALBglghkgBZQMEAgEw'

describe('redactHeaders', () => {
  it('hides token, signature and cookie headers in any case', () => {
    const out = redactHeaders(
      new Headers({
        'X-Auth-Token': TOKEN,
        'x-subject-token': TOKEN,
        Authorization: `SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=abc`,
        'X-Security-Token': 'tmp',
        Accept: 'application/json',
      }),
    )
    assert.equal(out['x-auth-token'], '***')
    assert.equal(out['x-subject-token'], '***')
    assert.equal(out.authorization, '***')
    assert.equal(out['x-security-token'], '***')
    assert.equal(out.accept, 'application/json')
  })
})

describe('redactUrl', () => {
  it('hides secret query parameters and user info', () => {
    const u = redactUrl(
      `https://bob:${PASSWORD}@x.example/v3?password=${PASSWORD}&token=t1&sk=${SK}&limit=5&name=web`,
    )
    assert.ok(!u.includes(PASSWORD) && !u.includes(SK) && !u.includes('t1'))
    assert.match(u, /limit=5/)
    assert.match(u, /name=web/)
    assert.match(u, /password=\*\*\*/)
  })
  it('hides a user name alone too (it may be a token)', () => {
    assert.equal(redactUrl(`https://${TOKEN}@x.example/v3`), 'https://***@x.example/v3')
  })
  it('leaves ordinary URLs alone', () => {
    assert.equal(
      redactUrl('https://x.example/v2.1/p/servers/detail?limit=5'),
      'https://x.example/v2.1/p/servers/detail?limit=5',
    )
  })
})

describe('createRedactor', () => {
  const r = createRedactor([PASSWORD, SK, 'ab', undefined])
  it('replaces known secret values anywhere in text, also URL-encoded', () => {
    const text = `login with ${PASSWORD} failed; sk=${SK}; enc=${encodeURIComponent(PASSWORD)}`
    const out = r.text(text)
    assert.ok(
      !out.includes(PASSWORD) && !out.includes(SK) && !out.includes(encodeURIComponent(PASSWORD)),
    )
  })
  it('hides the user info of any URL in free text, up to the last @ before the host', () => {
    const out = createRedactor().text(
      'cannot scan http://user:p@ss@iam.example:5000/v3: 401 (see ftp://tok@h, mail bob@example.com)',
    )
    assert.equal(
      out,
      'cannot scan http://***@iam.example:5000/v3: 401 (see ftp://***@h, mail bob@example.com)',
    )
  })
  it('ignores very short values so ordinary text survives', () => {
    assert.equal(r.text('about tab'), 'about tab')
  })
  it('hides header lines and JSON password fields in free text', () => {
    const out = r.text(
      `X-Auth-Token: ${TOKEN}\n{"password": "other-secret", "name":"a"} Signature=deadbeef`,
    )
    assert.ok(!out.includes(TOKEN) && !out.includes('other-secret') && !out.includes('deadbeef'))
    assert.match(out, /"name":"a"/)
  })
  it('redacts structured fields by name and value, nested', () => {
    const f = r.fields({
      service: 'iam',
      password: 'x',
      auth: { application_credential_secret: 'y', user: 'bob' },
      msg: `uses ${SK}`,
      list: [PASSWORD],
    })
    const s = JSON.stringify(f)
    assert.ok(!s.includes(SK) && !s.includes(PASSWORD) && !s.includes('"x"') && !s.includes('"y"'))
    assert.match(s, /"user":"bob"/)
    assert.match(s, /"service":"iam"/)
  })
  it('isSecretName knows the usual names', () => {
    for (const n of [
      'password',
      'X-Auth-Token',
      'sk',
      'secret',
      'application_credential_secret',
      'access_token',
    ])
      assert.ok(isSecretName(n), n)
    for (const n of ['name', 'limit', 'marker', 'password_expires_at', 'service'])
      assert.ok(!isSecretName(n), n)
  })
})

describe('redactingLogger', () => {
  it('passes every message and field through the redactor', () => {
    const lines: string[] = []
    const sink = (msg: string, fields?: LogFields) => lines.push(`${msg} ${JSON.stringify(fields)}`)
    const base: Logger = { debug: sink, info: sink, warn: sink, error: sink }
    const log = redactingLogger(base, createRedactor([PASSWORD]))
    log.debug(`using ${PASSWORD}`, { headers: { 'X-Auth-Token': TOKEN }, note: PASSWORD })
    log.error('x', { err: new Error(`bad ${PASSWORD}`) })
    const all = lines.join('\n')
    assert.ok(!all.includes(PASSWORD) && !all.includes(TOKEN), all)
  })
  it('drops a level its logger does not write without redacting anything', () => {
    const lines: string[] = []
    const sink = (msg: string) => lines.push(msg)
    const base: Logger = {
      debug: sink,
      info: sink,
      warn: sink,
      error: sink,
      enabled: (l) => l !== 'debug',
    }
    let texts = 0
    const r = createRedactor([PASSWORD])
    const text = (t: string) => {
      texts++
      return r.text(t)
    }
    const log = redactingLogger(base, { ...r, text })
    log.debug(`using ${PASSWORD}`, { note: PASSWORD })
    assert.deepEqual([lines, texts], [[], 0])
    assert.equal(log.enabled?.('debug'), false)
    log.info(`using ${PASSWORD}`)
    assert.deepEqual(lines, ['using ***'])
  })
})
