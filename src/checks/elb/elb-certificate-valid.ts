import { defineCheck, fail, label, manual, pass } from '../define.ts'

const DAY = 86_400_000

export default defineCheck({
  id: 'elb-certificate-valid',
  title: 'Load-balancer certificates are valid beyond the renewal window',
  duty: 'data-protection',
  service: 'elb',
  resourceType: 'elb.certificate',
  severity: 'high',
  rationale:
    'ELB serves the certificates the customer uploads and never renews them; an expired one breaks every HTTPS client or trains users to click through warnings, and one close to expiry is an outage already scheduled.',
  remediation: {
    text: 'Console: Elastic Load Balance > Certificates: upload the renewed certificate (Modify, or add a new one and switch the listeners to it); delete certificates no listener uses.',
    cli: 'PUT /v3/{project_id}/elb/certificates/{certificate_id} {"certificate":{"certificate":"<PEM>","private_key":"<PEM>"}}',
  },
  references: ['C5:CRY-02', 'CCM:CEK-03'],
  requires: [],
  evaluate(c, ctx) {
    const what = `${label(c)}${c.domain ? ` for ${c.domain}` : ''}`
    if (c.expiresAt === null) return manual(`${what}: the API does not say when it expires`)
    const days = Math.floor((Date.parse(c.expiresAt) - ctx.now.getTime()) / DAY)
    const window = ctx.settings.elbCertificateExpiryDays
    const evidence = { expiresAt: c.expiresAt, daysLeft: days, renewalWindowDays: window }
    if (days < 0) return fail(`${what} expired ${-days} days ago (${c.expiresAt})`, evidence)
    if (days < window)
      return fail(`${what} expires in ${days} days (${c.expiresAt}), within ${window}`, evidence)
    return pass(`${what} is valid for ${days} more days`, evidence)
  },
})
