/**
 * Loads a world: a built-in one by name (`demo`, `empty`, `openstack`) or a YAML file by path.
 * @module
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { readYamlFile, validateDocument } from '../../model/yaml-file.ts'
import type { World } from './model.ts'
import { type ResolveOptions, resolveWorld } from './resolve.ts'
import { WorldFile, type WorldFileInput } from './schema.ts'

/** Worlds shipped with Sphere, by name. */
export const BUILT_IN_WORLDS = ['demo', 'empty', 'openstack'] as const
export type BuiltInWorld = (typeof BUILT_IN_WORLDS)[number]

/** The path of a built-in world's YAML file. */
export function builtInWorldFile(name: BuiltInWorld): string {
  return fileURLToPath(new URL(`../worlds/${name}.yaml`, import.meta.url))
}

export interface LoadWorldOptions {
  /** Relative times count from here (epoch ms or a Date); pin it in tests. */
  now?: number | Date
}

const toResolve = (file: string, o: LoadWorldOptions): ResolveOptions => ({
  file,
  now: o.now instanceof Date ? o.now.getTime() : o.now,
})

/**
 * Loads a built-in world by name, or a world file by path.
 * @throws {InputError} naming the file, the path inside it and what was expected
 * @example
 * const world = loadWorld('demo', { now: Date.parse('2025-06-01T00:00:00Z') })
 */
export function loadWorld(fileOrName: string, opts: LoadWorldOptions = {}): World {
  const builtIn =
    (BUILT_IN_WORLDS as readonly string[]).includes(fileOrName) && !existsSync(fileOrName)
  const file = builtIn ? builtInWorldFile(fileOrName as BuiltInWorld) : fileOrName
  return resolveWorld(readYamlFile(file, WorldFile, 'world'), toResolve(file, opts))
}

/**
 * Validates and resolves a world given as data (e.g. built in a test).
 * @throws {InputError} naming `file` (default `world`) and the path of each problem
 */
export function worldFromData(
  data: WorldFileInput | unknown,
  opts: LoadWorldOptions & { file?: string } = {},
): World {
  const file = opts.file ?? 'world'
  return resolveWorld(validateDocument(data, WorldFile, file), toResolve(file, opts))
}
