/**
 * The report's identity parts: collector run, host (hostname, instance id, addresses) and OS.
 * @module
 */
import { osFromRelease } from '../lifecycle/detect-os.ts'
import type { HostReport } from '../model/host-report.ts'
import { keyValues, type ParseContext } from './_context.ts'
import { lines } from './sections.ts'

/** `collector` section: version, run time, time zone offset and user id. */
export function parseCollector(c: ParseContext): {
  collector: HostReport['collector']
  collectedAt: string | null
  tz: string
} {
  const s = c.ok('collector', 'collectedAt')
  const kv = s ? keyValues(s.stdout) : {}
  const at = kv.date && !Number.isNaN(Date.parse(kv.date)) ? kv.date : null
  if (s && !at) c.fail('collectedAt', 'collector', 'collector printed no valid date')
  const uid = kv.uid !== undefined && /^\d+$/.test(kv.uid) ? Number(kv.uid) : null
  if (uid !== null && uid !== 0)
    c.fail(null, 'collector', `collector ran as uid ${uid}, not root: some values are unknown`)
  return {
    collector: { version: kv.version ?? null, uid },
    collectedAt: at ? new Date(at).toISOString() : null,
    tz: kv.tz ?? '+0000',
  }
}

function instanceId(c: ParseContext): Pick<HostReport['host'], 'instanceId' | 'instanceIdSource'> {
  const s = c.ok('instance_id', 'host.instanceId')
  const found = new Map<string, string>()
  for (const l of lines(s ?? undefined)) {
    const m = /^([a-z-]+)=.*?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/i.exec(
      l,
    )
    if (m && !found.has(m[1]!)) found.set(m[1]!, m[2]!.toLowerCase())
  }
  // On-disk and metadata ids are the instance id; a DMI UUID is only on OpenStack/KVM.
  for (const source of ['cloud-init', 'instance-data', 'metadata', 'dmi'] as const) {
    const v = found.get(source)
    if (v) return { instanceId: v, instanceIdSource: source }
  }
  if (s) c.fail('host.instanceId', 'instance_id', 'no OpenStack instance id found')
  return { instanceId: null, instanceIdSource: null }
}

/** Global addresses from `ip -o addr show` or `hostname -I` (no loopback, no link-local). */
export function parseAddresses(text: string): string[] {
  const out = new Set<string>()
  for (const line of text.split('\n')) {
    const m = /\binet6?\s+([0-9a-f.:]+)\//i.exec(line)
    const tokens = m ? [m[1]!] : /\binet/.test(line) ? [] : line.trim().split(/\s+/)
    for (const a of tokens) {
      if (!/^(\d{1,3}(\.\d{1,3}){3}|[0-9a-f]*:[0-9a-f:]+)$/i.test(a)) continue
      if (/^(127\.|::1$|fe80:|169\.254\.)/i.test(a)) continue
      out.add(a.toLowerCase())
    }
  }
  return [...out]
}

/** `host` part of the report. */
export function parseHost(c: ParseContext): HostReport['host'] {
  const hostname = c.ok('hostname', 'host.hostname')?.stdout.trim() || null
  const kernel = c.ok('kernel', 'host.kernel')?.stdout.trim() || null
  const addr = c.ok('addresses', 'host.addresses')
  return {
    hostname,
    ...instanceId(c),
    addresses: addr ? parseAddresses(addr.stdout) : null,
    kernel,
  }
}

/** `os` part: `/etc/os-release` and the lifecycle id derived from it. */
export function parseOs(c: ParseContext): HostReport['os'] {
  const s = c.ok('os_release', 'os')
  const kv = s ? keyValues(s.stdout) : {}
  const os = osFromRelease(kv)
  if (s && !os) c.fail('os.distro', 'os_release', 'os-release has no ID or VERSION_ID')
  return {
    id: kv.ID ?? null,
    versionId: kv.VERSION_ID ?? null,
    version: kv.VERSION ?? null,
    prettyName: kv.PRETTY_NAME ?? null,
    distro: os?.distro ?? null,
    release: os?.version ?? null,
  }
}

/** `package_tools` section: tool name → whether installed (absent section: empty map). */
export function parseTools(c: ParseContext): Map<string, boolean> {
  const out = new Map<string, boolean>()
  for (const l of lines(c.raw('package_tools'))) {
    const i = l.indexOf('=')
    if (i > 0) out.set(l.slice(0, i), l.slice(i + 1).trim() !== '')
  }
  return out
}
