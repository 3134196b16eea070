/**
 * KMS keys: `list-keys` (body paging), then `get-key-rotation-status` for each key rotation
 * applies to (otc-api-platform.md §6.3: enabled customer keys with KMS-made symmetric material;
 * Default Master Keys and imported keys cannot rotate, and asymmetric keys do not). A failed
 * status read leaves `rotationEnabled` null and becomes one issue.
 * @module
 */
import { getKeyRotationStatus, listKeys } from '../clients/kms/keys.ts'
import type { KeyDetailWire, KeyRotationStatusResponse } from '../clients/kms/schemas.ts'
import type { KmsKey } from '../inventory/types.ts'
import { type CollectorOutput, defineCollector, type MapContext } from './_collector.ts'
import { fanOutIssue } from './_issue.ts'
import { FAN_OUT, failures, mapSettled } from './_pool.ts'

const STATES: Readonly<Record<string, string>> = {
  '1': 'pending-activation',
  '2': 'enabled',
  '3': 'disabled',
  '4': 'pending-deletion',
  '5': 'pending-import',
}

/** Whether rotation applies to the key. */
export function rotatable(w: KeyDetailWire): boolean {
  return (
    w.default_key_flag === '0' &&
    w.key_state === '2' &&
    (w.origin ?? 'kms') === 'kms' &&
    (w.key_spec === undefined || w.key_spec === 'AES_256')
  )
}

/** Maps a key and, if read, its rotation status. */
export function toKmsKey(
  w: KeyDetailWire,
  rotation: KeyRotationStatusResponse | undefined,
  ctx: MapContext,
): KmsKey {
  return {
    type: 'kms.key',
    id: w.key_id,
    name: w.key_alias || w.key_id,
    region: ctx.region,
    projectId: ctx.projectId,
    alias: w.key_alias,
    state: STATES[w.key_state] ?? `state-${w.key_state}`,
    isDefault: w.default_key_flag === '1',
    origin: w.origin ?? null,
    keySpec: w.key_spec ?? null,
    rotatable: rotatable(w),
    rotationEnabled: rotation?.key_rotation_enabled ?? null,
    rotationIntervalDays: rotation?.rotation_interval ?? null,
  }
}

/** Collects `kms.key`. */
export const kmsKeyCollector = defineCollector({
  type: 'kms.key',
  service: 'kms',
  services: ['kms'],
  async collect(ctx): Promise<CollectorOutput<'kms.key'>> {
    const kms = await ctx.client('kms')
    const keys = await listKeys(kms, { signal: ctx.signal })
    const candidates = keys.filter(rotatable)
    const status = await mapSettled(
      candidates,
      FAN_OUT,
      (k) => getKeyRotationStatus(kms, k.key_id, ctx.signal),
      ctx.signal,
    )
    const byId = new Map(
      candidates.flatMap((k, i) => {
        const s = status[i]!
        return s.ok ? [[k.key_id, s.value] as const] : []
      }),
    )
    const resources = keys.map((k) => toKmsKey(k, byId.get(k.key_id), ctx))
    const issue = fanOutIssue(
      ctx.issue,
      failures(status),
      candidates.length,
      'key rotation status (GetKeyRotationStatus)',
    )
    return { resources, issues: issue ? [issue] : [] }
  },
})
