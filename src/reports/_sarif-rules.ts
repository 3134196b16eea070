/**
 * SARIF reporting descriptors: one rule per check (title, rationale, help text and markdown, a
 * link, the level and GitHub's `security-severity`) and the notification descriptors of the run.
 * GitHub code scanning needs `fullDescription` and `help` on every descriptor (Multitool GH2012).
 * @module
 */
import type { Severity } from '../checks/define.ts'
import type { CheckInfo } from '../engine/types.ts'

/** SARIF result level per severity. */
export const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  critical: 'error',
  high: 'error',
  medium: 'warning',
  low: 'note',
  info: 'note',
}

/** GitHub's `security-severity` score per severity (0.1–3.9 low … 9.0–10.0 critical). */
export const SECURITY_SEVERITY: Record<Severity, string> = {
  critical: '9.5',
  high: '8.0',
  medium: '5.5',
  low: '3.0',
  info: '0.5',
}

/** Notifications of the run: what is about the scan, not about a resource. */
export const NOTIFICATIONS = [
  {
    id: 'collection-issue',
    text: 'A resource type could not be listed completely.',
    help: 'The checks of this resource type report error: fix the permission, quota or outage named in the message and scan again.',
  },
  {
    id: 'scan-note',
    text: 'A remark about the scan, e.g. an expired mutelist entry.',
    help: 'Read the message: an expired or unused mutelist entry, a host report that matched no server, a project left out of the selection.',
  },
] as const

/** The id of a notification descriptor. */
export type NotificationId = (typeof NOTIFICATIONS)[number]['id']

const pascal = (id: string) =>
  id
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')

/** The rule of a check. */
export function sarifRule(c: CheckInfo) {
  const urls = c.references.filter((r) => /^https:\/\//.test(r))
  const compliance = c.references.filter((r) => !/^https?:\/\//.test(r))
  const fix = [c.remediation.text, c.remediation.cli && `CLI:\n${c.remediation.cli}`]
  return {
    id: c.id,
    name: pascal(c.id),
    shortDescription: { text: c.title },
    fullDescription: { text: c.rationale || c.title },
    help: {
      text: fix.filter(Boolean).join('\n\n') || c.title,
      markdown: `${c.remediation.text || c.title}${c.remediation.cli ? `\n\n\`\`\`sh\n${c.remediation.cli}\n\`\`\`` : ''}${compliance.length > 0 ? `\n\nEvidences: ${compliance.join(', ')}` : ''}`,
    },
    ...(urls[0] ? { helpUri: urls[0] } : {}),
    defaultConfiguration: { level: SARIF_LEVEL[c.severity] },
    properties: {
      duty: c.duty,
      service: c.service,
      resourceType: c.resourceType,
      severity: c.severity,
      precision: 'very-high',
      tags: ['security', 'cloud', `duty:${c.duty}`, `service:${c.service}`],
      'security-severity': SECURITY_SEVERITY[c.severity],
      references: [...c.references],
    },
  }
}

/** The notification descriptors. */
export function notificationDescriptors() {
  return NOTIFICATIONS.map((n) => ({
    id: n.id,
    shortDescription: { text: n.text },
    fullDescription: { text: n.text },
    help: { text: n.help, markdown: n.help },
  }))
}
