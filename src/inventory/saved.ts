/**
 * The saved inventory file (`sphere scan --save-inventory FILE`, read back with `--inventory FILE`):
 * what was collected, what could not be, and from where, so a scan can be evaluated offline.
 * @module
 */
import { z } from 'zod'
import { InputError } from '../model/input-error.ts'
import { checkInputSize, readInputFile } from '../model/input-file.ts'
import { withoutUserinfo } from '../model/url-userinfo.ts'
import { validateDocument } from '../model/yaml-file.ts'
import type { InventoryInput } from './inventory.ts'
import {
  type AnyResource,
  type CollectionIssue,
  RESOURCE_TYPES,
  type ResourceType,
  type UnavailableType,
} from './types.ts'

/** The version this build writes and reads. */
export const INVENTORY_SCHEMA_VERSION = 1

const resourceType = z.enum(RESOURCE_TYPES as [ResourceType, ...ResourceType[]])

const SavedInventoryV1 = z.strictObject({
  schemaVersion: z.literal(INVENTORY_SCHEMA_VERSION),
  kind: z.literal('sphere-inventory'),
  tool: z.object({ name: z.string(), version: z.string() }),
  collectedAt: z.string(),
  cloud: z.object({ authUrl: z.string(), region: z.string(), projectId: z.string() }),
  /** Absent in files written before API versions were recorded. */
  apiVersions: z.record(z.string(), z.string()).optional(),
  collected: z.array(resourceType),
  resources: z.array(
    z.looseObject({ type: resourceType, id: z.string(), name: z.string(), region: z.string() }),
  ),
  issues: z.array(
    z.object({
      service: z.string(),
      resourceType,
      region: z.string(),
      errorKind: z.string(),
      message: z.string(),
    }),
  ),
  unavailable: z.array(z.object({ resourceType, service: z.string(), reason: z.string() })),
})

/** Where and when an inventory was collected. */
export interface InventoryMeta {
  tool: { name: string; version: string }
  collectedAt: string
  cloud: { authUrl: string; region: string; projectId: string }
  /** The API version that served each service read in several (`{ ces: 'v1' }`), when known. */
  apiVersions?: Readonly<Record<string, string>>
}

/** The meta with the auth URL's user info (a password written into the URL) removed. */
function cleanMeta(meta: InventoryMeta): InventoryMeta {
  return { ...meta, cloud: { ...meta.cloud, authUrl: withoutUserinfo(meta.cloud.authUrl) } }
}

/**
 * Serialises an inventory; `raw` wire objects are left out (they may carry personal data), and so
 * is user info in the auth URL.
 */
export function serializeInventory(input: InventoryInput, meta: InventoryMeta): string {
  const doc = {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    kind: 'sphere-inventory',
    ...cleanMeta(meta),
    collected: [...input.collected],
    resources: input.resources.map(({ raw: _raw, ...r }) => r),
    issues: input.issues ?? [],
    unavailable: input.unavailable ?? [],
  }
  return `${JSON.stringify(doc, null, 1)}\n`
}

/**
 * Parses a saved inventory (at most 512 MiB, `INPUT_LIMITS.inventory`).
 * @throws {InputError} for JSON syntax, an unknown schema version, a malformed document or
 * oversized text
 */
export function parseSavedInventory(
  text: string,
  file: string,
): { input: InventoryInput; meta: InventoryMeta } {
  checkInputSize(text, file, 'inventory')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw new InputError(file, [{ path: '', message: `not JSON: ${(err as Error).message}` }])
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion
  if (version !== INVENTORY_SCHEMA_VERSION) {
    throw new InputError(file, [
      {
        path: 'schemaVersion',
        message: `unknown inventory schema version ${JSON.stringify(version)}; this sphere reads version ${INVENTORY_SCHEMA_VERSION} (written by sphere scan --save-inventory)`,
      },
    ])
  }
  const doc = validateDocument(data, SavedInventoryV1, file)
  return {
    input: {
      resources: doc.resources as unknown as AnyResource[],
      collected: doc.collected,
      issues: doc.issues as CollectionIssue[],
      unavailable: doc.unavailable as UnavailableType[],
    },
    meta: cleanMeta({
      tool: doc.tool,
      collectedAt: doc.collectedAt,
      cloud: doc.cloud,
      ...(doc.apiVersions ? { apiVersions: doc.apiVersions } : {}),
    }),
  }
}

/**
 * Reads and parses a saved inventory file; the size limit is checked before reading.
 * @throws {InputError} when the file is missing, unreadable, too large or not a saved inventory
 * @example
 * const { input, meta } = readSavedInventory('inventory.json')
 */
export function readSavedInventory(file: string): { input: InventoryInput; meta: InventoryMeta } {
  return parseSavedInventory(readInputFile(file, 'inventory'), file)
}
