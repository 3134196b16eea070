import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { dcsInstancesSample, whitelistSample } from '../clients/dcs/fixtures.ts'
import { DcsInstanceWire, ShowWhitelistResponse } from '../clients/dcs/schemas.ts'
import { httpError } from '../clients/testing/http-error.ts'
import { dcsInstanceCollector, toDcsInstance } from './dcs-instance.ts'
import { CTX, fakeService } from './testing.ts'

const run = (replies: Record<string, unknown>) =>
  dcsInstanceCollector.collect({
    ...CTX,
    client: async () => fakeService('dcs', replies as never),
    shared: (_k, fn) => fn(),
    issue: (err) => ({
      service: 'dcs',
      resourceType: 'dcs.instance',
      region: CTX.region,
      errorKind: 'forbidden',
      message: err instanceof Error ? err.message : String(err),
    }),
  })

describe('dcs.instance collection', () => {
  it('maps the documented samples: password-free (boolean in the sample), whitelist of one address', () => {
    const d = toDcsInstance(
      DcsInstanceWire.parse(dcsInstancesSample.instances[0]),
      ShowWhitelistResponse.parse(whitelistSample),
      CTX,
    )
    assert.equal(d.passwordFree, true)
    assert.equal(d.whitelistEnabled, true)
    assert.deepEqual(d.whitelist, ['10.10.10.1'])
  })

  it('reads no_password_access typed as String, as the field table says', () => {
    const w = DcsInstanceWire.parse({
      ...dcsInstancesSample.instances[0],
      no_password_access: 'false',
    })
    assert.equal(toDcsInstance(w, undefined, CTX).passwordFree, false)
  })

  it('fans out for whitelists; a failed one is null and one issue', async () => {
    const out = await run({
      ListInstances: [dcsInstancesSample.instances[0]],
      ShowWhitelist: (req: { op: string; path: string }) => httpError(req, 403, 'DCS.4403'),
    })
    assert.equal(out.resources[0]?.whitelistEnabled, null)
    assert.equal(out.issues?.length, 1)
    const ok = await run({
      ListInstances: [dcsInstancesSample.instances[0]],
      ShowWhitelist: () => whitelistSample,
    })
    assert.deepEqual(ok.issues, [])
  })
})
