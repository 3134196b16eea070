/**
 * ELB lists, one function per registry operation: v3 (dedicated, `/v3/{project_id}/elb/…`),
 * v2.0 (`/v2.0/lbaas/…`: OTC shared load balancers, older Octavia) and v2 (`/v2/lbaas/…`:
 * Octavia). Which of them a cloud serves is decided in `families.ts`.
 * @module
 */
import { listItems } from '../_operation.ts'
import type { ServiceClient } from '../core/types.ts'
import { OPS } from '../operations.ts'

/** Page size and cancellation. */
export interface ListOpts {
  limit?: number
  signal?: AbortSignal
}

export const listLoadbalancersV3 = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListLoadbalancersV3'], o)
export const listListenersV3 = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListListenersV3'], o)
export const listL7PoliciesV3 = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListL7PoliciesV3'], o)
export const listCertificatesV3 = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListCertificatesV3'], o)
export const listSecurityPolicies = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListSecurityPolicies'], o)
export const listSystemSecurityPolicies = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListSystemSecurityPolicies'], o)

export const listLoadbalancersV20 = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListLoadbalancersV20'], o)
export const listListenersV20 = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListListenersV20'], o)
export const listL7PoliciesV20 = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListL7PoliciesV20'], o)
export const listCertificatesV20 = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListCertificatesV20'], o)

export const listLoadbalancersV2 = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListLoadbalancersV2'], o)
export const listListenersV2 = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListListenersV2'], o)
export const listL7PoliciesV2 = (c: ServiceClient, o: ListOpts = {}) =>
  listItems(c, OPS['elb.ListL7PoliciesV2'], o)
