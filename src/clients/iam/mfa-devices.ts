/**
 * Virtual MFA devices of the account's users.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { VirtualMfaDeviceWire } from './schemas.ts'

// GET /v3.0/OS-MFA/virtual-mfa-devices (IAM extension, domain-scoped token; unpaged)
/** Lists every virtual MFA device; users without one are absent (absence means "no MFA"). */
export function listVirtualMfaDevices(
  client: ServiceClient,
  _query: Record<string, never> = {},
  signal?: AbortSignal,
): Promise<VirtualMfaDeviceWire[]> {
  return listItems(client, OPS['iam.ListVirtualMfaDevices'], { signal })
}
