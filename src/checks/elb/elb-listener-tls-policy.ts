import { defineCheck, fail, label, manual, notApplicable, pass } from '../define.ts'

/** Protocol versions with known weaknesses (RFC 8996 deprecates TLS 1.0 and 1.1). */
const WEAK = new Set(['SSLv3', 'TLSv1', 'TLSv1.0', 'TLSv1.1'])
const TLS = new Set(['HTTPS', 'TERMINATED_HTTPS'])

export default defineCheck({
  id: 'elb-listener-tls-policy',
  title: 'HTTPS listeners admit only TLS 1.2 and newer',
  duty: 'data-protection',
  service: 'elb',
  resourceType: 'elb.listener',
  severity: 'medium',
  rationale:
    'The TLS security policy of a listener is the customer’s choice, and ELB’s default (tls-1-0) still admits TLS 1.0 and 1.1, which RFC 8996 deprecates: clients can be made to negotiate down to them.',
  remediation: {
    text: 'Console: Elastic Load Balance > the load balancer > Listeners > the HTTPS listener > Edit: Security Policy "TLS-1-2" (or a custom policy with TLS 1.2 and 1.3 only).',
    cli: 'PUT /v3/{project_id}/elb/listeners/{listener_id} {"listener":{"tls_ciphers_policy":"tls-1-2"}}',
    terraform:
      'resource "opentelekomcloud_lb_listener_v3" "https" {\n  # …\n  tls_ciphers_policy = "tls-1-2"\n}',
  },
  references: ['C5:CRY-02', 'CCM:CEK-03'],
  requires: [],
  evaluate(l) {
    const protocol = l.protocol.toUpperCase()
    const what = `${label(l)} (${protocol} on port ${l.port})`
    if (!TLS.has(protocol) || (protocol === 'HTTPS' && l.api === 'octavia'))
      return notApplicable(`${what} does not terminate TLS`)
    if (l.tlsVersions === null) return manual(`${what}: ${l.tlsVersionsSource}`)
    const weak = l.tlsVersions.filter((v) => WEAK.has(v))
    const evidence = { policy: l.tlsVersionsSource, tlsVersions: [...l.tlsVersions] }
    if (weak.length > 0)
      return fail(`${what} admits ${weak.join(', ')} (${l.tlsVersionsSource})`, evidence)
    return pass(`${what} admits ${l.tlsVersions.join(', ')} only`, evidence)
  },
})
