/**
 * Wire shapes of Keystone v3 authentication as OTC IAM serves it: the token request and response,
 * the service catalog, and the calls AK/SK authentication makes instead of issuing a token
 * (`GET /v3/auth/catalog`, `GET /v3/auth/domains`, `GET /v3/projects?name=`). Shared by the client
 * and the emulator.
 * @module
 */
import { z } from 'zod'
import type { ServiceClient } from '../core/types.ts'
import { ListProjectsResponse } from './schemas.ts'

/** `{id}` or `{name}` of a domain. */
export const DomainRefWire = z.object({ id: z.string().optional(), name: z.string().optional() })
export type DomainRefWire = z.output<typeof DomainRefWire>

/** The `auth` object of POST /v3/auth/tokens (IAM "Obtaining a User Token Through Password Authentication"). */
export const TokenRequest = z.object({
  auth: z.object({
    identity: z.object({
      methods: z.array(z.string()).min(1),
      password: z
        .object({
          user: z.object({
            id: z.string().optional(),
            name: z.string().optional(),
            password: z.string(),
            domain: DomainRefWire.optional(),
          }),
        })
        .optional(),
      /** `methods: ["token"]`: re-scope an existing token (Keystone; otc-api-platform.md §9.4). */
      token: z.object({ id: z.string().min(1) }).optional(),
      application_credential: z
        .object({
          id: z.string().optional(),
          name: z.string().optional(),
          secret: z.string(),
          user: z
            .object({
              id: z.string().optional(),
              name: z.string().optional(),
              domain: DomainRefWire.optional(),
            })
            .optional(),
        })
        .optional(),
    }),
    /** Project scope wins over domain scope; absent → unscoped token. */
    scope: z
      .object({
        project: z
          .object({
            id: z.string().optional(),
            name: z.string().optional(),
            domain: DomainRefWire.optional(),
          })
          .optional(),
        domain: DomainRefWire.optional(),
      })
      .optional(),
  }),
})
export type TokenRequest = z.output<typeof TokenRequest>

/** One endpoint of a catalog entry. `region_id` is `*` for global services on OTC. */
export const CatalogEndpointWire = z.object({
  id: z.string().optional(),
  interface: z.string(),
  region: z.string().nullish(),
  region_id: z.string().nullish(),
  url: z.string(),
})
export type CatalogEndpointWire = z.output<typeof CatalogEndpointWire>

/** One service of the catalog (`type` is what clients look up: `compute`, `volumev3`, `rdsv3`). */
export const CatalogEntryWire = z.object({
  type: z.string(),
  name: z.string().optional(),
  id: z.string().optional(),
  endpoints: z.array(CatalogEndpointWire),
})
export type CatalogEntryWire = z.output<typeof CatalogEntryWire>

const NamedDomainWire = z.object({ id: z.string(), name: z.string().optional() })

/** Response body of POST /v3/auth/tokens (201; the token itself is the `X-Subject-Token` header). */
export const TokenResponse = z.object({
  token: z.object({
    methods: z.array(z.string()).optional(),
    /** ISO 8601, e.g. `2019-05-24T15:11:11.815000Z`. */
    expires_at: z.string(),
    issued_at: z.string().optional(),
    /** Absent with `?nocatalog`. */
    catalog: z.array(CatalogEntryWire).optional(),
    /** Present on project-scoped tokens. */
    project: z
      .object({ id: z.string(), name: z.string().optional(), domain: NamedDomainWire })
      .optional(),
    /** Present on domain-scoped tokens instead of `project`. */
    domain: NamedDomainWire.optional(),
    user: z.object({ id: z.string(), name: z.string().optional(), domain: NamedDomainWire }),
    roles: z.array(z.object({ id: z.string(), name: z.string() })).optional(),
  }),
})
export type TokenResponse = z.output<typeof TokenResponse>

/** GET /v3/auth/catalog (IAM "Querying the Service Catalog"): the catalog without a token body. */
export const AuthCatalogResponse = z.object({
  catalog: z.array(CatalogEntryWire),
  links: z.object({ self: z.string() }).partial().optional(),
})
export type AuthCatalogResponse = z.output<typeof AuthCatalogResponse>

/** GET /v3/auth/domains: the domains the caller may access (one on OTC: the account). */
export const AuthDomainsResponse = z.object({
  domains: z.array(z.object({ id: z.string(), name: z.string(), enabled: z.boolean().optional() })),
  links: z.object({ self: z.string() }).partial().optional(),
})
export type AuthDomainsResponse = z.output<typeof AuthDomainsResponse>

// GET /v3/auth/catalog (catalog of the project named by X-Project-Id under AK/SK)
/** The service catalog for the caller's project. */
export async function getAuthCatalog(c: ServiceClient): Promise<CatalogEntryWire[]> {
  const res = await c.request(
    { op: 'GetAuthCatalog', path: '/v3/auth/catalog' },
    AuthCatalogResponse,
  )
  return res.body.catalog
}

// GET /v3/auth/domains
/** The domains (accounts) the caller may access. */
export async function listAuthDomains(c: ServiceClient): Promise<AuthDomainsResponse['domains']> {
  const res = await c.request(
    { op: 'ListAuthDomains', path: '/v3/auth/domains', scope: 'domain' },
    AuthDomainsResponse,
  )
  return res.body.domains
}

// GET /v3/projects?name=<name>[&domain_id=<id>]
/** Projects with this exact name (OTC: the region's main project is named after the region). */
export async function findProjectsByName(
  c: ServiceClient,
  name: string,
  domainId?: string,
): Promise<ListProjectsResponse['projects']> {
  const res = await c.request(
    {
      op: 'ListProjects',
      path: '/v3/projects',
      query: { name, domain_id: domainId },
      scope: 'domain',
    },
    ListProjectsResponse,
  )
  return res.body.projects
}
