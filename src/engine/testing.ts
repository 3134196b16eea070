/**
 * Test builders for scan results: a small fixture project evaluated by the real engine with the
 * real checks, optionally with hostile resource names (HTML, terminal escapes, CSV formulas), and
 * a synthetic result with any number of findings for scale tests. For tests only.
 * @module
 */
import type { AnyCheck } from '../checks/define.ts'
import { checks as registry } from '../checks/index.ts'
import { DEFAULT_SETTINGS } from '../checks/settings.ts'
import { Inventory } from '../inventory/inventory.ts'
import { ACCOUNT_TYPES, accountScope, PROJECT_TYPES, type ScopeRef } from '../inventory/scope.ts'
import * as b from '../inventory/testing.ts'
import type { AnyResource, CollectionIssue, UnavailableType } from '../inventory/types.ts'
import { loadResponsibilityModel } from '../responsibility/load.ts'
import type { ResponsibilityModel } from '../responsibility/schema.ts'
import { type EvaluateInput, evaluateScan, evaluateScope } from './evaluate.ts'
import { findingFingerprint } from './fingerprint.ts'
import { type Mutelist, parseMutelist } from './mutelist.ts'
import { combineScopes } from './organisation.ts'
import type { Finding, FindingStatus, ScanResult } from './types.ts'

/** Ids of the registry's checks the fixture is evaluated with: pinned, so outputs stay stable. */
export const FIXTURE_CHECK_IDS = [
  'cbr-server-protected',
  'ces-server-alarm',
  'cts-tracker-enabled',
  'ecs-server-image-current',
  'ecs-server-image-supported',
  'ecs-server-keypair-login',
  'ecs-server-no-public-admin-exposure',
  'ecs-server-not-default-sg',
  'evs-volume-attached',
  'evs-volume-encrypted',
  'host-os-supported',
  'host-security-updates-applied',
  'iam-access-key-rotated',
  'iam-access-key-used',
  'iam-password-policy-strong',
  'iam-user-active',
  'iam-user-mfa-enabled',
  'rds-backup-retention',
  'rds-instance-not-public',
  'vpc-eip-bound',
  'vpc-sg-no-admin-ports-from-internet',
  'vpc-sg-no-unrestricted-ingress',
] as const

/** The real checks the fixture is evaluated with. */
export const FIXTURE_CHECKS: readonly AnyCheck[] = FIXTURE_CHECK_IDS.map((id) => {
  const c = registry.find((x) => x.id === id)
  if (!c) throw new Error(`fixture check ${id} is not in the registry (checks/index.ts)`)
  return c
})

/** A resource name that is an XSS attempt. */
export const XSS_NAME = '<img src=x onerror=alert(1)>'
/** A resource name with terminal escape sequences (clear screen, set title, bell). */
export const ESC_NAME = '\u001b[2J\u001b]0;owned\u0007evil'
/** A resource name that tries to end a script element and a CSV formula. */
export const SCRIPT_NAME = '</script><script>alert(2)</script>'
/** A resource name that is a spreadsheet formula. */
export const FORMULA_NAME = '=HYPERLINK("http://evil.example","x")'

/** The fixture mutelist: one live entry, one expired. */
export const FIXTURE_MUTELIST = `mutes:
  - check: evs-volume-attached
    resource: 'scratch-*'
    reason: Scratch disks are kept for the nightly batch (ticket OPS-7)
  - check: iam-user-mfa-enabled
    resource: svc-*
    reason: Old exception for service users
    expires: 2026-01-31
`

