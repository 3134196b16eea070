#!/usr/bin/env node
// Entry point of the `sphere` command: loads the TypeScript sources through tsx, no build step.
import { register } from 'tsx/esm/api'

register()
const { runMain } = await import('../src/cli/main.ts')
await runMain(process.argv.slice(2))
