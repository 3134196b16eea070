import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { RegionError, regionToScan } from './run-scan.ts'

describe(regionToScan.name, () => {
  const url = 'https://iam.eu-de.otc.t-systems.com/v3'
  it('takes the configured region when the catalog serves it', () => {
    assert.equal(regionToScan('eu-nl', ['eu-de', 'eu-nl'], url), 'eu-nl')
  })
  it('refuses a region the catalog lacks, naming the catalog regions', () => {
    assert.throws(
      () => regionToScan('eu-dee', ['eu-de', 'eu-nl'], url),
      (e: RegionError) =>
        e instanceof RegionError &&
        /region "eu-dee" is not in the service catalog of https:\/\/iam\.eu-de\.otc\.t-systems\.com\/v3; the catalog has: eu-de, eu-nl/.test(
          e.message,
        ),
    )
  })
  it('without a region: the catalog region if there is one, else asks to choose', () => {
    assert.equal(regionToScan(undefined, ['RegionOne'], url), 'RegionOne')
    assert.throws(
      () => regionToScan(undefined, ['eu-de', 'eu-nl'], url),
      /choose one with --region/,
    )
  })
  it('a catalog without regional endpoints cannot refuse a region', () => {
    assert.equal(regionToScan('x', [], url), 'x')
    assert.equal(regionToScan(undefined, [], url), 'default')
  })
})
