import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { CloudApiError, type CloudErrorKind } from './errors.ts'
import {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  parseRetryAfter,
  withRetry,
} from './retry.ts'

const err = (
  kind: CloudErrorKind,
  extra: Partial<ConstructorParameters<typeof CloudApiError>[0]> = {},
  cause?: unknown,
) =>
  new CloudApiError(
    { service: 's', op: 'Op', method: 'GET', url: 'https://x/y', kind, ...extra },
    { cause },
  )
const sock = (code: string) => Object.assign(new Error(code), { code })

function fakeSleep() {
  const waits: number[] = []
  return {
    waits,
    sleep: async (ms: number, signal?: AbortSignal) => {
      signal?.throwIfAborted()
      waits.push(ms)
    },
  }
}

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    assert.equal(parseRetryAfter('3', 0), 3000)
    assert.equal(parseRetryAfter('0.5', 0), 500)
    assert.equal(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 07:27:50 GMT')),
      10_000,
    )
    assert.equal(
      parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', Date.parse('Wed, 21 Oct 2015 08:00:00 GMT')),
      0,
    )
    assert.equal(parseRetryAfter('soon', 0), undefined)
    assert.equal(parseRetryAfter(null, 0), undefined)
  })
})

describe('backoffDelay', () => {
  it('is full jitter below min(cap, base * 2^retry)', () => {
    assert.equal(
      backoffDelay(0, DEFAULT_RETRY_POLICY, () => 0.999),
      499,
    )
    assert.equal(
      backoffDelay(3, DEFAULT_RETRY_POLICY, () => 0.5),
      2000,
    )
    assert.equal(
      backoffDelay(20, DEFAULT_RETRY_POLICY, () => 0.5),
      10_000,
    )
    assert.equal(
      backoffDelay(2, DEFAULT_RETRY_POLICY, () => 0),
      0,
    )
  })
})

describe('isRetryable', () => {
  it('retries throttled/transient/timeout/socket errors for idempotent requests only', () => {
    for (const k of ['throttled', 'transient', 'timeout'] as const) {
      assert.equal(isRetryable(err(k), true), true, k)
      assert.equal(isRetryable(err(k), false), false, k)
    }
    for (const code of ['ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'UND_ERR_SOCKET'])
      assert.equal(
        isRetryable(err('network', {}, new TypeError('fetch failed', { cause: sock(code) })), true),
        true,
        code,
      )
    assert.equal(isRetryable(err('network', {}, sock('ENOTFOUND')), true), false)
    assert.equal(isRetryable(err('network', {}, sock('ECONNRESET')), false), false)
  })
  it('retries a refused connection even for POST (nothing was sent)', () => {
    assert.equal(isRetryable(err('network', {}, sock('ECONNREFUSED')), false), true)
  })
  it('never retries auth, client, schema, aborted or foreign errors', () => {
    for (const k of [
      'auth',
      'forbidden',
      'not_found',
      'client',
      'schema',
      'aborted',
      'server',
    ] as const)
      assert.equal(isRetryable(err(k), true), false, k)
    assert.equal(isRetryable(new Error('x'), true), false)
  })
})

describe('withRetry', () => {
  it('starts no retry that would begin after the deadline', async () => {
    let clock = 0
    const waits: number[] = []
    let n = 0
    await assert.rejects(
      withRetry(
        async () => {
          n++
          clock += 10_000 // each attempt times out after 10 s
          throw err('timeout')
        },
        { idempotent: true, deadline: 15_000 },
        {
          sleep: async (ms) => {
            waits.push(ms)
            clock += ms
          },
          random: () => 0.5,
          now: () => clock,
        },
      ),
      (e: CloudApiError) => e.kind === 'timeout' && e.attempts === 2,
    )
    assert.equal(n, 2)
    assert.deepEqual(waits, [250])
  })
  it('without a deadline the same failures use every attempt', async () => {
    let n = 0
    await assert.rejects(
      withRetry(
        async () => {
          n++
          throw err('timeout')
        },
        { idempotent: true },
        { sleep: async () => {}, random: () => 0.5, now: () => 0 },
      ),
    )
    assert.equal(n, 5)
  })
  it('honours Retry-After, bounded, and records attempts and delay', async () => {
    const s = fakeSleep()
    let n = 0
    const res = await withRetry(
      async () => {
        n++
        if (n === 1) throw err('throttled', { status: 429, retryAfterMs: 2000 })
        if (n === 2) throw err('throttled', { status: 429, retryAfterMs: 999_000 })
        return 'ok'
      },
      { idempotent: true },
      { sleep: s.sleep, random: () => 0.5 },
    )
    assert.equal(res, 'ok')
    assert.deepEqual(s.waits, [2000, 30_000])
  })
  it('backs off with jitter and gives up after maxAttempts', async () => {
    const s = fakeSleep()
    const retries: number[] = []
    await assert.rejects(
      withRetry(
        async () => {
          throw err('transient', { status: 503 })
        },
        { idempotent: true, onRetry: (i) => retries.push(i.attempt) },
        { sleep: s.sleep, random: () => 0.5 },
      ),
      (e: CloudApiError) =>
        e.attempts === 5 &&
        e.retryDelayMs === 250 + 500 + 1000 + 2000 &&
        /gave up after 5 attempts/.test(e.message),
    )
    assert.deepEqual(s.waits, [250, 500, 1000, 2000])
    assert.deepEqual(retries, [1, 2, 3, 4])
  })
  it('does not retry a POST on 503', async () => {
    const s = fakeSleep()
    let n = 0
    await assert.rejects(
      withRetry(
        async () => {
          n++
          throw err('transient', { status: 503 })
        },
        { idempotent: false },
        { sleep: s.sleep, random: () => 0.5 },
      ),
    )
    assert.equal(n, 1)
  })
  it('stops at once when the run is aborted, also during a wait', async () => {
    const ac = new AbortController()
    let n = 0
    await assert.rejects(
      withRetry(
        async () => {
          n++
          ac.abort()
          throw err('transient')
        },
        { idempotent: true },
        { sleep: fakeSleep().sleep, random: () => 0.5, signal: ac.signal },
      ),
      (e: CloudApiError) => e.kind === 'transient',
    )
    assert.equal(n, 1)
    const ac2 = new AbortController()
    const sleep = async () => {
      ac2.abort()
      throw new Error('aborted')
    }
    await assert.rejects(
      withRetry(
        async () => {
          throw err('transient')
        },
        { idempotent: true },
        { sleep, random: () => 0.5, signal: ac2.signal },
      ),
      (e: CloudApiError) => e.kind === 'aborted' && e.attempts === 1,
    )
  })
})
