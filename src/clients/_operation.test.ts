import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { z } from 'zod'
import { itemSplit, type ListDef } from './_operation.ts'
import { OPERATIONS } from './operations.ts'

const lists = (Object.values(OPERATIONS) as unknown as ListDef[]).filter((d) => d.items)

describe('itemSplit', () => {
  it('splits the bulk lists of a scan, so their items are validated in time slices', () => {
    for (const key of [
      'compute.ListServersDetail',
      'volume.ListVolumesDetailV2',
      'volume.ListBackupsDetailV2',
      'network.ListPorts',
      'network.ListFloatingIps',
      'network.ListSecurityGroups',
      'cbr.ListBackups',
      'cbr.ListVaults',
      'ces.ListAlarms',
      'identity.ListUsers',
    ]) {
      const def = lists.find((d) => d.key === key)
      assert.ok(def && itemSplit(def), key)
    }
  })

  it('splits only where the page field is exactly an array of the item schema', () => {
    for (const def of lists) {
      const split = itemSplit(def)
      const page = def.schema as z.ZodObject
      const field = page.shape?.[def.items.key]
      const exact = field instanceof z.ZodArray && field.element === def.items.schema
      assert.equal(split !== undefined, exact, def.key)
      if (split) {
        assert.equal(split.key, def.items.key)
        assert.equal(split.item, def.items.schema)
      }
    }
    // CCE's `items` may be null: validated whole.
    assert.equal(itemSplit(lists.find((d) => d.key === 'cce.ListNodes')!), undefined)
  })

  it('a made-up page: envelope plus items give what the page schema gives', () => {
    const Item = z.object({ id: z.string() })
    const def = {
      key: 'x.List',
      schema: z.object({ things: z.array(Item), total: z.number() }),
      items: { key: 'things', schema: Item },
    } as unknown as ListDef
    const split = itemSplit(def)!
    const body = { total: 2, things: [{ id: 'a', extra: 1 }, { id: 'b' }] }
    const env = split.envelope.parse(body) as { things: unknown[] }
    const sliced = { ...env, things: env.things.map((t) => split.item.parse(t)) }
    assert.deepEqual(sliced, def.schema.parse(body))
    assert.equal(split.envelope.safeParse({ total: 2, things: [7] }).success, true)
    assert.equal(split.envelope.safeParse({ total: 'x', things: [] }).success, false)
    // A page with a refinement of its own is not split (the envelope would not keep it).
    const refined = {
      ...def,
      key: 'x.Refined',
      schema: z.object({ things: z.array(Item), total: z.number() }).refine((b) => b.total > 0),
    } as unknown as ListDef
    assert.equal(itemSplit(refined), undefined)
  })
})
