import { defineCheck, fail, manual, pass } from '../define.ts'
import { hostReportOf, unknown } from './_host.ts'

export default defineCheck({
  id: 'host-monitoring-agent',
  title: 'Servers run a monitoring agent',
  duty: 'monitoring',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'low',
  rationale:
    'The platform sees only the outside of a VM; memory, disks, processes and logs inside it are visible only to an agent running there.',
  remediation: {
    text: 'Install the Cloud Eye agent (Cloud Eye > Server Monitoring > Install Agent) or your own monitoring agent (node_exporter, Zabbix, Telegraf, …) and keep it running.',
    cli: 'systemctl enable --now ces-uniagent   # Cloud Eye agent, after installing it',
  },
  references: ['C5:OPS-10', 'C5:OPS-13', 'CCM:LOG-03'],
  requires: [],
  // The server's image (and boot volume) tell a Windows server without os_type (see _host.ts).
  alsoReads: ['ims.image', 'evs.volume'],
  evaluate(server, ctx) {
    const h = hostReportOf(server, ctx)
    if ('verdict' in h) return h.verdict
    const { report: r, name, evidence } = h
    const a = r.agents
    if (a.cloudEye === null || a.monitoring === null) return unknown(name, r, 'agents')
    const agents = [{ name: 'Cloud Eye agent', state: a.cloudEye }, ...a.monitoring]
    const running = agents.filter((x) => x.state === 'running').map((x) => x.name)
    const installed = agents.filter((x) => x.state === 'installed').map((x) => x.name)
    const facts = { ...evidence, running, installed, hss: a.hss }
    if (running.length > 0) return pass(`${name}: ${running.join(', ')} running`, facts)
    if (installed.length > 0 && !a.processesVisible)
      return manual(
        `${name}: ${installed.join(', ')} installed; whether it runs could not be seen`,
        facts,
      )
    if (installed.length > 0)
      return fail(`${name}: ${installed.join(', ')} installed but not running`, facts)
    return fail(
      `${name}: no monitoring agent found (Cloud Eye agent, node_exporter, Zabbix, …)`,
      facts,
    )
  },
})
