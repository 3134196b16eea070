/**
 * Credentials written into a URL setting (`auth_url: https://bob:pw@iam…/v3`, an endpoint
 * override): Sphere never sends them, and a URL is shown in every report, log line and error, so
 * they are removed from the setting before anything else sees it. Each such setting gives one
 * warning line naming where it came from; the removed password is kept only for redaction.
 * @module
 */
import { splitUserinfo } from '../model/url-userinfo.ts'
import type { Settings } from './clouds-settings.ts'
import { type ConfigIssue, issueAt } from './config-error.ts'

/** What {@link stripUrlCredentials} removed. */
export interface UrlCredentials {
  /** One per setting that held user info, naming its file and key (or variable). */
  issues: ConfigIssue[]
  /** The same as one line each: `file: path: message`. */
  warnings: string[]
  /** The removed passwords (every spelling), so they are redacted wherever they turn up. */
  secrets: string[]
}

const isUrlKey = (key: string) => key === 'auth_url' || key.endsWith('_endpoint_override')

/**
 * Removes user info from `auth_url` and every `*_endpoint_override` in `settings`, in place.
 * @example
 * const { warnings } = stripUrlCredentials(settings)
 * // ["/x/clouds.yaml: clouds.otc.auth.auth_url: holds a user name and password; …"]
 */
export function stripUrlCredentials(settings: Settings): UrlCredentials {
  const out: UrlCredentials = { issues: [], warnings: [], secrets: [] }
  for (const [key, setting] of settings) {
    if (!isUrlKey(key)) continue
    const split = splitUserinfo(setting.value)
    if (!split.stripped) continue
    settings.set(key, { ...setting, value: split.url })
    out.secrets.push(...split.secrets)
    const what = split.password !== undefined ? 'a user name and password' : 'user info'
    const move =
      key === 'auth_url'
        ? 'move the password into "password" (auth.password in clouds.yaml or secure.yaml, or OS_PASSWORD)'
        : 'put credentials into the auth settings'
    const issue = issueAt(
      setting.source,
      `the URL holds ${what}; Sphere does not send credentials in URLs and removed them: ${move}`,
    )
    out.issues.push(issue)
    out.warnings.push(`${issue.file}: ${issue.path ? `${issue.path}: ` : ''}${issue.message}`)
  }
  return out
}
