/**
 * The emulator as a user runs it: a busy port gives exit 2 and one line, no stack trace; an
 * oversized request body is answered 413 in the service's error format, unread.
 */
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { describe, it } from 'node:test'
import { startEmulator } from '../../src/emulator/index.ts'
import { assertOneProblem, BIN, sphere, tempDir } from './_kit.ts'

const dir = tempDir('emulator')

/** Starts `sphere emulator ARGS` and resolves with its auth URL once it serves, and a stop. */
function serve(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'emulator', ...args], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve))
  const ready = new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s
      const m = /auth URL:\s+(\S+)/.exec(out)
      if (m) resolve(m[1]!)
    })
    child.on('close', (code) => reject(new Error(`emulator exited ${code} before serving`)))
  })
  const stop = async () => {
    child.kill('SIGINT')
    return exited
  }
  return { ready, stop }
}

describe('sphere emulator', () => {
  it('a port in use: exit 2, one line, no stack trace', async () => {
    const busy = await startEmulator({ world: 'empty' })
    try {
      const r = await sphere(['emulator', '--world', 'empty', '--port', String(busy.port)], {
        cwd: dir,
      })
      assertOneProblem(r, {
        code: 2,
        message: new RegExp(`^sphere emulator: port ${busy.port} on 127\\.0\\.0\\.1 is in use`),
      })
      assert.equal(r.err.split('\n').filter(Boolean).length, 1)
    } finally {
      await busy.close()
    }
  })

  it('a 60 MB request body: 413 in Keystone’s error format', async () => {
    const emu = serve(['--world', 'empty', '--port', '0'])
    try {
      const authUrl = await emu.ready
      const res = await fetch(`${authUrl}/auth/tokens`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: `{"auth":"${'x'.repeat(60 * 1024 * 1024)}"}`,
      })
      assert.equal(res.status, 413)
      const body = await res.json()
      assert.deepEqual(Object.keys(body), ['error'])
      assert.equal(body.error.code, 413)
      assert.match(body.error.message, /larger than 1048576 bytes/)
    } finally {
      assert.equal(await emu.stop(), 0)
    }
  })
})
