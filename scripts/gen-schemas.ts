/**
 * Writes the published JSON Schemas under docs/schemas from their zod sources.
 * Run: `npm run schemas`. A test fails when a committed schema is out of date.
 */
import { writeFileSync } from 'node:fs'
import { PUBLISHED_SCHEMAS } from '../src/schemas.ts'

for (const [file, build] of Object.entries(PUBLISHED_SCHEMAS)) {
  writeFileSync(
    new URL(`../docs/schemas/${file}`, import.meta.url),
    `${JSON.stringify(build(), null, 2)}\n`,
  )
  console.log(`wrote docs/schemas/${file}`)
}
