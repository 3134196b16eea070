/**
 * The TLS versions of OTC ELB's system security policies as the docs list them
 * (otc-api-platform.md §3.4: the listener reference's value list, the system-policy list's
 * sample, the user guide's tables 1 and 2). Sphere asks `system-security-policies` first; this
 * table answers where that API is not served (the Swiss eu-ch2 reference has none) and for
 * shared load balancers, whose v2 API has no policy list.
 * @module
 */

/** Protocol names as the policy APIs write them. */
export type TlsVersion = 'TLSv1' | 'TLSv1.1' | 'TLSv1.2' | 'TLSv1.3' | (string & {})

/** Documented system policies → the TLS versions they admit. */
export const DOCUMENTED_TLS_POLICIES: Readonly<Record<string, readonly TlsVersion[]>> = {
  'tls-1-0': ['TLSv1.2', 'TLSv1.1', 'TLSv1'],
  'tls-1-0-inherit': ['TLSv1.2', 'TLSv1.1', 'TLSv1'],
  'tls-1-1': ['TLSv1.2', 'TLSv1.1'],
  'tls-1-2': ['TLSv1.2'],
  'tls-1-2-strict': ['TLSv1.2'],
  // The UMN's "differences" table marks TLS 1.3; its Table 1 and the API sample say 1.2 only.
  'tls-1-2-fs': ['TLSv1.2'],
  'tls-1-0-with-1-3': ['TLSv1.3', 'TLSv1.2', 'TLSv1.1', 'TLSv1'],
  'tls-1-2-fs-with-1-3': ['TLSv1.3', 'TLSv1.2'],
  'hybrid-policy-1-0': ['TLSv1.2', 'TLSv1.1'],
  'tls-1-2-strict-no-cbc': ['TLSv1.2'],
}

/** The policy a listener without `tls_ciphers_policy` gets (§3.3: "Default policy: tls-1-0"). */
export const DEFAULT_TLS_POLICY = 'tls-1-0'

/** Splits a system policy's space-separated `protocols` (`TLSv1.2 TLSv1.1`). */
export function splitProtocols(protocols: string): TlsVersion[] {
  return protocols.split(/[\s,]+/).filter((p) => p !== '')
}
