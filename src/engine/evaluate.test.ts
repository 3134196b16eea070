import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { type AnyCheck, defineCheck } from '../checks/define.ts'
import { checks as registry } from '../checks/index.ts'
import { hostReport } from '../host/testing.ts'
import * as b from '../inventory/testing.ts'
import { evaluateScan, SelectionError, sortFindings } from './evaluate.ts'
import { parseMutelist } from './mutelist.ts'
import { FIXTURE_CHECKS, scanInput, scanResultFixture } from './testing.ts'
import type { Finding } from './types.ts'

const find = (fs: readonly Finding[], checkId: string, resourceId: string) =>
  fs.find((f) => f.checkId === checkId && f.resource.id === resourceId)

describe(evaluateScan.name, () => {
  it('evaluates every check on every resource with the real checks', () => {
    const r = scanResultFixture()
    assert.equal(find(r.findings, 'ecs-server-keypair-login', 'srv-app')?.status, 'fail')
    assert.equal(find(r.findings, 'ecs-server-keypair-login', 'srv-web')?.status, 'pass')
    assert.equal(find(r.findings, 'rds-instance-not-public', 'rds-1')?.owner, 'customer')
    assert.equal(find(r.findings, 'rds-backup-retention', 'rds-1')?.owner, 'shared')
    const fps = new Set(r.findings.map((f) => f.fingerprint))
    assert.equal(fps.size, r.findings.length, 'fingerprints are unique per check and resource')
  })

  it('is deterministic and sorted', () => {
    const a = scanResultFixture()
    assert.deepEqual(a, scanResultFixture())
    const keys = a.findings.map(
      (f) =>
        `${f.scope.cloud}/${f.scope.region}/${f.scope.projectId}\u0000${f.checkId}\u0000${f.resource.region}\u0000${f.resource.id}`,
    )
    assert.deepEqual(keys, [...keys].sort())
  })

  it('reports one error per check and region when its own type could not be listed', () => {
    const r = scanResultFixture()
    const errs = r.findings.filter(
      (f) => f.checkId === 'evs-volume-encrypted' && f.status === 'error',
    )
    assert.equal(errs.length, 1)
    assert.equal(errs[0]!.resource.type, 'project')
    assert.equal(errs[0]!.resource.region, 'eu-nl')
    assert.equal(errs[0]!.cause, 'incomplete')
    assert.match(errs[0]!.message, /429 Too Many Requests/)
  })

  it('turns a service missing from the catalog into "not evaluable on this cloud", never a pass', () => {
    const unavailable = [
      {
        resourceType: 'rds.instance' as const,
        service: 'rds',
        reason: 'no rds endpoint in the catalog',
      },
    ]
    const r = evaluateScan(
      scanInput({ unavailable, selection: { checkIds: ['rds-instance-not-public'] } }),
    )
    assert.equal(r.findings.length, 1)
    const [f] = r.findings
    assert.equal(f!.status, 'error')
    assert.equal(f!.cause, 'unavailable')
    assert.match(f!.message, /not evaluable on this cloud: RDS is not offered/)
    assert.equal(r.duties.find((d) => d.id === 'network-access')?.status, 'unknown')
  })

  it('marks findings not evaluable when a required type is not offered', () => {
    const unavailable = [
      { resourceType: 'ims.image' as const, service: 'ims', reason: 'no image endpoint' },
    ]
    const r = evaluateScan(
      scanInput({ unavailable, selection: { checkIds: ['ecs-server-image-current'] } }),
    )
    assert.deepEqual(
      r.findings.map((f) => [f.resource.id, f.status, f.cause]),
      [
        ['srv-app', 'error', 'unavailable'],
        ['srv-web', 'error', 'unavailable'],
      ],
    )
  })

  it('names the collection issue when required data is incomplete', () => {
    const issues = [b.issue('vpc.security-group', { region: 'eu-de' })]
    const r = evaluateScan(
      scanInput({ issues, selection: { checkIds: ['ecs-server-not-default-sg'] } }),
    )
    const f = find(r.findings, 'ecs-server-not-default-sg', 'srv-web')!
    assert.equal(f.status, 'error')
    assert.equal(f.cause, 'incomplete')
    assert.match(f.message, /403 Forbidden listing vpc\.security-group/)
    assert.deepEqual(f.evidence, { missing: ['vpc.security-group'] })
  })

  it('reports a type the scan did not collect as an error, not as "no resources"', () => {
    const input = scanInput({ selection: { checkIds: ['evs-volume-encrypted'] } })
    const inventory = b.inventory([], { collected: ['ecs.server'] })
    const r = evaluateScan({ ...input, inventory })
    assert.equal(r.findings.length, 1)
    assert.equal(r.findings[0]!.cause, 'not-collected')
    assert.equal(r.duties.find((d) => d.id === 'data-protection')?.status, 'unknown')
  })

  it('turns a throwing check into an error naming the check', () => {
    const boom = defineCheck({
      ...(FIXTURE_CHECKS.find((c) => c.id === 'evs-volume-encrypted') as AnyCheck),
      id: 'evs-volume-boom',
      resourceType: 'evs.volume',
      evaluate: () => {
        throw new TypeError('cannot read x of undefined')
      },
    }) as AnyCheck
    const r = evaluateScan(scanInput({ checks: [boom], issues: [] }))
    const f = find(r.findings, 'evs-volume-boom', 'vol-data')!
    assert.equal(f.status, 'error')
    assert.equal(f.cause, 'check-threw')
    assert.match(
      f.message,
      /check evs-volume-boom failed on volume "data-1" \(vol-data\): cannot read x/,
    )
  })

  it('mutes covered fails, keeps the original status and reason, and reports expired mutes', () => {
    const r = scanResultFixture()
    const muted = find(r.findings, 'evs-volume-attached', 'vol-scratch')!
    assert.equal(muted.status, 'muted')
    assert.equal(muted.mutedStatus, 'fail')
    assert.equal(muted.mute?.reason, 'Scratch disks are kept for the nightly batch (ticket OPS-7)')
    const unmuted = find(r.findings, 'iam-user-mfa-enabled', 'u-svc')!
    assert.equal(unmuted.status, 'fail')
    assert.deepEqual(unmuted.expiredMute, {
      reason: 'Old exception for service users',
      expires: '2026-01-31',
      entry: 'mutes[1]',
    })
    assert.deepEqual(
      r.notes.map((n) => [n.level, n.code, n.source]),
      [['warning', 'mute-expired', 'mutelist.yaml: mutes[1]']],
    )
  })

  it('matches mutes on tags and never mutes errors', () => {
    const mutelist = parseMutelist(
      `mutes:
  - { check: '*', resource: '*', tag: env=test, reason: test systems }
  - { check: evs-volume-attached, resource: '*', reason: all }
  - { check: no-such-check, resource: '*', reason: typo }
`,
      'm.yaml',
    )
    const tagged = b.server({ id: 'srv-t', name: 't', keyName: null, tags: { env: 'test' } })
    const r = evaluateScan(scanInput({ mutelist, resources: [tagged] }))
    assert.equal(find(r.findings, 'ecs-server-keypair-login', 'srv-t')?.status, 'muted')
    assert.equal(find(r.findings, 'ecs-server-keypair-login', 'srv-app')?.status, 'fail')
    const projectErr = r.findings.find(
      (f) => f.checkId === 'evs-volume-attached' && f.status === 'error',
    )
    assert.ok(projectErr, 'the error finding stays an error')
    assert.ok(
      r.notes.some((n) => n.code === 'mute-unknown-check' && n.source === 'm.yaml: mutes[2]'),
    )
  })

  it('rolls duties up: provider duties inherited with attestations, host duties need evidence', () => {
    const r = scanResultFixture()
    const duty = (id: string) => r.duties.find((d) => d.id === id)!
    assert.equal(duty('hypervisor').status, 'inherited')
    assert.ok(duty('hypervisor').attestations.length > 0, 'attestations listed')
    assert.equal(duty('network-access').status, 'not_met')
    assert.equal(duty('network-access').counts.fail, 3)
    assert.equal(duty('backup-restore').status, 'met')
    const patches = r.findings.filter((f) => f.duty === 'security-patches')
    assert.deepEqual(
      patches.map((f) => [f.checkId, f.resource.id, f.status]),
      [
        ['host-security-updates-applied', 'srv-app', 'manual'],
        ['host-security-updates-applied', 'srv-web', 'manual'],
      ],
    )
    assert.match(patches[0]!.message, /no host report; collect one with: sphere host script/)
    assert.equal(duty('security-patches').status, 'unknown')
    assert.equal(
      duty('guest-os').status,
      'unknown',
      'API part passes, no host check covers the rest',
    )
    assert.deepEqual(duty('guest-os').evidenceRequired, ['host'])
  })

  it('shows "evidence required" per server for a host-only duty no selected check covers', () => {
    const apiOnly = FIXTURE_CHECKS.filter((c) => !c.id.startsWith('host-'))
    const r = evaluateScan(scanInput({ checks: apiOnly }))
    const d = r.duties.find((x) => x.id === 'security-patches')!
    assert.deepEqual(d.checks, ['security-patches-host-evidence'])
    assert.equal(d.status, 'unknown')
    const f = r.findings.filter((x) => x.duty === 'security-patches')
    assert.deepEqual(
      f.map((x) => [x.resource.id, x.status]),
      [
        ['srv-app', 'manual'],
        ['srv-web', 'manual'],
      ],
    )
    assert.match(f[0]!.message, /^evidence required: run the host collector on app-1/)
    assert.ok(
      r.checks.find((c) => c.id === 'security-patches-host-evidence')?.synthetic,
      'pseudo-check listed',
    )
  })

  it('hands host reports to the host checks', () => {
    const report = hostReport()
    const hostReports = {
      get: (id: string) =>
        id === 'srv-web'
          ? { report, matchedBy: 'instance-id' as const, stale: true, ageDays: 30, maxAgeDays: 7 }
          : undefined,
    }
    const input = scanInput({ selection: { checkIds: ['host-security-updates-applied'] } })
    const r = evaluateScan({ ...input, hostReports })
    assert.equal(find(r.findings, 'host-security-updates-applied', 'srv-web')?.status, 'error')
    assert.equal(find(r.findings, 'host-security-updates-applied', 'srv-app')?.status, 'manual')
  })

  it('runs the whole registry over the fixture without a check throwing', () => {
    const r = evaluateScan(scanInput({ checks: registry }))
    const threw = r.findings.filter((f) => f.cause === 'check-threw').map((f) => f.message)
    assert.deepEqual(threw, [])
    assert.deepEqual(
      r.notes.filter((n) => n.code === 'check-unknown-duty'),
      [],
    )
  })

  it('gives each duty its owner for the service models present', () => {
    const iamOnly = b.inventory([b.user({ id: 'u1' })])
    const r = evaluateScan({ ...scanInput({ mutelist: null }), inventory: iamOnly })
    const guest = r.duties.find((d) => d.id === 'guest-os')!
    assert.deepEqual(r.inventory.models, ['saas'])
    assert.equal(guest.owner, 'provider')
    assert.equal(guest.status, 'inherited')
    assert.equal(r.duties.find((d) => d.id === 'authorization')?.owner, 'customer')
  })

  it('limits the scan to a selection and rejects unknown ids', () => {
    const r = evaluateScan(scanInput({ selection: { dutyIds: ['data-protection'] } }))
    assert.deepEqual([...new Set(r.findings.map((f) => f.checkId))], ['evs-volume-encrypted'])
    assert.deepEqual(
      r.duties.map((d) => d.id),
      ['data-protection'],
    )
    assert.throws(
      () => evaluateScan(scanInput({ selection: { checkIds: ['nope'] } })),
      SelectionError,
    )
  })

  it('passes the settings and the clock to the checks', () => {
    const input = scanInput({ selection: { checkIds: ['iam-access-key-rotated'] } })
    const r = evaluateScan({ ...input, settings: { ...input.settings, accessKeyMaxAgeDays: 1000 } })
    assert.equal(find(r.findings, 'iam-access-key-rotated', 'AK-OLD')?.status, 'pass')
  })
})

