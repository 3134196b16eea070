/** Keeps the request-CPU bench from rotting: a tiny run reports every figure. No figure is asserted. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatRequestCpu, measureRequestCpu } from './request-cpu.bench.ts'

describe('bench/request-cpu.bench.ts', () => {
  it('measures client and bare-fetch CPU per request and prints both with the load', async () => {
    const m = await measureRequestCpu({
      requests: 20,
      rounds: 1,
      concurrency: 2,
      transport: 'fetch',
    })
    assert.equal(m.transport, 'fetch')
    assert.equal(
      (await measureRequestCpu({ requests: 20, rounds: 1, concurrency: 2 })).transport,
      'node',
    )
    assert.equal(m.all.client.length, 1)
    assert.equal(m.all.bare.length, 1)
    for (const v of [m.clientUsPerRequest, m.bareFetchUsPerRequest, m.layerUsPerRequest])
      assert.equal(typeof v, 'number')
    const text = formatRequestCpu(m)
    for (const field of [
      'load:',
      'client (session + IAM client):',
      'bare transport',
      "Sphere's layer:",
    ])
      assert.ok(text.includes(field), `text lacks "${field}"`)
  })
})
