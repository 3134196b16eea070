import { defineCheck, error, fail, label, manual, notApplicable, pass } from '../define.ts'
import { publicAddresses } from './_public.ts'

/** Ports that carry TLS by convention: a TCP listener there may pass TLS through unseen. */
const TLS_PORTS = new Set([443, 8443])
const ENCRYPTED = new Set(['HTTPS', 'TERMINATED_HTTPS'])

export default defineCheck({
  id: 'elb-listener-encrypted',
  title: 'Public load-balancer listeners on web ports speak HTTPS or redirect to it',
  duty: 'data-protection',
  service: 'elb',
  resourceType: 'elb.listener',
  severity: 'medium',
  rationale:
    'The provider runs the load balancer, but which protocol a listener speaks is the customer’s setting; an HTTP or plain TCP listener on a public address carries logins, session cookies and data readable by anyone on the path.',
  remediation: {
    text: 'Console: Elastic Load Balance > the load balancer > Listeners: add an HTTPS listener with a certificate, then give the HTTP listener a forwarding policy "Redirect to another listener" pointing at it (or remove the HTTP listener).',
    cli: 'POST /v3/{project_id}/elb/l7policies {"l7policy":{"listener_id":"<http listener>","action":"REDIRECT_TO_LISTENER","redirect_listener_id":"<https listener>"}}',
    terraform:
      'resource "opentelekomcloud_lb_policy_v3" "to_https" {\n  action               = "REDIRECT_TO_LISTENER"\n  listener_id          = opentelekomcloud_lb_listener_v3.http.id\n  redirect_listener_id = opentelekomcloud_lb_listener_v3.https.id\n}',
  },
  references: ['C5:CRY-02', 'CCM:CEK-03'],
  requires: ['elb.loadbalancer'],
  alsoReads: ['vpc.eip'],
  evaluate(l, ctx) {
    const protocol = l.protocol.toUpperCase()
    const what = `${label(l)} (${protocol} on port ${l.port})`
    if (ENCRYPTED.has(protocol)) return pass(`${what} is encrypted`)
    if (protocol !== 'HTTP' && protocol !== 'TCP')
      return notApplicable(`${what}: not a web protocol`)
    if (!ctx.settings.elbWebPorts.includes(l.port))
      return notApplicable(`${what}: not a web port (setting elbWebPorts)`)
    const lbs = l.loadBalancerIds.flatMap((id) => ctx.inventory.byId('elb.loadbalancer', id) ?? [])
    if (lbs.length === 0)
      return manual(
        `${what}: its load balancer ${l.loadBalancerIds.join(', ')} is not in the inventory`,
      )
    const exposed: string[] = []
    for (const lb of lbs) {
      const ips = publicAddresses(lb, ctx)
      if (!Array.isArray(ips)) return ips
      exposed.push(...ips)
    }
    if (exposed.length === 0) return pass(`${what} is on a load balancer without a public address`)
    if (protocol === 'TCP') {
      const evidence = { protocol, port: l.port, publicIps: exposed }
      return TLS_PORTS.has(l.port)
        ? manual(
            `${what} is public; whether the backends speak TLS through it the API does not tell`,
            evidence,
          )
        : fail(`${what} is public and unencrypted`, evidence)
    }
    if (l.redirects === null) return error(`${what}: its forwarding policies could not be read`)
    const toHttps = l.redirects.find((r) => r.toHttps)
    if (toHttps)
      return pass(`${what} redirects to HTTPS`, {
        redirectPolicy: toHttps.policyId,
        target: toHttps.target,
      })
    return fail(`${what} is public and serves HTTP without a redirect to HTTPS`, {
      protocol,
      port: l.port,
      publicIps: exposed,
      redirects: l.redirects.map((r) => r.target),
    })
  },
})