/** The fixture project's resources. Ids are fixed so outputs are stable. */
export function fixtureResources(hostile = false): AnyResource[] {
  const sgWeb = b.securityGroup({
    id: 'sg-web',
    name: hostile ? ESC_NAME : 'web',
    rules: [
      b.rule({ id: 'r-ssh', portRangeMin: 22, portRangeMax: 22, remoteIpPrefix: '0.0.0.0/0' }),
    ],
  })
  const image = b.image({ id: 'img-1', name: 'Standard_Ubuntu_24.04_latest' })
  return [
    b.project({ id: b.PROJECT_ID, name: 'eu-de_demo' }),
    image,
    b.securityGroup({ id: 'sg-default', name: 'default' }),
    sgWeb,
    b.securityGroup({ id: 'sg-app', name: 'app', rules: [b.rule({ id: 'r-https' })] }),
    b.port({ id: 'port-web', deviceId: 'srv-web', securityGroupIds: ['sg-web'] }),
    b.port({ id: 'port-app', deviceId: 'srv-app', securityGroupIds: ['sg-default'] }),
    b.eip({ id: 'eip-web', address: '80.158.0.10', status: 'ACTIVE', portId: 'port-web' }),
    b.eip({ id: 'eip-idle', address: '80.158.0.11' }),
    b.server({
      id: 'srv-web',
      name: hostile ? XSS_NAME : 'web-1',
      imageId: 'img-1',
      portIds: ['port-web'],
    }),
    b.server({
      id: 'srv-app',
      name: 'app-1',
      imageId: 'img-1',
      portIds: ['port-app'],
      keyName: null,
    }),
    b.volume({ id: 'vol-data', name: 'data-1', attachments: ['srv-web'] }),
    b.volume({ id: 'vol-scratch', name: 'scratch-1', encrypted: false, kmsKeyId: null }),
    b.volume({ id: 'vol-x', name: hostile ? SCRIPT_NAME : 'old-1' }),
    b.user({ id: 'u-alice', name: 'alice' }),
    b.user({ id: 'u-bob', name: hostile ? FORMULA_NAME : 'bob', mfa: false }),
    b.user({ id: 'u-svc', name: 'svc-deploy', mfa: false, loginProtection: false }),
    b.accessKey({ id: 'AK-OLD', userId: 'u-alice', createdAt: b.daysAgo(400) }),
    b.passwordPolicy({ id: 'pwpolicy', minimumLength: 8 }),
    b.vault({
      id: 'vault-1',
      name: 'servers',
      resourceIds: ['srv-web', 'srv-app'],
      policyIds: ['policy-1'],
    }),
    b.policy({ id: 'policy-1', name: 'daily', vaultIds: ['vault-1'] }),
    b.alarm({ id: 'alarm-1', name: 'web-cpu', resourceIds: ['srv-web'] }),
    b.tracker({ id: 'tracker-1' }),
    b.rdsInstance({
      id: 'rds-1',
      name: hostile ? 'db|<b>x</b>' : 'orders',
      publicIps: ['80.158.0.20'],
    }),
  ]
}

/** Options of {@link scanInput}. */
export interface FixtureOptions {
  /** Use hostile names for some resources. */
  hostile?: boolean
  /** Collection issues (default: volumes could not be listed in eu-nl). */
  issues?: readonly CollectionIssue[]
  unavailable?: readonly UnavailableType[]
  /** The mutelist (default: {@link FIXTURE_MUTELIST}; null for none). */
  mutelist?: Mutelist | null
  /** Extra resources. */
  resources?: readonly AnyResource[]
  checks?: readonly AnyCheck[]
  selection?: EvaluateInput['selection']
}

let model: ResponsibilityModel | undefined
const shippedModel = () => (model ??= loadResponsibilityModel())

/** The engine input of the fixture project. */
export function scanInput(o: FixtureOptions = {}): EvaluateInput {
  const issues = o.issues ?? [
    b.issue('evs.volume', {
      service: 'volume',
      region: 'eu-nl',
      errorKind: 'throttled',
      message: '429 Too Many Requests after 5 attempts',
    }),
  ]
  const mutelist =
    o.mutelist === undefined
      ? parseMutelist(FIXTURE_MUTELIST, 'mutelist.yaml')
      : (o.mutelist ?? undefined)
  return {
    inventory: b.inventory([...fixtureResources(o.hostile), ...(o.resources ?? [])], {
      issues,
      unavailable: o.unavailable ?? [],
    }),
    checks: o.checks ?? FIXTURE_CHECKS,
    model: shippedModel(),
    settings: DEFAULT_SETTINGS,
    ...(mutelist ? { mutelist } : {}),
    now: b.NOW,
    scope: FIXTURE_SCOPE,
    authUrl: FIXTURE_AUTH_URL,
    scan: {
      startedAt: '2026-06-01T11:58:00.000Z',
      finishedAt: '2026-06-01T11:59:30.000Z',
      tool: { name: 'sphere', version: '0.1.0' },
    },
    ...(o.selection ? { selection: o.selection } : {}),
  }
}

