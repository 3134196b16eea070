/**
 * IMS images through the Glance-compatible API.
 * @module
 */
import { callOne, listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'
import type { ImageWire } from './schemas.ts'

/** Filters of {@link listImages}, in wire names (IMS documents many more `__*` filters). */
export interface ListImagesQuery {
  /** `gold` (public), `private`, `shared`. */
  __imagetype?: string
  visibility?: string
  owner?: string
  status?: string
  member_status?: string
  protected?: boolean
  name?: string
  /** Page size (default 1000). */
  limit?: number
}

// GET /v2/images (IMS Glance API; pages via the relative `next` URL)
/**
 * Lists every image matching the filters; `next` is a path under the endpoint.
 * @example const own = await listImages(image, { owner: image.projectId })
 */
export function listImages(
  client: ServiceClient,
  query: ListImagesQuery = {},
  signal?: AbortSignal,
): Promise<ImageWire[]> {
  const { limit, ...filters } = query
  return listItems(client, OPS['image.ListImages'], { query: filters, limit, signal })
}

// GET /v2/images/{image_id} (IMS Glance API)
/** One image (the bare object). */
export function showImage(
  client: ServiceClient,
  imageId: string,
  signal?: AbortSignal,
): Promise<ImageWire> {
  return callOne(client, OPS['image.ShowImage'], { params: { image_id: imageId }, signal })
}
