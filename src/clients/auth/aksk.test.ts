import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { z } from 'zod'
import { cloudConfig, DOMAIN_ID, fakeFetch, json, PID } from '../core/_test-kit.ts'
import type { CloudApiError } from '../core/errors.ts'
import { createSession } from '../core/session.ts'
import { verifySignature } from '../core/signer.ts'

const AK = 'AK0000000000EXAMPLE'
const SK = 'SK-secret-0000000000000000000000000000'
const T0 = Date.UTC(2024, 5, 1)

function cloud(projects: unknown[], domains = [{ id: DOMAIN_ID, name: 'OTC0001' }]) {
  return fakeFetch((req) => {
    const v = verifySignature(
      { method: req.method, url: req.url, headers: req.headers, body: req.body },
      (ak) => (ak === AK ? SK : undefined),
      T0,
    )
    if (!v.ok) return json(401, { error_code: 'APIGW.0301', error_msg: v.reason })
    if (req.url.pathname === '/v3/auth/domains') return json(200, { domains })
    if (req.url.pathname === '/v3/projects')
      return json(200, { projects, links: { self: 'x', next: null } })
    if (req.url.pathname === '/v3/auth/catalog') return json(200, { catalog: [] })
    return json(200, { echo: req.headers.get('x-security-token') })
  })
}
const aksk = (over: object = {}) =>
  cloudConfig({ auth: { type: 'aksk', ak: AK, sk: SK, domain: {}, ...over } })
const project = { id: PID, name: 'eu-de', domain_id: DOMAIN_ID, enabled: true }

describe('AK/SK authentication', () => {
  it('resolves project and domain, picking the named domain', async () => {
    const f = cloud(
      [project],
      [
        { id: 'other', name: 'X' },
        { id: DOMAIN_ID, name: 'OTC0001' },
      ],
    )
    const s = createSession(aksk({ domain: { name: 'OTC0001' } }), {
      fetch: f.fetch,
      now: () => T0,
    })
    const info = await s.info()
    assert.deepEqual(
      [info.projectId, info.domainId, info.domainName, info.projectName],
      [PID, DOMAIN_ID, 'OTC0001', 'eu-de'],
    )
  })
  it('a project name that is not found is an auth error that says what to check', async () => {
    const s = createSession(aksk(), { fetch: cloud([]).fetch, now: () => T0 })
    await assert.rejects(
      s.info(),
      (e: CloudApiError) =>
        e.kind === 'auth' &&
        /project "eu-de" not found/.test(e.message) &&
        /project_id/.test(e.message),
    )
  })
  it('sends X-Security-Token for temporary credentials (after signing)', async () => {
    const f = cloud([project])
    const s = createSession(aksk({ securityToken: 'sts-token-abc' }), {
      fetch: f.fetch,
      now: () => T0,
    })
    const iam = await s.client('iam')
    const res = await iam.request(
      { op: 'X', path: '/v3.0/OS-USER/users' },
      z.object({ echo: z.string() }),
    )
    assert.equal(res.body.echo, 'sts-token-abc')
    assert.equal(f.calls.at(-1)!.headers.get('x-domain-id'), DOMAIN_ID)
  })
})
