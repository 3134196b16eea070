import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { dirname } from 'node:path'
import { describe, it } from 'node:test'
import { fileURLToPath } from 'node:url'
import { RESOURCE_TYPES } from '../inventory/types.ts'
import { COLLECTORS, collectorOf } from './registry.ts'

describe('collector registry', () => {
  it('has exactly one collector per resource type', () => {
    assert.deepEqual(COLLECTORS.map((c) => c.type).sort(), [...RESOURCE_TYPES].sort())
  })

  it('has a collector file for every collector and a test beside every collector file', () => {
    const files = readdirSync(dirname(fileURLToPath(import.meta.url)))
    for (const c of COLLECTORS) {
      const name = c.type.replace('.', '-')
      assert.ok(files.includes(`${name}.ts`), `${name}.ts`)
      assert.ok(files.includes(`${name}.test.ts`), `${name}.test.ts`)
    }
  })

  it('declares the services each collector needs', () => {
    for (const c of COLLECTORS)
      if (c.type !== 'project') assert.ok(c.services.includes(c.service), c.type)
    assert.throws(() => collectorOf('nope' as never), /no collector/)
  })
})
