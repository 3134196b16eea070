import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import * as fx from '../clients/obs/fixtures.ts'
import { parseAcl, parsePolicy } from '../clients/obs/schemas.ts'
import { httpError } from '../clients/testing/http-error.ts'
import { publicStatements } from './_obs-policy.ts'
import { obsBucketCollector, publicGrants, toObsBucket } from './obs-bucket.ts'
import { CTX, fakeService } from './testing.ts'

const run = (replies: Record<string, unknown>, projectName?: string) =>
  obsBucketCollector.collect({
    ...CTX,
    projectName,
    client: async () => fakeService('obs', replies as never),
    shared: (_k, fn) => fn(),
    issue: (err) => ({
      service: 'obs',
      resourceType: 'obs.bucket',
      region: CTX.region,
      errorKind: 'forbidden',
      message: String(err instanceof Error ? err.message : err),
    }),
  })

describe('obs.bucket collection', () => {
  it('maps the documented samples (held-back verdict inputs, not emulator output)', async () => {
    const out = await run(fx.obsSampleReplies(CTX.region))
    assert.deepEqual(out.issues, [])
    const [b] = out.resources
    assert.equal(b?.name, 'examplebucket01')
    assert.deepEqual(b?.publicGrants, [{ grantee: 'everyone', permission: 'READ_ACP' }])
    assert.deepEqual(b?.publicPolicyStatements, [], 'no policy (404 NoSuchBucketPolicy)')
    assert.deepEqual(b?.defaultEncryption, {
      algorithm: 'kms',
      kmsKeyId: '4f1cd4de-ab64-4807-920a-47fc42e7f0d0',
    })
    assert.equal(b?.versioning, 'Enabled')
    assert.deepEqual(b?.logging, {
      targetBucket: 'log-bucket',
      targetPrefix: 'mybucket-access_log-/',
    })
  })

  it('reads the policy samples: an account principal and a Referer condition restrict, a bare "*" does not', () => {
    assert.deepEqual(publicStatements(parsePolicy(fx.policyNativeUser)), [])
    assert.deepEqual(publicStatements(parsePolicy(fx.policyNativeReferer)), [])
    assert.deepEqual(publicStatements(parsePolicy(fx.policyBareStar)), ['#0'])
  })

  it('reads the S3 ACL sample: AuthenticatedUsers is public, the owner is not', () => {
    assert.deepEqual(publicGrants(parseAcl(fx.aclS3).grants), [
      { grantee: 'authenticated', permission: 'READ' },
    ])
  })

  it('keeps only buckets of its region, asking the location when the list does not say', async () => {
    const replies = {
      ...fx.obsSampleReplies(CTX.region),
      ListBuckets: () => fx.listBucketsS3,
      GetBucketLocation: () => fx.locationS3.replace('example', 'eu-nl'),
    }
    assert.deepEqual((await run(replies)).resources, [])
  })

  it('leaves a failed read null and records one issue for it', async () => {
    const replies = {
      ...fx.obsSampleReplies(CTX.region),
      GetBucketAcl: (req: { op: string; path: string }) => httpError(req, 403, 'AccessDenied'),
    }
    const out = await run(replies)
    assert.equal(out.resources[0]?.publicGrants, null)
    assert.equal(out.issues?.length, 1)
    assert.match(out.issues?.[0]?.message ?? '', /bucket acl \(GetBucketAcl\)/)
  })

  it('collects buckets once per region: not again for a sub-project', async () => {
    const out = await run(fx.obsSampleReplies(CTX.region), `${CTX.region}_dev`)
    assert.deepEqual(out.resources, [])
  })

  it('maps "never versioned", logging off and no encryption apart from unknown', () => {
    const b = toObsBucket(
      { name: 'b', creationDate: '2018-06-21T09:15:01.032Z' },
      {
        acl: { grants: [] },
        policy: null,
        encryption: null,
        versioning: { status: null },
        logging: { enabled: false },
      },
      CTX,
    )
    assert.equal(b.defaultEncryption, false)
    assert.equal(b.versioning, 'Disabled')
    assert.equal(b.logging, false)
    const unknown = toObsBucket({ name: 'b', creationDate: '2018-06-21T09:15:01.032Z' }, {}, CTX)
    assert.equal(unknown.defaultEncryption, null)
    assert.equal(unknown.versioning, null)
    assert.equal(unknown.logging, null)
  })
})
