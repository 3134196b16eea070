/**
 * Builders for tests of host checks and of the host report code: a compliant Debian 12 report
 * with overrides, and a one-call runner that gives a check a matched report.
 * @module
 */
import type { CheckDefinition, Verdict } from '../checks/define.ts'
import { runCheck } from '../checks/run.ts'
import type { CheckSettings } from '../checks/settings.ts'
import { ctx } from '../checks/testing.ts'
import { daysAgo, NOW } from '../inventory/testing.ts'
import type { AnyResource, EcsServer } from '../inventory/types.ts'
import { HOST_REPORT_SCHEMA, type HostMatch, type HostReport } from '../model/host-report.ts'

type DeepPartial<T> = T extends readonly unknown[]
  ? T
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> | null }
    : T

function merge<T>(base: T, over: unknown): T {
  if (over === undefined) return base
  if (over === null || typeof over !== 'object' || Array.isArray(over) || base === null)
    return over as T
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) }
  for (const [k, v] of Object.entries(over)) out[k] = merge(out[k], v)
  return out as T
}

/** A compliant Debian 12 report of server `srv-1`, collected a day before {@link NOW}. */
export function hostReport(o: DeepPartial<HostReport> = {}): HostReport {
  const base: HostReport = {
    schema: HOST_REPORT_SCHEMA,
    collector: { version: '1', uid: 0 },
    collectedAt: daysAgo(1),
    host: {
      hostname: 'srv-1',
      instanceId: null,
      instanceIdSource: null,
      addresses: ['192.168.0.10'],
      kernel: '6.1.0-28-cloud-amd64',
    },
    os: {
      id: 'debian',
      versionId: '12',
      version: '12 (bookworm)',
      prettyName: 'Debian GNU/Linux 12 (bookworm)',
      distro: 'debian',
      release: '12',
    },
    patching: {
      manager: 'apt',
      pending: 0,
      pendingSecurity: 0,
      securityClassified: true,
      updates: [],
      listsRefreshedAt: daysAgo(2),
      lastPatchAt: daysAgo(3),
      lastPatchSource: 'dpkg.log',
      rebootRequired: false,
      autoUpdates: { tool: 'unattended-upgrades', enabled: true },
    },
    repos: {
      sources: [
        {
          id: null,
          uri: 'http://debmirror.eu-de.otc-service.com/debian',
          suite: 'bookworm',
          enabled: true,
          signed: true,
          fetched: true,
          security: false,
          otcMirror: true,
        },
        {
          id: null,
          uri: 'http://debmirror.eu-de.otc-service.com/debian-security',
          suite: 'bookworm-security',
          enabled: true,
          signed: true,
          fetched: true,
          security: true,
          otcMirror: true,
        },
      ],
    },
    ssh: {
      installed: true,
      effective: true,
      permitRootLogin: 'no',
      passwordAuthentication: false,
      kbdInteractiveAuthentication: false,
      usePam: true,
      permitEmptyPasswords: false,
      pubkeyAuthentication: true,
    },
    accounts: [
      {
        user: 'root',
        uid: 0,
        shell: '/bin/bash',
        password: 'locked',
        keys: 0,
        forcedCommandKeys: 1,
        sudo: 'password',
      },
      {
        user: 'linux',
        uid: 1000,
        shell: '/bin/bash',
        password: 'locked',
        keys: 1,
        forcedCommandKeys: 0,
        sudo: 'nopasswd',
      },
    ],
    agents: { cloudEye: 'running', hss: 'running', monitoring: [], processesVisible: true },
    time: { synced: true, servers: ['ntp01.eu-de.otc-service.com'] },
    errors: [],
  }
  return merge(base, o)
}

/** Options of {@link hostCheck}. */
export interface HostCheckOptions {
  /** Other resources of the inventory (the server's image, volumes). */
  others?: readonly AnyResource[]
  stale?: boolean
  matchedBy?: HostMatch['matchedBy']
  settings?: Partial<CheckSettings>
  now?: Date
}

/**
 * Runs a host check on `server` with `report` matched to it (`null`: no report for it).
 * @example
 * assert.equal(hostCheck(def, server(), hostReport({ patching: { pendingSecurity: 2 } })).status, 'fail')
 */
export function hostCheck(
  def: CheckDefinition<'ecs.server'>,
  server: EcsServer,
  report: HostReport | null,
  o: HostCheckOptions = {},
): Verdict {
  const c = ctx([server, ...(o.others ?? [])], {
    ...(o.settings ? { settings: o.settings } : {}),
    now: o.now ?? NOW,
  })
  const at = report?.collectedAt ? Date.parse(report.collectedAt) : Number.NaN
  const ageDays = Number.isNaN(at) ? null : Math.floor(((o.now ?? NOW).getTime() - at) / 86_400_000)
  const reports = new Map<string, HostMatch>()
  if (report)
    reports.set(server.id, {
      report,
      matchedBy: o.matchedBy ?? 'instance-id',
      stale: o.stale ?? false,
      ageDays,
      maxAgeDays: 7,
    })
  return runCheck(def, server, { ...c, hostReports: reports })
}
