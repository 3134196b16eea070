/**
 * AK/SK authentication: every request is signed (`SDK-HMAC-SHA256`, see `core/signer.ts`) instead
 * of carrying a token. Who we are is looked up the way gophertelekomcloud does it: the domain via
 * `GET /v3/auth/domains`, the project via `GET /v3/projects?name=`, the catalog via
 * `GET /v3/auth/catalog` (scoped by `X-Project-Id`).
 * @module
 */
import type { AkskAuth, CloudConfig } from '../../config/cloud-config.ts'
import { CloudApiError } from '../core/errors.ts'
import { signRequest } from '../core/signer.ts'
import type { ServiceClient } from '../core/types.ts'
import { findProjectsByName, getAuthCatalog, listAuthDomains } from '../identity/auth-schemas.ts'
import { type AuthContext, type Authenticator, once } from './authenticator.ts'

/** What AK/SK authentication needs from the session. */
export interface AkskDeps {
  /** The identity endpoint, with requests signed by this authenticator. */
  identity: () => ServiceClient
  now: () => number
}

function notFound(config: CloudConfig, summary: string, hint: string): CloudApiError {
  return new CloudApiError({
    service: 'identity',
    op: 'ResolveProject',
    method: 'GET',
    url: config.authUrl,
    kind: 'auth',
    summary,
    hint,
  })
}

/** AK/SK authentication for a configuration with `auth.type === 'aksk'`. */
export function createAkskAuth(
  config: CloudConfig & { auth: AkskAuth },
  deps: AkskDeps,
): Authenticator {
  const { ak, sk, securityToken } = config.auth
  const ids = { projectId: '', domainId: '' }

  const context = once(async (): Promise<AuthContext> => {
    const want = config.auth.domain
    let domainName = want.name
    if (want.id) ids.domainId = want.id
    else {
      const domains = await listAuthDomains(deps.identity())
      const d = want.name ? domains.find((x) => x.name === want.name) : domains[0]
      if (!d)
        throw notFound(
          config,
          want.name
            ? `domain "${want.name}" is not accessible with this AK/SK`
            : 'no domain is accessible with this AK/SK',
          `domains visible: ${domains.map((x) => x.name).join(', ') || '(none)'}`,
        )
      ids.domainId = d.id
      domainName = d.name
    }
    let projectName = config.project.name
    if (config.project.id) ids.projectId = config.project.id
    else {
      const name = config.project.name ?? ''
      const found = await findProjectsByName(deps.identity(), name, ids.domainId)
      if (found.length !== 1 || !found[0])
        throw notFound(
          config,
          found.length === 0
            ? `project "${name}" not found in domain ${ids.domainId}`
            : `project name "${name}" is ambiguous`,
          'check project_name (on OTC the main project is named after the region, e.g. eu-de), or set project_id',
        )
      ids.projectId = found[0].id
      projectName = found[0].name
    }
    const catalog = await getAuthCatalog(deps.identity())
    return { projectId: ids.projectId, projectName, domainId: ids.domainId, domainName, catalog }
  })

  return {
    method: 'aksk',
    context,
    async headers(req) {
      const signed = signRequest(req, { ak, sk, now: deps.now() })
      // Added after signing, as the OTC SDKs do: scope hints, not part of the signature.
      const extra: Record<string, string> = {}
      if (req.scope === 'project' && ids.projectId) extra['X-Project-Id'] = ids.projectId
      if (req.scope === 'domain' && ids.domainId) extra['X-Domain-Id'] = ids.domainId
      if (securityToken) extra['X-Security-Token'] = securityToken
      return { ...signed, ...extra }
    },
    // A rejected signature stays rejected: nothing to renew.
    renew: () => false,
  }
}
