import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { signRequest } from '../clients/core/signer.ts'
import { demoEmulator, NOW, ORIGIN } from './_test-kit.ts'

const AK = 'SPHEREDEMOAK00000001'
const SK = 'SphereDemoSecretKey00000000000000000001'

function signed(
  url: string,
  creds: { ak: string; sk: string },
  now = NOW,
  extra: Record<string, string> = {},
) {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extra }
  return {
    headers: { ...headers, ...signRequest({ method: 'GET', url, headers }, { ...creds, now }) },
  }
}

describe('AK/SK (SDK-HMAC-SHA256)', () => {
  it('accepts a request signed with a world user access key', async () => {
    const { app, pid } = demoEmulator()
    const url = `${ORIGIN}/compute/v2.1/${pid}/servers/detail?limit=2`
    const res = await app.request(url, signed(url, { ak: AK, sk: SK }))
    assert.equal(res.status, 200)
    assert.equal((await res.json()).servers.length, 2)
  })

  it('accepts AK/SK on IAM /v3.0 and Keystone, and takes the project from X-Project-Id', async () => {
    const { app, pid } = demoEmulator()
    const iam = `${ORIGIN}/identity/v3.0/OS-CREDENTIAL/credentials`
    assert.equal((await app.request(iam, signed(iam, { ak: AK, sk: SK }))).status, 200)
    const sgs = `${ORIGIN}/network/v2.0/security-groups`
    const res = await app.request(
      sgs,
      signed(sgs, { ak: AK, sk: SK }, NOW, { 'X-Project-Id': pid }),
    )
    assert.equal(res.status, 200)
    const catalog = `${ORIGIN}/identity/v3/auth/catalog`
    const c = await app.request(
      catalog,
      signed(catalog, { ak: AK, sk: SK }, NOW, { 'X-Project-Id': pid }),
    )
    assert.ok((await c.json()).catalog.some((e: { type: string }) => e.type === 'compute'))
  })

  it('rejects a bad signature, an unknown key, an inactive key and a stale date with APIGW.0301', async () => {
    const { app, world, pid } = demoEmulator()
    const url = `${ORIGIN}/rds/v3/${pid}/instances`
    const inactive = world.users.find((u) => u.name === 'carol.ops')!.accessKeys[1]!
    const cases = [
      signed(url, { ak: AK, sk: 'wrong-secret-wrong-secret' }),
      signed(url, { ak: 'UNKNOWNAK00000000000', sk: SK }),
      signed(url, { ak: inactive.access, sk: inactive.secret }),
      signed(url, { ak: AK, sk: SK }, NOW - 3_600_000),
      signed(`${url}?tampered=1`, { ak: AK, sk: SK }),
    ]
    for (const init of cases) {
      const res = await app.request(url, init)
      assert.equal(res.status, 401)
      const body = await res.json()
      assert.equal(body.error_code, 'APIGW.0301')
      assert.match(body.error_msg, /verify aksk signature fail/)
    }
  })
})
