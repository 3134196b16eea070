/**
 * What the session needs from an authentication method: who we are (project, domain, catalog)
 * and the headers that authenticate a request. Keystone tokens and AK/SK signing implement it.
 * @module
 */
import type { RequestAuth } from '../core/service-client.ts'
import type { CatalogEntryWire } from '../identity/auth-schemas.ts'

/** The caller's project, domain and service catalog. */
export interface AuthContext {
  projectId: string
  projectName?: string
  domainId: string
  domainName?: string
  userId?: string
  catalog: readonly CatalogEntryWire[]
}

/** An authentication method. */
export interface Authenticator extends RequestAuth {
  readonly method: 'password' | 'application_credential' | 'aksk'
  /** Authenticates if needed and returns project, domain and catalog. */
  context(): Promise<AuthContext>
}

/** Remembers a promise while it is pending or fulfilled; a rejection is forgotten (retry later). */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let p: Promise<T> | undefined
  return () => {
    if (!p) {
      p = make()
      p.catch(() => {
        p = undefined
      })
    }
    return p
  }
}
