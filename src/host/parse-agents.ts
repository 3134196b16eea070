/**
 * Agents inside the VM (Cloud Eye, HSS, generic monitoring agents) and time synchronisation.
 * An agent is `running` when its process is seen, `installed` when only its package, files or
 * enabled unit are, else `absent`.
 * @module
 */
import type { AgentState, HostReport } from '../model/host-report.ts'
import { keyValues, type ParseContext } from './_context.ts'
import { lines } from './sections.ts'

interface AgentSpec {
  readonly name: string
  readonly packages: RegExp
  /** Process names as in /proc/<pid>/comm (the kernel cuts them to 15 characters). */
  readonly processes: readonly string[]
  readonly files?: RegExp
}

const CLOUD_EYE: AgentSpec = {
  name: 'cloud-eye',
  packages: /^$/,
  processes: ['telescope', 'uniagent'],
  files: /\/(telescope|uniagent)\//,
}
const HSS: AgentSpec = {
  name: 'hss',
  packages: /^hostguard$/,
  processes: ['hostguard', 'hostwatch'],
  files: /\/hostguard\//,
}

/** Monitoring agents other than Cloud Eye. */
const MONITORING: readonly AgentSpec[] = [
  {
    name: 'node_exporter',
    packages: /^(prometheus-)?node.exporter$/,
    processes: ['node_exporter', 'prometheus-node'],
    files: /node.exporter/,
  },
  {
    name: 'zabbix-agent',
    packages: /^zabbix-agent2?$/,
    processes: ['zabbix_agentd', 'zabbix_agent2'],
    files: /\/zabbix$/,
  },
  { name: 'telegraf', packages: /^telegraf$/, processes: ['telegraf'], files: /\/telegraf$/ },
  {
    name: 'fluent-bit',
    packages: /^(fluent-bit|td-agent-bit)$/,
    processes: ['fluent-bit', 'td-agent-bit'],
  },
  { name: 'otelcol', packages: /^otelcol/, processes: ['otelcol', 'otelcol-contrib'] },
  {
    name: 'grafana-agent',
    packages: /^(grafana-agent|alloy)$/,
    processes: ['grafana-agent', 'alloy'],
  },
  {
    name: 'elastic-beats',
    packages: /^(filebeat|metricbeat|elastic-agent)$/,
    processes: ['filebeat', 'metricbeat', 'elastic-agent'],
  },
  { name: 'datadog-agent', packages: /^datadog-agent$/, processes: [], files: /datadog-agent/ },
  { name: 'netdata', packages: /^netdata$/, processes: ['netdata'] },
  { name: 'collectd', packages: /^collectd$/, processes: ['collectd'] },
  { name: 'nrpe', packages: /^(nrpe|nagios-nrpe-server)$/, processes: ['nrpe'] },
  { name: 'check-mk-agent', packages: /^check-mk-agent$/, processes: [] },
  { name: 'wazuh-agent', packages: /^wazuh-agent$/, processes: ['wazuh-agentd'] },
  {
    name: 'cloudwatch-agent',
    packages: /^amazon-cloudwatch-agent$/,
    processes: ['amazon-cloudwat'],
  },
]

interface Seen {
  readonly processes: ReadonlySet<string> | null
  readonly packages: readonly string[]
  readonly files: readonly string[]
  readonly units: readonly string[]
}

function state(spec: AgentSpec, seen: Seen): AgentState {
  if (spec.processes.some((p) => seen.processes?.has(p.slice(0, 15)))) return 'running'
  const unit = seen.units.some((u) => spec.processes.some((p) => u.startsWith(p)))
  const installed =
    seen.packages.some((p) => spec.packages.test(p)) ||
    (spec.files ? seen.files.some((f) => spec.files!.test(f)) : false)
  return installed || unit ? 'installed' : 'absent'
}

/** `agents` part of the report, plus the package names seen (for auto-update tools). */
export function parseAgents(c: ParseContext): { agents: HostReport['agents']; packages: string[] } {
  const proc = c.ok('processes', 'agents.processesVisible')
  const processes = proc ? new Set(lines(proc)) : null
  const pkgs = c.ok('agent_packages', 'agents')
  const files = c.ok('agent_files', 'agents')
  const seen: Seen = {
    processes,
    packages: lines(pkgs ?? undefined),
    files: lines(files ?? undefined),
    units: lines(c.raw('enabled_units')),
  }
  const known = pkgs !== null && files !== null
  const monitoring = MONITORING.map((s) => ({ name: s.name, state: state(s, seen) })).filter(
    (a) => a.state !== 'absent',
  )
  return {
    agents: {
      cloudEye: known || processes ? state(CLOUD_EYE, seen) : null,
      hss: known || processes ? state(HSS, seen) : null,
      monitoring: known ? monitoring : null,
      processesVisible: processes !== null && processes.size > 0,
    },
    packages: [...seen.packages],
  }
}

/** `time` part: synchronised per timedatectl, chrony or the timesyncd stamp; configured servers. */
export function parseTime(c: ParseContext): HostReport['time'] {
  const td = c.raw('timedatectl')
  const kv = td?.rc === 0 ? keyValues(td.stdout) : {}
  let synced: boolean | null = kv.NTPSynchronized ? kv.NTPSynchronized === 'yes' : null
  const chrony = c.raw('chronyc')
  if (synced === null && chrony?.rc === 0) {
    const leap = chrony.stdout.trim().split(',').at(-1)
    if (leap) synced = /^normal$/i.test(leap.trim())
  }
  if (synced === null && /timesync\/synchronized/.test(c.raw('timesync_files')?.stdout ?? ''))
    synced = true
  if (synced === null)
    c.fail(
      'time.synced',
      'timedatectl',
      td
        ? `no sync status: ${td.stderr.trim().split('\n')[0] || 'timedatectl gave none'}`
        : 'no sync status',
      td?.rc ?? null,
    )
  const cfg = c.ok('ntp_config', 'time.servers')
  const servers = new Set<string>()
  for (const l of lines(cfg ?? undefined)) {
    const m = /^\s*(?:server|pool)\s+(\S+)/.exec(l) ?? /^\s*(?:NTP|FallbackNTP)\s*=\s*(.*)$/.exec(l)
    for (const s of m?.[1]?.split(/\s+/) ?? []) if (s) servers.add(s)
  }
  return { synced, servers: cfg ? [...servers] : null }
}
