import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { parseImageLineage } from './image-lineage.ts'

describe(parseImageLineage.name, () => {
  it('reads latest, prev and dated builds', () => {
    assert.deepEqual(parseImageLineage('Standard_Ubuntu_22.04_latest'), {
      family: 'Standard_Ubuntu_22.04',
      isLatest: true,
    })
    assert.deepEqual(parseImageLineage('Standard_Ubuntu_22.04_prev'), {
      family: 'Standard_Ubuntu_22.04',
      isLatest: false,
    })
    assert.deepEqual(parseImageLineage('Enterprise_RedHat_8_prev2')?.isLatest, false)
    assert.deepEqual(parseImageLineage('Standard_Debian_12_20240105')?.family, 'Standard_Debian_12')
  })

  it('reads OTC date stamps with a build counter and the amd64/uefi names', () => {
    assert.deepEqual(parseImageLineage('Enterprise_Windows_STD_2012R2_20170316-0'), {
      family: 'Enterprise_Windows_STD_2012R2',
      isLatest: false,
    })
    assert.equal(
      parseImageLineage('Enterprise_SLES11_SP4_126_20180504_0')?.family,
      'Enterprise_SLES11_SP4_126',
    )
    assert.deepEqual(parseImageLineage('Standard_Ubuntu_24.04_amd64_uefi_prev'), {
      family: 'Standard_Ubuntu_24.04_amd64_uefi',
      isLatest: false,
    })
    assert.equal(parseImageLineage('Standard_Debian_12_20240105_123'), null)
  })

  it('returns null for names without a lineage suffix', () => {
    assert.equal(parseImageLineage('my-golden-image'), null)
    assert.equal(parseImageLineage(null), null)
    assert.equal(parseImageLineage('_latest'), null)
  })
})
