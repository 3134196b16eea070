import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  formatSdkDate,
  parseAuthorization,
  sign,
  signRequest,
  stringToSign,
  verifySignature,
} from './signer.ts'

// The worked example of otc-api.md §1.6.
const AK = 'AKEXAMPLE0000000000'
const SK = 'SKEXAMPLE00000000000000000000000000000000'
const URL_ =
  'https://ecs.eu-de.otc.t-systems.com/v1/0391e4486e864c26be5654c522f440f2/cloudservers/detail?offset=1&limit=10'
const NOW = Date.UTC(2024, 0, 1, 12, 0, 0)
const example = {
  method: 'GET',
  url: URL_,
  headers: { 'Content-Type': 'application/json', 'X-Sdk-Date': '20240101T120000Z' },
}
const CANONICAL = [
  'GET',
  '/v1/0391e4486e864c26be5654c522f440f2/cloudservers/detail/',
  'limit=10&offset=1',
  'content-type:application/json',
  'host:ecs.eu-de.otc.t-systems.com',
  'x-sdk-date:20240101T120000Z',
  '',
  'content-type;host;x-sdk-date',
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
].join('\n')
const SIGNATURE = '2177815e67bf7d07a11ad31489ee0d04966373c88c8fc92f43c752609639fa46'

describe('signer: otc-api.md §1.6 worked example', () => {
  it('builds the canonical request byte for byte', () => {
    assert.equal(canonicalRequest(example, ['content-type', 'host', 'x-sdk-date']), CANONICAL)
  })
  it('builds the string to sign', () => {
    assert.equal(
      stringToSign(CANONICAL, '20240101T120000Z'),
      'SDK-HMAC-SHA256\n20240101T120000Z\n3da9eb2625066d22260f78efb13db3b603aa1b1c65c08b44ae9713d88d1d7710',
    )
  })
  it('signs with the SK', () => {
    assert.equal(sign(stringToSign(CANONICAL, '20240101T120000Z'), SK), SIGNATURE)
  })
  it('signRequest produces the documented Authorization header', () => {
    const h = signRequest(
      { method: 'GET', url: URL_, headers: { 'Content-Type': 'application/json' } },
      { ak: AK, sk: SK, now: NOW },
    )
    assert.equal(h['X-Sdk-Date'], '20240101T120000Z')
    assert.equal(
      h.Authorization,
      `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=${SIGNATURE}`,
    )
  })
})

describe('signer: canonical pieces', () => {
  it('percent-encodes each decoded path segment and ends with /', () => {
    assert.equal(canonicalUri('/v3/a b/%7Bx%7D'), '/v3/a%20b/%7Bx%7D/')
    assert.equal(canonicalUri('/'), '/')
    assert.equal(canonicalUri("/v1/it's"), '/v1/it%27s/')
  })
  it('sorts the query by key then value and encodes both', () => {
    assert.equal(canonicalQuery(new URLSearchParams('b=2&a=z&a=y&c=a b')), 'a=y&a=z&b=2&c=a%20b')
    assert.equal(canonicalQuery(new URLSearchParams('')), '')
  })
  it('formats X-Sdk-Date', () => {
    assert.equal(formatSdkDate(NOW), '20240101T120000Z')
  })
  it('parses the Authorization header', () => {
    assert.deepEqual(
      parseAuthorization(
        `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=host;x-sdk-date, Signature=ab`,
      ),
      {
        ak: AK,
        signedHeaders: ['host', 'x-sdk-date'],
        signature: 'ab',
      },
    )
    assert.equal(parseAuthorization('Bearer x'), undefined)
  })
})

describe('verifySignature (emulator side)', () => {
  const lookup = (ak: string) => (ak === AK ? SK : undefined)
  const signed = (now: number, body?: string) => {
    const headers: Record<string, string> = body ? { 'Content-Type': 'application/json' } : {}
    return {
      method: 'POST',
      url: URL_,
      headers: {
        ...headers,
        ...signRequest({ method: 'POST', url: URL_, headers, body }, { ak: AK, sk: SK, now }),
      },
      body,
    }
  }
  it('accepts a request signed by signRequest, with and without body', () => {
    assert.deepEqual(verifySignature(signed(NOW), lookup, NOW), { ok: true, ak: AK })
    assert.deepEqual(verifySignature(signed(NOW, '{"a":1}'), lookup, NOW + 14 * 60_000), {
      ok: true,
      ak: AK,
    })
  })
  it('accepts the worked example as sent', () => {
    const req = {
      ...example,
      headers: {
        ...example.headers,
        Authorization: `SDK-HMAC-SHA256 Access=${AK}, SignedHeaders=content-type;host;x-sdk-date, Signature=${SIGNATURE}`,
      },
    }
    assert.equal(verifySignature(req, lookup, NOW).ok, true)
  })
  it('rejects a changed body, path or query', () => {
    const r = signed(NOW, '{"a":1}')
    assert.equal(verifySignature({ ...r, body: '{"a":2}' }, lookup, NOW).ok, false)
    assert.equal(
      verifySignature({ ...r, url: URL_.replace('limit=10', 'limit=11') }, lookup, NOW).ok,
      false,
    )
    assert.equal(
      verifySignature({ ...r, url: URL_.replace('detail', 'details') }, lookup, NOW).ok,
      false,
    )
  })
  it('rejects unknown AK, missing or skewed date, missing header', () => {
    const r = signed(NOW)
    assert.deepEqual(
      verifySignature(r, () => undefined, NOW),
      { ok: false, reason: 'unknown access key', ak: AK },
    )
    assert.match(
      String((verifySignature(r, lookup, NOW + 16 * 60_000) as { reason: string }).reason),
      /too far/,
    )
    const { 'X-Sdk-Date': _d, ...noDate } = r.headers as Record<string, string>
    assert.match(
      String(
        (verifySignature({ ...r, headers: noDate }, lookup, NOW) as { reason: string }).reason,
      ),
      /X-Sdk-Date/,
    )
    assert.equal(verifySignature({ ...r, headers: {} }, lookup, NOW).ok, false)
  })
  it('uses the Host header when present (behind a proxy the URL host may differ)', () => {
    const r = signed(NOW)
    const moved = {
      ...r,
      url: URL_.replace('ecs.eu-de.otc.t-systems.com', '127.0.0.1:8080'),
      headers: { ...r.headers, Host: 'ecs.eu-de.otc.t-systems.com' },
    }
    assert.equal(verifySignature(moved, lookup, NOW).ok, true)
  })
})
