/**
 * Meta-tests over the shipped framework data: the counts of ../shared compliance-frameworks.md, every
 * C5/CCM reference on a check or duty resolving to a criterion that maps it, every criterion with
 * a customer share evidenced by checks or marked manual, and the registry matching the folder.
 */
import assert from 'node:assert/strict'
import { readdirSync } from 'node:fs'
import { describe, it } from 'node:test'
import { checks } from '../checks/index.ts'
import { loadResponsibilityModel } from '../responsibility/load.ts'
import { COMPLIANCE_DATA_DIR, loadCompliance } from './load.ts'
import { evidenceChecks } from './mapping.ts'
import { ATTESTATIONS_FILE, FRAMEWORK_FILES } from './registry.ts'
import { MODEL_IDS } from './schema.ts'

const model = loadResponsibilityModel()
const data = loadCompliance(undefined, {
  duties: new Set(model.duties.map((d) => d.id)),
  checks: new Set(checks.map((c) => c.id)),
})
const fw = (id: string) => data.frameworks.find((f) => f.id === id)!

/** Per-domain counts as compliance-frameworks.md §1.1 and §2.1 give them. */
const COUNTS: Record<string, Record<string, number>> = {
  'c5-2020': {
    OIS: 7,
    SP: 3,
    HR: 6,
    AM: 6,
    PS: 7,
    OPS: 24,
    IDM: 9,
    CRY: 4,
    COS: 8,
    PI: 3,
    DEV: 10,
    SSO: 5,
    SIM: 5,
    BCM: 4,
    COM: 4,
    INQ: 4,
    PSS: 12,
  },
  'ccm-v4': {
    'A&A': 6,
    AIS: 7,
    BCR: 11,
    CCC: 9,
    CEK: 21,
    DCS: 15,
    DSP: 19,
    GRC: 8,
    HRS: 13,
    IAM: 16,
    IPY: 4,
    IVS: 9,
    LOG: 13,
    SEF: 8,
    STA: 14,
    TVM: 10,
    UEM: 14,
  },
}

function ownerCounts(id: string, m: (typeof MODEL_IDS)[number]) {
  const out: Record<string, number> = {}
  for (const c of fw(id).criteria) out[c.owner[m]] = (out[c.owner[m]] ?? 0) + 1
  return out
}

