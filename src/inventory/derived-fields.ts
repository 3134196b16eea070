/**
 * Which fields of a resource are *derived*: completed by the {@link Inventory} (see `_link.ts`)
 * from resources of other types. Reading such a field is reading those types: a server's
 * `securityGroupIds` is only as complete as the port list it was derived from. One table, next
 * to the code that fills the fields; `derived-fields.test.ts` proves the two agree.
 * @module
 */
import type { ResourceMap, ResourceType } from './types.ts'

/** Per resource type, its derived fields and the types each one is derived from. */
export type DerivedFieldTable = {
  readonly [T in ResourceType]?: {
    readonly [F in keyof ResourceMap[T]]?: readonly ResourceType[]
  }
}

/**
 * The derived fields. A field lists every type whose resources can change its value: a
 * server's `publicIps` come from the EIPs bound to its ports, and its ports partly from the
 * port list (`deviceId`), so both `vpc.eip` and `vpc.port`.
 */
export const DERIVED_FIELDS = {
  'ecs.server': {
    portIds: ['vpc.port'],
    securityGroupIds: ['vpc.port'],
    publicIps: ['vpc.eip', 'vpc.port'],
    volumeIds: ['evs.volume'],
    cbrVaultIds: ['cbr.vault'],
    alarmIds: ['ces.alarm'],
  },
  'evs.volume': {
    attachments: ['ecs.server'],
    cbrVaultIds: ['cbr.vault'],
  },
  'cbr.vault': { policyIds: ['cbr.policy'] },
  'cbr.policy': { vaultIds: ['cbr.vault'] },
} as const satisfies DerivedFieldTable

/** The derived fields of a type, with their source types (empty if none). */
export function derivedFields(type: ResourceType): ReadonlyMap<string, readonly ResourceType[]> {
  const fields = (DERIVED_FIELDS as DerivedFieldTable)[type] ?? {}
  return new Map(Object.entries(fields) as [string, readonly ResourceType[]][])
}
