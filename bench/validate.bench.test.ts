/** Keeps the validation bench from rotting: a tiny run reports every page and figure. No figure is asserted. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { formatValidation, measureValidation } from './validate.bench.ts'

describe('bench/validate.bench.ts', () => {
  it('parses each bulk page three ways and prints CPU and GC per way', async () => {
    const m = await measureValidation({ servers: 20, rounds: 1 })
    assert.deepEqual(
      m.pages.map((p) => p.op),
      [
        'compute.ListServersDetail',
        'network.ListPorts',
        'volume.ListVolumesDetail',
        'cbr.ListBackups',
        'ces.ListAlarms',
      ],
    )
    for (const p of m.pages) {
      assert.ok(p.items > 0 && p.bytes > 0, p.op)
      for (const way of ['parse', 'zod', 'lean'] as const) {
        assert.equal(typeof p.cpuMs[way], 'number')
        assert.equal(typeof p.gcMs[way], 'number')
      }
    }
    const text = formatValidation(m)
    for (const field of [
      'load:',
      'JSON.parse',
      '+ zod',
      '+ lean',
      'all pages:',
      'ListServersDetail',
    ])
      assert.ok(text.includes(field), `text lacks "${field}"`)
  })
})
