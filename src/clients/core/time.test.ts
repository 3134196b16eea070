import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseCloudTime } from './time.ts'

const iso = (v: string | number | null | undefined) => parseCloudTime(v)?.toISOString() ?? null

describe(parseCloudTime.name, () => {
  it('reads ISO 8601 with Z and long fractions (Keystone, IAM credentials)', () => {
    assert.equal(iso('2019-05-24T15:11:11.815000Z'), '2019-05-24T15:11:11.815Z')
    assert.equal(iso('2020-01-08T06:26:08.123059Z'), '2020-01-08T06:26:08.123Z')
    assert.equal(iso('2012-09-07T16:56:37Z'), '2012-09-07T16:56:37.000Z')
  })

  it('applies +0800 and +00:00 style offsets (RDS, CBR, VPC v3)', () => {
    assert.equal(iso('2018-08-20T02:33:49+0800'), '2018-08-19T18:33:49.000Z')
    assert.equal(iso('2020-09-04T06:57:37.344+00:00'), '2020-09-04T06:57:37.344Z')
    assert.equal(iso('2020-09-04T06:57:37-02:30'), '2020-09-04T09:27:37.000Z')
  })

  it('reads zone-less and space-separated times as UTC (Neutron, EIP, IAM users)', () => {
    assert.equal(iso('2018-09-12T08:24:14'), '2018-09-12T08:24:14.000Z')
    assert.equal(iso('2016-05-25T02:42:10.856332'), '2016-05-25T02:42:10.856Z')
    assert.equal(iso('2015-07-16 04:22:32'), '2015-07-16T04:22:32.000Z')
    assert.equal(iso('2020-07-08 02:19:03.0'), '2020-07-08T02:19:03.000Z')
  })

  it("reads Go's time strings with the zone's name after the offset (CCE)", () => {
    assert.equal(iso('2020-02-02 03:48:58.968214406 +0000 UTC'), '2020-02-02T03:48:58.968Z')
    assert.equal(iso('2024-05-01 10:00:00 +0200 CEST'), '2024-05-01T08:00:00.000Z')
    assert.equal(iso('2016-12-07'), '2016-12-07T00:00:00.000Z')
  })

  it('reads epoch milliseconds and seconds, as numbers or digit strings (CES, CTS)', () => {
    assert.equal(iso(1589886034121), '2020-05-19T11:00:34.121Z')
    assert.equal(iso(1589886034), '2020-05-19T11:00:34.000Z')
    assert.equal(iso('1533204036276'), '2018-08-02T10:00:36.276Z')
  })

  it('returns null for absent, empty or invalid values', () => {
    for (const v of [null, undefined, '', '  ', 'never', '2020-02-31T00:00:00Z', '2020-13-01', -5])
      assert.equal(parseCloudTime(v), null, String(v))
    assert.equal(parseCloudTime(Number.NaN), null)
  })
})
