/**
 * The local OTC/OpenStack emulator: worlds (YAML files or generated), an in-process Hono app
 * and a loopback server, serving the same routes and bodies the Sphere client reads.
 * @module
 */

// Building and serving
export {
  type AnsweredRequest,
  createEmulator,
  type Emulator,
  type EmulatorOptions,
} from './app.ts'
// clouds.yaml for `sphere emulator --write-clouds-yaml`
export { type CloudsYamlOptions, loginFor, writeCloudsYaml } from './clouds-yaml.ts'
export type { EmulatorStats, FaultOptions } from './faults.ts'
export { SERVICE_PREFIX } from './keystone.ts'
export {
  type EmulatorPort,
  openEmulatorPort,
  type RunningEmulator,
  type StartEmulatorOptions,
  startEmulator,
} from './server.ts'
export { applyChange, CHANGE_KINDS, ChangeError } from './world/change.ts'
export { type GenerateOptions, generateWorld, generateWorldDocument } from './world/generate.ts'
// Worlds
export {
  BUILT_IN_WORLDS,
  type BuiltInWorld,
  builtInWorldFile,
  type LoadWorldOptions,
  loadWorld,
  worldFromData,
} from './world/load.ts'
export type { World } from './world/model.ts'
export { WorldFile, type WorldFileInput } from './world/schema.ts'
