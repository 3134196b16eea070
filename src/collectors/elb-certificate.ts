/**
 * Certificates kept by OTC ELB: v3 (`expire_time` ISO) and the shared load balancers' v2.0
 * (`YYYY-MM-DD HH:MM:SS`, UTC). Octavia keeps its certificates in Barbican, which Sphere does
 * not read: where no certificate API is served, the type is unavailable. The private keys the
 * lists return are dropped by the schemas before anything here sees them.
 * @module
 */

import { CATALOG_TYPES } from '../clients/core/catalog.ts'
import { ServiceUnavailableError } from '../clients/core/errors.ts'
import type { LbaasCertificateWire } from '../clients/elb/lbaas-schemas.ts'
import { listCertificatesV3, listCertificatesV20 } from '../clients/elb/lists.ts'
import type { CertificateV3Wire } from '../clients/elb/schemas.ts'
import type { ElbApi, ElbCertificate } from '../inventory/types.ts'
import { type CollectorOutput, defineCollector, type MapContext } from './_collector.ts'
import { familyIssues, itemsOf, mergeById, readElb, servedVersions } from './_elb.ts'
import { isoTime, nameOr, text } from './_map.ts'

/** Why certificates are not evaluable where neither certificate API answers. */
export const NO_CERTIFICATE_API =
  'this load-balancer endpoint serves no certificate API (ELB v3 /elb/certificates, v2.0 /lbaas/certificates); Octavia keeps certificates in Barbican, which Sphere does not read'

/** Maps a certificate of either API. */
export function toElbCertificate(
  w: CertificateV3Wire | LbaasCertificateWire,
  api: ElbApi,
  ctx: MapContext,
): ElbCertificate {
  return {
    type: 'elb.certificate',
    id: w.id,
    name: nameOr(w.name, w.id),
    region: ctx.region,
    projectId: ctx.projectId,
    api,
    certType: text(w.type),
    domain: text(w.domain),
    expiresAt: isoTime(w.expire_time),
  }
}

/** Collects `elb.certificate`. */
export const elbCertificateCollector = defineCollector({
  type: 'elb.certificate',
  service: 'elb',
  services: ['elb'],
  async collect(ctx): Promise<CollectorOutput<'elb.certificate'>> {
    const c = await ctx.client('elb')
    const r = await readElb(c, { v3: listCertificatesV3, 'v2.0': listCertificatesV20 }, ctx.signal)
    if (r.v3.status === 'absent' && r.lbaas.status === 'absent')
      throw new ServiceUnavailableError(
        'elb',
        CATALOG_TYPES.elb,
        ctx.region,
        [],
        c.endpoint,
        NO_CERTIFICATE_API,
      )
    const apiVersion = servedVersions(r)
    return {
      resources: mergeById(
        itemsOf(r.v3).map((w) => toElbCertificate(w, 'dedicated', ctx)),
        itemsOf(r.lbaas).map((w) => toElbCertificate(w, 'shared', ctx)),
      ),
      issues: familyIssues(r, 'certificates', ctx.issue),
      ...(apiVersion ? { apiVersion } : {}),
    }
  },
})
