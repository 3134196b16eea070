import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  CloudApiError,
  kindForStatus,
  parseErrorBody,
  ServiceUnavailableError,
  socketErrorCode,
} from './errors.ts'

const PID = '0391e4486e864c26be5654c522f440f2'

describe('parseErrorBody: every form of otc-api.md §14', () => {
  const cases: [string, unknown, { code?: string; message?: string; requestId?: string }][] = [
    [
      'API gateway',
      {
        error_msg: 'Incorrect IAM authentication information: verify aksk signature fail',
        error_code: 'APIGW.0301',
        request_id: 'r-1',
      },
      {
        code: 'APIGW.0301',
        message: 'Incorrect IAM authentication information: verify aksk signature fail',
        requestId: 'r-1',
      },
    ],
    [
      'KMS (otc-api-platform.md §6.4)',
      {
        error: {
          error_code: 'KMS.0211',
          error_msg: 'Cannot perform this operation on Default Master Keys.',
        },
      },
      { code: 'KMS.0211', message: 'Cannot perform this operation on Default Master Keys.' },
    ],
    [
      'Keystone',
      {
        error: {
          code: 401,
          message: 'The request you have made requires authentication.',
          title: 'Unauthorized',
        },
      },
      { message: 'The request you have made requires authentication.' },
    ],
    [
      'IAM v3.0',
      { error_msg: 'The request you have made requires authentication.', error_code: 'IAM.0001' },
      { code: 'IAM.0001', message: 'The request you have made requires authentication.' },
    ],
    [
      'ECS v1',
      { error: { code: 'Ecs.0005', message: 'request body is illegal.' } },
      { code: 'Ecs.0005', message: 'request body is illegal.' },
    ],
    [
      'Nova fault',
      { itemNotFound: { message: 'Instance could not be found', code: 404 } },
      { code: 'itemNotFound', message: 'Instance could not be found' },
    ],
    [
      'IMS',
      { error: { code: 'IMG.0024', message: 'The imagetype is invalid.' } },
      { code: 'IMG.0024', message: 'The imagetype is invalid.' },
    ],
    [
      'VPC v1',
      { code: 'VPC.0002', message: 'Available zone Name is null.' },
      { code: 'VPC.0002', message: 'Available zone Name is null.' },
    ],
    [
      'Neutron',
      { NeutronError: { message: 'Port p could not be found.', type: 'PortNotFound', detail: '' } },
      { code: 'PortNotFound', message: 'Port p could not be found.' },
    ],
    ['CBR/RDS', { error_code: 'RDS.0001', error_msg: 'bad' }, { code: 'RDS.0001', message: 'bad' }],
    [
      'CCE (otc-api-platform.md §4.4, camelCase)',
      { errorMessage: 'Authorization failed.', errorCode: 'CCE.01401001' },
      { code: 'CCE.01401001', message: 'Authorization failed.' },
    ],
    ['EVS', { error: { message: 'm', code: 'EVS.1' } }, { code: 'EVS.1', message: 'm' }],
    [
      'CES v1',
      {
        http_code: '403',
        message: { details: "Policy doesn't allow ces:alarms:list", code: '403' },
      },
      { message: "Policy doesn't allow ces:alarms:list" },
    ],
  ]
  for (const [name, body, want] of cases) {
    it(name, () => {
      const got = parseErrorBody(JSON.stringify(body))
      assert.deepEqual(
        Object.fromEntries(Object.entries(got).filter(([, v]) => v !== undefined)),
        want,
      )
    })
  }
  it('non-JSON bodies give their text, HTML tags removed', () => {
    assert.deepEqual(parseErrorBody('<html><body><h1>502 Bad Gateway</h1></body></html>'), {
      message: '502 Bad Gateway',
    })
    assert.deepEqual(parseErrorBody(''), {})
    // OBS / S3 (otc-api-platform.md §2.10).
    assert.deepEqual(
      parseErrorBody(
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>NoSuchKey</Code><Message>The resource you requested does not exist</Message><Resource>/example-bucket/object</Resource><RequestId>001B21A61C6C0000013402C4616D5285</RequestId></Error>',
      ),
      {
        code: 'NoSuchKey',
        message: 'The resource you requested does not exist',
        requestId: '001B21A61C6C0000013402C4616D5285',
      },
    )
    assert.deepEqual(parseErrorBody('[1]'), {})
  })
})

/** Bodies recorded from the devcloud (OpenStack Zed, test/openstack), byte for byte. */
const REAL = {
  /** Cinder (webob) for an unknown route, e.g. GET /v2/x, when the client accepts HTML. */
  cinderHtml:
    '<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>',
  /** The same with `Accept: application/json` (what Sphere sends). */
  cinderJson:
    '{"message": "The resource could not be found.<br /><br />\\n\\n\\n", "code": "404 Not Found", "title": "Not Found"}',
  /** Keystone (Flask) for a path it does not have, e.g. /v3.0/OS-USER/users/x. */
  keystoneHtml:
    '<!doctype html>\n<html lang=en>\n<title>404 Not Found</title>\n<h1>Not Found</h1>\n<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>\n',
}

