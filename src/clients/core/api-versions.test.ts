import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { fakeClient } from '../testing/fake-client.ts'
import {
  type ApiVariant,
  ApiVersionError,
  isVersionAbsent,
  preferredVersion,
  readVersioned,
} from './api-versions.ts'
import { CloudApiError, type CloudApiErrorInit, kindForStatus } from './errors.ts'

const httpError = (status: number, path: string, extra: Partial<CloudApiErrorInit> = {}) =>
  new CloudApiError({
    service: 'ces',
    op: 'ListAlarms',
    method: 'GET',
    url: `https://ces.example.test${path}`,
    kind: kindForStatus(status, extra.code),
    status,
    ...extra,
  })

/** Variants that answer from a script and count their calls. */
function variants(script: Record<string, () => unknown>) {
  const calls: string[] = []
  const list: ApiVariant<unknown>[] = Object.entries(script).map(([version, answer]) => ({
    version,
    read: async () => {
      calls.push(version)
      const a = answer()
      if (a instanceof Error) throw a
      return a
    },
  }))
  return { list, calls }
}

const notServed = (path: string) =>
  httpError(404, path, { code: 'APIGW.0101', detail: 'The API does not exist' })

describe(readVersioned.name, () => {
  it('falls back to the next version on a 404 and says which one served', async () => {
    const v = variants({ v2: () => notServed('/v2/p/alarms'), v1: () => ['a'] })
    const got = await readVersioned(fakeClient([]), v.list)
    assert.deepEqual(got, { version: 'v1', value: ['a'] })
    assert.deepEqual(v.calls, ['v2', 'v1'])
  })

  it('does not fall back on a 403, a 5xx or a schema error: that is the answer', async () => {
    for (const err of [
      httpError(403, '/v2/p/alarms'),
      httpError(503, '/v2/p/alarms'),
      new CloudApiError({ service: 'ces', op: 'X', method: 'GET', url: 'u', kind: 'schema' }),
    ]) {
      const v = variants({ v2: () => err, v1: () => ['a'] })
      await assert.rejects(readVersioned(fakeClient([]), v.list), (e) => e === err)
      assert.deepEqual(v.calls, ['v2'], `no fallback after ${err.kind}`)
    }
  })

  it('remembers the version that worked per client: later reads do not probe again', async () => {
    const client = fakeClient([])
    const v = variants({ v2: () => notServed('/v2/p/alarms'), v1: () => ['a'] })
    await readVersioned(client, v.list)
    assert.equal(preferredVersion(client), 'v1')
    v.calls.length = 0
    await readVersioned(client, v.list)
    await readVersioned(client, v.list)
    assert.deepEqual(v.calls, ['v1', 'v1'])
    // Another client (another endpoint or region) decides for itself.
    v.calls.length = 0
    await readVersioned(fakeClient([]), v.list)
    assert.deepEqual(v.calls, ['v2', 'v1'])
  })

  it('still falls back from a remembered version that stops being served', async () => {
    const client = fakeClient([])
    let v1Served = true
    const v = variants({
      v2: () => ['two'],
      v1: () => (v1Served ? ['one'] : notServed('/V1.0/p/alarms')),
    })
    const [v1First, v2Second] = [v.list[1]!, v.list[0]!]
    assert.equal((await readVersioned(client, [v1First, v2Second])).version, 'v1')
    v1Served = false
    assert.deepEqual(await readVersioned(client, v.list), { version: 'v2', value: ['two'] })
    assert.equal(preferredVersion(client), 'v2')
  })

  it('lets concurrent first reads of one client wait for the first to decide', async () => {
    const client = fakeClient([])
    const v = variants({ v2: () => notServed('/v2/p/alarms'), v1: () => ['a'] })
    const got = await Promise.all([1, 2, 3].map(() => readVersioned(client, v.list)))
    assert.deepEqual(
      got.map((g) => g.version),
      ['v1', 'v1', 'v1'],
    )
    assert.deepEqual(v.calls, ['v2', 'v1', 'v1', 'v1'])
  })

  it('gives one error naming both attempts when no version is served', async () => {
    const v = variants({
      v2: () => notServed('/v2/p/alarms'),
      v1: () => httpError(404, '/V1.0/p/alarms', { code: 'CES.0011', detail: 'no such path' }),
    })
    const err = await readVersioned(fakeClient([]), v.list).catch((e: unknown) => e)
    assert.ok(err instanceof ApiVersionError)
    assert.equal(err.kind, 'not_found')
    assert.deepEqual(
      err.misses.map((m) => m.version),
      ['v2', 'v1'],
    )
    assert.match(err.message, /no API version Sphere reads is served here/)
    assert.match(err.message, /v2 \(GET \/v2\/p\/alarms\) answered 404 APIGW\.0101/)
    assert.match(err.message, /v1 \(GET \/V1\.0\/p\/alarms\) answered 404 CES\.0011 no such path/)
    assert.match(err.message, /serves none of v2, v1/)
  })

  it('gives one error naming both when the fallback fails otherwise (403)', async () => {
    const v = variants({
      v2: () => notServed('/v2/p/alarms'),
      v1: () => httpError(403, '/V1.0/p/alarms', { detail: "Policy doesn't allow ces:alarms:get" }),
    })
    const err = await readVersioned(fakeClient([]), v.list).catch((e: unknown) => e)
    assert.ok(err instanceof ApiVersionError)
    assert.equal(err.kind, 'forbidden')
    assert.equal(err.status, 403)
    assert.equal(err.last?.version, 'v1')
    assert.match(
      err.message,
      /v2 \(GET \/v2\/p\/alarms\) answered 404.*; v1 \(GET \/V1\.0\/p\/alarms\) answered 403/,
    )
    assert.match(err.message, /lacks the permission/)
  })

  it('refuses an empty list of versions', async () => {
    await assert.rejects(readVersioned(fakeClient([]), []), TypeError)
  })
})

describe(isVersionAbsent.name, () => {
  it('is true for a 404 and for answers that say the version is not supported', () => {
    assert.equal(isVersionAbsent(httpError(404, '/v3/p/trackers')), true)
    const cinder = httpError(406, '/v3/p/volumes/detail', {
      detail: 'Version 3.99 is not supported by the API. Minimum is 3.0 and maximum is 3.70.',
    })
    assert.equal(isVersionAbsent(cinder), true)
    const cts = httpError(400, '/v3/p/trackers', { detail: 'API version query is not supported' })
    assert.equal(isVersionAbsent(cts), true)
  })

  it('is false for every other failure', () => {
    for (const status of [400, 401, 403, 406, 429, 500, 503])
      assert.equal(isVersionAbsent(httpError(status, '/v2/p/alarms', { detail: 'nope' })), false)
    assert.equal(isVersionAbsent(new Error('404')), false)
  })
})