/** The fixture's cloud and project scope (`otc-prod eu-de/eu-de_demo`). */
export const FIXTURE_SCOPE: ScopeRef = {
  cloud: 'otc-prod',
  region: b.REGION,
  projectId: b.PROJECT_ID,
  projectName: 'eu-de_demo',
  kind: 'project',
}

/** The fixture's account scope. */
export const FIXTURE_ACCOUNT: ScopeRef = accountScope('otc-prod', {
  id: 'd-f61828ffa684',
  name: 'OTC00000000001000000317',
})

/** The fixture's Keystone URL. */
export const FIXTURE_AUTH_URL = 'https://iam.eu-de.otc.t-systems.com/v3'

/**
 * The fixture as an organisation of two scopes, as `sphere scan` reads a cloud: the project
 * (regional resources) and the account (IAM), evaluated and combined by the real engine.
 */
export function scanResultFixture(o: FixtureOptions = {}): ScanResult {
  const input = scanInput(o)
  const all = [...fixtureResources(o.hostile), ...(o.resources ?? [])]
  const part = (scope: ScopeRef, types: readonly string[]): EvaluateInput => ({
    ...input,
    scope,
    inventory: new Inventory({
      resources: all.filter((r) => types.includes(r.type)),
      collected: types as (typeof PROJECT_TYPES)[number][],
      issues: [...input.inventory.issues].filter((i) => types.includes(i.resourceType)),
      unavailable: [...input.inventory.unavailable].filter((u) => types.includes(u.resourceType)),
    }),
  })
  return combineScopes(
    [
      evaluateScope(part(FIXTURE_SCOPE, PROJECT_TYPES)),
      evaluateScope(part(FIXTURE_ACCOUNT, ACCOUNT_TYPES)),
    ],
    {
      model: input.model,
      checks: input.checks,
      mutelist: input.mutelist,
      now: input.now,
      scan: input.scan,
    },
  )
}

/** The fixture project as one scope holding everything (as a version 1 inventory reads). */
export function singleScopeFixture(o: FixtureOptions = {}): ScanResult {
  return evaluateScan(scanInput(o))
}

const SPREAD: readonly FindingStatus[] = [
  'fail',
  'pass',
  'pass',
  'manual',
  'error',
  'not_applicable',
  'muted',
  'pass',
]

/**
 * The fixture result with its findings multiplied to `n` (distinct resource ids and names,
 * statuses spread over all kinds), for scale tests of the reports.
 */
export function manyFindingsResult(n: number, base: ScanResult = scanResultFixture()): ScanResult {
  const seeds = base.findings.filter((f) => !f.checkId.startsWith('host-'))
  const findings: Finding[] = []
  for (let i = 0; i < n; i++) {
    const { mutedStatus: _m, mute: _u, cause: _c, ...s } = seeds[i % seeds.length]!
    const status = SPREAD[i % SPREAD.length]!
    const id = `${s.resource.id}-${String(i).padStart(6, '0')}`
    const resource = { ...s.resource, id, name: `${s.resource.name}-${i}` }
    findings.push({
      ...s,
      fingerprint: findingFingerprint(s.scope, s.checkId, resource.type, id),
      status,
      resource,
      message: `${s.message} [#${i}]`,
      ...(status === 'muted'
        ? {
            mutedStatus: 'fail' as const,
            mute: { reason: 'accepted', expires: null, entry: 'mutes[0]' },
          }
        : {}),
      ...(status === 'error' ? { cause: 'data' as const } : {}),
    })
  }
  return { ...base, findings }
}