describe('parseErrorBody: real OpenStack error pages', () => {
  it('Cinder HTML 404: the sentence once, no title or heading repeated', () => {
    assert.deepEqual(parseErrorBody(REAL.cinderHtml), {
      message: 'The resource could not be found.',
    })
  })
  it('Cinder JSON 404: the status-like code is dropped, <br /> removed', () => {
    const got = parseErrorBody(REAL.cinderJson)
    assert.equal(got.code, undefined)
    assert.equal(got.message, 'The resource could not be found.')
    const e = new CloudApiError({
      service: 'volume',
      op: 'ListVolumesDetail',
      method: 'GET',
      url: `http://127.0.0.1:8776/v2/${PID}/volumes/detail`,
      kind: 'not_found',
      status: 404,
      detail: got.message,
      code: got.code,
    })
    assert.equal((e.message.match(/Not Found/g) ?? []).length, 1, e.message)
    assert.match(e.message, /404 Not Found: The resource could not be found\. — /)
  })
  it('Keystone (Flask) HTML 404', () => {
    assert.deepEqual(parseErrorBody(REAL.keystoneHtml), {
      message:
        'The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.',
    })
  })
  it('decodes entities and drops scripts', () => {
    assert.deepEqual(
      parseErrorBody('<p>a &amp; b &lt;c&gt;&#33;</p><script>x()</script><h1>Forbidden</h1>'),
      { message: 'a & b <c>!' },
    )
  })
})

describe('kindForStatus', () => {
  it('maps statuses and throttling codes', () => {
    assert.equal(kindForStatus(401), 'auth')
    assert.equal(kindForStatus(403), 'forbidden')
    assert.equal(kindForStatus(404), 'not_found')
    assert.equal(kindForStatus(429), 'throttled')
    for (const s of [500, 502, 503, 504]) assert.equal(kindForStatus(s), 'transient')
    assert.equal(kindForStatus(501), 'server')
    assert.equal(kindForStatus(400), 'client')
    assert.equal(kindForStatus(400, 'IMG.0060'), 'throttled')
  })
})

describe('CloudApiError messages', () => {
  const base = {
    service: 'compute',
    op: 'ListServers',
    method: 'GET',
    url: `https://ecs.example/v2.1/${PID}/servers/detail?limit=5`,
  }
  it('403 in ofetch form with request id, detail and hint', () => {
    const e = new CloudApiError({
      ...base,
      kind: 'forbidden',
      status: 403,
      requestId: 'req-1a2b',
      code: 'IAM.0002',
      detail: "Policy doesn't allow ecs:servers:list to be performed.",
    })
    assert.equal(
      e.message,
      `[GET] compute /v2.1/${PID}/servers/detail: 403 Forbidden (req-1a2b): IAM.0002 Policy doesn't allow ecs:servers:list to be performed. — the user lacks the permission this call needs (ListServers)`,
    )
    assert.equal(e.code, 'IAM.0002')
    assert.ok(e instanceof Error && e.name === 'CloudApiError')
  })
  it('records attempts in the message', () => {
    const e = new CloudApiError({ ...base, kind: 'throttled', status: 429 }).recordAttempts(5, 1234)
    assert.match(e.message, /429 Too Many Requests — .*rate limit.*\(gave up after 5 attempts\)$/)
    assert.equal(e.attempts, 5)
    assert.equal(e.retryDelayMs, 1234)
  })
  it('network summary', () => {
    const e = new CloudApiError({
      ...base,
      kind: 'network',
      summary: 'cannot reach https://ecs.example (ECONNREFUSED)',
    })
    assert.equal(
      e.message,
      `[GET] compute /v2.1/${PID}/servers/detail: cannot reach https://ecs.example (ECONNREFUSED)`,
    )
  })
  it('with() copies and patches', () => {
    const e = new CloudApiError({ ...base, kind: 'auth', status: 401 }, { cause: 'c' })
    const f = e.with({ hint: 'check it' })
    assert.equal(f.kind, 'auth')
    assert.equal(f.cause, 'c')
    assert.match(f.message, /— check it$/)
  })
  it('ServiceUnavailableError lists regions or types', () => {
    const r = new ServiceUnavailableError(
      'compute',
      ['compute'],
      'eu-nl',
      ['eu-de'],
      'https://iam/v3',
    )
    assert.match(
      r.message,
      /no endpoint for service compute in region eu-nl; regions in the catalog: eu-de/,
    )
    assert.equal(r.kind, 'not_found')
    assert.ok(r instanceof CloudApiError)
    const t = new ServiceUnavailableError(
      'cts',
      ['ctsv3', 'cts', 'ctsv2'],
      'eu-de',
      [],
      'https://iam/v3',
    )
    assert.match(
      t.message,
      /service cts is not in the service catalog \(looked for types: ctsv3, cts, ctsv2\)/,
    )
  })
  it('socketErrorCode walks the cause chain', () => {
    const err = new TypeError('fetch failed', {
      cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }),
    })
    assert.equal(socketErrorCode(err), 'ECONNREFUSED')
    assert.equal(socketErrorCode(new Error('plain')), undefined)
  })
})