describe('compliance frameworks (meta)', () => {
  it('the registry lists exactly the framework files in data/', () => {
    const files = readdirSync(COMPLIANCE_DATA_DIR).filter(
      (f) => f.endsWith('.yaml') && f !== ATTESTATIONS_FILE,
    )
    assert.deepEqual(files.sort(), FRAMEWORK_FILES.map((f) => f.file).sort())
  })

  it('has every domain with the documented count, ids without gaps', () => {
    for (const [id, counts] of Object.entries(COUNTS)) {
      const f = fw(id)
      assert.deepEqual(Object.fromEntries(f.domains.map((d) => [d.id, d.count])), counts, id)
      for (const [domain, n] of Object.entries(counts)) {
        const ids = f.criteria.filter((c) => c.domain === domain).map((c) => c.id)
        assert.deepEqual(
          ids,
          Array.from({ length: n }, (_, i) => `${domain}-${String(i + 1).padStart(2, '0')}`),
        )
      }
    }
    assert.equal(fw('c5-2020').criteria.length, 121)
    assert.equal(fw('ccm-v4').criteria.length, 197)
  })

  it('C5:2020 IaaS: 47 shared, 74 provider, no customer-only criterion', () => {
    assert.deepEqual(ownerCounts('c5-2020', 'iaas'), { provider: 74, shared: 47 })
    for (const id of ['DEV-06', 'DEV-09', 'PS-01', 'OIS-01'])
      assert.equal(fw('c5-2020').criteria.find((c) => c.id === id)?.owner.iaas, 'provider', id)
    for (const id of ['OPS-06', 'OPS-08', 'OPS-09', 'PSS-05'])
      assert.equal(fw('c5-2020').criteria.find((c) => c.id === id)?.owner.iaas, 'shared', id)
  })

  it('CCM v4 follows CSA’s typical ownership per model', () => {
    assert.deepEqual(ownerCounts('ccm-v4', 'iaas'), { shared: 177, provider: 20 })
    assert.deepEqual(ownerCounts('ccm-v4', 'paas'), { shared: 174, provider: 23 })
    assert.deepEqual(ownerCounts('ccm-v4', 'saas'), { shared: 165, provider: 31, customer: 1 })
    const ivs04 = fw('ccm-v4').criteria.find((c) => c.id === 'IVS-04')!
    assert.deepEqual(ivs04.owner, { iaas: 'shared', paas: 'provider', saas: 'provider' })
  })

  it('every C5/CCM reference on a check or duty exists and maps back to its duty', () => {
    const byPrefix = new Map(data.frameworks.map((f) => [f.referencePrefix, f]))
    const byKey = new Map(
      data.frameworks.filter((f) => f.dutyReferences).map((f) => [f.dutyReferences!, f]),
    )
    const cites: [string, string, string, string][] = [] // [who, framework prefix, criterion, duty]
    for (const c of checks)
      for (const r of c.references) {
        const m = /^([A-Z0-9]+):(.+)$/.exec(r)
        if (m && !r.startsWith('http')) cites.push([`check ${c.id}`, m[1]!, m[2]!, c.duty])
      }
    for (const d of model.duties)
      for (const [key, refs] of Object.entries(d.references)) {
        const f = byKey.get(key)
        assert.ok(f, `duty ${d.id}: references.${key} names no framework`)
        for (const r of refs) cites.push([`duty ${d.id}`, f.referencePrefix, r.id, d.id])
      }
    assert.ok(cites.length > 30)
    const kind = new Map(model.duties.map((d) => [d.id, d.kind]))
    for (const [who, prefix, id, duty] of cites) {
      const f = byPrefix.get(prefix)
      assert.ok(f, `${who} cites ${prefix}:${id}: unknown framework prefix`)
      const c = f.criteria.find((x) => x.id === id)
      assert.ok(c, `${who} cites ${prefix}:${id}, which ${f.id} does not have`)
      if (kind.get(duty) === 'provider') {
        assert.ok(
          c.provider,
          `${who} cites ${prefix}:${id} for a provider duty, but it has no provider part`,
        )
        continue
      }
      const mapped = c.customer?.duties.includes(duty) || c.analogue.includes(duty)
      assert.ok(
        mapped,
        `${who} cites ${prefix}:${id}, but ${f.id} lists duty ${duty} neither under customer.duties nor analogue`,
      )
    }
  })

  it('every criterion with a customer share is evidenced by checks or marked manual', () => {
    for (const f of data.frameworks)
      for (const c of f.criteria) {
        if (MODEL_IDS.every((m) => c.owner[m] === 'provider')) continue
        const ev = evidenceChecks(f, c, checks)
        assert.ok(
          ev.length > 0 || c.customer?.manual,
          `${f.id} ${c.id}: no check evidences it and no manual evidence is named`,
        )
        for (const k of ev) {
          const duty = checks.find((x) => x.id === k)?.duty
          assert.ok(
            duty && c.customer?.duties.includes(duty),
            `${f.id} ${c.id}: check ${k} is of duty ${duty}, which the criterion does not list`,
          )
        }
      }
  })

  it('the issue’s examples are mapped: OPS-06 and BCR-08 to backups, IVS-04 to the guest OS', () => {
    const ids = (f: string, c: string) =>
      evidenceChecks(fw(f), fw(f).criteria.find((x) => x.id === c)!, checks)
    assert.ok(ids('c5-2020', 'OPS-06').includes('cbr-server-protected'))
    assert.ok(ids('ccm-v4', 'BCR-08').includes('cbr-server-protected'))
    assert.ok(ids('ccm-v4', 'IVS-04').includes('ecs-server-image-current'))
  })

  it('every attestation a criterion cites is verified, or explicitly unused', () => {
    const used = new Set(
      data.frameworks.flatMap((f) => f.criteria.flatMap((c) => c.provider?.attestations ?? [])),
    )
    for (const a of data.attestations)
      if (!a.verified) assert.ok(!used.has(a.id), `${a.id} is unverified but cited`)
  })
})
