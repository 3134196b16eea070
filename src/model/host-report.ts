/**
 * The host report: what the in-VM collector found, parsed into one JSON document per machine
 * (`docs/host-report.md`). It lives in `model/` because both the parser (`host/`) and the host
 * checks (`checks/host/`) read it. Rule: a value that could not be determined is `null` and has an
 * entry in `errors`; it is never guessed as `false` or `0`.
 * @module
 */
import { z } from 'zod'

/** The version of the report format this code writes and reads. */
export const HOST_REPORT_SCHEMA = 1

const when = z.iso.datetime({ offset: true })
const count = z.number().int().min(0)

/** Why a value is null (or a section failed): the field, the collector section and its exit code. */
export const HostReportError = z.strictObject({
  /** Report field left null because of this problem (`patching.pendingSecurity`), if any. */
  field: z.string().nullable(),
  /** Collector section (`apt_simulate`), if the problem comes from one. */
  section: z.string().nullable(),
  rc: z.number().int().nullable(),
  message: z.string(),
})

/** One pending package update (or, on zypper, one needed patch). */
export const PendingUpdate = z.strictObject({
  name: z.string(),
  installed: z.string().nullable(),
  candidate: z.string().nullable(),
  /** Where the candidate comes from (`Debian-Security:12/oldstable-security`, repo id, …). */
  origin: z.string().nullable(),
  security: z.boolean(),
  /** Advisory id (`RHSA-2024:1234`, `openSUSE-SLE-15.5-2024-123`) where the tool names one. */
  advisory: z.string().nullable(),
})

/** A configured package source (apt source, yum/dnf/zypper repository). */
export const UpdateSource = z.strictObject({
  /** Repository id (dnf/zypper section name) or null for apt. */
  id: z.string().nullable(),
  uri: z.string(),
  /** apt suite (`bookworm-security`) or null. */
  suite: z.string().nullable(),
  enabled: z.boolean(),
  /** Signed metadata is checked (apt `Trusted: yes` without `trusted=yes`, `gpgcheck=1`). */
  signed: z.boolean().nullable(),
  /** Its metadata is present locally, i.e. the machine could reach it at least once. */
  fetched: z.boolean().nullable(),
  /** Carries security updates (apt: `-security` suite or `*-Security` label; rpm: update repos). */
  security: z.boolean(),
  /** Host is one of Open Telekom Cloud's internal mirrors (debmirror, smt, rhui). */
  otcMirror: z.boolean(),
})

const AgentState = z.enum(['running', 'installed', 'absent'])

/** One local account that can log in (a shell in /etc/shells, or uid 0). */
export const HostAccount = z.strictObject({
  user: z.string(),
  uid: z.number().int(),
  shell: z.string(),
  /** From /etc/shadow: `hash` (a password is set), `locked`, `empty` (no password needed). */
  password: z.enum(['hash', 'locked', 'empty']).nullable(),
  /** Keys in the default authorized_keys files (without `command=`-restricted ones). */
  keys: count.nullable(),
  /** Keys restricted with `command=` (cloud-init puts such a "log in as …" key on root). */
  forcedCommandKeys: count.nullable(),
  /** sudo rights by sudoers rules for the user or one of its groups. */
  sudo: z.enum(['nopasswd', 'password', 'none']).nullable(),
})

