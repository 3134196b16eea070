/**
 * The saved inventory file (`sphere scan --save-inventory FILE`, read back with `--inventory FILE`):
 * what was collected in every scope, what could not be, and from where, so a scan can be
 * evaluated offline. Version 2 holds scopes (one project in one region, or one cloud's account);
 * version 1 files (one project, written before scopes) still read, as one scope.
 * @module
 */
import { z } from 'zod'
import { InputError } from '../model/input-error.ts'
import { checkInputSize, readInputFile } from '../model/input-file.ts'
import { withoutUserinfo } from '../model/url-userinfo.ts'
import { validateDocument } from '../model/yaml-file.ts'
import type { InventoryInput } from './inventory.ts'
import type { ScopeRef } from './scope.ts'
import {
  type AnyResource,
  type CollectionIssue,
  RESOURCE_TYPES,
  type ResourceType,
  type UnavailableType,
} from './types.ts'

/** The version this build writes. */
export const INVENTORY_SCHEMA_VERSION = 2

/** The cloud name given to the one scope of a version 1 file (which did not record it). */
export const V1_CLOUD = 'inventory-v1'

const resourceType = z.enum(RESOURCE_TYPES as [ResourceType, ...ResourceType[]])
const Tool = z.object({ name: z.string(), version: z.string() })
const Contents = {
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
}
const ApiVersions = z.record(z.string(), z.string()).optional()

const SavedInventoryV1 = z.strictObject({
  schemaVersion: z.literal(1),
  kind: z.literal('sphere-inventory'),
  tool: Tool,
  collectedAt: z.string(),
  cloud: z.object({ authUrl: z.string(), region: z.string(), projectId: z.string() }),
  /** Absent in files written before API versions were recorded. */
  apiVersions: ApiVersions,
  ...Contents,
})

const Scope = z.strictObject({
  cloud: z.string().min(1),
  region: z.string().min(1),
  projectId: z.string(),
  projectName: z.string(),
  kind: z.enum(['project', 'account']),
})

const SavedInventoryV2 = z.strictObject({
  schemaVersion: z.literal(2),
  kind: z.literal('sphere-inventory'),
  tool: Tool,
  collectedAt: z.string(),
  scopes: z.array(
    z.strictObject({ scope: Scope, authUrl: z.string(), apiVersions: ApiVersions, ...Contents }),
  ),
})

/** The inventory of one scope, with where it was read. */
export interface ScopeInventory {
  readonly scope: ScopeRef
  /** Keystone URL of the scope's cloud (user info removed). */
  readonly authUrl: string
  /** The API version that served each service read in several (`{ ces: 'v1' }`), when known. */
  readonly apiVersions?: Readonly<Record<string, string>>
  readonly input: InventoryInput
}

/** A saved (or just collected) scan: when, by what, and every scope's inventory. */
export interface SavedScan {
  readonly tool: { readonly name: string; readonly version: string }
  readonly collectedAt: string
  readonly scopes: readonly ScopeInventory[]
}

/**
 * Serialises the scopes, yielding one chunk per scope (a 10,000-server organisation is never one
 * string); user info in auth URLs is left out. Resources hold no wire objects (types.ts).
 */
export function* serializeInventoryChunks(scan: SavedScan): Generator<string> {
  yield inventoryHead(scan)
  let first = true
  for (const s of scan.scopes) {
    yield inventoryScope(s, first)
    first = false
  }
  yield INVENTORY_TAIL
}

/** The start of a saved inventory, up to its list of scopes. */
export function inventoryHead(scan: Pick<SavedScan, 'tool' | 'collectedAt'>): string {
  const head = {
    schemaVersion: INVENTORY_SCHEMA_VERSION,
    kind: 'sphere-inventory',
    tool: scan.tool,
    collectedAt: scan.collectedAt,
  }
  return `${JSON.stringify(head, null, 1).replace(/\n}$/, '')},\n "scopes": [`
}

