import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { describe, it } from 'node:test'
import { PUBLISHED_SCHEMAS } from './schemas.ts'

describe('published JSON Schemas', () => {
  for (const [file, build] of Object.entries(PUBLISHED_SCHEMAS)) {
    it(`docs/schemas/${file} is up to date (run npm run schemas)`, () => {
      const committed = JSON.parse(
        readFileSync(new URL(`../docs/schemas/${file}`, import.meta.url), 'utf8'),
      )
      assert.deepEqual(committed, build())
    })
  }
})