describe(sortFindings.name, () => {
  it('orders by check id, region, type and id by code units, and keeps the order of ties', () => {
    const base = scanResultFixture().findings[0]!
    const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length]!
    const made: Finding[] = Array.from({ length: 400 }, (_, i) => ({
      ...base,
      checkId: pick(['b-check', 'a-check', 'B-check', 'a-check-2'], i * 7),
      message: `#${i}`,
      resource: {
        type: pick(['ecs.server', 'evs.volume', 'project'], i * 3),
        id: pick(['id-10', 'id-9', 'ID-1', 'id-1', 'é'], i * 5),
        name: 'x',
        region: pick(['eu-de', 'eu-nl', 'global'], i * 11),
      },
    }))
    // The reference: one key per row, compared by code units; ties by original position.
    const key = (f: Finding) => [f.checkId, f.resource.region, f.resource.type, f.resource.id]
    const expected = made
      .map((f, i) => ({ f, i }))
      .sort((x, y) => {
        const a = key(x.f)
        const b = key(y.f)
        for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! < b[k]! ? -1 : 1
        return x.i - y.i
      })
      .map((x) => x.f.message)
    const sorted = [...made]
    sortFindings(sorted)
    assert.deepEqual(
      sorted.map((f) => f.message),
      expected,
    )
  })
})