/** One scope of a saved inventory (`first`: the first in the list, no comma before it). */
export function inventoryScope(s: ScopeInventory, first: boolean): string {
  const doc = {
    scope: s.scope,
    authUrl: withoutUserinfo(s.authUrl),
    ...(s.apiVersions ? { apiVersions: s.apiVersions } : {}),
    collected: [...s.input.collected],
    resources: s.input.resources,
    issues: s.input.issues ?? [],
    unavailable: s.input.unavailable ?? [],
  }
  return `${first ? '\n' : ',\n'}${JSON.stringify(doc)}`
}

/** The end of a saved inventory. */
export const INVENTORY_TAIL = '\n ]\n}\n'

/** {@link serializeInventoryChunks} as one string (tests, small scans). */
export function serializeInventory(scan: SavedScan): string {
  return [...serializeInventoryChunks(scan)].join('')
}

function contents(doc: z.output<z.ZodObject<typeof Contents>>): InventoryInput {
  return {
    resources: doc.resources as unknown as AnyResource[],
    collected: doc.collected,
    issues: doc.issues as CollectionIssue[],
    unavailable: doc.unavailable as UnavailableType[],
  }
}

/** A version 1 file as one project scope. */
function fromV1(doc: z.output<typeof SavedInventoryV1>): SavedScan {
  return {
    tool: doc.tool,
    collectedAt: doc.collectedAt,
    scopes: [
      {
        scope: {
          cloud: V1_CLOUD,
          region: doc.cloud.region,
          projectId: doc.cloud.projectId,
          projectName:
            doc.resources.find((r) => r.type === 'project' && r.id === doc.cloud.projectId)?.name ??
            doc.cloud.projectId,
          kind: 'project',
        },
        authUrl: withoutUserinfo(doc.cloud.authUrl),
        ...(doc.apiVersions ? { apiVersions: doc.apiVersions } : {}),
        input: contents(doc),
      },
    ],
  }
}

/**
 * Parses a saved inventory (at most 512 MiB, `INPUT_LIMITS.inventory`), version 2 or 1.
 * @throws {InputError} for JSON syntax, an unknown schema version, a malformed document or
 * oversized text
 */
export function parseSavedInventory(text: string, file: string): SavedScan {
  checkInputSize(text, file, 'inventory')
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (err) {
    throw new InputError(file, [{ path: '', message: `not JSON: ${(err as Error).message}` }])
  }
  const version = (data as { schemaVersion?: unknown } | null)?.schemaVersion
  if (version === 1) return fromV1(validateDocument(data, SavedInventoryV1, file))
  if (version !== INVENTORY_SCHEMA_VERSION) {
    throw new InputError(file, [
      {
        path: 'schemaVersion',
        message: `unknown inventory schema version ${JSON.stringify(version)}; this sphere reads versions 1 and ${INVENTORY_SCHEMA_VERSION} (written by sphere scan --save-inventory)`,
      },
    ])
  }
  const doc = validateDocument(data, SavedInventoryV2, file)
  return {
    tool: doc.tool,
    collectedAt: doc.collectedAt,
    scopes: doc.scopes.map((s) => ({
      scope: s.scope,
      authUrl: withoutUserinfo(s.authUrl),
      ...(s.apiVersions ? { apiVersions: s.apiVersions } : {}),
      input: contents(s),
    })),
  }
}

/**
 * Reads and parses a saved inventory file; the size limit is checked before reading.
 * @throws {InputError} when the file is missing, unreadable, too large or not a saved inventory
 * @example
 * const { scopes } = readSavedInventory('inventory.json')
 */
export function readSavedInventory(file: string): SavedScan {
  return parseSavedInventory(readInputFile(file, 'inventory'), file)
}

/**
 * Every scope's inventory as one (for whole-inventory measurements and tests; a scan evaluates
 * scope by scope).
 */
export function mergedInput(scan: Pick<SavedScan, 'scopes'>): InventoryInput {
  return {
    resources: scan.scopes.flatMap((s) => s.input.resources),
    collected: [...new Set(scan.scopes.flatMap((s) => s.input.collected))],
    issues: scan.scopes.flatMap((s) => s.input.issues ?? []),
    unavailable: scan.scopes.flatMap((s) => s.input.unavailable ?? []),
  }
}
