import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import {
  AuthCatalogResponse,
  AuthDomainsResponse,
  TokenRequest,
  TokenResponse,
} from './auth-schemas.ts'

// Abridged from the recorded eu-de response of otc-api.md §1.3.
const recorded = {
  token: {
    methods: ['password'],
    expires_at: '2019-05-24T15:11:11.815000Z',
    issued_at: '2019-05-23T15:11:11.815000Z',
    catalog: [
      {
        type: 'compute',
        name: 'nova',
        id: 'b7f2',
        endpoints: [
          {
            region_id: 'eu-de',
            region: 'eu-de',
            interface: 'public',
            id: 'e2ff',
            url: 'https://ecs.eu-de.otc.t-systems.com/v2/0391e4486e864c26be5654c522f440f2',
          },
        ],
      },
      {
        type: 'identity',
        name: 'keystone',
        id: '45a4',
        endpoints: [
          {
            region_id: '*',
            region: '*',
            interface: 'public',
            id: '2df9',
            url: 'https://iam.eu-de.otc.t-systems.com/v3',
          },
        ],
      },
    ],
    roles: [{ name: 'te_admin', id: '699b' }],
    project: {
      name: 'eu-de_profi9',
      id: '0391e4486e864c26be5654c522f440f2',
      domain: {
        xdomain_type: 'TSI',
        name: 'OTC00000000001000000317',
        id: 'f618',
        xdomain_id: '0000',
      },
    },
    user: {
      name: 'username',
      id: '9843',
      password_expires_at: '2019-06-05T12:42:20.000000',
      domain: { name: 'OTC00000000001000000317', id: 'f618' },
    },
  },
}

describe('auth wire schemas', () => {
  it('parse the recorded OTC token response', () => {
    const t = TokenResponse.parse(recorded).token
    assert.equal(t.project?.id, '0391e4486e864c26be5654c522f440f2')
    assert.equal(t.catalog?.[1]?.endpoints[0]?.region_id, '*')
  })
  it('parse a domain-scoped token without catalog', () => {
    const { project: _p, catalog: _c, ...rest } = recorded.token
    const t = TokenResponse.parse({ token: { ...rest, domain: { id: 'f618', name: 'OTC' } } }).token
    assert.equal(t.domain?.id, 'f618')
  })
  it('parse /v3/auth/catalog and /v3/auth/domains', () => {
    assert.equal(
      AuthCatalogResponse.parse({ catalog: recorded.token.catalog, links: { self: 'x' } }).catalog
        .length,
      2,
    )
    assert.equal(
      AuthDomainsResponse.parse({
        domains: [{ id: 'd', name: 'n', enabled: true }],
        links: { self: 'x' },
      }).domains[0]?.id,
      'd',
    )
  })
  it('accept a re-scoping request (methods token, token.id) and reject one without the id', () => {
    const rescope = (token: object) => ({
      auth: { identity: { methods: ['token'], token }, scope: { project: { id: 'p' } } },
    })
    assert.equal(TokenRequest.parse(rescope({ id: 'tok' })).auth.identity.token?.id, 'tok')
    assert.equal(TokenRequest.safeParse(rescope({})).success, false)
    assert.equal(TokenRequest.safeParse(rescope({ id: '' })).success, false)
  })
  it('reject a token request without methods', () => {
    assert.equal(TokenRequest.safeParse({ auth: { identity: { methods: [] } } }).success, false)
  })
})
