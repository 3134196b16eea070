import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { OPS } from '../operations.ts'
import { FAKE_ENDPOINT, fakeClient, pagesOf } from '../testing/fake-client.ts'
import { notServed } from '../testing/http-error.ts'
import { listBackupsDetail, readBackupsDetail } from './backups.ts'
import { backupWire } from './fixtures.ts'

describe(listBackupsDetail.name, () => {
  it('follows backups_links to the last page with the filters on the first request', async () => {
    const items = ['a', 'b', 'c'].map((n) => backupWire({ name: n }))
    const c = fakeClient(pagesOf(OPS['volume.ListBackupsDetail'], items, 2))
    const got = await listBackupsDetail(c, { limit: 2, volume_id: 'vol-1' })
    assert.deepEqual(
      got.map((x) => x.id),
      items.map((x) => x.id),
    )
    assert.equal(c.calls.length, 2)
    assert.equal(c.calls[0]?.path, '/v3/{project_id}/backups/detail')
    assert.deepEqual(c.calls[0]?.query, { volume_id: 'vol-1', limit: 2 })
    assert.equal(
      c.calls[1]?.path,
      `${FAKE_ENDPOINT}/v3/p-0001/backups/detail?limit=2&marker=${items[1]?.id}`,
    )
    assert.ok(
      c.calls.every((r) => r.scope === 'project' && r.op === OPS['volume.ListBackupsDetail'].op),
    )
  })

  it('asks for 1000 per page by default', async () => {
    const c = fakeClient(pagesOf(OPS['volume.ListBackupsDetail'], [], 1))
    assert.deepEqual(await listBackupsDetail(c), [])
    assert.equal(c.calls[0]?.query?.limit, 1000)
  })
})

describe(readBackupsDetail.name, () => {
  it('goes to the version the catalog advertises first and falls back on a 404', async () => {
    const body = pagesOf(OPS['volume.ListBackupsDetailV2'], [backupWire()], 1000)[0]
    const c = fakeClient((req) => (req.path.startsWith('/v2/') ? notServed(req) : body), {
      catalogTypes: ['volumev2'],
    })
    const got = await readBackupsDetail(c)
    assert.equal(got.version, 'v3')
    assert.deepEqual(
      c.calls.map((r) => r.path),
      ['/v2/{project_id}/backups/detail', '/v3/{project_id}/backups/detail'],
    )
  })
})
