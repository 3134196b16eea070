/**
 * The KMS client against the emulator on a real loopback port: body paging of list-keys with
 * string `limit`/`marker`, rotation status per key, and KMS's nested error for a key that
 * cannot rotate.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CloudApiError } from '../../src/clients/core/errors.ts'
import { createSession, type Session } from '../../src/clients/core/session.ts'
import { getKeyRotationStatus, listKeys } from '../../src/clients/kms/keys.ts'
import { passwordCloudConfig } from '../../src/config/cloud-config.ts'
import {
  generateWorld,
  loginFor,
  type RunningEmulator,
  startEmulator,
} from '../../src/emulator/index.ts'

describe('KMS client ↔ emulator on a real port', () => {
  const world = generateWorld({ servers: 450, seed: 5, now: Date.parse('2026-11-01T00:00:00Z') })
  let emu: RunningEmulator
  let session: Session
  before(async () => {
    emu = await startEmulator({ world, port: 0 })
    session = createSession(
      passwordCloudConfig({ authUrl: emu.authUrl, ...loginFor(world) }, { timeoutMs: 10_000 }),
    )
  })
  after(() => emu?.close())

  it('pages list-keys by marker: small pages give the same keys as one page, none twice', async () => {
    const kms = await session.client('kms')
    const all = await listKeys(kms)
    assert.equal(all.length, 6, 'obs/default and one key per 100 servers')
    const before = session.stats().kms?.pages ?? 0
    const paged = await listKeys(kms, { limit: 2 })
    assert.deepEqual(paged, all)
    assert.equal((session.stats().kms?.pages ?? 0) - before, 3)
  })

  it('reads rotation status, and KMS.0211 for a Default Master Key', async () => {
    const kms = await session.client('kms')
    const keys = await listKeys(kms)
    const cmk = keys.find((k) => k.default_key_flag === '0')!
    const status = await getKeyRotationStatus(kms, cmk.key_id)
    assert.equal(typeof status.key_rotation_enabled, 'boolean')
    const dmk = keys.find((k) => k.default_key_flag === '1')!
    const err = await getKeyRotationStatus(kms, dmk.key_id).catch((e: unknown) => e)
    assert.ok(err instanceof CloudApiError)
    assert.equal(err.status, 400)
    assert.equal(err.code, 'KMS.0211')
  })
})
