import { defineCheck, fail, manual, notApplicable, pass } from '../define.ts'
import { hostReportOf, unknown } from './_host.ts'

export default defineCheck({
  id: 'host-ssh-no-root-login',
  title: 'SSH on servers does not let root log in',
  duty: 'authorization',
  service: 'ecs',
  resourceType: 'ecs.server',
  severity: 'medium',
  rationale:
    'A direct root login bypasses personal accounts, so nobody can tell who acted, and one stolen key or password gives full control.',
  remediation: {
    text: 'Log in with personal accounts and use sudo; set PermitRootLogin no in a drop-in under /etc/ssh/sshd_config.d/ and remove keys from /root/.ssh/authorized_keys.',
    cli: "echo 'PermitRootLogin no' > /etc/ssh/sshd_config.d/10-no-root.conf\nsshd -t && systemctl reload ssh",
  },
  references: ['C5:IDM-08', 'C5:IDM-09', 'CCM:IAM-14'],
  requires: [],
  // The server's image (and boot volume) tell a Windows server without os_type (see _host.ts).
  alsoReads: ['ims.image', 'evs.volume'],
  evaluate(server, ctx) {
    const h = hostReportOf(server, ctx)
    if ('verdict' in h) return h.verdict
    const { report: r, name, evidence } = h
    const s = r.ssh
    if (s.installed === false) return notApplicable(`${name}: no SSH server is installed`)
    const mode = s.permitRootLogin?.toLowerCase()
    if (!mode) return unknown(name, r, 'ssh.permitRootLogin')
    const root = r.accounts?.find((a) => a.uid === 0 && a.user === 'root')
    const facts = {
      ...evidence,
      effective: s.effective,
      permitRootLogin: mode,
      rootKeys: root?.keys ?? null,
    }
    if (mode === 'yes')
      return fail(
        `${name}: SSH lets root log in with a password or key (PermitRootLogin yes)`,
        facts,
      )
    let ok = `PermitRootLogin ${mode}`
    if (mode === 'prohibit-password' || mode === 'without-password') {
      if (!root || root.keys === null) return unknown(name, r, 'accounts[].keys')
      if (root.keys > 0)
        return fail(
          `${name}: root can log in with ${root.keys} SSH key(s) (PermitRootLogin ${mode})`,
          facts,
        )
      ok += ' and root has no usable key'
    } else if (mode !== 'no' && mode !== 'forced-commands-only')
      return manual(`${name}: unexpected PermitRootLogin value "${mode}"`, facts)
    if (!s.effective)
      return manual(`${name}: the config files say ${ok}, but sshd -T could not confirm it`, facts)
    return pass(`${name}: ${ok}`, facts)
  },
})
