import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createRedactor } from '../core/redact.ts'
import { fakeClient } from '../testing/fake-client.ts'
import { canonicalResource, createObsAuth } from './auth.ts'
import { securityTokenSample } from './fixtures.ts'

describe(canonicalResource.name, () => {
  it('names the bucket from the host (virtual-host style) or the path (path style)', () => {
    const ep = 'https://obs.eu-de.otc.t-systems.com'
    assert.equal(canonicalResource(ep, new URL(`${ep}/`)), '/')
    assert.equal(
      canonicalResource(ep, new URL('https://b1.obs.eu-de.otc.t-systems.com/?acl')),
      '/b1/',
    )
    const emu = 'http://127.0.0.1:8080/obs/eu-de'
    assert.equal(canonicalResource(emu, new URL(`${emu}/b1/?acl`)), '/b1/')
    assert.equal(canonicalResource(emu, new URL(`${emu}/`)), '/')
  })
})

describe(createObsAuth.name, () => {
  const req = {
    method: 'GET' as const,
    url: new URL('https://b1.obs.eu-de.otc.t-systems.com/?acl'),
    headers: {},
    scope: 'project' as const,
  }

  it('obtains temporary keys once, hands the secrets to the redactor first, renews near expiry', async () => {
    let now = Date.parse('2017-04-17T07:00:00Z')
    const iam = fakeClient(() => securityTokenSample)
    const redactor = createRedactor()
    const auth = createObsAuth({
      endpoint: 'https://obs.eu-de.otc.t-systems.com',
      region: 'eu-de',
      now: () => now,
      iam: async () => iam,
      secret: (v) => redactor.add(v),
    })
    const h = await auth.headers(req)
    assert.match(h.Authorization ?? '', /^AWS4-HMAC-SHA256 Credential=NQC51NFINJS1JXX\.\.\.\//)
    assert.equal(h['x-amz-security-token'], securityTokenSample.credential.securitytoken)
    assert.equal(
      redactor.text(
        `token ${securityTokenSample.credential.securitytoken} sk ${securityTokenSample.credential.secret}`,
      ),
      'token *** sk ***',
    )
    await auth.headers(req)
    assert.equal(iam.calls.length, 1, 'cached')
    assert.deepEqual(iam.calls[0]?.body, {
      auth: { identity: { methods: ['token'], token: { duration_seconds: 3600 } } },
    })
    now = Date.parse('2017-04-17T07:52:00Z') // within 5 minutes of expires_at
    await auth.headers(req)
    assert.equal(iam.calls.length, 2, 'renewed')
    assert.equal(auth.renew('project'), true)
  })

  it('signs with configured keys and never renews them', async () => {
    const auth = createObsAuth({
      endpoint: 'https://obs.eu-de.otc.t-systems.com',
      region: 'eu-de',
      now: () => Date.UTC(2024, 0, 1),
      keys: { ak: 'AK1', sk: 'SK1' },
      secret: () => assert.fail('no run-time secret'),
      signature: 'obs-v2',
    })
    assert.match((await auth.headers(req)).Authorization ?? '', /^OBS AK1:/)
    assert.equal(auth.renew('project'), false)
  })
})
