import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { createStderrLogger, formatText, logs, noopLogger } from './logger.ts'

function sink() {
  const lines: string[] = []
  return { lines, stream: { write: (s: string) => lines.push(s) } }
}

describe('createStderrLogger', () => {
  it('writes text lines at or above the level', () => {
    const s = sink()
    const log = createStderrLogger({ stream: s.stream })
    log.debug('hidden')
    log.info('http', { service: 'compute', op: 'ListServers', status: 200, durationMs: 41 })
    log.warn('odd value', { note: 'has space', n: undefined })
    assert.deepEqual(s.lines, [
      'info http service=compute op=ListServers status=200 durationMs=41\n',
      'warn odd value note="has space"\n',
    ])
  })
  it('--debug writes debug lines', () => {
    const s = sink()
    createStderrLogger({ stream: s.stream, level: 'debug' }).debug('x', { attempt: 2 })
    assert.deepEqual(s.lines, ['debug x attempt=2\n'])
  })
  it('writes JSON lines with a time from the clock', () => {
    const s = sink()
    createStderrLogger({ stream: s.stream, format: 'json', now: () => 0 }).error('boom', {
      err: new Error('bad'),
    })
    assert.deepEqual(JSON.parse(s.lines[0]!), {
      time: '1970-01-01T00:00:00.000Z',
      level: 'error',
      msg: 'boom',
      err: { name: 'Error', message: 'bad' },
    })
  })
  it('applies the last-resort redaction to each line', () => {
    const s = sink()
    createStderrLogger({ stream: s.stream, redact: (l) => l.replaceAll('hunter2', '***') }).info(
      'pw hunter2',
    )
    assert.equal(s.lines[0], 'info pw ***\n')
  })
  it('escapes control characters so a cloud value cannot forge lines', () => {
    assert.equal(formatText('info', 'a\nb', { v: 'x\u001b[31m' }), 'info a\\nb v=x\\u001b[31m')
  })
  it('noopLogger accepts everything', () => {
    noopLogger.debug('x', { a: 1 })
    noopLogger.error('y')
  })
  it('says which levels it writes (noopLogger: none; a logger that cannot say: all)', () => {
    const out: string[] = []
    const log = createStderrLogger({ stream: { write: (c: string) => out.push(c) } })
    assert.equal(logs(log, 'debug'), false)
    assert.equal(logs(log, 'info'), true)
    const debug = createStderrLogger({ stream: { write: () => {} }, level: 'debug' })
    assert.equal(logs(debug, 'debug'), true)
    assert.equal(logs(noopLogger, 'error'), false)
    assert.equal(logs({ debug() {}, info() {}, warn() {}, error() {} }, 'debug'), true)
  })
})
