/**
 * Error bodies in each service's own format (otc-api.md §14), so clients are tested against the
 * shapes the real cloud sends: Keystone, IAM `/v3.0`, OpenStack faults (Nova, Cinder, Glance),
 * Neutron, the Huawei-style `error_code`/`error_msg` services and the API gateway.
 * @module
 */
import type { ServiceKey } from '../clients/core/types.ts'

/** The services the emulator serves. */
export type EmulatedService = ServiceKey

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
}

/** OpenStack fault keys (Nova, Cinder, Glance): `{"itemNotFound": {"message", "code"}}`. */
const FAULT_KEYS: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  409: 'conflictingRequest',
  // Nova's wsgi fault names map 413 and 429 alike.
  413: 'overLimit',
  429: 'overLimit',
  500: 'computeFault',
  502: 'computeFault',
  503: 'serviceUnavailable',
}

const NEUTRON_TYPES: Record<number, string> = {
  400: 'HTTPBadRequest',
  401: 'NotAuthorized',
  403: 'PolicyNotAuthorized',
  404: 'HTTPNotFound',
  409: 'Conflict',
  413: 'HTTPRequestEntityTooLarge',
  429: 'OverQuota',
  500: 'InternalServerError',
  502: 'BadGateway',
  503: 'ServiceUnavailable',
}

/** CCE's `errorCode` per status (CCE API reference, appendix Error Codes). */
const CCE_CODES: Record<number, string> = {
  400: 'CCE.01400001',
  401: 'CCE.01401001',
  403: 'CCE.01403001',
  404: 'CCE.01404001',
  409: 'CCE.01409001',
  429: 'CCE.02429001',
  500: 'CCE.01500001',
}

/** `error_code` per status for the services that use `{error_code, error_msg}`. */
const CODES: Partial<Record<EmulatedService, Record<number, string>>> = {
  vpc: { 400: 'VPC.0002', 401: 'VPC.0003', 403: 'VPC.0004', 404: 'VPC.0005', 500: 'VPC.0001' },
  dcs: { 400: 'DCS.4800', 401: 'DCS.4401', 403: 'DCS.4403', 404: 'DCS.4404', 500: 'DCS.5000' },
  kms: { 400: 'KMS.0201', 401: 'KMS.0202', 403: 'KMS.0203', 404: 'KMS.0204', 500: 'KMS.0206' },
  iam: {
    400: 'IAM.0003',
    401: 'IAM.0001',
    403: 'IAM.0002',
    404: 'IAM.0004',
    429: 'IAM.0012',
    500: 'IAM.0006',
  },
  cbr: {
    400: 'BackupService.6001',
    401: 'BackupService.6002',
    403: 'BackupService.6003',
    404: 'BackupService.6004',
    429: 'BackupService.6029',
    500: 'BackupService.6500',
  },
  ces: {
    400: 'CES.0014',
    401: 'CES.0015',
    403: 'CES.0003',
    404: 'CES.0011',
    429: 'CES.0429',
    500: 'CES.0001',
  },
  cts: {
    400: 'CTS.0001',
    401: 'CTS.0002',
    403: 'CTS.0003',
    404: 'CTS.1103',
    429: 'CTS.0429',
    500: 'CTS.0500',
  },
  rds: {
    400: 'DBS.200001',
    401: 'DBS.200002',
    403: 'DBS.200003',
    404: 'DBS.200404',
    429: 'DBS.200429',
    500: 'DBS.200500',
  },
}

/** The body a service sends for an error. */
export function errorBody(
  service: EmulatedService,
  status: number,
  message: string,
  requestId: string,
): unknown {
  switch (service) {
    case 'identity':
      return { error: { code: status, message, title: TITLES[status] ?? 'Error' } }
    case 'compute':
    case 'volume':
    case 'image':
      return { [FAULT_KEYS[status] ?? 'computeFault']: { message, code: status } }
    case 'network':
      return {
        NeutronError: { message, type: NEUTRON_TYPES[status] ?? 'NeutronError', detail: '' },
      }
    case 'vpc':
      // VPC API v1 (otc-api-platform.md §7): {"code":"VPC.0002","message":"…"}.
      return { code: CODES.vpc?.[status] ?? `VPC.${status}`, message }
    case 'cce':
      // CCE's camelCase form (otc-api-platform.md §4.4; CCE API reference, Error Codes).
      return { errorMessage: message, errorCode: CCE_CODES[status] ?? 'CCE.01500001' }
    case 'kms':
      // KMS nests its error (otc-api-platform.md §6.4).
      return { error: { error_code: CODES.kms?.[status] ?? `KMS.${status}`, error_msg: message } }
    default: {
      const code = CODES[service]?.[status] ?? `${service.toUpperCase()}.${status}`
      return service === 'iam'
        ? { error_msg: message, error_code: code }
        : { error_code: code, error_msg: message, request_id: requestId }
    }
  }
}

/** The API gateway's body (auth failures, throttling), whatever the service behind it. */
export function gatewayBody(code: string, message: string, requestId: string): unknown {
  return { error_msg: message, error_code: code, request_id: requestId }
}

/** Gateway codes (Huawei API gateway; otc-api.md §14). */
export const APIGW = {
  /** Incorrect IAM authentication information (bad token, bad AK/SK signature). */
  AUTH: 'APIGW.0301',
  /** Token expired. */
  TOKEN_EXPIRED: 'APIGW.0307',
  /** Throttled. */
  THROTTLED: 'APIGW.0308',
  /** No such API: a path (or API version) the region does not publish. */
  NOT_FOUND: 'APIGW.0101',
} as const

/**
 * The gateway's 404 for an API a region does not publish, e.g. Cloud Eye v2 where only v1 is
 * served (otc-api-platform.md §10).
 */
export function apiNotPublished(requestId: string): Response {
  return jsonResponse(
    404,
    gatewayBody(
      APIGW.NOT_FOUND,
      'The API does not exist or has not been published in the environment',
      requestId,
    ),
  )
}

/**
 * Cinder's and Nova's (webob) answer to a path they do not route, e.g. Cinder's removed `/v2/`,
 * recorded from the devcloud: JSON when the client accepts it (the message still carries
 * `<br />`), else an HTML page that repeats its title.
 */
export function webobNotFound(accept: string | undefined, requestId: string): Response {
  const headers = { 'x-openstack-request-id': `req-${requestId}` }
  if (accept?.includes('application/json'))
    return new Response(
      '{"message": "The resource could not be found.<br /><br />\\n\\n\\n", "code": "404 Not Found", "title": "Not Found"}',
      { status: 404, headers: { 'Content-Type': 'application/json', ...headers } },
    )
  return new Response(
    '<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>',
    { status: 404, headers: { 'Content-Type': 'text/html; charset=UTF-8', ...headers } },
  )
}

/** Builds a JSON error response. */
export function jsonResponse(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}
