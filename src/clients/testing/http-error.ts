/**
 * Transport errors as the real client raises them, for operation tests that script a fake
 * client's failures (a version that is not served, a missing permission).
 * @module
 */
import { CloudApiError, kindForStatus } from '../core/errors.ts'
import type { RequestOptions } from '../core/types.ts'

/**
 * The error the transport raises for an HTTP `status` answer to `req`, with the service's code.
 * @example httpError(req, 404, 'APIGW.0101', 'The API does not exist or has not been published')
 */
export function httpError(
  req: Pick<RequestOptions, 'op' | 'path'>,
  status: number,
  code?: string,
  detail?: string,
): CloudApiError {
  return new CloudApiError({
    service: 'fake',
    op: req.op,
    method: 'GET',
    url: `https://fake.example.test${req.path.replace('{project_id}', 'p-0001')}`,
    kind: kindForStatus(status, code),
    status,
    code,
    detail,
  })
}

/** The API gateway's 404 for a path a region does not serve (otc-api-platform.md §10). */
export const notServed = (req: Pick<RequestOptions, 'op' | 'path'>) =>
  httpError(req, 404, 'APIGW.0101', 'The API does not exist or has not been published')
