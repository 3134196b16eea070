/** Meta-tests over the shipped responsibility model: the invariants every later feature relies on. */
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { loadResponsibilityModel } from './load.ts'
import { MODEL_IDS, OWNERS } from './schema.ts'

const model = loadResponsibilityModel()
const CUSTOMER_DUTIES = [
  'resource-combination',
  'network-access',
  'guest-os',
  'security-patches',
  'software-updates',
  'authorization',
  'backup-restore',
  'monitoring',
  'data-protection',
]
const PROVIDER_DUTIES = [
  'physical-infrastructure',
  'hypervisor',
  'provider-network',
  'storage-infrastructure',
  'public-images',
  'update-repositories',
  'platform-operations',
]
const LAYERS = [
  'facilities',
  'physical-hardware',
  'provider-network',
  'storage-infrastructure',
  'virtualisation',
  'images',
  'update-repositories',
  'guest-os',
  'middleware-runtime',
  'applications',
  'data',
  'identities-access',
  'network-access',
  'backup-restore',
  'monitoring-logging',
]
const SERVICES = [
  'ecs',
  'bms',
  'evs',
  'vpc',
  'ims',
  'cbr',
  'ces',
  'cts',
  'iam',
  'rds',
  'dcs',
  'cce',
  'obs',
  'elb',
]

describe('responsibility model (meta)', () => {
  it('has the required layers in bottom-to-top order', () => {
    const ids = model.layers.map((l) => l.id)
    const positions = LAYERS.map((l) => ids.indexOf(l))
    assert.ok(
      positions.every((p) => p >= 0),
      `missing: ${LAYERS.filter((l) => !ids.includes(l))}`,
    )
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    )
  })

  it('every layer has an owner in every model', () => {
    for (const m of model.models) {
      for (const l of model.layers)
        assert.ok(OWNERS.includes(m.owners[l.id]!.owner), `${m.id}/${l.id}`)
    }
  })

  it('follows the seed text for IaaS', () => {
    const iaas = model.models.find((m) => m.id === 'iaas')!
    for (const l of [
      'virtualisation',
      'provider-network',
      'storage-infrastructure',
      'images',
      'update-repositories',
    ])
      assert.equal(iaas.owners[l]?.owner, 'provider', l)
    for (const l of [
      'resource-combination',
      'network-access',
      'guest-os',
      'identities-access',
      'backup-restore',
      'monitoring-logging',
    ])
      assert.equal(iaas.owners[l]?.owner, 'customer', l)
  })

  it('every service names a known model and the required services exist', () => {
    for (const s of model.services)
      assert.ok((MODEL_IDS as readonly string[]).includes(s.model), s.id)
    for (const id of SERVICES)
      assert.ok(
        model.services.some((s) => s.id === id),
        id,
      )
    assert.ok(
      model.services.some((s) => s.model === 'saas' && s.id !== 'iam'),
      'a SaaS example',
    )
    assert.ok(
      Object.keys(model.services.find((s) => s.id === 'cce')!.overrides).length > 0,
      'CCE says which layers move',
    )
  })

  it('every duty id is unique and has an owner for every model', () => {
    const ids = model.duties.map((d) => d.id)
    assert.equal(new Set(ids).size, ids.length)
    for (const d of model.duties)
      for (const m of MODEL_IDS) assert.ok(OWNERS.includes(d.owner[m]), `${d.id}/${m}`)
  })

  it('has exactly the customer and provider duties, on known layers', () => {
    assert.deepEqual(
      model.duties
        .filter((d) => d.kind === 'customer')
        .map((d) => d.id)
        .sort(),
      [...CUSTOMER_DUTIES].sort(),
    )
    assert.deepEqual(
      model.duties
        .filter((d) => d.kind === 'provider')
        .map((d) => d.id)
        .sort(),
      [...PROVIDER_DUTIES].sort(),
    )
    for (const d of model.duties)
      assert.ok(
        model.layers.some((l) => l.id === d.layer),
        d.id,
      )
  })

  it('provider duties carry attestations and are provider-owned everywhere', () => {
    for (const d of model.duties.filter((x) => x.kind === 'provider')) {
      assert.ok(d.attestations.length > 0, d.id)
      assert.deepEqual(d.checks, [], d.id)
      for (const m of MODEL_IDS) assert.equal(d.owner[m], 'provider', `${d.id}/${m}`)
    }
  })

  it('customer duties are the customer’s in IaaS and carry C5 and CCM references', () => {
    for (const d of model.duties.filter((x) => x.kind === 'customer')) {
      assert.equal(d.owner.iaas, 'customer', d.id)
      assert.ok(d.references.c5.length > 0 && d.references.ccm.length > 0, d.id)
    }
  })
})
