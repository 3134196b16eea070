import { defineCheck, fail, manual, notApplicable, pass } from '../define.ts'
import { hostReportOf, listNames, unknown } from './_host.ts'

export default defineCheck({
  id: 'host-ssh-no-password-login',
  title: 'SSH on servers accepts keys only, no passwords',
  duty: 'authorization',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'medium',
  rationale:
    'Password logins over SSH can be guessed or sprayed from the internet and reused from leaks; key-only login removes that attack.',
  remediation: {
    text: 'Set PasswordAuthentication no and KbdInteractiveAuthentication no in a drop-in under /etc/ssh/sshd_config.d/ (it wins over later settings), make sure every user has a key, and reload sshd.',
    cli: "printf 'PasswordAuthentication no\\nKbdInteractiveAuthentication no\\n' > /etc/ssh/sshd_config.d/10-no-passwords.conf\nsshd -t && systemctl reload ssh",
  },
  references: ['C5:IDM-08', 'C5:IDM-09', 'CCM:IAM-14', 'CCM:IAM-15'],
  requires: [],
  // The server's image (and boot volume) tell a Windows server without os_type (see _host.ts).
  alsoReads: ['ims.image', 'evs.volume'],
  evaluate(server, ctx) {
    const h = hostReportOf(server, ctx)
    if ('verdict' in h) return h.verdict
    const { report: r, name, evidence } = h
    const s = r.ssh
    if (s.installed === false) return notApplicable(`${name}: no SSH server is installed`)
    if (s.passwordAuthentication === null) return unknown(name, r, 'ssh.passwordAuthentication')
    if (s.kbdInteractiveAuthentication === null)
      return unknown(name, r, 'ssh.kbdInteractiveAuthentication')
    const withPassword = (r.accounts ?? []).filter(
      (a) => a.password === 'hash' || a.password === 'empty',
    )
    const facts = {
      ...evidence,
      effective: s.effective,
      passwordAuthentication: s.passwordAuthentication,
      kbdInteractiveAuthentication: s.kbdInteractiveAuthentication,
      usePam: s.usePam,
      accountsWithPassword: withPassword.map((a) => a.user),
    }
    const ways = [
      s.passwordAuthentication && 'PasswordAuthentication yes',
      s.kbdInteractiveAuthentication &&
        s.usePam !== false &&
        'KbdInteractiveAuthentication yes (PAM)',
      s.permitEmptyPasswords && 'PermitEmptyPasswords yes',
    ].filter((x): x is string => typeof x === 'string')
    if (ways.length > 0) {
      const who =
        withPassword.length > 0
          ? `; accounts with a password: ${listNames(facts.accountsWithPassword)}`
          : ''
      return fail(`${name}: SSH accepts passwords (${ways.join(', ')})${who}`, facts)
    }
    if (!s.effective)
      return manual(
        `${name}: the config files turn password logins off, but sshd -T could not confirm it (Match blocks were not evaluated)`,
        facts,
      )
    return pass(`${name}: SSH accepts no password logins`, facts)
  },
})
