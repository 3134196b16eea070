/**
 * The OBS client against the emulator on a real loopback port: a password login obtains
 * temporary AK/SK from IAM and signs with SigV4 (never logging them), AK/SK logins sign with the
 * configured keys, the native OBS V2 signature gets the native dialect, a bad SK is refused, and
 * each region sees its own buckets.
 */
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CloudApiError } from '../../src/clients/core/errors.ts'
import { createServiceClient } from '../../src/clients/core/service-client.ts'
import { createSession, createTransport } from '../../src/clients/core/session.ts'
import { createObsAuth } from '../../src/clients/obs/auth.ts'
import { getBucketAcl, listBuckets } from '../../src/clients/obs/buckets.ts'
import { collectInventory } from '../../src/collectors/collect.ts'
import { type CloudConfig, passwordCloudConfig } from '../../src/config/cloud-config.ts'
import {
  loadWorld,
  loginFor,
  type RunningEmulator,
  startEmulator,
} from '../../src/emulator/index.ts'
import type { LogFields, Logger } from '../../src/log/logger.ts'

const world = loadWorld('demo')
const AK = 'SPHEREDEMOAK00000001'
const SK = 'SphereDemoSecretKey00000000000000000001'

function recordingLogger(lines: string[]): Logger {
  const log = (msg: string, fields?: LogFields) =>
    lines.push(`${msg} ${JSON.stringify(fields ?? {})}`)
  return { debug: log, info: log, warn: log, error: log }
}

describe('OBS client ↔ emulator on a real port', () => {
  let emu: RunningEmulator
  let password: CloudConfig
  before(async () => {
    emu = await startEmulator({ world, port: 0 })
    password = passwordCloudConfig(
      { authUrl: emu.authUrl, ...loginFor(world) },
      { timeoutMs: 10_000 },
    )
  })
  after(() => emu?.close())

  const collect = async (config: CloudConfig, logger?: Logger) => {
    const session = createSession(config, { logger })
    const info = await session.info()
    return collectInventory({
      clientFor: session.client,
      region: config.region ?? '',
      projectId: info.projectId,
      projectName: info.projectName,
      types: ['obs.bucket'],
    })
  }

  it('password login: temporary AK/SK from IAM, SigV4, every bucket setting of the region', async () => {
    const lines: string[] = []
    const input = await collect(password, recordingLogger(lines))
    assert.deepEqual(input.issues, [])
    const byName = new Map(input.resources.map((r) => [r.name, r]))
    assert.deepEqual([...byName.keys()].sort(), [
      'nordwind-cts-logs',
      'nordwind-exports',
      'nordwind-invoices',
      'nordwind-shared',
      'nordwind-website',
    ])
    const shared = byName.get('nordwind-shared')
    assert.ok(shared?.type === 'obs.bucket')
    assert.deepEqual(shared.publicGrants, [{ grantee: 'authenticated', permission: 'READ' }])
    const invoices = byName.get('nordwind-invoices')
    assert.ok(invoices?.type === 'obs.bucket')
    assert.deepEqual(
      invoices.publicPolicyStatements,
      [],
      'narrowed by SourceIp; the Deny is no grant',
    )
    assert.equal(
      invoices.defaultEncryption ? invoices.defaultEncryption.algorithm : null,
      'aws:kms',
    )
    const exports = byName.get('nordwind-exports')
    assert.ok(exports?.type === 'obs.bucket')
    assert.deepEqual(exports.publicPolicyStatements, ['PublicExports'])
    assert.equal(exports.versioning, 'Suspended')
    assert.equal(exports.defaultEncryption, false)
    assert.ok(
      lines.some((l) => l.includes('CreateTemporaryAccessKey')),
      'the STS call was made',
    )
    const text = lines.join('\n')
    assert.doesNotMatch(text, /gAAAAA[0-9a-f]{8}/, 'no security token in the log')
    assert.ok(!text.includes(SK))
  })

  it('AK/SK login signs with the configured keys; the other region sees its own buckets', async () => {
    const aksk: CloudConfig = {
      ...password,
      auth: { type: 'aksk', ak: AK, sk: SK, domain: { name: world.domain.name } },
    }
    const de = await collect(aksk)
    assert.deepEqual(de.issues, [])
    assert.equal(de.resources.length, 5)
    const nl = await collect({
      ...aksk,
      region: 'eu-nl',
      project: { ...aksk.project, name: 'eu-nl' },
    })
    assert.deepEqual(
      nl.resources.map((r) => r.name),
      ['nordwind-nl-archive'],
    )
  })

  const clientWith = (sk: string, signature: 'obs-v2' | 'aws-v2' | 'v4') => {
    const endpoint = `${emu.url}/obs/eu-de`
    const transport = createTransport(password)
    return createServiceClient(transport.ctx, {
      service: 'obs',
      endpoint,
      projectId: '',
      domainId: '',
      region: 'eu-de',
      limiter: transport.limiterFor(endpoint),
      auth: createObsAuth({
        endpoint,
        region: 'eu-de',
        now: Date.now,
        keys: { ak: AK, sk },
        secret: () => {},
        signature,
      }),
    })
  }

  it('OBS V2 signature: the native dialect, whose ACL has no "authenticated users" group (why the client speaks S3)', async () => {
    const c = clientWith(SK, 'obs-v2')
    const list = await listBuckets(c)
    assert.ok(
      list.buckets.every((b) => b.location !== undefined),
      'native lists carry <Location>',
    )
    const acl = await getBucketAcl(c, 'nordwind-shared')
    assert.deepEqual(
      acl.grants.map((g) => g.grantee.kind),
      ['user'],
    )
    const website = await getBucketAcl(clientWith(SK, 'aws-v2'), 'nordwind-website')
    assert.deepEqual(
      website.grants.map((g) => g.grantee.kind),
      ['user', 'everyone'],
    )
  })

  it('a wrong SK is refused with SignatureDoesNotMatch (403, XML error body)', async () => {
    const err = await listBuckets(clientWith(`${SK}x`, 'v4')).catch((e: unknown) => e)
    assert.ok(err instanceof CloudApiError)
    assert.equal(err.kind, 'forbidden')
    assert.equal(err.code, 'SignatureDoesNotMatch')
  })
})