/** Schema of a host report, version {@link HOST_REPORT_SCHEMA}. */
export const HostReport = z.strictObject({
  schema: z.literal(HOST_REPORT_SCHEMA),
  collector: z.strictObject({ version: z.string().nullable(), uid: z.number().int().nullable() }),
  /** When the collector ran (the VM's clock). */
  collectedAt: when.nullable(),
  host: z.strictObject({
    hostname: z.string().nullable(),
    /** OpenStack instance (server) id. */
    instanceId: z.string().nullable(),
    instanceIdSource: z.enum(['cloud-init', 'instance-data', 'metadata', 'dmi']).nullable(),
    /** The machine's own (private) addresses, without loopback and link-local ones. */
    addresses: z.array(z.string()).nullable(),
    kernel: z.string().nullable(),
  }),
  os: z.strictObject({
    /** `/etc/os-release` `ID`, `VERSION_ID`, `VERSION`, `PRETTY_NAME`. */
    id: z.string().nullable(),
    versionId: z.string().nullable(),
    version: z.string().nullable(),
    prettyName: z.string().nullable(),
    /** Our lifecycle id and release (`openeuler` `22.03-sp3`) for `lifecycle/os-eol.yaml`. */
    distro: z.string().nullable(),
    release: z.string().nullable(),
  }),
  patching: z.strictObject({
    manager: z.enum(['apt', 'dnf', 'yum', 'zypper']).nullable(),
    /** Pending updates of any kind. */
    pending: count.nullable(),
    pendingSecurity: count.nullable(),
    /** False when the repositories publish no security classification (CentOS 7, Stream). */
    securityClassified: z.boolean().nullable(),
    updates: z.array(PendingUpdate).nullable(),
    /** When the package lists / repository metadata were last refreshed. */
    listsRefreshedAt: when.nullable(),
    /** Newest time an installed package was upgraded, and where that was read. */
    lastPatchAt: when.nullable(),
    lastPatchSource: z.string().nullable(),
    rebootRequired: z.boolean().nullable(),
    autoUpdates: z.strictObject({
      tool: z.string().nullable(),
      enabled: z.boolean().nullable(),
    }),
  }),
  repos: z.strictObject({ sources: z.array(UpdateSource).nullable() }),
  ssh: z.strictObject({
    /** Whether an SSH server is installed; null when that could not be told. */
    installed: z.boolean().nullable(),
    /** True when the values come from `sshd -T` (effective), false when read from the files. */
    effective: z.boolean(),
    permitRootLogin: z.string().nullable(),
    passwordAuthentication: z.boolean().nullable(),
    kbdInteractiveAuthentication: z.boolean().nullable(),
    usePam: z.boolean().nullable(),
    permitEmptyPasswords: z.boolean().nullable(),
    pubkeyAuthentication: z.boolean().nullable(),
  }),
  accounts: z.array(HostAccount).nullable(),
  agents: z.strictObject({
    /** Cloud Eye agent (telescope, old or uniagent layout). */
    cloudEye: AgentState.nullable(),
    /** Host Security Service agent (hostguard). */
    hss: AgentState.nullable(),
    /** Other monitoring agents found (node_exporter, zabbix, telegraf, …). */
    monitoring: z.array(z.strictObject({ name: z.string(), state: AgentState })).nullable(),
    /** Whether running processes could be listed (else `running` is never reported). */
    processesVisible: z.boolean(),
  }),
  time: z.strictObject({
    synced: z.boolean().nullable(),
    servers: z.array(z.string()).nullable(),
  }),
  errors: z.array(HostReportError),
})

export type HostReport = z.output<typeof HostReport>
export type HostReportError = z.output<typeof HostReportError>
export type PendingUpdate = z.output<typeof PendingUpdate>
export type UpdateSource = z.output<typeof UpdateSource>
export type HostAccount = z.output<typeof HostAccount>
export type AgentState = z.output<typeof AgentState>

/** How a report was tied to a server. */
export type HostMatchKind = 'instance-id' | 'hostname+ip'

/** The report matched to one server, with its age on the scan's day. */
export interface HostMatch {
  readonly report: HostReport
  readonly matchedBy: HostMatchKind
  /** Older than the allowed age, or without a collection time. */
  readonly stale: boolean
  /** Whole days since collection; null when the report has no time. */
  readonly ageDays: number | null
  /** The allowed age the staleness was judged against. */
  readonly maxAgeDays: number
}

/** Read-only lookup of matched reports by server id (what checks see as `ctx.hostReports`). */
export interface HostReportLookup {
  get(serverId: string): HostMatch | undefined
}
