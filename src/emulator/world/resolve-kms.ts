/**
 * Resolves the KMS keys of a world file: state names to KMS `key_state` codes, stable ids.
 * @module
 */
import type { ResolveContext } from './_context.ts'
import type { KmsKey } from './model.ts'
import type { WorldFileData } from './schema.ts'

const STATE = {
  'pending-activation': '1',
  enabled: '2',
  disabled: '3',
  'pending-deletion': '4',
  'pending-import': '5',
} as const

export function resolveKmsKeys(f: WorldFileData, ctx: ResolveContext): KmsKey[] {
  const seen = new Set<string>()
  return f.kmsKeys.map((k, i) => {
    const path = `kmsKeys[${i}]`
    const project = ctx.project(k.project, `${path}.project`)
    const key = `${project.id}/${k.alias}`
    if (seen.has(key)) ctx.issue(`${path}.alias`, `duplicate key alias "${k.alias}" in the project`)
    seen.add(key)
    if (k.default && (k.rotation || k.origin === 'external'))
      ctx.issue(path, 'a Default Master Key is made by KMS and does not rotate')
    const createdAt = ctx.time(k.createdAt, `${path}.createdAt`)
    return {
      id: ctx.uuid(k.id, 'kms-key', project.name, k.alias),
      projectId: project.id,
      alias: k.alias,
      state: STATE[k.state],
      origin: k.origin,
      spec: k.spec,
      isDefault: k.default,
      rotation: k.rotation,
      rotationInterval: k.rotationInterval,
      rotations: k.rotation
        ? Math.floor((ctx.now - createdAt) / (k.rotationInterval * 86_400_000))
        : 0,
      createdAt,
    }
  })
}
