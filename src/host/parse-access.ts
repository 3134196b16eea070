/**
 * Access to the machine: the SSH server's configuration (`sshd -T`, else the files), local accounts
 * that can log in, their password status, authorized keys and sudo rights.
 * @module
 */
import type { HostAccount, HostReport } from '../model/host-report.ts'
import type { ParseContext } from './_context.ts'
import { splitDump } from './repos.ts'
import { lines } from './sections.ts'

type Ssh = HostReport['ssh']
const yes = (v: string | undefined) => (v === undefined ? null : v.toLowerCase() === 'yes')

/** `key value` lines of `sshd -T` (first value wins, as in sshd). */
export function parseSshdT(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const l of text.split('\n')) {
    const m = /^\s*(\w+)\s+(.*?)\s*$/.exec(l)
    if (m && !out.has(m[1]!.toLowerCase())) out.set(m[1]!.toLowerCase(), m[2]!)
  }
  return out
}

/**
 * Settings from the config files as sshd reads them: first value wins, `Include` globs of the
 * dumped `sshd_config.d` files are read in place, and everything after the first `Match` is
 * conditional and skipped.
 */
export function sshdFromFiles(dump: string): Map<string, string> {
  const files = splitDump(dump)
  const main = files.get('/etc/ssh/sshd_config') ?? []
  const dropIns = [...files.keys()].filter((f) => f !== '/etc/ssh/sshd_config').sort()
  const out = new Map<string, string>()
  const read = (ls: readonly string[]): boolean => {
    for (const l of ls) {
      const m = /^\s*(\w+)\s*[\s=]\s*(.*?)\s*$/.exec(l)
      if (!m) continue
      const key = m[1]!.toLowerCase()
      if (key === 'match') return false
      if (key === 'include') {
        const re = globRe(m[2]!)
        for (const f of dropIns.filter((d) => re.test(d))) if (!read(files.get(f)!)) return false
      } else if (!out.has(key)) out.set(key, m[2]!)
    }
    return true
  }
  read(main)
  return out
}

function globRe(glob: string): RegExp {
  const abs = glob.startsWith('/') ? glob : `/etc/ssh/${glob}`
  return new RegExp(`^${abs.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`)
}

/** `ssh` part of the report. */
export function parseSsh(c: ParseContext, tools: Map<string, boolean>): Ssh {
  const files = c.raw('sshd_config')
  const hasFiles = files?.rc === 0 && files.stdout.includes('==> ')
  const tool = tools.get('sshd')
  const installed = tool === undefined ? null : tool || hasFiles
  const empty: Ssh = {
    installed,
    effective: false,
    permitRootLogin: null,
    passwordAuthentication: null,
    kbdInteractiveAuthentication: null,
    usePam: null,
    permitEmptyPasswords: null,
    pubkeyAuthentication: null,
  }
  if (installed === false) return empty
  const t = c.raw('sshd_T')
  let cfg: Map<string, string> | null = null
  let effective = false
  if (t?.rc === 0 && t.stdout.trim() !== '') {
    cfg = parseSshdT(t.stdout)
    effective = true
  } else {
    c.ok('sshd_T', 'ssh.effective')
    if (hasFiles) cfg = sshdFromFiles(files.stdout)
    else c.fail('ssh', 'sshd_config', 'no sshd configuration readable')
  }
  if (!cfg) return empty
  // Unset keys in the files mean OpenSSH's compiled-in defaults.
  const get = (k: string, dflt: string) => cfg.get(k) ?? (effective ? undefined : dflt)
  return {
    installed,
    effective,
    permitRootLogin: get('permitrootlogin', 'prohibit-password') ?? null,
    passwordAuthentication: yes(get('passwordauthentication', 'yes')),
    kbdInteractiveAuthentication: yes(
      cfg.get('kbdinteractiveauthentication') ?? get('challengeresponseauthentication', 'yes'),
    ),
    usePam: yes(get('usepam', 'no')),
    permitEmptyPasswords: yes(get('permitemptypasswords', 'no')),
    pubkeyAuthentication: yes(get('pubkeyauthentication', 'yes')),
  }
}

/** Sudo rights per user from sudoers rules and group members. */
function sudoRights(
  text: string,
  users: { user: string; gid: string }[],
): Map<string, 'nopasswd' | 'password'> {
  const groups = new Map<string, { gid: string; members: string[] }>()
  const rules: { who: string[]; nopasswd: boolean }[] = []
  for (const l of text.split('\n')) {
    const g = /^([\w.-]+):[^:]*:(\d+):(.*)$/.exec(l)
    if (g && !l.startsWith('/')) {
      groups.set(g[1]!, { gid: g[2]!, members: g[3]!.split(',').filter(Boolean) })
      continue
    }
    const rule = l.startsWith('/') ? l.slice(l.indexOf(':') + 1).trim() : ''
    if (!rule.includes('=') || /^(@|#|\w+_Alias\b|Defaults)/.test(rule)) continue
    const who = rule.split(/\s+/)[0]!.split(',')
    rules.push({ who, nopasswd: /NOPASSWD\s*:/.test(rule) })
  }
  const out = new Map<string, 'nopasswd' | 'password'>()
  for (const u of users)
    for (const r of rules) {
      const hit = r.who.some((w) => {
        if (w === 'ALL' || w === u.user) return true
        const grp = w.startsWith('%') ? groups.get(w.slice(1)) : undefined
        return !!grp && (grp.members.includes(u.user) || grp.gid === u.gid)
      })
      if (hit && out.get(u.user) !== 'nopasswd')
        out.set(u.user, r.nopasswd ? 'nopasswd' : 'password')
    }
  return out
}

/** Accounts that can log in (uid 0, or a login shell). */
export function parseAccounts(c: ParseContext): HostAccount[] | null {
  const pw = c.ok('accounts', 'accounts')
  if (!pw) return null
  const shells = c.raw('shells')?.rc === 0 ? new Set(lines(c.raw('shells'))) : null
  const canLogin = (sh: string) =>
    !/(nologin|false|sync|shutdown|halt)$/.test(sh) && (shells ? shells.has(sh) : true)
  const users = lines(pw)
    .map((l) => l.split(':'))
    .filter((f) => f.length >= 7)
    .map((f) => ({ user: f[0]!, uid: Number(f[2]), gid: f[3]!, shell: f[6]! }))
    .filter((u) => u.uid === 0 || canLogin(u.shell))
  const shadow = c.ok('shadow', 'accounts[].password')
  const status = new Map(lines(shadow ?? undefined).map((l) => l.split(':') as [string, string]))
  const keys = c.ok('authorized_keys', 'accounts[].keys')
  const counts = new Map<string, [number, number]>()
  for (const l of lines(keys ?? undefined)) {
    const [u, k, f] = l.split(/\s+/)
    const prev = counts.get(u!) ?? [0, 0]
    counts.set(u!, [prev[0] + Number(k), prev[1] + Number(f)])
  }
  const sudo = c.ok('sudo', 'accounts[].sudo')
  const rights = sudo ? sudoRights(sudo.stdout, users) : null
  return users.map((u) => {
    const s = status.get(u.user)
    return {
      user: u.user,
      uid: u.uid,
      shell: u.shell,
      password: s === 'hash' || s === 'locked' || s === 'empty' ? s : null,
      keys: keys ? (counts.get(u.user)?.[0] ?? 0) : null,
      forcedCommandKeys: keys ? (counts.get(u.user)?.[1] ?? 0) : null,
      sudo: rights ? (rights.get(u.user) ?? 'none') : null,
    }
  })
}
