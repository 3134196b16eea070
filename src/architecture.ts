/**
 * The layers of the code base and which may import which. `architecture.test.ts` enforces it on
 * every non-test module; `docs/architecture.md` draws it. Keep the three in step.
 * @module
 */

/** Top-level folder under `src/` → the folders it may import from (itself always allowed). */
export const ALLOWED_IMPORTS: Record<string, readonly string[]> = {
  model: [],
  responsibility: ['model'],
  lifecycle: ['model'],
  log: ['model'],
  config: ['model', 'log'],
  clients: ['model', 'log', 'config'],
  emulator: ['model', 'log', 'clients'],
  inventory: ['model'],
  collectors: ['model', 'log', 'config', 'clients', 'inventory'],
  checks: ['model', 'inventory', 'lifecycle'],
  host: ['model', 'inventory', 'lifecycle'],
  engine: [
    'model',
    'log',
    'config',
    'responsibility',
    'lifecycle',
    'clients',
    'collectors',
    'inventory',
    'checks',
    'host',
  ],
  compliance: ['model', 'responsibility', 'inventory'],
  reports: ['model', 'responsibility', 'inventory', 'checks', 'engine', 'compliance'],
  store: ['model', 'log', 'responsibility', 'inventory', 'checks', 'engine', 'reports'],
  server: [
    'model',
    'log',
    'config',
    'responsibility',
    'inventory',
    'checks',
    'engine',
    'reports',
    'store',
  ],
  cli: ['*'],
}
