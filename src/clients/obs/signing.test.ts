import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  canonicalRequestV4,
  signatureV2,
  signatureV4,
  signObsRequest,
  stringToSignV2,
  verifyObsRequest,
} from './signing.ts'

// The vectors of otc-api-platform.md §2.3 ("Signature examples"): the documented algorithms,
// computed with these keys (the OTC docs publish no vector with a usable SK).
const AK = 'AKEXAMPLE0000000000'
const SK = 'SKEXAMPLE00000000000000000000000000000000'
const DATE = 'Wed, 01 Jul 2015 02:39:28 GMT'
const BUCKET_URL = 'https://examplebucket.obs.eu-de.otc.t-systems.com/'

describe('OBS V2 header signature (documented vectors)', () => {
  it('1) GET /?acl with Date', () => {
    const sts = stringToSignV2(
      { method: 'GET', url: `${BUCKET_URL}?acl`, headers: { Date: DATE } },
      '/examplebucket/',
      'obs',
    )
    assert.equal(sts, `GET\n\n\n${DATE}\n/examplebucket/?acl`)
    assert.equal(signatureV2(SK, sts), 'Gwj3pRzdFixtRlkceyf3O4wiYtg=')
  })

  it('2) GET /?policy with x-obs-date and a security token (Date line empty)', () => {
    const sts = stringToSignV2(
      {
        method: 'GET',
        url: `${BUCKET_URL}?policy`,
        headers: { 'x-obs-date': DATE, 'x-obs-security-token': 'TOKENEXAMPLE' },
      },
      '/examplebucket/',
      'obs',
    )
    assert.equal(
      sts,
      `GET\n\n\n\nx-obs-date:${DATE}\nx-obs-security-token:TOKENEXAMPLE\n/examplebucket/?policy`,
    )
    assert.equal(signatureV2(SK, sts), 'KVcTyRH/eY0ikWQDZYziqzdj/54=')
  })

  it('3) GET / (list buckets)', () => {
    const sts = stringToSignV2(
      { method: 'GET', url: 'https://obs.eu-de.otc.t-systems.com/', headers: { Date: DATE } },
      '/',
      'aws',
    )
    assert.equal(signatureV2(SK, sts), '5caM9UFp4J/QKFVMBJ+AOniaXw0=')
  })

  it('signs only sub-resources, sorted; other query parameters are left out', () => {
    const sts = stringToSignV2(
      { method: 'GET', url: `${BUCKET_URL}?versioning&prefix=a&acl`, headers: { Date: DATE } },
      '/examplebucket/',
      'obs',
    )
    assert.ok(sts.endsWith('/examplebucket/?acl&versioning'))
  })
})

describe('AWS SigV4 for OBS (documented vector 4)', () => {
  const headers = {
    host: 'examplebucket.obs.eu-de.otc.t-systems.com',
    'x-amz-content-sha256': 'UNSIGNED-PAYLOAD',
    'x-amz-date': '20240101T120000Z',
  }
  const req = { method: 'GET', url: `${BUCKET_URL}?acl`, headers }
  const signed = ['host', 'x-amz-content-sha256', 'x-amz-date']

  it('builds the canonical request, string to sign and signature', () => {
    const cr = canonicalRequestV4(req, signed)
    assert.equal(
      cr,
      [
        'GET',
        '/',
        'acl=',
        'host:examplebucket.obs.eu-de.otc.t-systems.com',
        'x-amz-content-sha256:UNSIGNED-PAYLOAD',
        'x-amz-date:20240101T120000Z',
        '',
        'host;x-amz-content-sha256;x-amz-date',
        'UNSIGNED-PAYLOAD',
      ].join('\n'),
    )
    const { stringToSign, signature } = signatureV4(
      SK,
      '20240101T120000Z',
      '20240101/eu-de/s3/aws4_request',
      cr,
    )
    assert.ok(
      stringToSign.endsWith('c2ceefc35d4a4c87210b18c50bc9fdb4591883835188c58ce4cd02db81725a7e'),
    )
    assert.equal(signature, 'c81a062197b407931a2256d4f11c29f70f285b59ca13d5c5382e31706be894cb')
  })

  it('signObsRequest produces the documented Authorization header', () => {
    const out = signObsRequest(
      { method: 'GET', url: `${BUCKET_URL}?acl`, headers: {} },
      { ak: AK, sk: SK },
      { signature: 'v4', region: 'eu-de', now: Date.UTC(2024, 0, 1, 12), resource: '/' },
    )
    assert.equal(
      out.Authorization,
      `AWS4-HMAC-SHA256 Credential=${AK}/20240101/eu-de/s3/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=c81a062197b407931a2256d4f11c29f70f285b59ca13d5c5382e31706be894cb`,
    )
  })
})

describe(verifyObsRequest.name, () => {
  const now = Date.UTC(2026, 0, 1)
  const secretOf = (ak: string) => (ak === AK ? SK : undefined)
  for (const signature of ['obs-v2', 'aws-v2', 'v4'] as const) {
    it(`accepts its own ${signature} signature with a token and rejects a changed one`, () => {
      const url = `${BUCKET_URL}?policy`
      const h = signObsRequest(
        { method: 'GET', url, headers: {} },
        { ak: AK, sk: SK, securityToken: 'TOK' },
        { signature, region: 'eu-de', now, resource: '/examplebucket/' },
      )
      const ok = verifyObsRequest({ method: 'GET', url, headers: h }, secretOf, now, [
        '/examplebucket/',
      ])
      assert.deepEqual(ok, { ok: true, ak: AK, signature, securityToken: 'TOK' })
      const other = verifyObsRequest(
        { method: 'GET', url: `${BUCKET_URL}?acl`, headers: h },
        secretOf,
        now,
        ['/examplebucket/'],
      )
      assert.equal(other.ok === false && other.code, 'SignatureDoesNotMatch')
      const late = verifyObsRequest(
        { method: 'GET', url, headers: h },
        secretOf,
        now + 16 * 60_000,
        ['/examplebucket/'],
      )
      assert.equal(late.ok === false && late.code, 'RequestTimeTooSkewed')
    })
  }

  it('names an unknown key and a missing signature', () => {
    const h = signObsRequest(
      { method: 'GET', url: BUCKET_URL, headers: {} },
      { ak: 'NOPE', sk: SK },
      { signature: 'obs-v2', region: 'eu-de', now, resource: '/' },
    )
    const r = verifyObsRequest({ method: 'GET', url: BUCKET_URL, headers: h }, secretOf, now, ['/'])
    assert.equal(r.ok === false && r.code, 'InvalidAccessKeyId')
    const anon = verifyObsRequest({ method: 'GET', url: BUCKET_URL, headers: {} }, secretOf, now, [
      '/',
    ])
    assert.equal(anon.ok === false && anon.code, 'AccessDenied')
  })
})
