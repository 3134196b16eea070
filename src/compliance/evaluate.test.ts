import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type ComplianceFinding, type ComplianceInput, evaluateCompliance } from './evaluate.ts'
import type { Attestation, Framework } from './schema.ts'

const scope = {
  cloud: 'c',
  region: 'eu-de',
  projectId: 'p1',
  projectName: 'prod',
  kind: 'project' as const,
}
const attestations: Attestation[] = [
  { id: 'otc-c5', title: 'C5 attestation', issuer: 'auditor', verified: true },
]
const shared = { iaas: 'shared', paas: 'shared', saas: 'shared' } as const
const fw: Framework = {
  id: 'test',
  name: 'Test',
  title: 'Test framework',
  publisher: 'us',
  version: '1',
  referencePrefix: 'T',
  unit: 'criterion',
  domains: [{ id: 'AB', title: 'Area', count: 4 }],
  criteria: [
    {
      id: 'AB-01',
      domain: 'AB',
      title: 'backups',
      owner: shared,
      lite: false,
      customer: { part: 'back up', duties: ['backup-restore'], checks: [], manual: 'concept' },
      provider: { part: 'p', attestations: ['otc-c5'] },
      analogue: [],
    },
    {
      id: 'AB-02',
      domain: 'AB',
      title: 'site',
      owner: { iaas: 'provider', paas: 'provider', saas: 'provider' },
      lite: false,
      customer: null,
      provider: { part: 'p', attestations: ['otc-c5'] },
      analogue: ['monitoring'],
    },
    {
      id: 'AB-03',
      domain: 'AB',
      title: 'policy',
      owner: shared,
      lite: false,
      customer: { part: 'write it', duties: [], checks: [], manual: 'the policy' },
      provider: { part: 'p', attestations: ['otc-c5'] },
      analogue: [],
    },
    {
      id: 'AB-04',
      domain: 'AB',
      title: 'os',
      owner: { iaas: 'shared', paas: 'provider', saas: 'provider' },
      lite: false,
      customer: { part: 'harden', duties: ['guest-os'], checks: ['img'], manual: undefined },
      provider: { part: 'p', attestations: ['otc-c5'] },
      analogue: [],
    },
  ],
}

const check = (id: string, refs: string[], type = 'ecs.server') => ({
  id,
  title: id,
  duty: 'x',
  resourceType: type,
  requires: [],
  references: refs,
})
const finding = (checkId: string, status: string, name = 'web-1'): ComplianceFinding => ({
  checkId,
  status,
  scope,
  resource: { type: 'ecs.server', id: `id-${name}`, name, region: 'eu-de' },
  message: `server ${name} is ${status}`,
})

function view(input: Partial<ComplianceInput>, model: 'iaas' | 'paas' = 'iaas') {
  const full: ComplianceInput = {
    findings: [],
    checks: [check('bk', ['T:AB-01']), check('img', [])],
    issues: [],
    ...input,
  }
  const v = evaluateCompliance(fw, model, full, attestations, { subject: 's', evaluatedAt: 't' })
  return (id: string) => v.criteria.find((c) => c.id === id)!
}

describe(evaluateCompliance.name, () => {
  it('not_met on a failing resource, naming it; checks found through their own references', () => {
    const c = view({
      findings: [finding('bk', 'pass', 'a'), finding('bk', 'fail', 'b'), finding('img', 'pass')],
    })('AB-01')
    assert.equal(c.status, 'not_met')
    assert.deepEqual(
      c.failing.map((f) => f.resource.name),
      ['b'],
    )
    assert.deepEqual(
      c.checks.map((t) => [t.id, t.pass, t.fail]),
      [['bk', 1, 1]],
    )
  })

  it('met when resources pass, with the manual evidence still named', () => {
    const c = view({ findings: [finding('bk', 'pass'), finding('bk', 'muted', 'm')] })('AB-01')
    assert.equal(c.status, 'met')
    assert.match(c.reason, /1 passing resource, 1 muted; bring the manual evidence too/)
    assert.equal(c.manualEvidence, 'concept')
  })

  it('unknown on an error verdict, and on a collection issue touching the check’s data', () => {
    assert.equal(
      view({ findings: [finding('bk', 'pass'), finding('bk', 'error')] })('AB-01').status,
      'unknown',
    )
    const c = view({
      findings: [finding('bk', 'pass')],
      issues: [{ resourceType: 'ecs.server', scope, message: 'forbidden' }],
    })('AB-01')
    assert.equal(c.status, 'unknown')
    assert.match(c.reason, /1 collection issue/)
    assert.equal(
      view({
        findings: [finding('bk', 'pass')],
        issues: [{ resourceType: 'iam.user', scope, message: 'x' }],
      })('AB-01').status,
      'met',
    )
  })

  it('inherited for the provider’s criteria, naming the attestations', () => {
    const c = view({})('AB-02')
    assert.equal(c.status, 'inherited')
    assert.deepEqual(c.attestations, ['otc-c5'])
    assert.deepEqual(c.analogue, ['monitoring'])
  })

  it('manual where no check evidences it; manual where resources need a person’s evidence', () => {
    assert.equal(view({})('AB-03').status, 'manual')
    assert.equal(
      view({ findings: [finding('bk', 'pass'), finding('bk', 'manual')] })('AB-01').status,
      'manual',
    )
  })

  it('unknown when nothing was evaluated and nothing manual is named; unknown when a check did not run', () => {
    assert.equal(view({ findings: [finding('img', 'not_applicable')] })('AB-04').status, 'unknown')
    const c = view({ checks: [check('bk', ['T:AB-01'])] })('AB-04')
    assert.equal(c.status, 'unknown')
    assert.match(c.reason, /did not run img/)
  })

  it('a registry check that cites the criterion but did not run makes it unknown, not met', () => {
    const input: ComplianceInput = {
      findings: [finding('bk', 'pass')],
      checks: [check('bk', ['T:AB-01'])],
      issues: [],
    }
    const src = { subject: 's', evaluatedAt: 't' }
    const without = evaluateCompliance(fw, 'iaas', input, attestations, src)
    assert.equal(without.criteria[0]?.status, 'met')
    const withRegistry = evaluateCompliance(fw, 'iaas', input, attestations, src, [
      { id: 'bk2', references: ['T:AB-01'] },
    ])
    assert.equal(withRegistry.criteria[0]?.status, 'unknown')
    assert.match(withRegistry.criteria[0]?.reason ?? '', /did not run bk2/)
  })

  it('the model decides the owner: a guest-OS criterion is inherited in PaaS', () => {
    assert.equal(view({ findings: [finding('img', 'fail')] }, 'iaas')('AB-04').status, 'not_met')
    assert.equal(view({ findings: [finding('img', 'fail')] }, 'paas')('AB-04').status, 'inherited')
  })

  it('counts per domain and in total', () => {
    const v = evaluateCompliance(
      fw,
      'iaas',
      {
        findings: [finding('bk', 'fail')],
        checks: [check('bk', ['T:AB-01']), check('img', [])],
        issues: [],
      },
      attestations,
      { subject: 's', evaluatedAt: 't' },
    )
    assert.deepEqual(v.counts, { not_met: 1, unknown: 1, manual: 1, met: 0, inherited: 1 })
    assert.deepEqual(v.domains[0]?.counts, v.counts)
    assert.deepEqual(
      v.attestations.map((a) => a.id),
      ['otc-c5'],
    )
  })
})
