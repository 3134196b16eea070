/**
 * KMS under `/kms` (otc-api-platform.md §6): `POST /v1.0/{project_id}/kms/list-keys` (body
 * `limit` + `marker` as strings; `truncated` "true"/"false", `next_marker`, `total`) and
 * `POST …/get-key-rotation-status` (400 `KMS.0211` for a Default Master Key, `KMS.0312` for
 * imported material, 404 for an unknown id). Errors nest under `error`.
 * @module
 */
import { Hono } from 'hono'
import { z } from 'zod'
import type { KeyDetailWire } from '../../clients/kms/schemas.ts'
import {
  type EmulatorEnv,
  type RouteContext,
  type RouteDef,
  route,
  type Shared,
} from '../_route.ts'
import type { KmsKey } from '../world/model.ts'

const LIST: RouteDef = {
  key: 'kms.ListKeys',
  service: 'kms',
  scope: 'project',
  resource: 'key',
  op: 'ListKeys',
  path: '/v1.0/{project_id}/kms/list-keys',
}
const ROTATION: RouteDef = {
  key: 'kms.GetKeyRotationStatus',
  service: 'kms',
  scope: 'project',
  resource: 'key',
  op: 'GetKeyRotationStatus',
  path: '/v1.0/{project_id}/kms/get-key-rotation-status',
}

const ListBody = z.object({
  limit: z.string().regex(/^\d+$/).optional(),
  marker: z.string().optional(),
  key_state: z.string().optional(),
})
const RotationBody = z.object({ key_id: z.string() })

const MAX_LIMIT = 1000

function detail(k: KmsKey, domainId: string): KeyDetailWire {
  return {
    key_id: k.id,
    domain_id: domainId,
    key_alias: k.alias,
    realm: 'eu-de',
    key_description: '',
    key_spec: k.spec,
    key_usage: k.spec.startsWith('AES') ? 'ENCRYPT_DECRYPT' : 'SIGN_VERIFY',
    creation_date: String(k.createdAt),
    scheduled_deletion_date: '',
    key_state: k.state,
    default_key_flag: k.isDefault ? '1' : '0',
    key_type: '1',
    expiration_time: '',
    origin: k.origin,
  }
}

/** KMS routes. */
export function kmsRoutes(shared: Shared): Hono<EmulatorEnv> {
  const app = new Hono<EmulatorEnv>()
  const { world } = shared
  const mine = (r: RouteContext) => world.kmsKeys.filter((k) => k.projectId === r.project.id)

  route(
    app,
    shared,
    LIST,
    (r) => {
      const body = ListBody.safeParse(r.body ?? {})
      if (!body.success) return r.fail(400, 'Invalid request body: limit and marker are strings.')
      const limit = Number(body.data.limit ?? 1000)
      if (limit < 1 || limit > MAX_LIMIT) return r.fail(400, `limit must be 1-${MAX_LIMIT}.`)
      const all = mine(r).filter(
        (k) => body.data.key_state === undefined || k.state === body.data.key_state,
      )
      let start = 0
      if (body.data.marker) {
        const at = all.findIndex((k) => k.id === body.data.marker)
        if (at < 0) return r.fail(400, 'The marker is invalid.')
        start = at + 1
      }
      const page = all.slice(start, start + limit)
      const more = start + limit < all.length
      return {
        keys: page.map((k) => k.id),
        key_details: page.map((k) => detail(k, world.domain.id)),
        next_marker: more ? page.at(-1)!.id : '',
        truncated: more ? 'true' : 'false',
        total: all.length,
      }
    },
    [],
    'POST',
  )

  route(
    app,
    shared,
    ROTATION,
    (r) => {
      const body = RotationBody.safeParse(r.body)
      if (!body.success) return r.fail(400, 'key_id is required.')
      const k = mine(r).find((x) => x.id === body.data.key_id)
      if (!k) return r.fail(404, 'The key does not exist.')
      if (k.isDefault)
        return r.c.json(
          {
            error: {
              error_code: 'KMS.0211',
              error_msg: 'Cannot perform this operation on Default Master Keys.',
            },
          },
          400,
        )
      if (k.origin === 'external')
        return r.c.json(
          { error: { error_code: 'KMS.0312', error_msg: 'External keys cannot be rotated.' } },
          400,
        )
      return {
        key_rotation_enabled: k.rotation,
        rotation_interval: k.rotationInterval,
        last_rotation_time: k.rotation
          ? String(k.createdAt + k.rotations * k.rotationInterval * 86_400_000)
          : '',
        number_of_rotations: k.rotations,
      }
    },
    [],
    'POST',
  )
  return app
}
