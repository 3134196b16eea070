/**
 * Package sources: Open Telekom Cloud mirror detection, the collector's file dumps and the
 * INI-style `.repo` files of dnf, yum and zypper.
 * @module
 */
import type { UpdateSource } from '../model/host-report.ts'

/**
 * OTC's internal mirrors (debmirror for Debian/Ubuntu, smt for SUSE and RPM distributions, rhui
 * for RHEL), current and older names, per the OTC image management docs.
 */
const OTC_MIRROR =
  /^(debmirror|smt|rhui)(-cds)?\d*(-suse)?(\.(eu-de|eu-nl|eu-ch2))?\.otc-service\.com$/i

/** The host of a URL, lower-cased; null for non-URLs. */
export function urlHost(uri: string): string | null {
  const m = /^[a-z][a-z0-9+.-]*:\/\/(?:[^/@]*@)?([^/:?#]+)/i.exec(uri.trim())
  return m ? m[1]!.toLowerCase() : null
}

/** True when the URL points at one of OTC's mirrors. */
export function isOtcMirror(uri: string): boolean {
  const host = urlHost(uri)
  return host !== null && OTC_MIRROR.test(host)
}

/** The files of a `==> path <==` dump, path → lines. */
export function splitDump(text: string): Map<string, string[]> {
  const files = new Map<string, string[]>()
  let cur: string[] | null = null
  for (const line of text.split('\n')) {
    const m = /^==> (.+) <==$/.exec(line)
    if (m) {
      cur = []
      files.set(m[1]!, cur)
    } else if (cur && line.trim() !== '') cur.push(line)
  }
  return files
}

/** INI sections of `.repo` files: id → keys (lower-cased) → value; later files win. */
export function parseIni(lines: readonly string[]): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>()
  let cur: Record<string, string> | null = null
  for (const raw of lines) {
    const line = raw.trim()
    const head = /^\[([^\]]+)\]$/.exec(line)
    if (head) {
      cur = {}
      out.set(head[1]!.trim(), cur)
      continue
    }
    const kv = /^([^=]+?)\s*=\s*(.*)$/.exec(line)
    // Continuation lines of multi-line baseurl values carry more URLs; the first one is enough.
    if (kv && cur) cur[kv[1]!.toLowerCase()] = kv[2]!.trim()
  }
  return out
}

const on = (v: string | undefined, dflt: boolean) =>
  v === undefined ? dflt : /^(1|yes|true|on)$/i.test(v.trim())

/** Repositories that carry no updates: sources, debug symbols, installation media. */
const NOT_UPDATES = /(^|[-_])(source|src|debug|debuginfo|media|cdrom|dvd)([-_]|$)/i

/**
 * dnf/yum/zypper repositories from `.repo` files. RPM distributions ship security fixes in their
 * normal update repositories (BaseOS/AppStream, `updates`, `update`, SLE `*-Updates`), so a
 * repository counts as a security source when it is a remote, non-debug, non-source one; for
 * zypper the name must also mark it as an update repository.
 */
export function rpmSources(
  files: Map<string, string[]>,
  fetchedIds: ReadonlySet<string> | null,
): UpdateSource[] {
  const out: UpdateSource[] = []
  for (const [path, lines] of files) {
    const zypp = path.includes('/zypp/')
    for (const [id, kv] of parseIni(lines)) {
      const uri = (kv.baseurl ?? kv.mirrorlist ?? kv.metalink ?? '').split(/[\s,]+/)[0] ?? ''
      if (!uri) continue
      const remote = /^(https?|ftp):/i.test(uri)
      const updates = zypp ? /update/i.test(`${id} ${kv.name ?? ''} ${uri}`) : true
      out.push({
        id,
        uri,
        suite: null,
        enabled: on(kv.enabled, true),
        // Without gpgcheck in the file dnf's main config decides (unknown here); zypper checks.
        signed: kv.gpgcheck === undefined ? (zypp ? true : null) : on(kv.gpgcheck, false),
        fetched: fetchedIds ? fetchedIds.has(id) : null,
        security: remote && updates && !NOT_UPDATES.test(id),
        otcMirror: isOtcMirror(uri),
      })
    }
  }
  return out
}
