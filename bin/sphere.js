#!/usr/bin/env node
// Entry point of the `sphere` command: loads the TypeScript sources through tsx, no build step.
import { register } from 'tsx/esm/api'

register()
// Before any schema is built: zod validates without compiling code (src/model/zod-jitless.ts).
await import('../src/model/zod-jitless.ts')
const { runMain } = await import('../src/cli/main.ts')
await runMain(process.argv.slice(2))
