import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ServiceUnavailableError } from '../clients/core/errors.ts'
import { octaviaReplies, otcElbReplies } from '../clients/elb/testing.ts'
import { elbCertificateCollector } from './elb-certificate.ts'
import { CTX, fakeService } from './testing.ts'

const run = (replies: Record<string, unknown>) =>
  elbCertificateCollector.collect({
    ...CTX,
    client: async () => fakeService('elb', replies as never),
    shared: (_k, fn) => fn(),
    issue: (err) => ({
      service: 'elb',
      resourceType: 'elb.certificate',
      region: CTX.region,
      errorKind: 'unknown',
      message: String(err),
    }),
  })

describe('elb.certificate collection', () => {
  it('reads both documented time formats and never keeps a private key', async () => {
    const out = await run(otcElbReplies())
    assert.deepEqual(
      out.resources.map((c) => [c.api, c.name, c.expiresAt]),
      [
        ['dedicated', 'asdf', '2045-11-17T13:25:47.000Z'],
        ['shared', 'https_certificate', '2045-11-17T13:25:47.000Z'],
        ['shared', 'certForSonar9', '2019-07-10T12:00:00.000Z'],
      ],
    )
    assert.doesNotMatch(JSON.stringify(out.resources), /PRIVATE KEY|BEGIN CERTIFICATE/)
  })

  it('Octavia has no certificate API: the type is unavailable, not empty', async () => {
    for (const old of [false, true])
      await assert.rejects(run(octaviaReplies(old)), (e) => e instanceof ServiceUnavailableError)
  })
})
