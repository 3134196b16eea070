/**
 * The table of derived fields agrees with `_link.ts`: dropping all resources of one type changes
 * exactly the fields the table says are derived from it, in a world where every link is given
 * only from its other side.
 */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { isDeepStrictEqual } from 'node:util'
import { linkResources } from './_link.ts'
import { DERIVED_FIELDS, type DerivedFieldTable, derivedFields } from './derived-fields.ts'
import { alarm, eip, policy, port, server, vault, volume } from './testing.ts'
import { type AnyResource, RESOURCE_TYPES, type ResourceType } from './types.ts'

/** Each link once, stated only by the side the field is *not* on. */
const world: AnyResource[] = [
  server({ id: 's1' }),
  port({ id: 'p1', deviceId: 's1', securityGroupIds: ['sg1'] }),
  eip({ id: 'e1', portId: 'p1', address: '80.158.0.9' }),
  volume({ id: 'v1', attachments: ['s1'] }),
  server({ id: 's2', volumeIds: ['v2'] }),
  volume({ id: 'v2' }),
  vault({ id: 'va1', resourceIds: ['s1', 'v1'] }),
  policy({ id: 'po1', vaultIds: ['va1'] }),
  vault({ id: 'va2', policyIds: ['po2'] }),
  policy({ id: 'po2' }),
  alarm({ id: 'al1', resourceIds: ['s1'] }),
]

const keyOf = (r: AnyResource) => `${r.type}/${r.id}`
const linked = (rs: readonly AnyResource[]) => new Map(linkResources(rs).map((r) => [keyOf(r), r]))
const full = linked(world)

/** `type.field` of every field that differs when `dropped` is missing. */
function changedWithout(dropped: ResourceType): Set<string> {
  const changed = new Set<string>()
  for (const r of linked(world.filter((x) => x.type !== dropped)).values()) {
    const before = full.get(keyOf(r)) as unknown as Record<string, unknown>
    for (const [field, value] of Object.entries(r))
      if (!isDeepStrictEqual(value, before[field])) changed.add(`${r.type}.${field}`)
  }
  return changed
}

describe('DERIVED_FIELDS', () => {
  it('lists every field a missing type changes, with that type as a source', () => {
    for (const dropped of RESOURCE_TYPES)
      for (const tf of changedWithout(dropped)) {
        const [type, field] = tf.split(/\.(?=[^.]+$)/) as [ResourceType, string]
        assert.ok(
          derivedFields(type).get(field)?.includes(dropped),
          `${tf} changes when ${dropped} is missing, but the table does not derive it from ${dropped}`,
        )
      }
  })

  it('claims no source that does not change its field', () => {
    const table = DERIVED_FIELDS as DerivedFieldTable
    for (const [type, fields] of Object.entries(table) as [ResourceType, object][])
      for (const [field, sources] of Object.entries(fields) as [string, ResourceType[]][])
        for (const source of sources)
          assert.ok(
            changedWithout(source).has(`${type}.${field}`),
            `${type}.${field} is said to derive from ${source}, but does not change without it`,
          )
  })

  it('gives no derived fields for a type that has none', () => {
    assert.equal(derivedFields('vpc.security-group').size, 0)
    assert.deepEqual(derivedFields('ecs.server').get('securityGroupIds'), ['vpc.port'])
  })
})
